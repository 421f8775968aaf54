// The practice library's tables: entries (where each came from) and their practices, with the kinds
// of audience and channel each is for. An entry hidden by a change (replaced or removed) stays until
// that change can no longer be undone; every reader sees live entries only.
import type { InterchangeLibraryEntry, LibraryPractice } from '../../../shared/api/library.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

/** Where a library entry came from: read from the added file, then kept with the entry. */
export interface LibrarySourceDetails {
  workbookId: string;
  force: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  sourceKind: 'workbook' | 'share-copy';
  sharedAt: string | null;
  fileName: string;
}

export interface LibraryEntryRow extends LibrarySourceDetails {
  id: string;
  addedAt: string;
  practices: number;
}

const ENTRY_COLUMNS = `e.id, e.workbook_id AS workbookId, e.force_id AS force, e.title, e.period_start AS periodStart, e.period_end AS periodEnd,
  e.source_kind AS sourceKind, e.shared_at AS sharedAt, e.file_name AS fileName, e.added_at AS addedAt,
  (SELECT count(*) FROM library_practice p WHERE p.entry_id = e.id) AS practices`;

/** Every live entry, by force then period. */
export function listLibraryEntries(db: ReadDb): LibraryEntryRow[] {
  return statement(db, `SELECT ${ENTRY_COLUMNS} FROM library_entry e WHERE e.live = 1 ORDER BY e.force_id, e.period_start, e.added_at, e.id`).all() as LibraryEntryRow[];
}

/** One entry, live or hidden. */
export function getLibraryEntry(db: ReadDb, id: string): (LibraryEntryRow & { live: number }) | null {
  return (statement(db, `SELECT ${ENTRY_COLUMNS}, e.live FROM library_entry e WHERE e.id = ?`).get(id) as (LibraryEntryRow & { live: number }) | undefined) ?? null;
}

/** The live entry holding a workbook, if any. */
export function liveEntryOfWorkbook(db: ReadDb, workbookId: string): string | null {
  return (statement(db, 'SELECT id FROM library_entry WHERE workbook_id = ? AND live = 1').pluck().get(workbookId) as string | undefined) ?? null;
}

export function countLiveEntries(db: ReadDb): number {
  return statement(db, 'SELECT count(*) FROM library_entry WHERE live = 1').pluck().get() as number;
}

/** Writes a new live entry and its practices (the caller has hidden any live entry of the same workbook). */
export function insertLibraryEntry(db: WriteDb, entry: Omit<InterchangeLibraryEntry, 'practices'>, practices: readonly LibraryPractice[]): void {
  requireWriteScope(db, 'A library entry');
  statement(
    db,
    `INSERT INTO library_entry (id, workbook_id, force_id, title, period_start, period_end, source_kind, shared_at, file_name, added_at, live, hidden_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)`,
  ).run(entry.id, entry.workbookId, entry.force, entry.title, entry.periodStart, entry.periodEnd, entry.sourceKind, entry.sharedAt, entry.fileName, entry.addedAt);
  const practice = statement(
    db,
    `INSERT INTO library_practice (entry_id, id, title, description, audience_kinds, channel_kinds, depth, origin, origin_force, year, outcome, outcome_note, evidence_strength, verdict)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const kind = statement(db, 'INSERT OR IGNORE INTO library_practice_kind (entry_id, practice_id, axis, kind) VALUES (?, ?, ?, ?)');
  for (const p of practices) {
    practice.run(entry.id, p.id, p.title, p.description, JSON.stringify(p.audienceKinds), JSON.stringify(p.channelKinds), p.depth, p.origin, p.originForce, p.year, p.outcome, p.outcomeNote, p.evidenceStrength, p.verdict);
    for (const k of p.audienceKinds) kind.run(entry.id, p.id, 'audience', k);
    for (const k of p.channelKinds) kind.run(entry.id, p.id, 'channel', k);
  }
}

/** Hides an entry on behalf of a change (replaced or removed); it stays while that change can be undone. */
export function hideLibraryEntry(db: WriteDb, id: string, changeId: string): void {
  requireWriteScope(db, 'A library entry');
  statement(db, 'UPDATE library_entry SET live = 0, hidden_by = ? WHERE id = ?').run(changeId, id);
}

export function showLibraryEntry(db: WriteDb, id: string): void {
  requireWriteScope(db, 'A library entry');
  statement(db, 'UPDATE library_entry SET live = 1, hidden_by = NULL WHERE id = ?').run(id);
}

/** Removes for good the entries a change hid, once the change can no longer be undone or redone. */
export function dropEntriesHiddenBy(db: WriteDb, changeId: string): void {
  requireWriteScope(db, 'A library entry');
  statement(db, 'DELETE FROM library_entry WHERE hidden_by = ? AND live = 0').run(changeId);
}

interface PracticeRow {
  id: string;
  title: string;
  description: string;
  audience_kinds: string;
  channel_kinds: string;
  depth: string | null;
  origin: string;
  origin_force: string | null;
  year: number | null;
  outcome: string | null;
  outcome_note: string;
  evidence_strength: string | null;
  verdict: string | null;
}

export function practiceFromRow(row: PracticeRow): LibraryPractice {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    audienceKinds: JSON.parse(row.audience_kinds) as string[],
    channelKinds: JSON.parse(row.channel_kinds) as string[],
    depth: row.depth,
    origin: row.origin,
    originForce: row.origin_force,
    year: row.year,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    evidenceStrength: row.evidence_strength,
    verdict: row.verdict,
  } as LibraryPractice;
}

/** An entry's practices, by title. */
export function listEntryPractices(db: ReadDb, entryId: string): LibraryPractice[] {
  return (statement(db, 'SELECT * FROM library_practice WHERE entry_id = ? ORDER BY title, id').all(entryId) as PracticeRow[]).map(practiceFromRow);
}

/** One practice of one entry. */
export function getEntryPractice(db: ReadDb, entryId: string, practiceId: string): LibraryPractice | null {
  const row = statement(db, 'SELECT * FROM library_practice WHERE entry_id = ? AND id = ?').get(entryId, practiceId) as PracticeRow | undefined;
  return row ? practiceFromRow(row) : null;
}

/** Every live entry with its practices, for the interchange format. */
export function* iterateLibraryForInterchange(db: ReadDb): Generator<InterchangeLibraryEntry> {
  for (const entry of listLibraryEntries(db)) {
    const { practices: _count, ...head } = entry;
    yield { ...head, practices: listEntryPractices(db, entry.id) } as InterchangeLibraryEntry;
  }
}
