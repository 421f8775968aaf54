// Keeping the history within what the law and undo need. Undo reaches back as far as the
// workbook's retention setting (30 days unless changed); a change older than that, or one that can
// no longer be redone, is retired: the side data kept to undo it is removed and its personal and
// special-category values are redacted in place (secure_delete is on, so the old bytes are zeroed).
// Who changed what and when stays in the history.
import { readSetting } from '../workbook/workbook-settings.ts';
import type { WriteDb } from '../db/open-database.ts';
import { changeFromRow, toJson, type LogRow } from './change-log.ts';
import { isChangeKind } from './change-kinds.ts';
import { changeHandler } from './change-handlers.ts';
import { withinWriteScope } from './write-scope.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function isChange(row: LogRow): boolean {
  return (row.action === 'create' || row.action === 'update' || row.action === 'delete') && isChangeKind(row.record_type);
}

/** Removes the personal values of one entry, in place. */
function redact(db: WriteDb, row: LogRow, at: string): void {
  let before: string | null = null;
  let after: string | null = null;
  if (isChange(row)) {
    const entry = changeFromRow(row);
    const redacted = changeHandler(entry.kind).redact(entry);
    before = toJson(redacted.before);
    after = toJson(redacted.after);
  }
  db.prepare('UPDATE change_log SET before_json = ?, after_json = ?, personal = 0, redacted_at = ? WHERE seq = ?').run(before, after, at, row.seq);
}

/**
 * Ends a change's undo (and redo): its side data goes, its personal values are redacted, and it
 * stays in the history. `state` 2 marks an undone change that can no longer be redone.
 */
export function retireEntry(db: WriteDb, row: LogRow, at: string, state: number = row.state): void {
  if (isChange(row)) {
    const entry = changeFromRow(row);
    withinWriteScope(db, () => changeHandler(entry.kind).dropSideData?.(db, entry));
  }
  db.prepare('UPDATE change_log SET undoable = 0, state = ? WHERE seq = ?').run(state, row.seq);
  if (row.personal === 1) redact(db, row, at);
}

/** The moment before which changes are retired, for a workbook at `at`. */
export function retentionHorizon(db: WriteDb, at: string): string {
  const days = readSetting(db, 'changeRetentionDays');
  return new Date(Date.parse(at) - days * DAY_MS).toISOString();
}

/** Retires every change older than the retention period. Cheap when there is nothing to do. */
export function applyRetention(db: WriteDb, at: string): number {
  const horizon = retentionHorizon(db, at);
  const stale = db.prepare('SELECT * FROM change_log WHERE undoable = 1 AND at < ?').all(horizon) as LogRow[];
  for (const row of stale) retireEntry(db, row, at, row.state === 1 ? 2 : row.state);
  // Entries retired before (or written before personal values were tracked) may still hold them.
  const personal = db.prepare('SELECT * FROM change_log WHERE personal = 1 AND at < ?').all(horizon) as LogRow[];
  for (const row of personal) redact(db, row, at);
  return stale.length + personal.length;
}
