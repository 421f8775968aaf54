// The heavy reads themselves, one function per kind of job (a spreadsheet, a census CSV, a lookup,
// another force's workbook for the library, an interchange file): run in a worker thread by
// file-worker.ts, or on the calling thread for a file small enough that starting a worker would
// cost more than reading it (run-file-worker.ts decides). Each job's code is loaded only when that
// job runs (ExcelJS is not needed to read a census CSV).
import type { Progress } from '../jobs/job-progress.ts';
import type { ParseOptions, TabularData } from '../imports/parse-tabular.ts';
import type { MappedTableInput } from '../imports/import-mapped-table.ts';
import type { ZipLimits } from '../imports/inspect-xlsx.ts';
import type { PackedTable } from '../evidence/packed-table.ts';
import type { LookupArea, LookupMatches } from '../records/read-area-lookup.ts';
import type { InterchangeJob } from '../interchange/create-from-interchange.ts';
import type { LibrarySource } from '../library/read-library-source.ts';

export type FileJob =
  | { kind: 'tabular'; file: string; options: ParseOptions }
  | { kind: 'mapped'; file: string; request: MappedTableInput; zipLimits?: ZipLimits }
  | { kind: 'census'; file: string; tableCode?: string }
  | { kind: 'lookup'; file: string; areas: LookupArea[] }
  | { kind: 'library'; file: string }
  | InterchangeJob;

interface Results {
  tabular: TabularData;
  mapped: PackedTable;
  census: PackedTable;
  lookup: LookupMatches;
  library: LibrarySource;
  interchange: { counts: Record<string, number> };
}

export type JobResult<J extends FileJob> = Results[J['kind']];

export type Report = (progress: Progress) => void;

/** The answer, and the buffers to hand over rather than copy. */
export async function runJob(job: FileJob, report: Report): Promise<{ data: unknown; transfer: ArrayBuffer[] }> {
  switch (job.kind) {
    case 'tabular': {
      const { parseTabularFile } = await import('../imports/parse-tabular.ts');
      return { data: await parseTabularFile(job.file, job.options), transfer: [] };
    }
    case 'mapped': {
      const { readMappedTable } = await import('../imports/import-mapped-table.ts');
      const { packTable } = await import('../evidence/packed-table.ts');
      const packed = packTable(await readMappedTable(job.file, job.request, job.zipLimits));
      return { data: packed, transfer: [packed.counts.buffer as ArrayBuffer] };
    }
    case 'census': {
      const { parseCensusFile } = await import('../evidence/parse-census-csv.ts');
      const { packTable } = await import('../evidence/packed-table.ts');
      const parsed = await parseCensusFile(job.file, { ...(job.tableCode === undefined ? {} : { tableCode: job.tableCode }), onBytes: (done, total) => report({ stage: 'Reading the file', done, total }) });
      const packed = packTable({ ...parsed, source: '' });
      return { data: packed, transfer: [packed.counts.buffer as ArrayBuffer] };
    }
    case 'lookup': {
      const { readAreaLookup } = await import('../records/read-area-lookup.ts');
      return { data: await readAreaLookup(job.file, job.areas), transfer: [] };
    }
    case 'library': {
      const { readLibrarySource } = await import('../library/read-library-source.ts');
      return { data: readLibrarySource(job.file), transfer: [] };
    }
    case 'interchange': {
      const { createFromInterchange } = await import('../interchange/create-from-interchange.ts');
      return { data: await createFromInterchange(job), transfer: [] };
    }
  }
}

