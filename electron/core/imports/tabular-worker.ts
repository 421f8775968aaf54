// The worker thread read-tabular.ts starts for each file: it parses the file (parse-tabular.ts) with
// the memory limit it was started under and posts back the sheets, or the refusal as {code, message}.
// Run as TypeScript directly (Node 22 strips the types in workers as in the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../app-error.ts';
import { parseTabularFile, type ParseOptions, type TabularData } from './parse-tabular.ts';

export interface WorkerRequest {
  file: string;
  options: ParseOptions;
}

export type WorkerReply =
  | { ok: true; data: TabularData }
  | { ok: false; error: { code: string; message: string; expected: boolean } };

async function run(request: WorkerRequest): Promise<WorkerReply> {
  try {
    return { ok: true, data: await parseTabularFile(request.file, request.options) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message, expected: true } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), expected: false } };
  }
}

if (parentPort) {
  const port = parentPort;
  const reply = await run(workerData as WorkerRequest);
  port.postMessage(reply);
}
