// Imports an ONS Census 2021 bulk CSV into the workbook: read and checked in full first (streamed),
// then written in one transaction. The same table at the same geography level imported again
// replaces the earlier import under the same id, so audiences' evidence links (table id and
// category name) still hold. The import is one change: Undo takes it out (or puts back the table
// it replaced).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportCensusResult } from '../../../shared/api/census.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeContext } from '../changes/write-change.ts';
import { storeCensusTable, storeCensusTableInTurns } from './census-changes.ts';
import type { ParsedCensus } from './parse-census-csv.ts';
import { ignoreProgress, type ProgressReporter } from '../jobs/job-progress.ts';
import { runFileWorker, type WorkerLimits } from '../workers/run-file-worker.ts';
import { checkRoomForTable } from './census-limits.ts';
import { unpackTable } from './packed-table.ts';

/** The source recorded for a nomis bulk file: the census its reference date belongs to. */
export function censusSource(referenceDate: string): string {
  const year = /^\d{4}/.exec(referenceDate)?.[0] ?? '2021';
  return `ONS Census ${year}`;
}

export { storeCensusTable };

/** Writes a parsed nomis table, its source named after the census it comes from. */
export function storeParsedCensus(db: WriteDb, ctx: ChangeContext, parsed: ParsedCensus): ImportCensusResult {
  return storeCensusTable(db, ctx, { ...parsed, source: censusSource(parsed.referenceDate) });
}

/** The size of a file to be read, for its reader's time limit (0 when it cannot be seen: the reader says why). */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Reads `file` and imports it. The file is parsed in a worker thread (with a memory and a time
 * limit), so the app goes on answering meanwhile; the write is one transaction on this thread.
 * `writable` gives the workbook's connection: asked for before the file is read (so a read-only
 * workbook is refused at once) and again after, in case it was closed meanwhile.
 */
export async function importCensus(
  writable: () => WriteDb,
  ctx: ChangeContext,
  file: string,
  tableCode?: string,
  report: ProgressReporter = ignoreProgress,
  limits?: Partial<WorkerLimits>,
): Promise<ImportCensusResult> {
  writable();
  const fileName = path.basename(file);
  const packed = await runFileWorker(
    { kind: 'census', file, ...(tableCode === undefined ? {} : { tableCode }) },
    { fileName, advice: 'Download the table for a smaller area or a coarser geography level.', bytes: fileSize(file), onProgress: report, ...(limits ? { limits } : {}) },
  );
  const table = unpackTable(packed);
  report({ stage: 'Saving to the workbook', done: 0, total: 0 });
  const db = writable();
  checkRoomForTable(db, table.code, table.geographyLevel, fileName);
  return storeCensusTableInTurns(db, ctx, { ...table, source: censusSource(table.referenceDate) });
}
