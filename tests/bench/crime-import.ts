// The crime import against QUALITY.md: a police.uk-shaped file of 1,000,000 rows (about 250 MB)
// imported through the core's boundary at ≥ 0.5 × the chosen parser's (uDSV's) own throughput over
// the same file, with peak memory under 300 MB. Each measurement runs in a fresh child process, so
// its peak RSS is its own; the candidates measured when the parser was chosen run beside it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, type BenchResult } from './bench-stats.ts';
import { inferSchema, initParser } from 'udsv';
import Papa from 'papaparse';
import { parse } from 'csv-parse';
import { writeLargeStreetCsv } from '../helpers/police-csv.ts';

const MiB = 1024 * 1024;
const HERE = fileURLToPath(import.meta.url);

type Mode = 'import' | 'udsv' | 'papaparse' | 'csv-parse';

interface Measured {
  ms: number;
  rssMb: number;
  rows: number;
}

/** Reads the file with a parser alone (counting rows, nothing else), as the import reads it: 1 MiB slices. */
async function parseAlone(mode: Exclude<Mode, 'import'>, file: string): Promise<number> {
  let rows = 0;
  if (mode === 'udsv') {
    let parser: ReturnType<typeof initParser> | null = null;
    const count = () => {
      rows += 1;
    };
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: MiB })) {
      parser ??= initParser(inferSchema(chunk as string, { col: ',', row: '\n', encl: '"' }));
      parser.chunk<string[]>(chunk as string, parser.stringArrs, count);
    }
    parser?.end();
  } else if (mode === 'papaparse') {
    await new Promise<void>((resolve, reject) => {
      Papa.parse(fs.createReadStream(file, { encoding: 'utf8', highWaterMark: MiB }) as unknown as File, {
        step: () => {
          rows += 1;
        },
        complete: () => resolve(),
        error: reject,
      });
    });
    rows -= 1;
  } else {
    for await (const _ of fs.createReadStream(file, { highWaterMark: MiB }).pipe(parse({ bom: true, from_line: 2 }))) rows += 1;
  }
  return rows;
}

async function importThroughCore(file: string, dir: string): Promise<{ ms: number; rows: number }> {
  const { createAppCore } = await import('../../electron/core/create-app-core.ts');
  const { defaultDeps } = await import('../../electron/core/default-deps.ts');
  const silent = { error: () => {}, warn: () => {}, info: () => {} };
  const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
  try {
    const created = await core.call('createWorkbook', {
      path: path.join(dir, `bench-${process.pid}.ewb`),
      details: { force: 'kent', title: 'Bench', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null },
    });
    if (!created.ok) throw new Error(created.error.message);
    const handle = (created.value as { handle: string }).handle;
    const start = process.hrtime.bigint();
    const result = await core.call('importCrime', { handle, sources: [file] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!result.ok) throw new Error(result.error.message);
    return { ms, rows: (result.value as { rows: number }).rows };
  } finally {
    core.closeAll();
  }
}

/** One measurement in a fresh process: its time and its peak RSS. */
function measure(mode: Mode, file: string, dir: string): Measured {
  const child = spawnSync(process.execPath, [HERE, mode, file, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

export async function benchCrimeImport(rows = 1_000_000, runs = 3): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-crime-'));
  try {
    const file = path.join(dir, '2024-01-kent-street.csv');
    await writeLargeStreetCsv(file, rows, { lsoas: 5000 });
    const size = fs.statSync(file).size;
    const mbps = (ms: number) => size / MiB / (ms / 1000);
    const samples: Record<Mode, Measured[]> = { import: [], udsv: [], papaparse: [], 'csv-parse': [] };
    for (let run = 0; run < runs; run += 1) {
      for (const mode of ['udsv', 'import', 'papaparse'] as const) samples[mode].push(measure(mode, file, dir));
    }
    samples['csv-parse'].push(measure('csv-parse', file, dir));
    for (const [mode, list] of Object.entries(samples)) {
      if (list.some((m) => m.rows !== rows)) throw new Error(`${mode} read ${list.map((m) => m.rows).join(', ')} rows, expected ${rows}`);
    }
    const median = (mode: Mode) => percentile(samples[mode].map((m) => m.ms), 50);
    const peak = Math.max(...samples.import.map((m) => m.rssMb));
    for (const mode of ['udsv', 'papaparse', 'csv-parse', 'import'] as const) {
      console.log(`  ${mode.padEnd(9)} ${samples[mode].map((m) => `${(m.ms / 1000).toFixed(2)} s`).join(', ')} (median ${mbps(median(mode)).toFixed(0)} MB/s; peak RSS ${Math.max(...samples[mode].map((m) => m.rssMb)).toFixed(0)} MB)`);
    }
    const ratio = mbps(median('import')) / mbps(median('udsv'));
    return [
      {
        bench: `crime import, ${rows.toLocaleString('en-GB')} rows (${(size / MiB).toFixed(0)} MB), median of ${runs}`,
        figure: `${mbps(median('import')).toFixed(0)} MB/s = ${ratio.toFixed(2)} × uDSV alone (${mbps(median('udsv')).toFixed(0)} MB/s; papaparse ${mbps(median('papaparse')).toFixed(0)}, csv-parse ${mbps(median('csv-parse')).toFixed(0)})`,
        target: '≥ 0.5 × the parser alone',
        met: ratio >= 0.5,
      },
      { bench: `crime import, ${rows.toLocaleString('en-GB')} rows, peak RSS`, figure: `${peak.toFixed(0)} MB`, target: '< 300 MB', met: peak < 300 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === HERE && process.argv.length === 5) {
  const [mode, file, dir] = process.argv.slice(2) as [Mode, string, string];
  const start = process.hrtime.bigint();
  let rows: number;
  let ms: number;
  if (mode === 'import') {
    ({ ms, rows } = await importThroughCore(file, dir));
  } else {
    rows = await parseAlone(mode, file);
    ms = Number(process.hrtime.bigint() - start) / 1e6;
  }
  console.log(JSON.stringify({ ms, rows, rssMb: process.resourceUsage().maxRSS / 1024 }));
}
