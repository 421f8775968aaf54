// Issue 11, item 2: memory stays flat in workbook size. A workbook is seeded with census tables
// as large as an import may make them (and records), then `ewb info`, `check`, `dump`, `census`
// (summary and --json) and `export` each run as a child process whose peak resident memory must
// stay under 300 MB. CI seeds about 35 MB; EWB_LONG=1 seeds 2 GB (which also needs opening a
// workbook read-only without copying it into memory, as open-database.ts is being changed to do). The dump is read back with
// `ewb new --from`: whatever an import accepted, every command handles.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/domain/limits.ts';
import { measuredEwb } from '../helpers/measured-run.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { LONG, scaled } from '../helpers/test-scale.ts';

const CEILING_MB = 300;

/** Adds `tables` census tables of `rows` × `categories` (within the limits) and `aims` aims, straight into the file. */
function seed(file: string, tables: number, rows: number, categories: number, aims: number): void {
  expect(rows * categories).toBeLessThanOrEqual(LIMITS.censusValues);
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const at = '2026-11-25T10:00:00.000Z';
  db.transaction(() => {
    const aim = db.prepare('INSERT INTO aim (id, created_at, updated_at, reviewed_at, shareable, notes, title, description) VALUES (?, ?, ?, NULL, 1, ?, ?, ?)');
    for (let i = 0; i < aims; i += 1) aim.run(crypto.randomUUID(), at, at, `Note ${i}`, `Aim number ${i}`, 'Why this matters. '.repeat(20));
  })();
  for (let t = 0; t < tables; t += 1) {
    const id = crypto.randomUUID();
    db.transaction(() => {
      db.prepare('INSERT INTO census_table (id, code, title, source, reference_date, geography_level, file_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, `TS${900 + t}`, `Table ${t}`, 'ONS Census 2021', '2021', 'oa', `census2021-ts${900 + t}-oa.csv`, at);
      const category = db.prepare('INSERT INTO census_category (table_id, position, name, label, parent_position, is_total) VALUES (?, ?, ?, ?, NULL, ?)');
      for (let c = 0; c < categories; c += 1) category.run(id, c, c === 0 ? 'Total' : `Kind ${c}`, c === 0 ? 'Total' : `Kind ${c}`, c === 0 ? 1 : 0);
      const geography = db.prepare('INSERT INTO census_geography (table_id, code, name) VALUES (?, ?, ?)');
      const value = db.prepare(`INSERT INTO census_value (table_id, geography_code, position, count) VALUES ${Array.from({ length: categories }, () => '(?, ?, ?, ?)').join(', ')}`);
      for (let r = 0; r < rows; r += 1) {
        const code = `E00${String(r).padStart(6, '0')}`;
        geography.run(id, code, `Output area ${r}`);
        const values: unknown[] = [];
        for (let c = 0; c < categories; c += 1) values.push(id, code, c, c === 0 ? 300 : (r + c) % 17);
        value.run(values);
      }
    })();
  }
  db.close();
}

describe('a large workbook, every command with flat memory', () => {
  it(`info, check, dump, census and export stay under ${CEILING_MB} MB on a ${LONG ? '2 GB' : '35 MB'} workbook`, async () => {
    const dir = tempDir();
    const config = tempDir('ewb-config-');
    const file = path.join(dir, 'Big.ewb');
    const made = await measuredEwb(['new', file, '--force', 'Kent Police', '--title', 'Big'], config);
    expect(made.code, made.stderr).toBe(0);
    seed(file, scaled(1, 3), scaled(25_000, LIMITS.censusRows), scaled(20, 40), scaled(2_000, 20_000));
    const size = fs.statSync(file).size / 1048576;
    expect(size).toBeGreaterThan(scaled(30, 1900));

    const runs: Array<[string, string[], string?]> = [
      ['info', ['info', file, '--json']],
      ['check', ['check', file]],
      ['dump', ['dump', file, path.join(dir, 'big.json')]],
      ['census', ['census', file]],
      ['census --json', ['census', file, '--json'], '/dev/null'],
      // Each deliverable on its own, so each one's memory is seen, then both in one export.
      ['export --word', ['export', file, '--word', path.join(dir, 'big.docx')]],
      ['export --excel', ['export', file, '--excel', path.join(dir, 'big.xlsx')]],
      ['export', ['export', file, '--word', path.join(dir, 'both.docx'), '--excel', path.join(dir, 'both.xlsx')]],
    ];
    const peaks: Record<string, number> = {};
    for (const [name, args, stdoutFile] of runs) {
      const run = await measuredEwb(args, config, { ...(stdoutFile ? { stdoutFile } : {}), timeoutMs: 1_800_000 });
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      peaks[name] = Math.round(run.peakMb);
    }
    for (const [name, peak] of Object.entries(peaks)) expect(peak, `${name} peaked at ${peak} MB on a ${size.toFixed(0)} MB workbook (${JSON.stringify(peaks)})`).toBeLessThan(CEILING_MB);

    // What was dumped reads back in full.
    const back = await measuredEwb(['new', path.join(dir, 'Back.ewb'), '--from', path.join(dir, 'big.json')], config, { timeoutMs: 1_800_000 });
    expect(back.code, back.stderr).toBe(0);
    const info = await measuredEwb(['info', path.join(dir, 'Back.ewb'), '--json'], config);
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: expect.objectContaining({ aim: scaled(2_000, 20_000) }) });
    const census = await measuredEwb(['census', path.join(dir, 'Back.ewb')], config);
    expect(census.stdout).toMatch(new RegExp(`All ${scaled(25_000, LIMITS.censusRows).toLocaleString('en-GB')} output areas together`));
  }, LONG ? 3_600_000 : 300_000);
});
