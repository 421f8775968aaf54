// The one way to change a workbook: `writeChange` runs the change and appends its log entry in one
// transaction, ends the chance to redo what was undone before it, and keeps the history within its
// retention period. A change that writes without saying what it wrote is refused, and store
// functions refuse writes made outside it (write-scope.ts), so nothing reaches the file unlogged.
import type { WriteDb } from '../db/open-database.ts';
import { changeFromRow, insertLogRow, toJson, type ChangeDraft, type ChangeEntry, type LogRow } from './change-log.ts';
import { changeHandler } from './change-handlers.ts';
import { applyRetention, retireEntry } from './retention.ts';
import { withinWriteScope, withinWriteScopeAsync } from './write-scope.ts';
import { AppError } from '../app-error.ts';
import { statement } from '../db/statements.ts';

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

/** Connections with a long change under way across turns of the event loop (a large import). */
const busy = new WeakSet<object>();

/** Refuses a write to a workbook while a long change is being saved into it. */
export function refuseWhileBusy(db: WriteDb): void {
  if (busy.has(db)) throw new AppError('in-use', 'An import is still being saved into this workbook, so this change was not made. Try again when it has finished.');
}

function totalChanges(db: WriteDb): number {
  return statement(db, 'SELECT total_changes()').pluck().get() as number;
}

/**
 * Runs `make` inside one immediate transaction with writes allowed, then logs what it says it did.
 * `make` gets the change's id and time, so side data kept for undo can be named after the change.
 */
export function writeChange<T>(db: WriteDb, ctx: ChangeContext, make: (change: { id: string; at: string }) => Written<T>): Committed<T> {
  refuseWhileBusy(db);
  let committed: Committed<T> | null = null;
  db.transaction(() => {
    const id = ctx.newId();
    const at = ctx.now();
    const before = totalChanges(db);
    committed = logWritten(db, ctx, id, at, before, withinWriteScope(db, () => make({ id, at })));
  }).immediate();
  const done = committed as unknown as Committed<T>;
  if (done.entry) ctx.onCommitted?.(done.entry);
  return done;
}

/**
 * The same for a change too large to make in one turn of the event loop (a national census table):
 * `make` may await between pieces, so other workbooks' requests are answered meanwhile. The
 * transaction stays open across its turns; until it commits, every other write to this workbook is
 * refused (refuseWhileBusy), so nothing else joins it. A failure part way rolls all of it back.
 */
export async function writeChangeInTurns<T>(db: WriteDb, ctx: ChangeContext, make: (change: { id: string; at: string }) => Promise<Written<T>>): Promise<Committed<T>> {
  refuseWhileBusy(db);
  busy.add(db);
  let done: Committed<T>;
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const id = ctx.newId();
      const at = ctx.now();
      const before = totalChanges(db);
      done = logWritten(db, ctx, id, at, before, await withinWriteScopeAsync(db, () => make({ id, at })));
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    busy.delete(db);
  }
  if (done.entry) ctx.onCommitted?.(done.entry);
  return done;
}

/** Appends the log entry for what a change says it wrote (inside its transaction). */
function logWritten<T>(db: WriteDb, ctx: ChangeContext, id: string, at: string, before: number, written: Written<T>): Committed<T> {
  if (written.change === null) {
    if (totalChanges(db) !== before) throw new Error('A change wrote to the workbook but logged nothing');
    return { result: written.result, entry: null };
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
  return { result: written.result, entry: changeFromRow({ ...row, seq }) };
}

/** A new change ends the chance to redo what was undone: those changes are retired for good. */
function discardRedoable(db: WriteDb, at: string): void {
  const rows = statement(db, 'SELECT * FROM change_log WHERE state = 1').all() as LogRow[];
  for (const row of rows) retireEntry(db, row, at, 2);
}
