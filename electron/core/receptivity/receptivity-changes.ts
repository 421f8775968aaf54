// Setting a cell of the receptivity grid (its value, its note, or both) as one undoable change, and
// the change handler that describes, undoes and redoes it and says what it touched: the cell, and
// its audience's "no channel reaches them" gap.
import { receptivityLabel, type ReceptivityCell, type ReceptivityValue } from '../../../shared/api/receptivity.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import type { Footprint } from '../changes/change-kinds.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { statement } from '../db/statements.ts';
import { cellKey, getCell, writeCell } from './receptivity-store.ts';

export interface ReceptivityChange {
  audienceId: string;
  channelId: string;
  value?: ReceptivityValue | undefined;
  note?: string | undefined;
}

function nameOf(db: ReadDb, table: 'audience' | 'channel', id: string): string | null {
  const name = statement(db, `SELECT name FROM ${table} WHERE id = ?`).pluck().get(id);
  return typeof name === 'string' && name.trim() ? name : null;
}

/** Sets one cell; answers with the cell as it now is (unknown without a note when cleared). */
export function setReceptivity(db: WriteDb, ctx: ChangeContext, change: ReceptivityChange): ReceptivityCell {
  return writeChange(db, ctx, () => {
    if (statement(db, 'SELECT 1 FROM audience WHERE id = ?').get(change.audienceId) === undefined) {
      throw new AppError('not-found', 'That audience is no longer in the workbook: it may have been deleted or undone.', { audienceId: 'Choose an audience that exists' });
    }
    if (statement(db, 'SELECT 1 FROM channel WHERE id = ?').get(change.channelId) === undefined) {
      throw new AppError('not-found', 'That channel is no longer in the workbook: it may have been deleted or undone.', { channelId: 'Choose a channel that exists' });
    }
    const before = getCell(db, change.audienceId, change.channelId);
    const current: ReceptivityCell = before ?? { audienceId: change.audienceId, channelId: change.channelId, value: 'unknown', note: '' };
    const next: ReceptivityCell = { ...current, ...(change.value === undefined ? {} : { value: change.value }), ...(change.note === undefined ? {} : { note: change.note }) };
    if (next.value === current.value && next.note === current.note) return { result: current, change: null };
    writeCell(db, next);
    const stored = next.value === 'unknown' && next.note === '' ? null : next;
    const action = before === null ? 'create' : stored === null ? 'delete' : 'update';
    return {
      result: next,
      change: { kind: 'receptivity', recordId: cellKey(next.audienceId, next.channelId), action, before: before as unknown as Values | null, after: stored as unknown as Values | null },
    };
  }).result;
}

function cellOf(values: Values | null): ReceptivityCell | null {
  return values as unknown as ReceptivityCell | null;
}

export const receptivityChangeHandler: ChangeHandler = plainHandler({
  describe(db, entry) {
    const cell = cellOf(entry.after) ?? cellOf(entry.before);
    if (!cell) return 'changing who listens where';
    const audience = nameOf(db, 'audience', cell.audienceId);
    const channel = nameOf(db, 'channel', cell.channelId);
    const where = audience && channel ? ` for “${audience}” on “${channel}”` : '';
    const after = cellOf(entry.after);
    const before = cellOf(entry.before);
    const value = after?.value ?? 'unknown';
    if ((before?.value ?? 'unknown') === value) return `changing the note of who listens where${where}`;
    return `marking who listens where${where} as ${receptivityLabel(value).toLowerCase()}`;
  },
  apply(db, entry, direction) {
    const key = entry.recordId.split('|');
    const side = cellOf(direction === 'back' ? entry.before : entry.after);
    const audienceId = side?.audienceId ?? key[0]!;
    const channelId = side?.channelId ?? key[1]!;
    // Undo runs in order, so the audience and the channel are there; a guard all the same.
    if (statement(db, 'SELECT 1 FROM audience WHERE id = ?').get(audienceId) === undefined) return;
    if (statement(db, 'SELECT 1 FROM channel WHERE id = ?').get(channelId) === undefined) return;
    writeCell(db, side ?? { audienceId, channelId, value: 'unknown', note: '' });
  },
  footprint(entry): Footprint[] {
    const audienceId = (cellOf(entry.after) ?? cellOf(entry.before))?.audienceId ?? entry.recordId.split('|')[0]!;
    return [
      { kind: 'receptivity', id: entry.recordId, fields: null },
      { kind: 'audience', id: audienceId, fields: ['receptivity'] },
    ];
  },
});
