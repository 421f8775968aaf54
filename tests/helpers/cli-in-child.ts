// Runs `ewb` in a child process as a planner would from a terminal, with a settings folder of its
// own: its exit code and output, and for the tests where memory flat in a workbook's size is the
// point, its peak memory and time too.
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { tempDir } from './temp-dir.ts';

const BIN = path.resolve('electron/cli/ewb.js');

/** Runs `ewb args`, with a fresh settings folder unless `configDir` names one. */
export function runEwb(args: string[], options: { configDir?: string; maxBuffer?: number } = {}): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EWB_CONFIG_DIR: options.configDir ?? tempDir('ewb-cli-config-'), EWB_DEBUG: '' },
    ...(options.maxBuffer ? { maxBuffer: options.maxBuffer } : {}),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Peak resident memory of the child, in bytes. */
  peakRss: number;
  ms: number;
  pid: number;
}

export function ewbWithPeakRss(args: string[], configDir: string, timeoutMs = 600_000): CliRun {
  const script = `
    import { runCli } from ${JSON.stringify(path.resolve('electron/cli/run-cli.ts'))};
    import fs from 'node:fs';
    const out = [], err = [];
    const code = await runCli(${JSON.stringify(args)}, { out: (t) => out.push(t), err: (t) => err.push(t) });
    fs.writeSync(1, JSON.stringify({ code, out: out.join(''), err: err.join(''), peakRss: process.resourceUsage().maxRSS * 1024, pid: process.pid }) + '\\n');`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, EWB_CONFIG_DIR: configDir, EWB_DEBUG: '', TMPDIR: os.tmpdir() },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  if (child.error || child.status !== 0) throw new Error(`ewb ${args.join(' ')} did not finish: ${child.error?.message ?? `exit ${String(child.status)}`} ${child.stderr.slice(-2000)}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Omit<CliRun, 'ms'>), ms };
}
