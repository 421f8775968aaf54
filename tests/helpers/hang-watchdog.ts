// A watchdog for synchronous code under test. The core's calls run SQLite synchronously, so a call
// that never returns would block the test worker's event loop and vitest's own timeout could never
// fire: the run would hang instead of failing. The watchdog is a worker thread with its own event
// loop; if one watched call runs longer than `limitMs` it prints what was running to stderr and
// kills the test process, so the hang becomes a visible failure naming the case.
import { Worker } from 'node:worker_threads';

export interface HangWatchdog {
  /** Runs `fn` (sync or async) under watch; `label` is printed if it hangs. */
  watch<T>(label: string, fn: () => T | Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

const WATCHER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const started = new Float64Array(workerData.shared);
let label = '';
parentPort.on('message', (message) => { label = message; });
setInterval(() => {
  const since = started[0];
  if (since > 0 && Date.now() - since > workerData.limitMs) {
    fs.writeSync(2, '\\nHANG: a watched call ran for more than ' + workerData.limitMs + ' ms: ' + label + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);
`;

export function startHangWatchdog(limitMs: number): HangWatchdog {
  const shared = new SharedArrayBuffer(8);
  const started = new Float64Array(shared);
  const worker = new Worker(WATCHER_SOURCE, { eval: true, workerData: { shared, limitMs } });
  worker.unref();
  return {
    async watch<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
      worker.postMessage(label);
      started[0] = Date.now();
      try {
        return await fn();
      } finally {
        started[0] = 0;
      }
    },
    async stop(): Promise<void> {
      await worker.terminate();
    },
  };
}
