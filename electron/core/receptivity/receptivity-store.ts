// The receptivity grid's storage: one row per cell that says something, keyed by its audience and
// channel (a cell with no row is unknown, without a note). Store functions take the database
// first and refuse writes made outside a logged change.
import type { ReceptivityCell } from '../../../shared/api/receptivity.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

interface CellRow {
  audience_id: string;
  channel_id: string;
  value: ReceptivityCell['value'];
  note: string;
}

function fromRow(row: CellRow): ReceptivityCell {
  return { audienceId: row.audience_id, channelId: row.channel_id, value: row.value, note: row.note };
}

/** A cell's key in the change log and in lists: its audience and its channel. */
export function cellKey(audienceId: string, channelId: string): string {
  return `${audienceId}|${channelId}`;
}

/** Every cell that says something, by audience then channel (the order the interchange format writes). */
export function listReceptivity(db: ReadDb): ReceptivityCell[] {
  return (statement(db, 'SELECT * FROM receptivity ORDER BY audience_id, channel_id').all() as CellRow[]).map(fromRow);
}

/** Every cell, a row at a time (for the dump of a large grid). */
export function* iterateReceptivity(db: ReadDb): Generator<ReceptivityCell> {
  for (const row of db.prepare('SELECT * FROM receptivity ORDER BY audience_id, channel_id').iterate() as Iterable<CellRow>) yield fromRow(row);
}

export function getCell(db: ReadDb, audienceId: string, channelId: string): ReceptivityCell | null {
  const row = statement(db, 'SELECT * FROM receptivity WHERE audience_id = ? AND channel_id = ?').get(audienceId, channelId) as CellRow | undefined;
  return row ? fromRow(row) : null;
}

/** The cells of one audience or one channel: they go when it is deleted, and come back with its undo. */
export function cellsOf(db: ReadDb, table: string, id: string): ReceptivityCell[] {
  const column = table === 'audience' ? 'audience_id' : table === 'channel' ? 'channel_id' : null;
  if (column === null) return [];
  return (statement(db, `SELECT * FROM receptivity WHERE ${column} = ? ORDER BY audience_id, channel_id`).all(id) as CellRow[]).map(fromRow);
}

/** How many cells say something other than unknown: the section's count. */
export function countReceptivity(db: ReadDb): number {
  return statement(db, "SELECT count(*) FROM receptivity WHERE value <> 'unknown'").pluck().get() as number;
}

/** The audiences at least one channel reaches (a cell marked yes). */
export function audiencesWithYes(db: ReadDb): Set<string> {
  return new Set(statement(db, "SELECT DISTINCT audience_id FROM receptivity WHERE value = 'yes'").pluck().all() as string[]);
}

export function hasYes(db: ReadDb, audienceId: string): boolean {
  return statement(db, "SELECT 1 FROM receptivity WHERE audience_id = ? AND value = 'yes' LIMIT 1").get(audienceId) !== undefined;
}

/** Sets a cell: one that says nothing (unknown, no note) is removed rather than stored. */
export function writeCell(db: WriteDb, cell: ReceptivityCell): void {
  requireWriteScope(db, 'A cell of the receptivity grid');
  if (cell.value === 'unknown' && cell.note === '') {
    statement(db, 'DELETE FROM receptivity WHERE audience_id = ? AND channel_id = ?').run(cell.audienceId, cell.channelId);
    return;
  }
  statement(db, 'INSERT INTO receptivity (audience_id, channel_id, value, note) VALUES (?, ?, ?, ?) ON CONFLICT (audience_id, channel_id) DO UPDATE SET value = excluded.value, note = excluded.note').run(
    cell.audienceId,
    cell.channelId,
    cell.value,
    cell.note,
  );
}

/** Puts cells back (after the deletion that took them is undone), where their audience and channel exist. */
export function restoreCells(db: WriteDb, cells: readonly ReceptivityCell[]): void {
  requireWriteScope(db, 'Cells of the receptivity grid');
  const audience = statement(db, 'SELECT 1 FROM audience WHERE id = ?');
  const channel = statement(db, 'SELECT 1 FROM channel WHERE id = ?');
  for (const cell of cells) if (audience.get(cell.audienceId) && channel.get(cell.channelId)) writeCell(db, cell);
}
