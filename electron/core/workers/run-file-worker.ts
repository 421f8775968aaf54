// Runs one heavy read (a spreadsheet, a census CSV, a lookup, an interchange file) in a worker
// thread with a memory limit and a time limit, so a hostile or huge file costs the app a refused
// request, never the process: a worker that runs out of heap or time is stopped and the file
// refused as too large; the main thread keeps answering meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error.ts';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/result.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';
import type { Progress } from '../jobs/job-progress.ts';
import type { WorkerMessage } from './file-worker.ts';
import { runJob, type FileJob, type JobResult } from './run-file-job.ts';

export interface WorkerLimits {
  /** The worker's JavaScript heap. */
  maxOldGenerationSizeMb: number;
  /** How long the worker may take before it is stopped. */
  timeoutMs: number;
}

/**
 * The smallest heap a worker is given, whatever is asked. Below about 3 MB V8 cannot even start the
 * worker's isolate, and that failure is fatal to the whole process, not a catchable worker error.
 */
export const MIN_HEAP_MB = 16;

/** The default limits for a file of `bytes`: the heap from LIMITS, the time growing with the file. */
export function limitsForFile(bytes: number): WorkerLimits {
  return { maxOldGenerationSizeMb: LIMITS.workerHeapMb, timeoutMs: LIMITS.workerBaseMs + Math.ceil((bytes / 1048576) * LIMITS.workerMsPerMiB) };
}

/**
 * The worker's module: the TypeScript source beside this file when run from source (vitest, the CLI,
 * the host); in a bundle (electron-vite's out/main) the source is not there, and the worker is
 * expected as its own entry, file-worker.js, beside the bundle.
 */
function workerUrl(): URL {
  const source = new URL('./file-worker.ts', import.meta.url);
  return fs.existsSync(source) ? source : new URL('./file-worker.js', import.meta.url);
}

export interface RunOptions {
  /** The file's name, for the refusal. */
  fileName: string;
  /** What to do instead, said after a "too large" refusal. */
  advice: string;
  /** Overrides of the defaults (tests use a smaller heap or a shorter time). */
  limits?: Partial<WorkerLimits>;
  /** The size of the file, for the default time limit. */
  bytes?: number;
  onProgress?: (progress: Progress) => void;
}

export function tooLargeToRead(fileName: string, why: string, advice: string): AppError {
  return new AppError('invalid-input', `"${fileName}" is too large or too complex to read (${why}). ${advice} Nothing was imported.`);
}

function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

/**
 * Whether `job` may run on the calling thread: a file this small costs more to start a worker for
 * than to read, and every reader but ExcelJS streams with its count limits checked as it goes, so
 * it cannot grow beyond a few times its size. An Excel file always goes to a worker (a small zip
 * can unpack to 100 MB of XML), and so does any job given limits of its own.
 */
function readsOnThisThread(job: FileJob, options: RunOptions): boolean {
  if (options.limits !== undefined || (options.bytes ?? 0) > LIMITS.inThreadBytes) return false;
  if (job.kind === 'tabular' || job.kind === 'mapped') return path.extname(job.file).toLowerCase() === '.csv';
  return true;
}

/** Runs `job` in a fresh worker (or, for a small file, here); refuses (never crashes) when the worker runs out of memory or time. */
export async function runFileWorker<J extends FileJob>(job: J, options: RunOptions): Promise<JobResult<J>> {
  if (readsOnThisThread(job, options)) return (await runJob(job, options.onProgress ?? (() => {}))).data as JobResult<J>;
  const { fileName, advice } = options;
  const limits = { ...limitsForFile(options.bytes ?? 0), ...options.limits };
  limits.maxOldGenerationSizeMb = Math.max(MIN_HEAP_MB, Math.floor(limits.maxOldGenerationSizeMb));
  limits.timeoutMs = Math.max(1, limits.timeoutMs);

  return await new Promise<JobResult<J>>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerUrl(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: Math.min(32, Math.floor(limits.maxOldGenerationSizeMb / 8)) },
    });
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The worker has answered or failed: it is not needed any more either way. The answer waits
      // until it has stopped, so that whatever it was writing can be cleared away after.
      void worker.terminate().then(action, action);
    };
    const timer = setTimeout(() => {
      const allowed = limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} seconds`;
      settle(() => reject(tooLargeToRead(fileName, `reading it took longer than the ${allowed} allowed`, advice)));
    }, limits.timeoutMs);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        if (!settled) options.onProgress?.(message.progress);
        return;
      }
      const reply = message.reply;
      settle(() => {
        if (reply.ok) resolve(reply.data as JobResult<J>);
        else if (reply.error.expected) reject(new AppError(asErrorCode(reply.error.code), reply.error.message, reply.error.fields));
        else reject(new Error(`Reading "${fileName}" failed: ${reply.error.message}`));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(tooLargeToRead(fileName, `it needed more than the ${limits.maxOldGenerationSizeMb} MB of memory allowed`, advice));
        else reject(error);
      });
    });
    worker.once('exit', (exitCode) => {
      settle(() => reject(exitCode === 0 ? new Error(`Reading "${fileName}" stopped without an answer.`) : tooLargeToRead(fileName, `the reader stopped with exit code ${exitCode}`, advice)));
    });
  });
}
