// Imports an ONS Census 2021 bulk CSV into the workbook: read and checked in full first (streamed),
// then written in one transaction. The same table at the same geography level imported again
// replaces the earlier import under the same id, so audiences' evidence links (table id and
// category name) still hold. The change log records the import; it is not undone by Undo (remove a
// table to take it out).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportCensusResult } from '../../../shared/api/census.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeContext } from '../records/record-changes.ts';
import { appendChange } from '../workbook/change-log.ts';
import { findCensusTableId, getCensusTable, writeCensusTable, type CensusTableData } from './census-store.ts';
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

/**
 * Writes a table (replacing the same code at the same level, under the same id) with its
 * change-log entry, in one transaction. Census and mapped imports both store through this.
 */
export function storeCensusTable(db: WriteDb, ctx: ChangeContext, data: CensusTableData): ImportCensusResult {
  const at = ctx.now();
  let id = '';
  let replaced = false;
  db.transaction(() => {
    const earlier = findCensusTableId(db, data.code, data.geographyLevel);
    replaced = earlier !== null;
    id = earlier ?? ctx.newId();
    writeCensusTable(db, id, at, data);
    appendChange(db, {
      id: ctx.newId(),
      at,
      who: ctx.who,
      recordType: 'censusTable',
      recordId: id,
      action: 'create',
      before: null,
      after: { code: data.code, title: data.title, geographyLevel: data.geographyLevel, source: data.source, fileName: data.fileName },
    });
  }).immediate();
  const table = getCensusTable(db, id);
  if (!table) throw new AppError('internal', `The table ${data.code} was written but could not be read back.`);
  return { table, replaced, rows: data.geographies.length };
}

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
  return storeCensusTable(db, ctx, { ...table, source: censusSource(table.referenceDate) });
}
