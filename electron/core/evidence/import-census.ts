// Imports an ONS Census 2021 bulk CSV into the workbook: read and checked in full first (streamed),
// then written in one transaction. The same table at the same geography level imported again
// replaces the earlier import under the same id, so audiences' evidence links (table id and
// category name) still hold. The import is one change: Undo takes it out (or puts back the table
// it replaced).
import type { ImportCensusResult } from '../../../shared/api/census.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeContext } from '../changes/write-change.ts';
import { storeCensusTable } from './census-changes.ts';
import { parseCensusFile, type ParsedCensus } from './parse-census-csv.ts';
import { ignoreProgress, type ProgressReporter } from '../jobs/job-progress.ts';

/** The source recorded for a nomis bulk file: the census its reference date belongs to. */
export function censusSource(referenceDate: string): string {
  const year = /^\d{4}/.exec(referenceDate)?.[0] ?? '2021';
  return `ONS Census ${year}`;
}

/** Writes a parsed nomis table, its source named after the census it comes from. */
export function storeParsedCensus(db: WriteDb, ctx: ChangeContext, parsed: ParsedCensus): ImportCensusResult {
  return storeCensusTable(db, ctx, { ...parsed, source: censusSource(parsed.referenceDate) });
}

export { storeCensusTable };

/**
 * Reads `file` and imports it. `writable` gives the workbook's connection: asked for before the file
 * is read (so a read-only workbook is refused at once) and again after, in case it was closed meanwhile.
 */
export async function importCensus(writable: () => WriteDb, ctx: ChangeContext, file: string, tableCode?: string, report: ProgressReporter = ignoreProgress): Promise<ImportCensusResult> {
  writable();
  const parsed = await parseCensusFile(file, { ...(tableCode === undefined ? {} : { tableCode }), onBytes: (done, total) => report({ stage: 'Reading the file', done, total }) });
  report({ stage: 'Saving to the workbook', done: 0, total: 0 });
  return storeParsedCensus(writable(), ctx, parsed);
}
