// The change log kept inside the workbook: who changed what, when, with the values before and
// after. Only write-change.ts appends to it (every write to a workbook is one of its entries);
// undo and redo are entries of their own. Undo, the history and the retention pass read it back.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { ChangeKind } from './change-kinds.ts';

export type ChangeAction = 'create' | 'update' | 'delete';
export type LogAction = ChangeAction | 'undo' | 'redo';
export type Values = Record<string, unknown>;

/** What a change says about itself before it is written. */
export interface ChangeDraft {
  kind: ChangeKind;
  recordId: string;
  action: ChangeAction;
  before: Values | null;
  after: Values | null;
}

/** A change as the log holds it. */
export interface ChangeEntry extends ChangeDraft {
  seq: number;
  id: string;
  at: string;
  who: string;
  /** 0 in force, 1 undone (may be redone), 2 undone and then superseded by a new change. */
  state: 0 | 1 | 2;
  undoable: boolean;
  redactedAt: string | null;
}

/** Any row of the log: a change, or the undoing or redoing of one (`targetSeq`). */
export interface LogEntry {
  seq: number;
  id: string;
  at: string;
  who: string;
  kind: string;
  recordId: string;
  action: LogAction;
  before: Values | null;
  after: Values | null;
  state: number;
  targetSeq: number | null;
  personal: boolean;
  undoable: boolean;
  redactedAt: string | null;
}

export interface LogRow {
  seq: number;
  id: string;
  at: string;
  who: string;
  record_type: string;
  record_id: string;
  action: LogAction;
  before_json: string | null;
  after_json: string | null;
  state: number;
  target_seq: number | null;
  personal: number;
  undoable: number;
  redacted_at: string | null;
}

function parse(json: string | null): Values | null {
  return json === null ? null : (JSON.parse(json) as Values);
}

export function logEntryFromRow(row: LogRow): LogEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    who: row.who,
    kind: row.record_type,
    recordId: row.record_id,
    action: row.action,
    before: parse(row.before_json),
    after: parse(row.after_json),
    state: row.state,
    targetSeq: row.target_seq,
    personal: row.personal === 1,
    undoable: row.undoable === 1,
    redactedAt: row.redacted_at,
  };
}

/** A change entry from its row; the caller has checked the row is a change, not an undo or redo. */
export function changeFromRow(row: LogRow): ChangeEntry {
  const entry = logEntryFromRow(row);
  return { ...entry, kind: entry.kind as ChangeKind, action: entry.action as ChangeAction, state: entry.state as 0 | 1 | 2 };
}

export function insertLogRow(db: WriteDb, row: Omit<LogRow, 'seq'>): number {
  const result = db
    .prepare(
      `INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json, state, target_seq, personal, undoable, redacted_at)
       VALUES (@id, @at, @who, @record_type, @record_id, @action, @before_json, @after_json, @state, @target_seq, @personal, @undoable, @redacted_at)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

export function toJson(values: Values | null): string | null {
  return values === null ? null : JSON.stringify(values);
}

/** The whole log in order (or one record's entries): for the history, tests and the review. */
export function listChanges(db: ReadDb, recordId?: string): LogEntry[] {
  const rows = (
    recordId === undefined
      ? db.prepare('SELECT * FROM change_log ORDER BY seq').all()
      : db.prepare('SELECT * FROM change_log WHERE record_id = ? ORDER BY seq').all(recordId)
  ) as LogRow[];
  return rows.map(logEntryFromRow);
}

/** The fields of `before` and `after` that differ, each side with only those fields. */
export function diffFields(before: Values, after: Values): { before: Values; after: Values } | null {
  const changedBefore: Values = {};
  const changedAfter: Values = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}
