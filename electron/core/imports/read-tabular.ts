// Reads a CSV or XLSX from elsewhere off the main thread: a worker with a memory limit and a time
// limit parses it (run-file-worker.ts → parse-tabular.ts, the XLSX only after inspect-xlsx.ts has
// passed it). A file that runs the worker out of memory or time is refused as too large or too
// complex; the app carries on. The answer is each sheet's columns and rows as text.
import path from 'node:path';
import type { ZipLimits } from './inspect-xlsx.ts';
import { tabularKindOf, type TabularData } from './parse-tabular.ts';
import { fileSize } from '../evidence/import-census.ts';
import { runFileWorker, type WorkerLimits } from '../workers/run-file-worker.ts';

export { MIN_HEAP_MB, type WorkerLimits } from '../workers/run-file-worker.ts';

/** What to do with a spreadsheet too large to read. */
export const TABULAR_ADVICE = 'Save only the sheet and the rows and columns you need into a new file, and import that.';

export interface ReadTabularOptions {
  mode: 'preview' | 'all';
  /** With mode 'all', only this sheet's rows are sent back (the first sheet's when left out; the others: columns and counts). */
  sheet?: string;
  /** For tests: a smaller heap or a shorter time to show the refusal. */
  limits?: Partial<WorkerLimits>;
  /** For tests: other zip limits. */
  zipLimits?: ZipLimits;
}

/** Reads `file` in a worker; refuses (never crashes) when the worker runs out of memory or time. */
export async function readTabular(file: string, options: ReadTabularOptions): Promise<TabularData> {
  tabularKindOf(file);
  return await runFileWorker(
    {
      kind: 'tabular',
      file,
      options: {
        mode: options.mode,
        ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
        ...(options.zipLimits === undefined ? {} : { zipLimits: options.zipLimits }),
      },
    },
    { fileName: path.basename(file), advice: TABULAR_ADVICE, bytes: fileSize(file), ...(options.limits ? { limits: options.limits } : {}) },
  );
}
