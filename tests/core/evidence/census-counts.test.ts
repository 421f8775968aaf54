// A census figure too large to be a count (a 400-digit number becomes Infinity as a JavaScript
// number) is refused wherever figures come in, with where it is, and found in a file that holds one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import { MAX_CENSUS_COUNT, censusCountProblem } from '../../../shared/api/census.ts';
import { soundWorkbook, tamper } from '../../helpers/tampered-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';
import { sha256Of } from '../../helpers/workbook-file-checks.ts';

const HUGE = '9'.repeat(400);
const HEADER = 'date,geography,geography code,Ethnic group: Total: All usual residents,Ethnic group: Asian,Ethnic group: White';

async function openWorkbook(dir: string) {
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'plan.ewb'), details: SAMPLE_DETAILS });
  return { core, info };
}

describe('census figures too large to be counts', () => {
  it('say what is wrong in words', () => {
    expect(censusCountProblem(Number(HUGE), HUGE)).toBe('999999999999… (400 characters) is too large: figures are counts of at most 1,000,000,000,000');
    expect(censusCountProblem(MAX_CENSUS_COUNT)).toBeNull();
    expect(censusCountProblem(0)).toBeNull();
    expect(censusCountProblem(1e13)).toMatch(/too large/);
    expect(censusCountProblem(Number.NaN, 'x')).toMatch(/not a number/);
  });

  it('are refused in a census CSV with their line, nothing imported and the workbook unchanged', async () => {
    const dir = tempDir();
    const { core, info } = await openWorkbook(dir);
    const csv = path.join(dir, 'census2021-ts021-lsoa.csv');
    fs.writeFileSync(csv, [HEADER, '2021,Riverside 001A,E01000001,100,40,60', `2021,Riverside 001B,E01000002,${HUGE},50,150`].join('\n'));
    const before = sha256Of(info.path);
    const refused = await core.call('importCensus', { handle: info.handle, source: csv });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe(`"census2021-ts021-lsoa.csv" line 3: the count for "Ethnic group: Total: All usual residents": 999999999999… (400 characters) is too large: figures are counts of at most 1,000,000,000,000. Nothing was imported.`);
    expect(await expectOk(core, 'listCensusTables', { handle: info.handle })).toEqual([]);
    expect(sha256Of(info.path)).toBe(before);
    core.closeAll();
  });

  it('are refused in a mapped table with their line', async () => {
    const dir = tempDir();
    const { core, info } = await openWorkbook(dir);
    const csv = path.join(dir, 'survey.csv');
    fs.writeFileSync(csv, ['Code,Name,Count', 'E05000001,Riverside,12', `E05000002,Eastgate,"${HUGE.slice(0, 20)}"`].join('\n'));
    const before = sha256Of(info.path);
    const refused = await core.call('importMappedTable', { handle: info.handle, source: csv, geographyColumn: 'Code', geographyNameColumn: 'Name', valueColumns: ['Count'], code: 'SURVEY', title: 'Survey', sourceDescription: 'Council survey 2024' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^"survey\.csv" line 3.*99999999999999999999 is too large: figures are counts of at most 1,000,000,000,000\. Nothing was imported\.$/);
    expect(sha256Of(info.path)).toBe(before);
    core.closeAll();
  });

  it('are refused in an interchange file, and no workbook is made', async () => {
    const { file, dir } = await soundWorkbook();
    const core = testCore({ newId: sequentialIds(100_000) });
    const json = path.join(dir, 'plan.json');
    await expectOk(core, 'dumpWorkbook', { path: file, destination: json });
    // 1e400 is how JSON writes a number too large for a double: JSON.parse makes it Infinity.
    const text = fs.readFileSync(json, 'utf8').replace(/"counts": \[\s*100,/, '"counts": [1e400,');
    expect(text).toContain('1e400');
    fs.writeFileSync(json, text);
    const refused = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'copy.ewb'), source: json });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^"plan\.json" has a problem at records\.censusTables\.0\.geographies\.0\.counts\.0: Each figure must be a count from 0 to 1,000,000,000,000/);
    expect(fs.existsSync(path.join(dir, 'copy.ewb'))).toBe(false);
  });

  it('are found in a workbook that holds one', async () => {
    const { file, ids } = await soundWorkbook();
    tamper(file, (db) => db.prepare('UPDATE census_value SET count = ? WHERE position = 2').run(1e300));
    const before = sha256Of(file);
    const core = testCore();
    const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: file });
    expect(report.values?.problems).toEqual([expect.objectContaining({ recordType: 'censusTable', recordId: ids.table, field: 'counts', message: '2 figures are not a count from 0 to 1,000,000,000,000 (the largest is 1e+300)' })]);
    expect(sha256Of(file)).toBe(before);
  });
});
