// What the screen shows beside the records — the open gaps and each section's state — kept up to
// date for an open workbook. The first look computes everything; after that each write says what it
// touched (its footprint), and only those records' rules and the workbook rules that depend on
// what changed are worked out again, so an edit's answer costs about the same at 20 records or
// 20,000. The write returns the difference: gaps opened and closed, sections whose state changed.
import { RECORD_TYPES, isRecordTypeName, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { SECTION_IDS } from '../../../shared/domain/record-types.ts';
import type { Gap, SectionState } from '../../../shared/api/records.ts';
import type { ReadDb } from '../db/open-database.ts';
import type { Footprint } from '../changes/change-kinds.ts';
import { getRecord } from '../records/record-store.ts';
import { computeRankedGaps, countInSection, recordGaps, recordRank, reviewCutoff, ruleRank, sectionState, sortGaps } from './compute-gaps.ts';
import { WORKBOOK_RULES, keyed, type GapEnv, type WorkbookRule } from './gap-rules.ts';
import { readCompletions } from './section-completion.ts';
import { statement } from '../db/statements.ts';
import { hasYes } from '../receptivity/receptivity-store.ts';

export interface GapDelta {
  added: Gap[];
  removed: string[];
}

function dependsOn(rule: WorkbookRule, touched: readonly Footprint[]): boolean {
  return touched.some((print) => rule.dependsOn.some((dep) => dep.kind === print.kind && (dep.fields === undefined || print.fields === null || print.fields.some((field) => dep.fields!.includes(field)))));
}

export class WorkbookDerived {
  private readonly db: ReadDb;
  private readonly clock: () => Date;
  private gaps = new Map<string, Gap>();
  private ranks = new Map<string, string>();
  /** The keys of each record's own gaps (record rules), and of each workbook rule's gaps. */
  private byOwner = new Map<string, Set<string>>();
  private gapCounts = new Map<string, number>();
  /** While a write is being taken in: the gaps it opened and closed. */
  private journal: { added: Map<string, Gap>; removed: Map<string, Gap> } | null = null;
  private day: string | null = null;
  private states = new Map<string, SectionState>();
  private counts = new Map<string, number>();

  constructor(db: ReadDb, clock: () => Date) {
    this.db = db;
    this.clock = clock;
  }

  private today(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  private ownerOf(gap: Gap): string {
    return WORKBOOK_RULES.some((rule) => rule.rule === gap.rule) ? `rule:${gap.rule}` : `${gap.recordType}:${gap.recordId}`;
  }

  private add(gap: Gap, rank: string): void {
    if (this.gaps.has(gap.key)) return;
    this.gaps.set(gap.key, gap);
    this.ranks.set(gap.key, rank);
    if (this.journal) {
      if (this.journal.removed.has(gap.key)) this.journal.removed.delete(gap.key);
      else this.journal.added.set(gap.key, gap);
    }
    const owner = this.ownerOf(gap);
    const keys = this.byOwner.get(owner);
    if (keys) keys.add(gap.key);
    else this.byOwner.set(owner, new Set([gap.key]));
    this.gapCounts.set(gap.section, (this.gapCounts.get(gap.section) ?? 0) + 1);
  }

  /** Removes every gap of one owner (a record's own gaps, or a workbook rule's). */
  private removeOwned(owner: string): void {
    for (const key of this.byOwner.get(owner) ?? []) {
      const gap = this.gaps.get(key);
      if (!gap) continue;
      this.gaps.delete(key);
      this.ranks.delete(key);
      if (this.journal) {
        if (this.journal.added.has(key)) this.journal.added.delete(key);
        else this.journal.removed.set(key, gap);
      }
      this.gapCounts.set(gap.section, (this.gapCounts.get(gap.section) ?? 1) - 1);
    }
    this.byOwner.delete(owner);
  }

  /** Works everything out again (the first time, and when the date has moved on). */
  private rebuild(): void {
    this.gaps = new Map();
    this.ranks = new Map();
    this.byOwner = new Map();
    this.gapCounts = new Map();
    for (const { gap, rank } of computeRankedGaps(this.db, this.clock())) this.add(gap, rank);
    this.day = this.today();
    this.counts = new Map(SECTION_IDS.map((section) => [section, countInSection(this.db, section)]));
    this.states = this.freshStates();
  }

  private ensure(): void {
    if (this.day !== this.today()) this.rebuild();
  }

  private freshStates(): Map<string, SectionState> {
    const completions = readCompletions(this.db);
    return new Map(SECTION_IDS.map((section) => [section, sectionState(section, this.counts.get(section) ?? 0, this.gapCounts.get(section) ?? 0, completions.get(section) ?? null)]));
  }

  listGaps(): Gap[] {
    this.ensure();
    return this.sorted(this.gaps.values());
  }

  private sorted(gaps: Iterable<Gap>): Gap[] {
    return sortGaps([...gaps].map((gap) => ({ gap, rank: this.ranks.get(gap.key) ?? '' })));
  }

  listSectionStates(): SectionState[] {
    this.ensure();
    return [...this.states.values()];
  }

  /** Brings the gaps and states up to date after a write; returns what changed. */
  afterWrite(touched: readonly Footprint[]): { gaps: GapDelta; sections: SectionState[] } {
    if (this.day !== this.today() || touched.some((print) => print.kind === 'censusTable')) {
      // A new day can make any record stale; a census table can change every audience's evidence.
      const before = new Map(this.gaps);
      const statesBefore = this.states;
      this.rebuild();
      return { gaps: this.diff(before, this.gaps), sections: this.changedStates(statesBefore) };
    }
    this.journal = { added: new Map(), removed: new Map() };
    const env: GapEnv = {
      reviewCutoff: reviewCutoff(this.clock()),
      hasCitedEvidence: (id) => statement(this.db, 'SELECT 1 FROM evidence_link WHERE audience_id = ? UNION ALL SELECT 1 FROM crime_trend_link WHERE audience_id = ? LIMIT 1').get(id, id) !== undefined,
      hasYesChannel: (id) => hasYes(this.db, id),
    };
    const records = new Map<string, { type: RecordTypeName; id: string }>();
    for (const print of touched) if (isRecordTypeName(print.kind) && print.id !== null) records.set(`${print.kind}:${print.id}`, { type: print.kind, id: print.id });
    for (const { type, id } of records.values()) {
      this.removeOwned(`${type}:${id}`);
      const record = getRecord(this.db, type, id);
      if (record) for (const gap of recordGaps(type, record, env)) this.add(keyed(gap), recordRank(record));
    }
    for (const rule of WORKBOOK_RULES) {
      if (!dependsOn(rule, touched)) continue;
      this.removeOwned(`rule:${rule.rule}`);
      rule.compute(this.db).forEach((gap, index) => this.add(keyed(gap), ruleRank(index)));
    }
    const sections = new Set<string>();
    for (const print of touched) {
      if (isRecordTypeName(print.kind)) sections.add(RECORD_TYPES[print.kind].section);
      else if (print.kind === 'section' && print.id !== null) sections.add(print.id);
      else if (print.kind === 'receptivity') sections.add('receptivity');
      else if (print.kind === 'crimeImport') sections.add('crime');
    }
    for (const section of sections) if (this.counts.has(section)) this.counts.set(section, countInSection(this.db, section));
    const statesBefore = this.states;
    this.states = this.freshStates();
    const { added, removed } = this.journal;
    this.journal = null;
    return { gaps: { added: this.sorted(added.values()), removed: [...removed.keys()] }, sections: this.changedStates(statesBefore) };
  }

  private diff(before: ReadonlyMap<string, Gap>, after: ReadonlyMap<string, Gap>): GapDelta {
    return {
      added: this.sorted([...after.values()].filter((gap) => !before.has(gap.key))),
      removed: [...before.keys()].filter((key) => !after.has(key)),
    };
  }

  private changedStates(before: Map<string, SectionState>): SectionState[] {
    return [...this.states.values()].filter((state) => JSON.stringify(before.get(state.section)) !== JSON.stringify(state));
  }
}
