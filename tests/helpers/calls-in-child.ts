// Runs core calls in a child process with a time limit and reports their results and the child's
// peak memory: for hostile files that, were a defence missing, would block or eat memory and
// take the test runner with them.
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface ChildCalls {
  /** Each call's Result, in order; empty if the child did not finish. */
  results: Array<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** The child's peak resident memory in bytes. */
  peakRss: number;
  /** Set if the child was stopped by the time limit or failed to start. */
  failure: string | null;
}

export function callsInChild(calls: Array<{ method: string; request: unknown }>, options: { configDir: string; timeoutMs?: number }): ChildCalls {
  const script = `
    import { childCore } from ${JSON.stringify(path.resolve('tests/helpers/child-core.ts'))};
    const core = childCore(${JSON.stringify(options.configDir)});
    const results = [];
    for (const { method, request } of ${JSON.stringify(calls)}) results.push(await core.call(method, request));
    core.closeAll();
    console.log(JSON.stringify({ results, peakRss: process.resourceUsage().maxRSS * 1024 }));`;
  const child = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error || child.status !== 0) {
    return { results: [], peakRss: 0, failure: `${child.error?.message ?? `exit ${String(child.status)}`} ${child.stderr.slice(-2000)}` };
  }
  const parsed = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Omit<ChildCalls, 'failure'>;
  return { ...parsed, failure: null };
}
