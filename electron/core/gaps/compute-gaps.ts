// Every gap in a workbook, computed from scratch (for `ewb gaps`, the exports and the first look at
// an open workbook; edits then keep the list up to date in workbook-derived.ts), and the sections'
// states: how many records each holds, its open gaps and whether it was marked completed.
import { METHOD_SECTIONS, recordTypeNamesInSection, type MethodSection } from '../../../shared/domain/sections.ts';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { SECTION_IDS } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues, SectionState } from '../../../shared/api/records.ts';
import type { ReadDb } from '../db/open-database.ts';
import { countRecordsOf, listRecords } from '../records/record-store.ts';
import { readCompletions } from './section-completion.ts';
import { GAP_RULES, RECORD_RULES, WORKBOOK_RULES, keyed, reviewCutoff, type GapDraft, type GapEnv } from './gap-rules.ts';
import { statement } from '../db/statements.ts';
import { audiencesWithYes, countReceptivity } from '../receptivity/receptivity-store.ts';

export { GAP_RULES, readCompletions, reviewCutoff };
export type GapRule = string;

const SECTION_ORDER = new Map((METHOD_SECTIONS as readonly MethodSection[]).map((section, index) => [section.id, index]));
const RULE_ORDER = new Map(Object.keys(GAP_RULES).map((rule, index) => [rule, index]));

/** A gap with where it falls within its rule: its record's creation, or its place in the rule's own order. */
export interface RankedGap {
  gap: Gap;
  rank: string;
}

export function recordRank(record: RecordValues): string {
  return `${record.createdAt}|${record.id}`;
}

export function ruleRank(index: number): string {
  return String(index).padStart(9, '0');
}

/** Gaps in a stable order: by section in the method's order, then rule, then record (oldest first). */
export function sortGaps(gaps: RankedGap[]): Gap[] {
  return gaps
    .sort((a, b) => (SECTION_ORDER.get(a.gap.section) ?? 99) - (SECTION_ORDER.get(b.gap.section) ?? 99) || (RULE_ORDER.get(a.gap.rule) ?? 99) - (RULE_ORDER.get(b.gap.rule) ?? 99) || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((ranked) => ranked.gap);
}

export function audiencesWithCitedEvidence(db: ReadDb): Set<string> {
  return new Set(statement(db, 'SELECT audience_id FROM evidence_link UNION SELECT audience_id FROM crime_trend_link WHERE audience_id IS NOT NULL').pluck().all() as string[]);
}

/** The record rules' gaps for one record. */
export function recordGaps(type: RecordTypeName, record: RecordValues, env: GapEnv): GapDraft[] {
  const gaps: GapDraft[] = [];
  for (const rule of RECORD_RULES) {
    if (!rule.types.includes(type)) continue;
    const gap = rule.check(type, record, env);
    if (gap) gaps.push(gap);
  }
  return gaps;
}

/** Every gap with its rank, computed from scratch. */
export function computeRankedGaps(db: ReadDb, today: Date, records?: Readonly<Record<RecordTypeName, readonly RecordValues[]>>): RankedGap[] {
  const linked = audiencesWithCitedEvidence(db);
  const reached = audiencesWithYes(db);
  const env: GapEnv = { reviewCutoff: reviewCutoff(today), hasCitedEvidence: (id) => linked.has(id), hasYesChannel: (id) => reached.has(id) };
  const gaps: RankedGap[] = [];
  for (const type of RECORD_TYPE_NAMES) {
    for (const record of records?.[type] ?? listRecords(db, type)) {
      const rank = recordRank(record);
      for (const gap of recordGaps(type, record, env)) gaps.push({ gap: keyed(gap), rank });
    }
  }
  for (const rule of WORKBOOK_RULES) rule.compute(db).forEach((gap, index) => gaps.push({ gap: keyed(gap), rank: ruleRank(index) }));
  return gaps;
}

/** Every gap, sorted; `records` when the caller has already read every record (the exports), saving a second read. */
export function computeGaps(db: ReadDb, today: Date, records?: Readonly<Record<RecordTypeName, readonly RecordValues[]>>): Gap[] {
  return sortGaps(computeRankedGaps(db, today, records));
}

/** How many records (or census tables, crime force-months, or cells of the receptivity grid that say something) a section holds. */
export function countInSection(db: ReadDb, section: string): number {
  if (section === 'census') return statement(db, 'SELECT count(*) FROM census_table').pluck().get() as number;
  if (section === 'crime') return statement(db, 'SELECT count(*) FROM crime_batch').pluck().get() as number;
  if (section === 'receptivity') return countReceptivity(db);
  return recordTypeNamesInSection(section).reduce((sum, type) => sum + countRecordsOf(db, type), 0);
}

export function sectionState(section: string, records: number, gaps: number, completedAt: string | null): SectionState {
  const status = completedAt ? 'Completed' : records > 0 ? 'In progress' : 'Not started';
  return { section, status, records, gaps, completedAt };
}

export function sectionStates(db: ReadDb, gaps: readonly Gap[]): SectionState[] {
  const completions = readCompletions(db);
  return SECTION_IDS.map((section) => sectionState(section, countInSection(db, section), gaps.filter((g) => g.section === section).length, completions.get(section) ?? null));
}
