// The one way to change a workbook: `writeChange` runs the change and appends its log entry in one
// transaction, ends the chance to redo what was undone before it, and keeps the history within its
// retention period. A change that writes without saying what it wrote is refused, and store
// functions refuse writes made outside it (write-scope.ts), so nothing reaches the file unlogged.
import type { WriteDb } from '../db/open-database.ts';
import { changeFromRow, insertLogRow, toJson, type ChangeDraft, type ChangeEntry, type LogRow } from './change-log.ts';
import { changeHandler } from './change-handlers.ts';
import { applyRetention, retireEntry } from './retention.ts';
import { withinWriteScope } from './write-scope.ts';

/** Who is changing the workbook and when: the clock and ids are injected, so tests control them. */
export interface ChangeContext {
  now: () => string;
  newId: () => string;
  who: string;
  /** Told of each change once it is committed (the door's write path collects their effects). */
  onCommitted?: (entry: ChangeEntry) => void;
}

/** What a change made and what it says about itself (null when, in the end, nothing changed). */
export interface Written<T> {
  result: T;
  change: ChangeDraft | null;
}

export interface Committed<T> {
  result: T;
  /** The log entry written, or null when nothing changed. */
  entry: ChangeEntry | null;
}

function totalChanges(db: WriteDb): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Runs `make` inside one immediate transaction with writes allowed, then logs what it says it did.
 * `make` gets the change's id and time, so side data kept for undo can be named after the change.
 */
export function writeChange<T>(db: WriteDb, ctx: ChangeContext, make: (change: { id: string; at: string }) => Written<T>): Committed<T> {
  let committed: Committed<T> | null = null;
  db.transaction(() => {
    const id = ctx.newId();
    const at = ctx.now();
    const before = totalChanges(db);
    const written = withinWriteScope(db, () => make({ id, at }));
    if (written.change === null) {
      if (totalChanges(db) !== before) throw new Error('A change wrote to the workbook but logged nothing');
      committed = { result: written.result, entry: null };
      return;
    }
    discardRedoable(db, at);
    const change = written.change;
    const handler = changeHandler(change.kind);
    const row: Omit<LogRow, 'seq'> = {
      id,
      at,
      who: ctx.who,
      record_type: change.kind,
      record_id: change.recordId,
      action: change.action,
      before_json: toJson(change.before),
      after_json: toJson(change.after),
      state: 0,
      target_seq: null,
      personal: handler.holdsPersonal(change) ? 1 : 0,
      undoable: 1,
      redacted_at: null,
    };
    const seq = insertLogRow(db, row);
    applyRetention(db, at);
    committed = { result: written.result, entry: changeFromRow({ ...row, seq }) };
  }).immediate();
  const done = committed as unknown as Committed<T>;
  if (done.entry) ctx.onCommitted?.(done.entry);
  return done;
}

/** A new change ends the chance to redo what was undone: those changes are retired for good. */
function discardRedoable(db: WriteDb, at: string): void {
  const rows = db.prepare('SELECT * FROM change_log WHERE state = 1').all() as LogRow[];
  for (const row of rows) retireEntry(db, row, at, 2);
}
