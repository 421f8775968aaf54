// The columns each record list shows: the record's name first, then what a planner scans for.
import { FORCE_CHOICES, PRACTICE_ORIGINS, labelOf } from '../../../shared/domain/vocabularies.ts';
import { RECORD_TYPES, recordTypesInSection, type RecordTypeName, type SectionId } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { Column } from '../components/RecordList.tsx';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';
import { titleOf } from './record-titles.ts';

type Lookup = (type: RecordTypeName, id: unknown) => string;

function vocab(type: RecordTypeName, field: string) {
  return RECORD_TYPES[type].fields.find((f) => f.name === field)?.vocabulary ?? [];
}

export function columnsFor(type: RecordTypeName, lookup: Lookup, counts: { objectivesOf: (aimId: string) => number }): Column[] {
  const title: Column = { key: 'title', label: RECORD_TYPES[type].fields.find((f) => f.name === RECORD_TYPES[type].titleField)?.label ?? 'Name', value: (r) => titleOf(type, r), width: '2fr' };
  const enumColumn = (field: string, label: string): Column => ({ key: field, label, value: (r) => labelOf(vocab(type, field), r[field] as string | null) });
  const names = (field: string, target: RecordTypeName, label: string): Column => ({ key: field, label, value: (r) => ((r[field] as string[] | undefined) ?? []).map((id) => lookup(target, id)).join(', ') });
  const text = (field: string, label: string): Column => ({ key: field, label, value: (r) => String(r[field] ?? '') });
  const date = (field: string, label: string): Column => ({ key: field, label, value: (r) => formatUkDate(r[field] as string | null), sortValue: (r) => String(r[field] ?? ''), width: '9rem' });
  switch (type) {
    case 'aim':
      return [title, { key: 'objectives', label: 'Objectives', value: (r: RecordValues) => String(counts.objectivesOf(r.id)), width: '8rem' }];
    case 'objective':
      return [title, { key: 'aim', label: 'Aim', value: (r) => lookup('aim', r.aimId) }, text('measure', 'Measure'), date('targetDate', 'By when')];
    case 'goodStatement':
      return [title];
    case 'area':
      return [title, { ...text('onsCode', 'ONS code'), width: '8rem' }, { key: 'parent', label: 'Part of', value: (r) => lookup('area', r.parentId) }, { key: 'lsoas', label: 'LSOAs', value: (r) => String(((r.lsoaCodes as string[] | undefined) ?? []).length), width: '5rem' }];
    case 'audience':
      return [title, enumColumn('kind', 'Kind'), enumColumn('engagementState', 'Engagement'), { ...enumColumn('priority', 'Priority'), width: '6rem' }, names('areaIds', 'area', 'Areas')];
    case 'asset':
      return [title, { ...enumColumn('kind', 'Kind'), width: '7rem' }, enumColumn('relationship', 'Relationship'), date('lastContact', 'Last contact')];
    case 'vulnerability':
      return [title, { ...enumColumn('kind', 'Kind'), width: '7rem' }, { ...enumColumn('priority', 'Priority'), width: '6rem' }, { key: 'barriers', label: 'Barriers', value: (r) => ((r.barriers as string[] | undefined) ?? []).map((b) => labelOf(vocab('vulnerability', 'barriers'), b)).join(', ') }];
    case 'place':
      return [title, enumColumn('kind', 'Kind'), { key: 'area', label: 'Area', value: (r) => lookup('area', r.areaId) }];
    case 'channel':
      return [title, enumColumn('kind', 'Kind'), { ...enumColumn('status', 'Status'), width: '9rem' }, { key: 'reach', label: 'Reach', value: (r) => (typeof r.reach === 'number' ? r.reach.toLocaleString('en-GB') : ''), width: '7rem' }];
    case 'partner':
      return [title, enumColumn('sector', 'Sector'), enumColumn('relationship', 'Relationship'), { ...text('lastContact', 'Last contact'), width: '8rem' }];
    case 'communityEvent':
      return [title, { ...enumColumn('recurrence', 'How often'), width: '7rem' }, { ...text('nextDate', 'Next date'), width: '8rem' }, { ...enumColumn('status', 'Status'), width: '8rem' }];
    case 'message':
      return [
        title,
        { key: 'welsh', label: 'Welsh', value: (r) => (String(r.textWelsh ?? '').trim() ? 'Yes' : ''), width: '5rem' },
        { ...enumColumn('status', 'Status'), width: '7rem' },
        { key: 'check', label: 'Six-point check', value: (r) => `${Object.values((r.qualityCheck ?? {}) as Record<string, { pass?: unknown }>).filter((c) => c.pass === true).length} of 6 passed`, width: '9rem' },
        names('audienceIds', 'audience', 'Audiences'),
      ];
    case 'priority':
      return [title, { key: 'area', label: 'Where', value: (r) => lookup('area', r.areaId) }, date('raisedOn', 'Raised'), { ...enumColumn('status', 'Status'), width: '7rem' }];
    case 'activity':
      return [
        title,
        { ...enumColumn('recurrence', 'How often'), width: '7rem' },
        date('startDate', 'Starts'),
        { ...enumColumn('status', 'Status'), width: '7rem' },
        { key: 'flagship', label: 'Flagship', value: (r) => (r.flagship === true ? 'Flagship' : ''), width: '6rem' },
      ];
    case 'practice':
      return [
        title,
        { key: 'origin', label: 'From', value: (r) => (r.origin === 'other-force' && r.originForce ? labelOf(FORCE_CHOICES, r.originForce as string) : r.origin === 'partner' && r.originPartnerId ? lookup('partner', r.originPartnerId) : labelOf(PRACTICE_ORIGINS, r.origin as string | null)) },
        { ...enumColumn('evidenceStrength', 'Evidence'), width: '8rem' },
        { ...enumColumn('verdict', 'Verdict'), width: '6rem' },
      ];
    case 'hallmarkRating':
      return [{ ...enumColumn('hallmark', 'Hallmark'), width: '2fr' }, { ...text('rating', 'Rating'), width: '6rem' }, text('evidence', 'Evidence')];
    case 'reviewEntry':
      return [date('reviewedOn', 'Reviewed on'), title, text('decisions', 'What was decided')];
  }
}

