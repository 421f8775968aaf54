// The gaps the workbook points out: what is missing or stale, each tied to the record concerned.
// Rules are listed in one place so the UI, `ewb gaps` and the exports agree.
import { RECORD_TYPES, RECORD_TYPE_NAMES, SECTION_IDS, type RecordTypeName, type SectionId } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues, SectionState } from '../../../shared/api/records.ts';
import type { ReadDb } from '../db/open-database.ts';
import { countRecordsOf, listRecords, titleOf } from '../records/record-store.ts';
import { whoIsMissingGaps } from '../evidence/who-is-missing.ts';

export const GAP_RULES = {
  'objective-no-measure': 'An objective has no measure',
  'objective-no-date': 'An objective has no date to be met by',
  'audience-no-evidence': 'An audience has no evidence recorded with its source',
  'vulnerability-no-response': 'A vulnerability has no planned response',
  'area-no-asset': 'An area has no asset',
  'not-reviewed': 'A record has not been reviewed for over 12 months',
  'who-is-missing': 'A census group makes up a notable share of an area but no audience covering it is linked to it',
} as const;
export type GapRule = keyof typeof GAP_RULES;

/** The date twelve months before `today`, as YYYY-MM-DD. */
export function reviewCutoff(today: Date): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

function gap(section: SectionId, rule: GapRule, type: RecordTypeName, record: RecordValues, message: string): Gap {
  return { section, rule, recordType: type, recordId: record.id, message };
}

function quoted(type: RecordTypeName, record: RecordValues): string {
  return `${RECORD_TYPES[type].label} “${titleOf(record, type)}”`;
}

export function computeGaps(db: ReadDb, today: Date): Gap[] {
  const gaps: Gap[] = [];
  const records = Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, listRecords(db, type)])) as Record<RecordTypeName, RecordValues[]>;

  for (const objective of records.objective) {
    if (!String(objective.measure ?? '').trim()) gaps.push(gap('aims', 'objective-no-measure', 'objective', objective, `${quoted('objective', objective)} has no measure: say how you will know it has been met.`));
    if (!objective.targetDate) gaps.push(gap('aims', 'objective-no-date', 'objective', objective, `${quoted('objective', objective)} has no date: say by when it should be met.`));
  }
  const withCensusEvidence = new Set(db.prepare('SELECT DISTINCT audience_id FROM evidence_link').pluck().all() as string[]);
  for (const audience of records.audience) {
    const noted = String(audience.evidenceNote ?? '').trim() && String(audience.evidenceSource ?? '').trim();
    if (!noted && !withCensusEvidence.has(audience.id)) {
      gaps.push(gap('audiences', 'audience-no-evidence', 'audience', audience, `${quoted('audience', audience)} has no evidence: link it to a census figure, or note what backs up who they are and how many, with its source.`));
    }
  }
  for (const vulnerability of records.vulnerability) {
    if (!String(vulnerability.responseNote ?? '').trim()) {
      gaps.push(gap('vulnerabilities', 'vulnerability-no-response', 'vulnerability', vulnerability, `${quoted('vulnerability', vulnerability)} has no planned response: say what you will do about it.`));
    }
  }
  const areasWithAssets = new Set(records.asset.flatMap((asset) => (asset.areaIds as string[] | undefined) ?? []));
  for (const area of records.area) {
    if (!areasWithAssets.has(area.id)) gaps.push(gap('areas', 'area-no-asset', 'area', area, `${quoted('area', area)} has no asset: no supportive person, group or gathering place is recorded there.`));
  }
  gaps.push(...whoIsMissingGaps(db));
  const cutoff = reviewCutoff(today);
  for (const type of RECORD_TYPE_NAMES) {
    for (const record of records[type]) {
      const last = record.reviewedAt ?? record.createdAt.slice(0, 10);
      if (last < cutoff) {
        const when = record.reviewedAt ? `since ${record.reviewedAt}` : `since it was added on ${record.createdAt.slice(0, 10)}`;
        gaps.push(gap(RECORD_TYPES[type].section, 'not-reviewed', type, record, `${quoted(type, record)} has not been reviewed ${when}.`));
      }
    }
  }
  return gaps;
}

export function readCompletions(db: ReadDb): Map<string, string | null> {
  const rows = db.prepare('SELECT section, completed_at FROM section_state').all() as Array<{ section: string; completed_at: string | null }>;
  return new Map(rows.map((row) => [row.section, row.completed_at]));
}

export function sectionStates(db: ReadDb, gaps: readonly Gap[]): SectionState[] {
  const completions = readCompletions(db);
  return SECTION_IDS.map((section) => {
    const records =
      section === 'census'
        ? (db.prepare('SELECT count(*) FROM census_table').pluck().get() as number)
        : RECORD_TYPE_NAMES.filter((type) => RECORD_TYPES[type].section === section).reduce((sum, type) => sum + countRecordsOf(db, type), 0);
    const completedAt = completions.get(section) ?? null;
    const status = completedAt ? 'Completed' : records > 0 ? 'In progress' : 'Not started';
    return { section, status, records, gaps: gaps.filter((g) => g.section === section).length, completedAt };
  });
}
