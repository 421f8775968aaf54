// The worker thread run-file-worker.ts starts for each heavy read: it runs one job (run-file-job.ts)
// under the memory limit it was started under and posts back the answer, or the refusal as
// {code, message}. Run as TypeScript directly (Node 22 strips the types in workers as in the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../app-error.ts';
import type { Progress } from '../jobs/job-progress.ts';
import { runJob, type FileJob, type Report } from './run-file-job.ts';

export type WorkerReply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; expected: boolean; fields?: Record<string, string> } };

export type WorkerMessage = { type: 'progress'; progress: Progress } | { type: 'done'; reply: WorkerReply };

async function run(job: FileJob, report: Report): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  try {
    const { data, transfer } = await runJob(job, report);
    return { reply: { ok: true, data }, transfer };
  } catch (error) {
    if (isAppError(error)) return { reply: { ok: false, error: { code: error.code, message: error.message, expected: true, ...(error.fields ? { fields: error.fields } : {}) } }, transfer: [] };
    return { reply: { ok: false, error: { code: 'internal', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), expected: false } }, transfer: [] };
  }
}

if (parentPort) {
  const port = parentPort;
  const { reply, transfer } = await run(workerData as FileJob, (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerMessage));
  port.postMessage({ type: 'done', reply } satisfies WorkerMessage, transfer);
}
