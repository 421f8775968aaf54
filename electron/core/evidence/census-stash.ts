// Census tables set aside so that importing, replacing or removing one can be undone and redone in
// one step, without the rows ever passing through memory or the change log: a table's contents are
// copied into the stash tables by SQL, named after the change they belong to, and copied back.
import type { WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';

export type StashPurpose = 'undo' | 'redo';

interface StashRow {
  id: string;
  table_id: string;
  code: string;
  title: string;
  source: string;
  reference_date: string;
  geography_level: string;
  file_name: string;
  imported_at: string;
}

function stashId(changeId: string, purpose: StashPurpose): string {
  return `${changeId}:${purpose}`;
}

/** Starts a stash: the table's details and categories, under the stash's id (which it returns). */
function stashDetails(db: WriteDb, tableId: string, changeId: string, purpose: StashPurpose): string {
  const id = stashId(changeId, purpose);
  db.prepare('DELETE FROM census_stash WHERE id = ?').run(id);
  db.prepare(
    `INSERT INTO census_stash (id, change_id, purpose, table_id, code, title, source, reference_date, geography_level, file_name, imported_at)
     SELECT ?, ?, ?, id, code, title, source, reference_date, geography_level, file_name, imported_at FROM census_table WHERE id = ?`,
  ).run(id, changeId, purpose, tableId);
  db.prepare('INSERT INTO census_stash_category SELECT ?, position, name, label, parent_position, is_total FROM census_category WHERE table_id = ?').run(id, tableId);
  return id;
}

/** Copies a live table's details and contents (and, with `withLinks`, the links citing it) aside. */
export function stashCensusTable(db: WriteDb, tableId: string, changeId: string, purpose: StashPurpose, withLinks: boolean): void {
  requireWriteScope(db, 'A census stash');
  const id = stashDetails(db, tableId, changeId, purpose);
  db.prepare('INSERT INTO census_stash_geography SELECT ?, code, name FROM census_geography WHERE table_id = ?').run(id, tableId);
  db.prepare('INSERT INTO census_stash_value SELECT ?, geography_code, position, count FROM census_value WHERE table_id = ?').run(id, tableId);
  if (withLinks) db.prepare('INSERT INTO census_stash_link SELECT ?, id, audience_id, area_id, category_name, created_at FROM evidence_link WHERE table_id = ?').run(id, tableId);
}

/** A turn of the event loop, so other workbooks' requests are answered during a long write. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Geographies handled per turn: about a few tens of milliseconds of work. */
const GEOGRAPHIES_PER_TURN = 1000;

/** A table's geography codes in batches, with a turn of the event loop after each. */
async function inGeographyBatches(db: WriteDb, tableId: string, each: (codes: string) => void): Promise<void> {
  const codes = db.prepare('SELECT code FROM census_geography WHERE table_id = ? ORDER BY code').pluck().all(tableId) as string[];
  for (let start = 0; start < codes.length; start += GEOGRAPHIES_PER_TURN) {
    each(JSON.stringify(codes.slice(start, start + GEOGRAPHIES_PER_TURN)));
    await nextTurn();
  }
}

/** Copies a live table aside as stashCensusTable does, a batch of geographies per turn. */
export async function stashCensusTableInTurns(db: WriteDb, tableId: string, changeId: string, purpose: StashPurpose, withLinks: boolean): Promise<void> {
  requireWriteScope(db, 'A census stash');
  const id = stashDetails(db, tableId, changeId, purpose);
  const geographies = db.prepare('INSERT INTO census_stash_geography SELECT ?, code, name FROM census_geography WHERE table_id = ? AND code IN (SELECT value FROM json_each(?))');
  const values = db.prepare('INSERT INTO census_stash_value SELECT ?, geography_code, position, count FROM census_value WHERE table_id = ? AND geography_code IN (SELECT value FROM json_each(?))');
  await inGeographyBatches(db, tableId, (codes) => {
    geographies.run(id, tableId, codes);
    values.run(id, tableId, codes);
  });
  if (withLinks) db.prepare('INSERT INTO census_stash_link SELECT ?, id, audience_id, area_id, category_name, created_at FROM evidence_link WHERE table_id = ?').run(id, tableId);
}

/** Empties a live table's contents as clearCensusContents does, a batch of geographies per turn. */
export async function clearCensusContentsInTurns(db: WriteDb, tableId: string): Promise<void> {
  requireWriteScope(db, 'A census table');
  const values = db.prepare('DELETE FROM census_value WHERE table_id = ? AND geography_code IN (SELECT value FROM json_each(?))');
  const geographies = db.prepare('DELETE FROM census_geography WHERE table_id = ? AND code IN (SELECT value FROM json_each(?))');
  await inGeographyBatches(db, tableId, (codes) => {
    values.run(tableId, codes);
    geographies.run(tableId, codes);
  });
  db.prepare('DELETE FROM census_category WHERE table_id = ?').run(tableId);
}

/** Empties a live table's contents, keeping its row (and so the evidence links citing it). */
export function clearCensusContents(db: WriteDb, tableId: string): void {
  requireWriteScope(db, 'A census table');
  // Values first, directly: cheaper than letting each category's and geography's cascade find them.
  db.prepare('DELETE FROM census_value WHERE table_id = ?').run(tableId);
  db.prepare('DELETE FROM census_geography WHERE table_id = ?').run(tableId);
  db.prepare('DELETE FROM census_category WHERE table_id = ?').run(tableId);
}

/** Removes a live table with its contents and the evidence links citing it. */
export function removeLiveCensusTable(db: WriteDb, tableId: string): boolean {
  clearCensusContents(db, tableId);
  return db.prepare('DELETE FROM census_table WHERE id = ?').run(tableId).changes > 0;
}

/**
 * Puts a stashed table back under its own id (replacing what is live there), with its links where
 * the audience and area they name still exist; the stash is then removed.
 */
export function restoreCensusTable(db: WriteDb, changeId: string, purpose: StashPurpose): void {
  requireWriteScope(db, 'A census table');
  const id = stashId(changeId, purpose);
  const stash = db.prepare('SELECT * FROM census_stash WHERE id = ?').get(id) as StashRow | undefined;
  if (!stash) throw new Error(`The census data kept for this change (${id}) is missing`);
  const details = [stash.code, stash.title, stash.source, stash.reference_date, stash.geography_level, stash.file_name, stash.imported_at];
  if (db.prepare('SELECT 1 FROM census_table WHERE id = ?').get(stash.table_id)) {
    clearCensusContents(db, stash.table_id);
    db.prepare('UPDATE census_table SET code = ?, title = ?, source = ?, reference_date = ?, geography_level = ?, file_name = ?, imported_at = ? WHERE id = ?').run(...details, stash.table_id);
  } else {
    db.prepare('INSERT INTO census_table (code, title, source, reference_date, geography_level, file_name, imported_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...details, stash.table_id);
  }
  db.prepare('INSERT INTO census_category SELECT ?, position, name, label, parent_position, is_total FROM census_stash_category WHERE stash_id = ?').run(stash.table_id, id);
  db.prepare('INSERT INTO census_geography SELECT ?, code, name FROM census_stash_geography WHERE stash_id = ?').run(stash.table_id, id);
  db.prepare('INSERT INTO census_value SELECT ?, geography_code, position, count FROM census_stash_value WHERE stash_id = ?').run(stash.table_id, id);
  db.prepare(
    `INSERT OR IGNORE INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at)
     SELECT l.id, l.audience_id, ?, l.area_id, l.category_name, l.created_at FROM census_stash_link l
     WHERE l.stash_id = ? AND EXISTS (SELECT 1 FROM audience a WHERE a.id = l.audience_id)
       AND (l.area_id IS NULL OR EXISTS (SELECT 1 FROM area r WHERE r.id = l.area_id))`,
  ).run(stash.table_id, id);
  db.prepare('DELETE FROM census_stash WHERE id = ?').run(id);
}

/** Removes whatever was kept to undo or redo a change. */
export function dropCensusStash(db: WriteDb, changeId: string): void {
  db.prepare('DELETE FROM census_stash WHERE change_id = ?').run(changeId);
}
