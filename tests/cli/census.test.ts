// `ewb import census` and `ewb census` as a user runs them: importing the crafted nomis-layout
// tables, the figures as JSON (exact keys, counts and proportions) and as a summary, re-importing,
// the table code from --table, bad files refused with their line, and the read-only listing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';
import { sha } from '../helpers/file-sha.ts';

const FIXTURES = path.resolve('tests/fixtures/census');
const TS021 = path.join(FIXTURES, 'census2021-ts021-lsoa.csv');
const TS007A = path.join(FIXTURES, 'census2021-ts007a-ltla.csv');

function newWorkbook(): string {
  const file = path.join(tempDir(), 'riverside.ewb');
  const made = ewb(['new', file, '--force', 'Kent Police', '--title', 'Riverside']);
  expect(made.code, made.err).toBe(0);
  return file;
}

interface Figure {
  table: string;
  geographyCode: string;
  geographyName: string;
  category: string;
  count: number;
  proportion: number;
}

const ETHNIC = 'Ethnic group: ';
/** Bristol 032A's row of the TS021 fixture, by category, in column order (total 1,650). */
const BRISTOL_032A: Array<[string, number]> = [
  ['Asian, Asian British or Asian Welsh', 110],
  ['Asian, Asian British or Asian Welsh: Bangladeshi', 12],
  ['Asian, Asian British or Asian Welsh: Chinese', 25],
  ['Asian, Asian British or Asian Welsh: Indian', 40],
  ['Asian, Asian British or Asian Welsh: Pakistani', 18],
  ['Asian, Asian British or Asian Welsh: Other Asian', 15],
  ['Black, Black British, Black Welsh, Caribbean or African', 110],
  ['Black, Black British, Black Welsh, Caribbean or African: African', 60],
  ['Black, Black British, Black Welsh, Caribbean or African: Caribbean', 35],
  ['Black, Black British, Black Welsh, Caribbean or African: Other Black', 15],
  ['Mixed or Multiple ethnic groups', 80],
  ['Mixed or Multiple ethnic groups: White and Asian', 20],
  ['Mixed or Multiple ethnic groups: White and Black African', 10],
  ['Mixed or Multiple ethnic groups: White and Black Caribbean', 30],
  ['Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', 20],
  ['White', 1330],
  ['White: English, Welsh, Scottish, Northern Irish or British', 1200],
  ['White: Irish', 30],
  ['White: Gypsy or Irish Traveller', 2],
  ['White: Roma', 8],
  ['White: Other White', 90],
  ['Other ethnic group', 20],
  ['Other ethnic group: Arab', 5],
  ['Other ethnic group: Any other ethnic group', 15],
];

