// Crime batches set aside so that an import (which may replace force-months imported before) can be
// undone and redone in one step, without the counts passing through memory or the change log: a
// batch and its counts are copied by SQL into the stash tables, named after the change, and back.
import type { WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

export type StashPurpose = 'undo' | 'redo';

/** Copies a live batch and its counts aside for `changeId`. */
export function stashCrimeBatch(db: WriteDb, batchId: string, changeId: string, purpose: StashPurpose): void {
  requireWriteScope(db, 'A crime stash');
  statement(db, 'DELETE FROM crime_stash_batch WHERE change_id = ? AND purpose = ? AND id = ?').run(changeId, purpose, batchId);
  statement(
    db,
    `INSERT INTO crime_stash_batch (change_id, purpose, id, force_id, reported_by, month, file_name, rows, rows_without_lsoa, imported_at)
     SELECT ?, ?, id, force_id, reported_by, month, file_name, rows, rows_without_lsoa, imported_at FROM crime_batch WHERE id = ?`,
  ).run(changeId, purpose, batchId);
  statement(db, 'INSERT INTO crime_stash_count SELECT ?, ?, batch_id, lsoa_code, crime_type, count FROM crime_count WHERE batch_id = ?').run(changeId, purpose, batchId);
}

/** Puts back every batch stashed for `changeId` and `purpose` (the live ones for their force-months are gone by then), then forgets them. */
export function restoreCrimeStash(db: WriteDb, changeId: string, purpose: StashPurpose): void {
  requireWriteScope(db, 'Crime counts');
  statement(
    db,
    `INSERT INTO crime_batch (id, force_id, reported_by, month, file_name, rows, rows_without_lsoa, imported_at)
     SELECT id, force_id, reported_by, month, file_name, rows, rows_without_lsoa, imported_at FROM crime_stash_batch WHERE change_id = ? AND purpose = ?`,
  ).run(changeId, purpose);
  statement(db, 'INSERT INTO crime_count SELECT batch_id, lsoa_code, crime_type, count FROM crime_stash_count WHERE change_id = ? AND purpose = ?').run(changeId, purpose);
  statement(db, 'DELETE FROM crime_stash_count WHERE change_id = ? AND purpose = ?').run(changeId, purpose);
  statement(db, 'DELETE FROM crime_stash_batch WHERE change_id = ? AND purpose = ?').run(changeId, purpose);
}

/** Removes whatever was kept to undo or redo a change. */
export function dropCrimeStash(db: WriteDb, changeId: string): void {
  statement(db, 'DELETE FROM crime_stash_count WHERE change_id = ?').run(changeId);
  statement(db, 'DELETE FROM crime_stash_batch WHERE change_id = ?').run(changeId);
}
