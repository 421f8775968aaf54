// The history of changes is checked like everything else in an opened file: undo writes its values
// back, so a change the app could not have written (an unknown kind, values that are not JSON, a
// record's values outside its schema) must never be undone. Such a change stays in the history as
// it is; the repair only stops it (and whatever lies behind it) from being undone or redone.
import { isRecordTypeName, RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { recordChangesSchema, recordSchema } from '../../../shared/api/records.ts';
import { isChangeKind } from '../changes/change-kinds.ts';
import type { ReadDb } from './open-database.ts';
import { fix, statement, type Emit } from './value-problem.ts';

interface HistoryRow {
  seq: number;
  at: string;
  record_type: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  state: number;
  undoable: number;
}

function parsed(json: string | null): { ok: true; value: Record<string, unknown> | null } | { ok: false } {
  if (json === null) return { ok: true, value: null };
  try {
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ok: true, value: value as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** What is wrong with a change that undo or redo could still apply, or null. */
function problemOf(row: HistoryRow): string | null {
  if (!isChangeKind(row.record_type)) return `is a change of a kind this version does not know (“${row.record_type.slice(0, 40)}”)`;
  const before = parsed(row.before_json);
  const after = parsed(row.after_json);
  if (!before.ok || !after.ok) return 'holds values that cannot be read';
  const type = row.record_type;
  if (!isRecordTypeName(type)) return null;
  // The values undo or redo would write back must be ones the app itself could write.
  const { updatedAt: _before, ...changedBefore } = before.value ?? {};
  const { updatedAt: _after, ...changedAfter } = after.value ?? {};
  const valid =
    row.action === 'update'
      ? recordChangesSchema(type).safeParse(changedBefore).success && recordChangesSchema(type).safeParse(changedAfter).success
      : row.action === 'create'
        ? recordSchema(type).safeParse(after.value).success
        : recordSchema(type).safeParse((before.value as { record?: unknown } | null)?.record).success;
  return valid ? null : `holds ${RECORD_TYPES[type].label.toLowerCase()} values that are not valid, so it cannot be undone`;
}

export function checkHistory(db: ReadDb, emit: Emit): void {
  // Only changes undo or redo could still reach; the rest is history and is never applied again.
  const rows = db.prepare("SELECT seq, at, record_type, action, before_json, after_json, state, undoable FROM change_log WHERE undoable = 1 AND action IN ('create', 'update', 'delete') ORDER BY seq").iterate() as Iterable<HistoryRow>;
  for (const row of rows) {
    const message = problemOf(row);
    if (!message) continue;
    emit({
      recordType: 'history',
      recordLabel: 'History of changes',
      recordId: null,
      title: `Change ${row.seq} (${row.at.slice(0, 10)})`,
      field: 'change',
      fieldLabel: 'Change',
      message,
      repair: 'Keep it in the history, but never undo or redo it (nor anything before it)',
      // Undo goes back in order: stopping this change stops everything before it too.
      fix: fix([statement('UPDATE change_log SET undoable = 0, state = CASE WHEN state = 1 THEN 2 ELSE state END WHERE seq <= ? AND undoable = 1', row.seq)]),
    });
  }
}
