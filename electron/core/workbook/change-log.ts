// Appends to the change log kept inside the workbook: who changed which record, when, and the
// fields before and after. Undo and the history view read it back.
import type { ReadDb, WriteDb } from '../db/open-database.ts';

export type ChangeAction = 'create' | 'update' | 'delete';

export interface ChangeEntry {
  /** Order in the log (set by the database). */
  seq?: number;
  /** 0 in force, 1 undone (may be redone), 2 undone and then superseded by a new change. */
  undone?: number;
  id: string;
  at: string;
  who: string;
  recordType: string;
  recordId: string;
  action: ChangeAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Appends an entry for a new change the planner made. A new change ends the chance to redo what
 * was undone before it (those entries are kept for the history, marked as discarded).
 */
export function appendChange(db: WriteDb, entry: ChangeEntry): void {
  db.prepare('UPDATE change_log SET undone = 2 WHERE undone = 1').run();
  db.prepare(
    `INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.id,
    entry.at,
    entry.who,
    entry.recordType,
    entry.recordId,
    entry.action,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  );
}

interface ChangeRow {
  seq: number;
  undone: number;
  id: string;
  at: string;
  who: string;
  record_type: string;
  record_id: string;
  action: ChangeAction;
  before_json: string | null;
  after_json: string | null;
}

export function listChanges(db: ReadDb, recordId?: string): ChangeEntry[] {
  const rows = (
    recordId === undefined
      ? db.prepare('SELECT * FROM change_log ORDER BY seq').all()
      : db.prepare('SELECT * FROM change_log WHERE record_id = ? ORDER BY seq').all(recordId)
  ) as ChangeRow[];
  return rows.map(entryFromRow);
}

export function entryFromRow(row: ChangeRow): ChangeEntry {
  return {
    seq: row.seq,
    undone: row.undone,
    id: row.id,
    at: row.at,
    who: row.who,
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as Record<string, unknown>),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>),
  };
}

export type { ChangeRow };

/** The fields of `before` and `after` that differ, each side with only those fields. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}
