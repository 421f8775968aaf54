// `ewb import crime` and `ewb crime` as a user runs them: files, folders and zips imported with a
// summary line (and progress on stderr for a long file), counts printed by LSOA and by area as
// JSON with exactly the keys, a bad file refused with its line (exit 1), and an import
// killed at random moments leaving the workbook exactly as it was before, or as it is after.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { streetCsv, writeLargeStreetCsv, type StreetRow } from '../helpers/police-csv.ts';
import { runEwb } from '../helpers/cli-in-child.ts';

const BIN = path.resolve('electron/cli/ewb.js');

function env() {
  return { ...process.env, EWB_CONFIG_DIR: tempDir('ewb-cli-config-'), EWB_DEBUG: '' };
}

function ewb(args: string[]) {
  return runEwb(args, { maxBuffer: 64 << 20 });
}

function newWorkbook(dir = tempDir()): string {
  const file = path.join(dir, 'riverside.ewb');
  const made = ewb(['new', file, '--force', 'Kent Police', '--title', 'Riverside']);
  expect(made.code, made.err).toBe(0);
  return file;
}

const rows = (month: string, lsoa: string, type: string, n: number, force = 'Kent Police'): StreetRow[] => Array.from({ length: n }, () => ({ month, force, lsoa, type }));

describe('ewb import crime / ewb crime', () => {
  it('imports files and prints the non-zero cells by LSOA and by area', () => {
    const dir = tempDir();
    const file = newWorkbook(dir);
    const jan = path.join(dir, '2024-01-kent-street.csv');
    fs.writeFileSync(jan, streetCsv([...rows('2024-01', 'E01024031', 'Burglary', 3), ...rows('2024-01', 'E01024032', 'Anti-social behaviour', 2), ...rows('2024-01', '', 'Drugs', 1)], { bom: true }));
    const imported = ewb(['import', 'crime', file, jan]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe('Imported 1 file: 6 rows in 1 force-month (Kent Police; 2024-01); 1 row without an LSOA (counted, not placed in any area).\n');

    const byLsoa = ewb(['crime', file, '--by', 'lsoa', '--json']);
    expect(byLsoa.code, byLsoa.err).toBe(0);
    expect(JSON.parse(byLsoa.out)).toEqual([
      { lsoaCode: 'E01024031', month: '2024-01', crimeType: 'burglary', count: 3 },
      { lsoaCode: 'E01024032', month: '2024-01', crimeType: 'anti-social-behaviour', count: 2 },
    ]);
    expect(ewb(['crime', file, '--by', 'lsoa']).out).toMatch(/^E01024031 {2}2024-01 {2}Burglary {2,}3\n/);
    // No area holds these LSOAs yet: nothing rolls up.
    expect(JSON.parse(ewb(['crime', file, '--by', 'area', '--json']).out)).toEqual([]);
    expect(ewb(['crime', file, '--by', 'ward']).code).toBe(1);
  });

  it('refuses a bad file with its line, exit code 1 and nothing kept', () => {
    const dir = tempDir();
    const file = newWorkbook(dir);
    const bad = path.join(dir, '2024-01-kent-street.csv');
    fs.writeFileSync(bad, `${streetCsv(rows('2024-01', 'E01024031', 'Burglary', 2))}abc,2024-01,Kent Police,Kent Police,0.1,51.2,On or near X,E01024031,Maidstone 012A,Knitting,,\n`);
    const refused = ewb(['import', 'crime', file, bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: "2024-01-kent-street.csv" line 4: "Knitting" is not a police.uk crime type.*Nothing was imported from it\.\n$/);
    expect(JSON.parse(ewb(['crime', file, '--by', 'lsoa', '--json']).out)).toEqual([]);
  });

  it('takes a folder: imports its street files, skips the rest, lists a refused file and exits 1', () => {
    const dir = tempDir();
    const file = newWorkbook(dir);
    const folder = path.join(dir, 'download');
    fs.mkdirSync(path.join(folder, '2024-01'), { recursive: true });
    fs.writeFileSync(path.join(folder, '2024-01', '2024-01-kent-street.csv'), streetCsv(rows('2024-01', 'E01024031', 'Burglary', 1)));
    fs.writeFileSync(path.join(folder, '2024-01', '2024-01-kent-outcomes.csv'), 'Crime ID,Month,Outcome type\n');
    fs.writeFileSync(path.join(folder, '2024-01', '2024-01-essex-street.csv'), 'Month,Reported by,Falls within,Easting,Northing,Location,Crime type,Context\n');
    const result = ewb(['import', 'crime', file, folder]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/refused: "download\/2024-01\/2024-01-essex-street.csv" is in police.uk's first street-level layout/);
    expect(result.out).toBe('Imported 1 file: 1 row in 1 force-month (Kent Police; 2024-01); skipped 1 file that is not street-level crime; refused 1 file (listed above).\n');
  });

  it('shows progress in bytes and rows on stderr while a long file is read', () => {
    const dir = tempDir();
    const file = newWorkbook(dir);
    const big = path.join(dir, '2024-03-kent-street.csv');
    return writeLargeStreetCsv(big, 250_000, { month: '2024-03' }).then(() => {
      const result = ewb(['import', 'crime', file, big]);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toBe('Imported 1 file: 250,000 rows in 1 force-month (Kent Police; 2024-03).\n');
      expect(result.err).toMatch(/^(Reading|Saving) 2024-03-kent-street.csv: [\d.]+ MB of [\d.]+ MB, [\d,]+ rows\n/m);
    });
  }, 60_000);

  it('killed at random moments, leaves the workbook as it was before the import or as it is after, and sound', async () => {
    const dir = tempDir();
    const file = newWorkbook(dir);
    const jan = path.join(dir, '2024-01-kent-street.csv');
    fs.writeFileSync(jan, streetCsv(rows('2024-01', 'E01024031', 'Burglary', 3)));
    expect(ewb(['import', 'crime', file, jan]).code).toBe(0);
    const before = ewb(['crime', file, '--by', 'lsoa', '--json']).out;
    // A file that replaces January and adds a large February: long enough to be killed part way.
    const big = path.join(dir, 'big-street.csv');
    await writeLargeStreetCsv(big, 200_000, { month: '2024-02', lsoas: 20_000 });
    fs.appendFileSync(big, `${streetCsv(rows('2024-01', 'E01024031', 'Robbery', 2)).split('\n').slice(1).join('\n')}`);
    const reference = path.join(dir, 'reference.ewb');
    fs.copyFileSync(file, reference);
    expect(ewb(['import', 'crime', reference, big]).code).toBe(0);
    const after = ewb(['crime', reference, '--by', 'lsoa', '--json']).out;
    expect(after).not.toBe(before);

    const random = seededRandom(1606);
    const outcomes = new Set<string>();
    for (let kill = 0; kill < 4; kill += 1) {
      // Each kill on its own copy of the workbook as it was, with whatever the kill leaves beside it.
      const target = path.join(dir, `kill-${kill}.ewb`);
      fs.copyFileSync(file, target);
      const child = spawn(process.execPath, [BIN, 'import', 'crime', target, big], { env: env(), stdio: 'ignore' });
      const delay = random.int(200, 2500);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), exited]);
      child.kill('SIGKILL');
      await exited;
      const check = ewb(['check', target]);
      expect(check.code, check.out + check.err).toBe(0);
      const now = ewb(['crime', target, '--by', 'lsoa', '--json']).out;
      expect([before, after]).toContain(now);
      outcomes.add(now === before ? 'before' : 'after');
    }
    expect(outcomes.has('before')).toBe(true);
  }, 180_000);
});