describe('ewb import census / ewb census', () => {
  it('imports a table, prints what it imported, and says so when a re-import replaces it', () => {
    const file = newWorkbook();
    const first = ewb(['import', 'census', file, TS021]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe('Imported TS021 Ethnic group: 4 LSOAs × 24 categories.\n');
    expect(first.err).toBe('');
    const again = ewb(['import', 'census', file, TS021]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toBe('Imported TS021 Ethnic group: 4 LSOAs × 24 categories (replaced the earlier import).\n');
    const ages = ewb(['import', 'census', file, TS007A]);
    expect(ages.out).toBe('Imported TS007A Age: 4 local authorities × 18 categories.\n');
    // Closed afterwards: no lock left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['riverside.ewb']);
  });

  it('--json prints every figure as { table, geographyCode, geographyName, category, count, proportion }', () => {
    const file = newWorkbook();
    expect(ewb(['import', 'census', file, TS021]).code).toBe(0);
    expect(ewb(['import', 'census', file, TS007A]).code).toBe(0);
    const result = ewb(['census', file, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toBe('');
    const figures = JSON.parse(result.out) as Figure[];
    expect(figures).toHaveLength(4 * 18 + 4 * 24);
    for (const figure of figures) expect(Object.keys(figure)).toEqual(['table', 'geographyCode', 'geographyName', 'category', 'count', 'proportion']);
    expect(figures[0]).toEqual({ table: 'TS007A', geographyCode: 'E06000010', geographyName: 'Kingston upon Hull, City of', category: 'Age: Aged 4 years and under', count: 15613, proportion: 15613 / 247751 });
    expect(figures.find((f) => f.geographyCode === 'E06000023' && f.category === 'Age: Aged 85 years and over')).toEqual({
      table: 'TS007A',
      geographyCode: 'E06000023',
      geographyName: 'Bristol, City of',
      category: 'Age: Aged 85 years and over',
      count: 6271,
      proportion: 6271 / 449978,
    });
    expect(figures.filter((f) => f.table === 'TS021' && f.geographyCode === 'E01014485')).toEqual(
      BRISTOL_032A.map(([category, count]) => ({ table: 'TS021', geographyCode: 'E01014485', geographyName: 'Bristol 032A', category: `${ETHNIC}${category}`, count, proportion: count / 1650 })),
    );
    expect(figures.some((f) => /Total|measures/.test(f.category))).toBe(false);

    const only = JSON.parse(ewb(['census', file, '--json', '--table', 'ts021']).out) as Figure[];
    expect(only).toHaveLength(96);
    expect(new Set(only.map((f) => f.table))).toEqual(new Set(['TS021']));
    // The top-level groups of every LSOA make up all its residents.
    const top = new Set(BRISTOL_032A.filter(([c]) => !c.includes(': ')).map(([c]) => `${ETHNIC}${c}`));
    const sums = new Map<string, number>();
    for (const f of only) if (top.has(f.category)) sums.set(f.geographyCode, (sums.get(f.geographyCode) ?? 0) + f.proportion);
    expect([...sums.keys()]).toEqual(['E01014485', 'E01014486', 'E01033348', 'W01001552']);
    for (const sum of sums.values()) expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
  });

  it('without --json prints a summary per table, subgroups indented under their group', () => {
    const file = newWorkbook();
    expect(ewb(['import', 'census', file, TS021]).code).toBe(0);
    const result = ewb(['census', file]);
    expect(result.code, result.err).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('TS021 Ethnic group');
    expect(lines[1]).toMatch(/^ {2}4 LSOAs × 24 categories; ONS Census 2021, from census2021-ts021-lsoa\.csv; imported \d{4}-\d{2}-\d{2}$/);
    expect(lines[2]).toBe('  All 4 LSOAs together (6,570 in all):');
    expect(lines.find((l) => l.includes('Asian, Asian British or Asian Welsh'))).toMatch(/^ {4}Asian, Asian British or Asian Welsh +820 +12\.5%$/);
    expect(lines.find((l) => l.includes('Bangladeshi'))).toMatch(/^ {6}Bangladeshi +115 +1\.8%$/);
    expect(lines.find((l) => l.includes('English, Welsh'))).toMatch(/^ {6}English, Welsh, Scottish, Northern Irish or British +4,500 +68\.5%$/);

    const empty = newWorkbook();
    expect(ewb(['census', empty]).out).toBe('No census tables in this workbook. Add one with "ewb import census FILE.ewb TABLE.csv".\n');
    expect(JSON.parse(ewb(['census', empty, '--json']).out)).toEqual([]);
  });

  it('takes the table code from --table when the file name has none, and refuses without one', () => {
    const file = newWorkbook();
    const renamed = path.join(tempDir(), 'ethnicity by area.csv');
    fs.copyFileSync(TS021, renamed);
    const refused = ewb(['import', 'census', file, renamed]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: "ethnicity by area\.csv" does not say which census table it is.*--table TS021/);
    const given = ewb(['import', 'census', file, renamed, '--table', 'ts021']);
    expect(given.code, given.err).toBe(0);
    expect(given.out).toBe('Imported TS021 Ethnic group: 4 LSOAs × 24 categories.\n');
    const missing = ewb(['census', file, '--table', 'TS999']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('error: there is no census table TS999 in this workbook; it has TS021.\n');
  });

  it('refuses a bad file with one error line naming its line (exit 1), leaving the workbook as it was', () => {
    const file = newWorkbook();
    expect(ewb(['import', 'census', file, TS007A]).code).toBe(0);
    const before = sha(file);
    const lines = fs.readFileSync(TS007A, 'utf8').split('\r\n');
    const bad = path.join(tempDir(), 'census2021-ts007a-ltla.csv');
    fs.writeFileSync(bad, [lines[0], lines[1], lines[2]!.replace(',9310,', ',9,310,')].join('\r\n'));
    const result = ewb(['import', 'census', file, bad]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^error: "census2021-ts007a-ltla\.csv" line 3: this row has 23 columns where the header has 22\..*Nothing was imported\.\n$/);
    expect(result.err).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['riverside.ewb']);
    expect(JSON.parse(ewb(['census', file, '--json']).out)).toHaveLength(72);
    expect(ewb(['import', 'census', file]).code).toBe(2);
    expect(ewb(['import', 'census', file, bad, 'extra']).code).toBe(2);
    const nothing = ewb(['import']);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toMatch(/^error: say what to import, e\.g\. "ewb import census FILE\.ewb TABLE\.csv"/);
    expect(ewb(['import', 'volunteers', file]).err).toMatch(/^error: there is no "ewb import volunteers"; ewb can import census tables, crime, partners and assets/);
  });

  it('ewb census is read-only: works while someone else has the workbook open and leaves it byte for byte', () => {
    const file = newWorkbook();
    expect(ewb(['import', 'census', file, TS007A]).code).toBe(0);
    const lock = path.join(path.dirname(file), '~$riverside.ewb.lock');
    fs.writeFileSync(lock, JSON.stringify({ app: 'engagement-workbook', user: 'colleague', host: 'another-pc', pid: 4242, since: '2026-11-25T09:00:00.000Z' }));
    const before = sha(file);
    const result = ewb(['census', file, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toHaveLength(72);
    expect(sha(file)).toBe(before);
    // Importing needs the workbook to itself.
    const blocked = ewb(['import', 'census', file, TS021]);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/^error: .*colleague/);
    expect(ewb(['--help']).out).toMatch(/census/);
  });
});
