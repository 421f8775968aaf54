// A census table of 300 local authorities × 20 categories (nomis layout, hierarchy and `; measures:
// Value` suffix) imported through the core's boundary into a fresh workbook each run: the median of
// five against the target of a second, beside csv-parse alone reading the same file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { percentile, timeAsync, type BenchResult } from './bench-stats.ts';

const SUFFIX = '; measures: Value';

/** A nomis-layout CSV: a total, then `groups` groups of `perGroup - 1` subgroups each (20 columns for 4 × 5). */
export function censusCsv(areas: number, groups = 4, perGroup = 5): string {
  const names = ['Population: Total: All usual residents'];
  for (let g = 1; g <= groups; g += 1) {
    names.push(`Population: Group ${g}, all`);
    for (let s = 1; s < perGroup; s += 1) names.push(`Population: Group ${g}, all: Subgroup ${g}.${s}`);
  }
  const lines = [['date', 'geography', 'geography code', ...names.map((n) => `"${n}${SUFFIX}"`)].join(',')];
  for (let a = 0; a < areas; a += 1) {
    const counts: number[] = [];
    let total = 0;
    for (let g = 1; g <= groups; g += 1) {
      const subs = Array.from({ length: perGroup - 1 }, (_, s) => 100 + ((a * 37 + g * 11 + s * 5) % 900));
      const group = subs.reduce((sum, n) => sum + n, 0);
      total += group;
      counts.push(group, ...subs);
    }
    lines.push(['2021', `"Authority ${a + 1}, District of"`, `E0${6 + (a % 4)}${String(a).padStart(6, '0')}`, total, ...counts].join(','));
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

async function csvParseAlone(file: string): Promise<number> {
  let rows = 0;
  for await (const _ of fs.createReadStream(file).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }))) rows += 1;
  return rows;
}

export async function benchCensusImport(runs = 5, areas = 300): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-census-'));
  try {
    const csv = path.join(dir, 'census2021-ts999-ltla.csv');
    fs.writeFileSync(csv, censusCsv(areas));

    const silent = { error: () => {}, warn: () => {}, info: () => {} };
    const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
    const importMs: number[] = [];
    const parseMs: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const created = await core.call('createWorkbook', {
          path: path.join(dir, `bench-${run}.ewb`),
          details: { force: 'kent', title: 'Bench', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null },
        });
        if (!created.ok) throw new Error(created.error.message);
        const handle = (created.value as { handle: string }).handle;
        const { ms, value } = await timeAsync(() => core.call('importCensus', { handle, source: csv }));
        if (!value.ok) throw new Error(value.error.message);
        const rows = (value.value as { rows: number }).rows;
        if (rows !== areas) throw new Error(`imported ${rows} areas, expected ${areas}`);
        importMs.push(ms);
        await core.call('closeWorkbook', { handle });

        const parsed = await timeAsync(() => csvParseAlone(csv));
        if (parsed.value !== areas + 1) throw new Error(`csv-parse read ${parsed.value} rows, expected ${areas + 1}`);
        parseMs.push(parsed.ms);
      }
    } finally {
      core.closeAll();
    }

    const median = percentile(importMs, 50);
    const baseline = percentile(parseMs, 50);
    console.log(`  import through the core: ${importMs.map((ms) => ms.toFixed(1)).join(', ')} ms (median ${median.toFixed(1)} ms)`);
    console.log(`  csv-parse alone:         ${parseMs.map((ms) => ms.toFixed(1)).join(', ')} ms (median ${baseline.toFixed(1)} ms)`);
    return {
      bench: `census import, ${areas} LAs × 20 categories, median of ${runs}`,
      figure: `${median.toFixed(0)} ms (${(median / baseline).toFixed(1)}× csv-parse alone, ${baseline.toFixed(1)} ms)`,
      target: '< 1 s',
      met: median < 1000,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