export interface SectionColumns {
  /** Every column, for a list with the whole width. */
  all: Column[];
  /** The name and one more, for a list beside an open form. */
  beside: Column[];
}

/**
 * Widths that give way on a narrow screen (200 % zoom): the naming column, which holds the link that
 * opens the record, keeps at least 40 % of the row (or 14rem), the other flexible ones a little, and
 * the fixed-width columns shrink from their width, sharing what is left, instead of crushing the name
 * to "Mont…".
 * With room to spare every column is as wide as before.
 */
export function narrowable(columns: Column[]): Column[] {
  return columns.map((column, index) => {
    const width = column.width ?? '1fr';
    if (index === 0 && width.endsWith('fr')) return { ...column, width: `minmax(min(14rem, 40%), ${width})` };
    if (width.endsWith('rem')) return { ...column, width: `minmax(0, ${width})` };
    // A column that takes what is left keeps a little of its own, so it never vanishes.
    if (width.endsWith('fr')) return { ...column, width: `minmax(min(5rem, 12%), ${width})` };
    return column;
  });
}

/** The columns of each list in a section, both ways, made once so a list's columns stay the same array while its records do. */
export function columnsByType(section: SectionId, lookup: Lookup, objectiveCounts: ReadonlyMap<string, number>): Map<RecordTypeName, SectionColumns> {
  const counts = { objectivesOf: (aimId: string) => objectiveCounts.get(aimId) ?? 0 };
  return new Map(
    recordTypesInSection(section).map((def) => {
      const all = narrowable(columnsFor(def.type, lookup, counts));
      return [def.type, { all, beside: all.slice(0, 2) }];
    }),
  );
}
