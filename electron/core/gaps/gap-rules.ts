// The gaps the workbook points out, as rules: record rules look at one record at a time (so an edit
// re-checks only that record), workbook rules look across records and say which kinds of change
// can alter their answer. Rules that an empty field raises come from the descriptors
// (`gapWhenEmpty`), so a new record type brings its own. The UI, `ewb gaps` and the exports agree.
import { createHash } from 'node:crypto';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues } from '../../../shared/api/records.ts';
import type { ReadDb } from '../db/open-database.ts';
import type { ChangeKind } from '../changes/change-kinds.ts';
import { titleOf } from '../records/record-store.ts';
import { whoIsMissingGaps } from '../evidence/who-is-missing.ts';
import { PRIORITY_AUDIENCE_LEVELS, isPriorityAudience } from '../../../shared/domain/vocabularies.ts';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';
import { REVIEW_RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { WHAT_RECORD_RULES, WHAT_WORKBOOK_RULES, vulnerabilityNoResponse } from './what-gap-rules.ts';
import { messageNearDuplicate } from './near-duplicate-gaps.ts';

/** A gap before it is given its key. */
export type GapDraft = Omit<Gap, 'key'>;

export interface GapEnv {
  /** Twelve months before today, as YYYY-MM-DD: records last reviewed before it are stale. */
  reviewCutoff: string;
  /** Whether the audience cites a census figure or a crime trend. */
  hasCitedEvidence(audienceId: string): boolean;
  /** Whether some channel is marked yes for the audience in the receptivity grid. */
  hasYesChannel(audienceId: string): boolean;
}

export interface RecordRule {
  rule: string;
  title: string;
  types: readonly RecordTypeName[];
  check(type: RecordTypeName, record: RecordValues, env: GapEnv): GapDraft | null;
}

export interface WorkbookRule {
  rule: string;
  title: string;
  /** The changes that can alter this rule's gaps: a kind, and (optionally) only some of its fields. */
  dependsOn: ReadonlyArray<{ kind: ChangeKind; fields?: readonly string[] }>;
  compute(db: ReadDb): GapDraft[];
}

/**
 * A gap's identity across answers: its rule, its record and a digest of its message (one record can
 * have several gaps of one rule, e.g. several groups missing in one area). The digest keeps the key
 * short: with tens of thousands of gaps, repeating each message in its key doubled the first answer.
 */
export function gapKey(gap: GapDraft): string {
  const digest = createHash('sha1').update(gap.message).digest('base64url').slice(0, 12);
  return `${gap.rule}|${gap.recordType ?? ''}|${gap.recordId ?? ''}|${digest}`;
}

export function keyed(gap: GapDraft): Gap {
  return { key: gapKey(gap), ...gap };
}

/** "Objective “Raise confidence”": how a gap's message names its record. */
export function quoted(type: RecordTypeName, record: Record<string, unknown>): string {
  return `${RECORD_TYPES[type].label} “${titleOf(record, type)}”`;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function recordGap(type: RecordTypeName, record: RecordValues, rule: string, message: string): GapDraft {
  return { section: RECORD_TYPES[type].section, rule, recordType: type, recordId: record.id, message };
}

/** The date twelve months before `today`, as YYYY-MM-DD. */
export function reviewCutoff(today: Date): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

/** One rule per descriptor field that is expected to be filled in. */
function emptyFieldRules(): RecordRule[] {
  return RECORD_TYPE_NAMES.flatMap((type) =>
    RECORD_TYPES[type].fields.flatMap((field) => {
      const gap = field.gapWhenEmpty;
      if (!gap) return [];
      return [{ rule: gap.rule, title: gap.title, types: [type], check: (t: RecordTypeName, record: RecordValues) => (isEmpty(record[field.name]) ? recordGap(t, record, gap.rule, `${quoted(t, record)} ${gap.says}`) : null) }];
    }),
  );
}

const audienceNoEvidence: RecordRule = {
  rule: 'audience-no-evidence',
  title: 'An audience has no evidence recorded with its source',
  types: ['audience'],
  check(type, audience, env) {
    const noted = String(audience.evidenceNote ?? '').trim() && String(audience.evidenceSource ?? '').trim();
    if (noted || env.hasCitedEvidence(audience.id)) return null;
    return recordGap(type, audience, 'audience-no-evidence', `${quoted(type, audience)} has no evidence: link it to a census figure or a crime trend, or note what backs up who they are and how many, with its source.`);
  },
};

const audienceNoChannel: RecordRule = {
  rule: 'audience-no-channel',
  title: 'A priority audience has no channel marked yes',
  types: ['audience'],
  check(type, audience, env) {
    if (!isPriorityAudience(audience.priority) || env.hasYesChannel(audience.id)) return null;
    return {
      section: 'receptivity',
      rule: 'audience-no-channel',
      recordType: type,
      recordId: audience.id,
      message: `${quoted(type, audience)} is a priority audience but no channel is marked yes for it: say in the grid which channels reach them, or plan one that will.`,
    };
  },
};

const notReviewed: RecordRule = {
  rule: 'not-reviewed',
  title: 'A record has not been reviewed for over 12 months',
  // The self-assessment and the review log are what a review writes, not what it looks at.
  types: RECORD_TYPE_NAMES.filter((type) => !REVIEW_RECORD_TYPES.includes(type)),
  check(type, record, env) {
    const last = record.reviewedAt ?? record.createdAt.slice(0, 10);
    if (last >= env.reviewCutoff) return null;
    const when = record.reviewedAt ? `since ${formatUkDate(record.reviewedAt)}` : `since it was added on ${formatUkDate(record.createdAt.slice(0, 10))}`;
    return recordGap(type, record, 'not-reviewed', `${quoted(type, record)} has not been reviewed ${when}.`);
  },
};

const areaNoAsset: WorkbookRule = {
  rule: 'area-no-asset',
  title: 'An area has no asset',
  dependsOn: [{ kind: 'area', fields: ['name'] }, { kind: 'asset', fields: ['areaIds'] }],
  compute(db) {
    const areas = db.prepare('SELECT id, name FROM area a WHERE NOT EXISTS (SELECT 1 FROM asset_area l WHERE l.target_id = a.id) ORDER BY created_at, id').all() as Array<{ id: string; name: string }>;
    return areas.map((area) => ({ section: 'areas', rule: 'area-no-asset', recordType: 'area', recordId: area.id, message: `${quoted('area', area)} has no asset: no supportive person, group or gathering place is recorded there.` }));
  },
};

const PRIORITY_LIST = PRIORITY_AUDIENCE_LEVELS.map(() => '?').join(', ');

const audienceNoPartner: WorkbookRule = {
  rule: 'audience-no-partner',
  title: 'A priority audience is reached by no partner or asset',
  dependsOn: [{ kind: 'audience', fields: ['name', 'priority'] }, { kind: 'partner', fields: ['audienceIds'] }, { kind: 'asset', fields: ['audienceIds'] }],
  compute(db) {
    const audiences = db
      .prepare(
        `SELECT id, name FROM audience a WHERE priority IN (${PRIORITY_LIST})
           AND NOT EXISTS (SELECT 1 FROM partner_audience p WHERE p.target_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM asset_audience s WHERE s.target_id = a.id)
         ORDER BY created_at, id`,
      )
      .all(...PRIORITY_AUDIENCE_LEVELS) as Array<{ id: string; name: string }>;
    return audiences.map((audience) => ({ section: 'partners', rule: 'audience-no-partner', recordType: 'audience', recordId: audience.id, message: `${quoted('audience', audience)} is a priority audience that no partner or asset reaches: record who could help you reach them.` }));
  },
};

const whoIsMissing: WorkbookRule = {
  rule: 'who-is-missing',
  title: 'A census group makes up a notable share of an area but no audience covering it is linked to it',
  dependsOn: [{ kind: 'censusTable' }, { kind: 'evidenceLink' }, { kind: 'setting' }, { kind: 'area', fields: ['name', 'lsoaCodes', 'parentId', 'onsCode', 'onsLevel'] }, { kind: 'audience', fields: ['areaIds'] }],
  compute: (db) => whoIsMissingGaps(db),
};

export const RECORD_RULES: readonly RecordRule[] = [...emptyFieldRules(), audienceNoEvidence, audienceNoChannel, ...WHAT_RECORD_RULES, notReviewed];
export const WORKBOOK_RULES: readonly WorkbookRule[] = [areaNoAsset, vulnerabilityNoResponse, whoIsMissing, audienceNoPartner, ...WHAT_WORKBOOK_RULES, messageNearDuplicate];

/** Every rule, in the order gaps are listed, with what it means in words. */
export const GAP_RULES: Readonly<Record<string, string>> = Object.fromEntries([...RECORD_RULES, ...WORKBOOK_RULES].map((rule) => [rule.rule, rule.title]));
