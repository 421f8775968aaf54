// The crime tables: import batches (one force's month each) and their counts by LSOA × crime type.
// Writes ask for the write scope (only a logged change may make them); a batch's counts are written
// a slice at a time with turns of the event loop between, so other workbooks are answered meanwhile.
import type { CrimeBatch } from '../../../shared/api/crime.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';
import { AppError } from '../app-error.ts';
import { cancelled, TYPE_SLOTS, type CrimeBatchRead, type CrimeFileRead } from './read-street-crime.ts';

interface BatchRow {
  id: string;
  force_id: string;
  reported_by: string;
  month: string;
  file_name: string;
  rows: number;
  rows_without_lsoa: number;
  imported_at: string;
}

function fromRow(row: BatchRow, cells: number): CrimeBatch {
  return { id: row.id, forceId: row.force_id, reportedBy: row.reported_by, month: row.month, fileName: row.file_name, rows: row.rows, rowsWithoutLsoa: row.rows_without_lsoa, importedAt: row.imported_at, cells };
}

export function listCrimeBatches(db: ReadDb): CrimeBatch[] {
  const cells = new Map((statement(db, 'SELECT batch_id AS id, count(*) AS n FROM crime_count GROUP BY batch_id').all() as Array<{ id: string; n: number }>).map((row) => [row.id, row.n]));
  return (statement(db, 'SELECT * FROM crime_batch ORDER BY month, force_id').all() as BatchRow[]).map((row) => fromRow(row, cells.get(row.id) ?? 0));
}

export function findCrimeBatchId(db: ReadDb, forceId: string, month: string): string | null {
  return (statement(db, 'SELECT id FROM crime_batch WHERE force_id = ? AND month = ?').pluck().get(forceId, month) as string | undefined) ?? null;
}

/** How much crime data the workbook holds, for its limits. */
export function crimeTotals(db: ReadDb): { batches: number; cells: number } {
  const batches = statement(db, 'SELECT count(*) FROM crime_batch').pluck().get() as number;
  const cells = batches === 0 ? 0 : (statement(db, 'SELECT count(*) FROM crime_count').pluck().get() as number);
  return { batches, cells };
}

export function cellsOfBatch(db: ReadDb, batchId: string): number {
  return statement(db, 'SELECT count(*) FROM crime_count WHERE batch_id = ?').pluck().get(batchId) as number;
}

/** Removes a live batch and its counts. */
export function deleteCrimeBatch(db: WriteDb, batchId: string): void {
  requireWriteScope(db, 'Crime counts');
  // Counts first, directly: cheaper than letting the cascade find them one by one.
  statement(db, 'DELETE FROM crime_count WHERE batch_id = ?').run(batchId);
  statement(db, 'DELETE FROM crime_batch WHERE id = ?').run(batchId);
}

/** A turn of the event loop, so other workbooks' requests are answered during a long write. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Counts written per turn: a few tens of milliseconds of work. */
const CELLS_PER_TURN = 10_000;

/** Writes one batch read from a file under `batchId`, its counts a slice per turn. */
export async function insertCrimeBatchInTurns(db: WriteDb, batchId: string, at: string, fileName: string, read: CrimeFileRead, batch: CrimeBatchRead, signal?: AbortSignal): Promise<void> {
  requireWriteScope(db, 'Crime counts');
  statement(db, 'INSERT INTO crime_batch (id, force_id, reported_by, month, file_name, rows, rows_without_lsoa, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    batchId,
    batch.forceId,
    batch.reportedBy.slice(0, 200),
    batch.month,
    fileName.slice(0, 500),
    batch.rows,
    batch.rowsWithoutLsoa,
    at,
  );
  const insert = statement(db, 'INSERT INTO crime_count (batch_id, lsoa_code, crime_type, count) VALUES (?, ?, ?, ?)');
  let written = 0;
  for (const [key, count] of batch.counts) {
    insert.run(batchId, read.lsoaCodes[Math.floor(key / TYPE_SLOTS)]!, read.typeIds[key % TYPE_SLOTS]!, count);
    written += 1;
    if (written % CELLS_PER_TURN === 0) {
      await nextTurn();
      if (signal?.aborted) throw cancelled(fileName);
    }
  }
}

/** Refuses an import that would take the workbook past its crime limits (before anything is written). */
export function refuseOverLimits(fileName: string, totals: { batches: number; cells: number }, limits: { batches: number; cells: number }): void {
  if (totals.batches > limits.batches) {
    throw new AppError('invalid-input', `"${fileName}" was not imported: the workbook would hold more than ${limits.batches.toLocaleString('en-GB')} force-months of crime data. Remove months it no longer needs first.`);
  }
  if (totals.cells > limits.cells) {
    throw new AppError('invalid-input', `"${fileName}" was not imported: the workbook would hold more than ${limits.cells.toLocaleString('en-GB')} crime counts (LSOA × month × crime type). Import the forces and months the strategy needs.`);
  }
}
