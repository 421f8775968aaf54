// Undo and redo across the whole workbook, on the change log kept inside it: undo applies the last
// change in force backwards, redo the first undone one forwards. Each is itself written to the log
// (who, when, which change), so the history shows who undid what. Both survive reopening.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { changeFromRow, insertLogRow, toJson, type ChangeEntry, type LogRow } from './change-log.ts';
import { changeHandler } from './change-handlers.ts';
import type { ApplyEnv } from './change-handler.ts';
import { refuseWhileBusy, type ChangeContext } from './write-change.ts';
import { withinWriteScope } from './write-scope.ts';
import { statement } from '../db/statements.ts';

export interface UndoStep {
  /** The change undone or redone. */
  entry: ChangeEntry;
  /** What happened, in words: "Undid editing audience “Older residents”". */
  description: string;
}

const CHANGE_ACTIONS = "('create', 'update', 'delete')";

function lastInForce(db: ReadDb): ChangeEntry | null {
  const row = statement(db, `SELECT * FROM change_log WHERE state = 0 AND action IN ${CHANGE_ACTIONS} ORDER BY seq DESC LIMIT 1`).get() as LogRow | undefined;
  return row && row.undoable === 1 ? changeFromRow(row) : null;
}

function firstUndone(db: ReadDb): ChangeEntry | null {
  const row = statement(db, 'SELECT * FROM change_log WHERE state = 1 ORDER BY seq ASC LIMIT 1').get() as LogRow | undefined;
  return row && row.undoable === 1 ? changeFromRow(row) : null;
}

export function describeChange(db: ReadDb, entry: ChangeEntry): string {
  return changeHandler(entry.kind).describe(db, entry);
}

export function undoState(db: ReadDb): { undoLabel: string | null; redoLabel: string | null } {
  const undo = lastInForce(db);
  const redo = firstUndone(db);
  return { undoLabel: undo ? `Undo ${describeChange(db, undo)}` : null, redoLabel: redo ? `Redo ${describeChange(db, redo)}` : null };
}

function step(db: WriteDb, ctx: ChangeContext, appVersion: string, which: 'undo' | 'redo'): UndoStep | null {
  refuseWhileBusy(db);
  let done: UndoStep | null = null;
  db.transaction(() => {
    const entry = which === 'undo' ? lastInForce(db) : firstUndone(db);
    if (!entry) return;
    const at = ctx.now();
    // An edit is named by the record's title as it reads once the step is done: before undoing,
    // after redoing ("Redid editing audience “Young people in Mill Lane”").
    const undoneAs = which === 'undo' ? describeChange(db, entry) : '';
    const env: ApplyEnv = { at, appVersion };
    withinWriteScope(db, () => changeHandler(entry.kind).apply(db, entry, which === 'undo' ? 'back' : 'forward', env));
    const description = which === 'undo' ? `Undid ${undoneAs}` : `Redid ${describeChange(db, entry)}`;
    statement(db, 'UPDATE change_log SET state = ? WHERE seq = ?').run(which === 'undo' ? 1 : 0, entry.seq);
    insertLogRow(db, {
      id: ctx.newId(),
      at,
      who: ctx.who,
      record_type: entry.kind,
      record_id: entry.recordId,
      action: which,
      before_json: null,
      after_json: toJson({ description }),
      state: 0,
      target_seq: entry.seq,
      personal: 0,
      undoable: 0,
      redacted_at: null,
    });
    done = { entry, description };
  }).immediate();
  return done;
}

export function undoLast(db: WriteDb, ctx: ChangeContext, appVersion: string): UndoStep | null {
  return step(db, ctx, appVersion, 'undo');
}

export function redoNext(db: WriteDb, ctx: ChangeContext, appVersion: string): UndoStep | null {
  return step(db, ctx, appVersion, 'redo');
}
