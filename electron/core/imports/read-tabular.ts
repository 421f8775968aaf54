// Reads a CSV or XLSX from elsewhere off the main thread: a worker_threads Worker with a memory limit
// and a time limit parses it (tabular-worker.ts → parse-tabular.ts, the XLSX only after
// inspect-xlsx.ts has passed it). A file that runs the worker out of memory or time is refused as
// too large or too complex; the app carries on. The answer is each sheet's columns and rows as text.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error.ts';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/result.ts';
import type { ZipLimits } from './inspect-xlsx.ts';
import { tabularKindOf, type TabularData } from './parse-tabular.ts';
import type { WorkerReply, WorkerRequest } from './tabular-worker.ts';

export interface WorkerLimits {
  /** The worker's JavaScript heap. */
  maxOldGenerationSizeMb: number;
  /** How long the worker may take before it is stopped. */
  timeoutMs: number;
}

export const WORKER_LIMITS: Readonly<WorkerLimits> = Object.freeze({ maxOldGenerationSizeMb: 512, timeoutMs: 60_000 });
/**
 * The smallest heap a worker is given, whatever is asked. Below about 3 MB V8 cannot even start the
 * worker's isolate, and that failure is fatal to the whole process, not a catchable worker error.
 */
export const MIN_HEAP_MB = 16;

export interface ReadTabularOptions {
  mode: 'preview' | 'all';
  /** With mode 'all', only this sheet's rows are sent back (the first sheet's when left out; the others: columns and counts). */
  sheet?: string;
  /** For tests: a smaller heap or a shorter time to show the refusal. */
  limits?: Partial<WorkerLimits>;
  /** For tests: other zip limits. */
  zipLimits?: ZipLimits;
}

/**
 * The worker's module: the TypeScript source beside this file when run from source (vitest, the CLI,
 * the host); in a bundle (electron-vite's out/main) the source is not there, and the worker is
 * expected as its own entry, tabular-worker.js, beside the bundle.
 */
function workerUrl(): URL {
  const source = new URL('./tabular-worker.ts', import.meta.url);
  return fs.existsSync(source) ? source : new URL('./tabular-worker.js', import.meta.url);
}

function tooLarge(fileName: string, why: string): AppError {
  return new AppError(
    'invalid-input',
    `"${fileName}" is too large or too complex to read (${why}). Save only the sheet and the rows and columns you need into a new file, and import that. Nothing was imported.`,
  );
}

function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

/** Reads `file` in a worker; refuses (never crashes) when the worker runs out of memory or time. */
export async function readTabular(file: string, options: ReadTabularOptions): Promise<TabularData> {
  const fileName = path.basename(file);
  tabularKindOf(file);
  const limits = { ...WORKER_LIMITS, ...options.limits };
  limits.maxOldGenerationSizeMb = Math.max(MIN_HEAP_MB, Math.floor(limits.maxOldGenerationSizeMb));
  limits.timeoutMs = Math.max(1, limits.timeoutMs);
  const request: WorkerRequest = {
    file,
    options: {
      mode: options.mode,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      ...(options.zipLimits === undefined ? {} : { zipLimits: options.zipLimits }),
    },
  };

  return await new Promise<TabularData>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerUrl(), {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: Math.min(32, Math.floor(limits.maxOldGenerationSizeMb / 8)) },
    });
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      // The worker has answered or failed: it is not needed any more either way.
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      const allowed = limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} seconds`;
      settle(() => reject(tooLarge(fileName, `reading it took longer than the ${allowed} allowed`)));
    }, limits.timeoutMs);

    worker.once('message', (reply: WorkerReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.data);
        else if (reply.error.expected) reject(new AppError(asErrorCode(reply.error.code), reply.error.message));
        else reject(new Error(`Reading "${fileName}" failed: ${reply.error.message}`));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(tooLarge(fileName, `it needed more than the ${limits.maxOldGenerationSizeMb} MB of memory allowed`));
        else reject(error);
      });
    });
    worker.once('exit', (exitCode) => {
      settle(() => reject(exitCode === 0 ? new Error(`Reading "${fileName}" stopped without an answer.`) : tooLarge(fileName, `the reader stopped with exit code ${exitCode}`)));
    });
  });
}
