// Imports police.uk street-level crime files (named, in folders, or in zips) one file at a time: each
// is streamed and counted (read-street-crime.ts), then written (crime-changes.ts), replacing the same
// force's months imported before. The whole import is one change, so one Undo takes it back out;
// each file is written inside a savepoint of it, so a refused file keeps nothing and the others go
// on, and a cancelled import stops, keeping the files before and nothing of the file under way.
import type { ImportCrimeResult } from '../../../shared/api/crime.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';
import type { WriteDb } from '../db/open-database.ts';
import { writeChangeInTurns, type ChangeContext } from '../changes/write-change.ts';
import { AppError, isAppError } from '../app-error.ts';
import { ignoreProgress, type ProgressReporter } from '../jobs/job-progress.ts';
import { gatherCrimeSources } from './crime-sources.ts';
import { readStreetCrime } from './read-street-crime.ts';
import { CrimeImportLog } from './crime-changes.ts';
import { cellsOfBatch, crimeTotals, findCrimeBatchId, refuseOverLimits } from './crime-store.ts';
import { utf8Checked } from '../imports/utf8-check.ts';

export interface ImportCrimeOptions {
  report?: ProgressReporter;
  signal?: AbortSignal;
  /** The workbook's limits (tests lower them). */
  limits?: { batches: number; cells: number };
}

/** A file's own part of the import's transaction: undone alone when the file is refused or cancelled. */
const FILE_SAVEPOINT = 'crime_file';

/**
 * `writable` gives the workbook's connection: asked for before anything is read (so a read-only
 * workbook is refused at once). The import holds the workbook's write transaction from its first
 * file to its last, so other changes to this workbook wait (refused as busy) until it is done.
 * Throws when nothing at all could be imported (the first refusal, or the cancellation).
 */
export async function importCrime(writable: () => WriteDb, ctx: ChangeContext, paths: readonly string[], options: ImportCrimeOptions = {}): Promise<ImportCrimeResult> {
  const report = options.report ?? ignoreProgress;
  const limits = options.limits ?? { batches: LIMITS.crimeBatches, cells: LIMITS.crimeCells };
  const db = writable();
  let totals = crimeTotals(db);
  const sources = await gatherCrimeSources(paths);
  const result: ImportCrimeResult = { imported: [], refused: [], skipped: sources.skipped, rows: 0, cancelled: false };
  try {
    await writeChangeInTurns(db, ctx, async (change) => {
      const log = new CrimeImportLog(change);
      for (const [index, source] of sources.files.entries()) {
        const of = sources.files.length > 1 ? ` (file ${index + 1} of ${sources.files.length})` : '';
        if (options.signal?.aborted) {
          if (result.imported.length === 0) throw new AppError('cancelled', `The import was cancelled before "${source.name}": nothing was imported.`);
          result.cancelled = true;
          break;
        }
        db.exec(`SAVEPOINT ${FILE_SAVEPOINT}`);
        try {
          report({ stage: `Reading ${source.name}${of}`, done: 0, total: source.bytes, rows: 0 });
          const read = await readStreetCrime(utf8Checked(await source.open(), source.name, 'csv'), source.name, {
            ...(options.signal ? { signal: options.signal } : {}),
            onProgress: (bytes, rows) => report({ stage: `Reading ${source.name}${of}`, done: bytes, total: source.bytes, rows }),
          });
          report({ stage: `Saving ${source.name}${of}`, done: source.bytes, total: source.bytes, rows: read.rows });
          let replacedCells = 0;
          let newBatches = 0;
          for (const batch of read.batches) {
            const earlier = findCrimeBatchId(db, batch.forceId, batch.month);
            if (earlier === null) newBatches += 1;
            else replacedCells += cellsOfBatch(db, earlier);
          }
          const after = { batches: totals.batches + newBatches, cells: totals.cells - replacedCells + read.cells };
          refuseOverLimits(source.name, after, limits);
          const stored = await log.store(db, ctx.newId, read, options.signal);
          db.exec(`RELEASE ${FILE_SAVEPOINT}`);
          totals = after;
          result.rows += read.rows;
          result.imported.push({ fileName: source.name, rows: read.rows, rowsWithoutLsoa: read.batches.reduce((sum, b) => sum + b.rowsWithoutLsoa, 0), batches: stored.batches });
        } catch (error) {
          // The file under way keeps nothing.
          if (db.inTransaction) {
            db.exec(`ROLLBACK TO ${FILE_SAVEPOINT}`);
            db.exec(`RELEASE ${FILE_SAVEPOINT}`);
          }
          // The files imported before a cancellation are kept: say so rather than fail.
          if (isAppError(error) && error.code === 'cancelled' && result.imported.length > 0) {
            result.cancelled = true;
            break;
          }
          if (!isAppError(error) || error.code === 'cancelled' || error.code === 'not-open' || error.code === 'read-only' || error.code === 'in-use') throw error;
          result.refused.push({ fileName: source.name, message: error.message });
        }
      }
      return { result: null, change: log.draft() };
    });
  } finally {
    sources.close();
  }
  const [firstRefusal] = result.refused;
  if (result.imported.length === 0 && firstRefusal) {
    const others = result.refused.length - 1;
    throw new AppError('invalid-input', others > 0 ? `${firstRefusal.message} (and ${others} other ${others === 1 ? 'file was' : 'files were'} refused too)` : firstRefusal.message);
  }
  return result;
}
