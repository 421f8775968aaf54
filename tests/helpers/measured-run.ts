// Runs a command as a child process under /usr/bin/time and reports its peak resident memory and
// how long it took, for the tests whose point is bounded memory (a hostile file refused in
// seconds, a large workbook read with flat memory). No vitest imports: child helpers use it too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the command, in MB. */
  peakMb: number;
  seconds: number;
}

export const EWB = path.resolve('electron/cli/ewb.js');

/** Runs `node args…` (this Node) under /usr/bin/time; stdout can be sent to a file to keep it out of memory. */
export async function measuredNode(args: string[], options: { env?: NodeJS.ProcessEnv; stdoutFile?: string; timeoutMs?: number } = {}): Promise<MeasuredRun> {
  const stats = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-time-')), 'time.txt');
  const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'pipe';
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', stats, process.execPath, '--disable-warning=ExperimentalWarning', ...args], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < 1_000_000) stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
  clearTimeout(timer);
  if (typeof out === 'number') fs.closeSync(out);
  const seconds = (performance.now() - started) / 1000;
  const kilobytes = Number.parseInt(fs.readFileSync(stats, 'utf8').trim().split('\n').at(-1) ?? '', 10);
  fs.rmSync(path.dirname(stats), { recursive: true, force: true });
  return { code, stdout, stderr, peakMb: kilobytes / 1024, seconds };
}

/** `ewb args…` under /usr/bin/time, with its own settings folder. */
export function measuredEwb(args: string[], configDir: string, options: { stdoutFile?: string; timeoutMs?: number } = {}): Promise<MeasuredRun> {
  return measuredNode([EWB, ...args], { ...options, env: { EWB_CONFIG_DIR: configDir, EWB_DEBUG: '' } });
}
