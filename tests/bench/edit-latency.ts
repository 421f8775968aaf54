// One edit, API call to durable: our updateWorkbookDetails through the core's boundary against a
// raw better-sqlite3 durable single-row insert (rollback journal, synchronous=FULL) on the same disk.
// The two take turns, one of each at a time, so both meet the same disk: on a shared machine the
// time of an fsync swings from run to run by more than the work of an edit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { describeSamples, percentile, time, timeAsync, type BenchResult } from './bench-stats.ts';

export async function benchEditLatency(edits: number): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-edit-'));
  try {
    const raw = new Database(path.join(dir, 'raw.db'));
    raw.pragma('journal_mode = DELETE');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO t (body) VALUES (?)');
    const rawMs: number[] = [];

    const silent = { error: () => {}, warn: () => {}, info: () => {} };
    const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
    const created = await core.call('createWorkbook', {
      path: path.join(dir, 'bench.ewb'),
      details: { force: 'kent', title: 'Bench', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null },
    });
    if (!created.ok) throw new Error(created.error.message);
    const handle = (created.value as { handle: string }).handle;
    const oursMs: number[] = [];
    for (let i = 0; i < edits; i += 1) {
      rawMs.push(time(() => insert.run(`edit ${i}`)).ms);
      const { ms, value } = await timeAsync(() => core.call('updateWorkbookDetails', { handle, changes: { versionLabel: `Draft ${i}` } }));
      if (!value.ok) throw new Error(value.error.message);
      oursMs.push(ms);
    }
    core.closeAll();
    raw.close();

    console.log(`  ${describeSamples({ name: 'raw durable insert', ms: rawMs })}`);
    console.log(`  ${describeSamples({ name: 'updateWorkbookDetails', ms: oursMs })}`);
    const ratio = percentile(oursMs, 99) / percentile(rawMs, 99);
    return { bench: 'edit to durable, p99 vs raw insert', figure: `${ratio.toFixed(2)}×`, target: '≤ 2×', met: ratio <= 2 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
