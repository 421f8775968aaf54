// Importing any CSV or XLSX through the column-mapping step, end to end through the core: exact
// counts and proportions, the total added up or taken from a column, the geography level detected
// or given, re-importing in place, each refusal with its sheet, row and column and nothing stored,
// a `__proto__` column, and the reading worker's limits refusing through the handler.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CensusFigure, CensusTable, ImportCensusResult } from '../../../shared/api/census.ts';
import { contract } from '../../../shared/api/contract.ts';
import type { MappedTableRequest, TabularPreview } from '../../../shared/api/tabular.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { createAppContext } from '../../../electron/core/app-context.ts';
import { evidenceHandlers } from '../../../electron/core/evidence/evidence-handlers.ts';
import { tabularHandlers } from '../../../electron/core/imports/tabular-handlers.ts';
import { workbookHandlers } from '../../../electron/core/workbook/workbook-handlers.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore, testDeps } from '../../helpers/test-core.ts';

type Core = ReturnType<typeof testCore>;

async function setUp() {
  const dir = tempDir();
  const core = testCore();
  const file = path.join(dir, 'Riverside plan.ewb');
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  return { dir, core, file, handle: info.handle };
}

function writeCsv(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const SURVEY_CSV = [
  'Ward code,Ward name,Owned,Social rented,Private rented,Notes',
  ' e05000001 ,"Abbey, North","1,200",300,500,checked',
  'E05000002,Bridge,0,"2,500",2500,',
  'E05000003,,10.5,0,0,estimate',
  '',
].join('\n');

type Mapping = Omit<MappedTableRequest, 'handle' | 'source'>;

const SURVEY_MAPPING: Mapping = {
  geographyColumn: 'Ward code',
  geographyNameColumn: 'Ward name',
  valueColumns: ['Owned', 'Social rented', 'Private rented'],
  code: 'local1',
  title: 'Housing tenure',
  sourceDescription: 'Council housing survey 2024',
  referenceDate: '2024',
};

function importMapped(core: Core, handle: string, source: string, mapping: Mapping): Promise<ImportCensusResult> {
  return expectOk<ImportCensusResult>(core, 'importMappedTable', { handle, source, ...mapping });
}

async function refusal(core: Core, handle: string, source: string, mapping: Mapping): Promise<{ code: string; message: string }> {
  const result = await core.call('importMappedTable', { handle, source, ...mapping });
  if (result.ok) throw new Error('the import was not refused');
  return result.error;
}

function tables(core: Core, handle: string): Promise<CensusTable[]> {
  return expectOk<CensusTable[]>(core, 'listCensusTables', { handle });
}

function figures(core: Core, handle: string, tableId?: string): Promise<CensusFigure[]> {
  return expectOk<CensusFigure[]>(core, 'listCensusFigures', { handle, ...(tableId ? { tableId } : {}) });
}

function figure(table: string, geographyCode: string, geographyName: string, category: string, count: number, proportion: number): CensusFigure {
  return { table, geographyCode, geographyName, category, count, proportion };
}

describe('previewing through the core', () => {
  it('refuses a file with no rows under its header, or control characters for a header, saying why', async () => {
    const { dir, core, handle } = await setUp();
    const headerOnly = writeCsv(dir, 'header-only.csv', 'Name,Phone\n');
    const empty = await core.call('previewTabularFile', { handle, source: headerOnly });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toBe('"header-only.csv" has no rows under a header line, so there is nothing to import. Check it is the file you meant: a header line naming the columns, then a row for each record. Nothing was imported.');
    const program = writeCsv(dir, 'program.csv', '\u0001\u0002ELF\u0003,\u0004\nx,y\n');
    const binary = await core.call('previewTabularFile', { handle, source: program });
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.error.message).toMatch(/^"program\.csv" does not look like a table: its first line holds control characters/);
  });

  it('previews a CSV for the mapping step, on a workbook open read-only too', async () => {
    const { dir, core, file } = await setUp();
    const source = writeCsv(dir, 'survey.csv', SURVEY_CSV);
    const reader = testCore();
    const { info } = await expectOk<{ info: WorkbookInfo }>(reader, 'openWorkbook', { path: file, readOnly: true });
    const preview = await expectOk<TabularPreview>(reader, 'previewTabularFile', { handle: info.handle, source });
    expect(preview).toEqual({
      kind: 'csv',
      fileName: 'survey.csv',
      sheets: [
        {
          name: 'survey',
          columns: ['Ward code', 'Ward name', 'Owned', 'Social rented', 'Private rented', 'Notes'],
          rows: [
            [' e05000001 ', 'Abbey, North', '1,200', '300', '500', 'checked'],
            ['E05000002', 'Bridge', '0', '2,500', '2500', ''],
            ['E05000003', '', '10.5', '0', '0', 'estimate'],
          ],
          rowCount: 3,
        },
      ],
    });
    // Importing is a change, so the read-only workbook refuses it before reading the file.
    const refused = await reader.call('importMappedTable', { handle: info.handle, source, ...SURVEY_MAPPING });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
    reader.closeAll();
    core.closeAll();
  });
});

describe('importing a mapped table', () => {
  it('imports a CSV with exact counts and proportions, adding up the chosen columns for the total', async () => {
    const { dir, core, handle } = await setUp();
    const source = writeCsv(dir, 'housing-survey.csv', SURVEY_CSV);
    const result = await importMapped(core, handle, source, SURVEY_MAPPING);
    expect(result.replaced).toBe(false);
    expect(result.rows).toBe(3);
    expect(result.table).toMatchObject({
      code: 'LOCAL1',
      title: 'Housing tenure',
      source: 'Council housing survey 2024',
      referenceDate: '2024',
      geographyLevel: 'ward',
      fileName: 'housing-survey.csv',
      importedAt: expect.any(String),
      geographyCount: 3,
    });
    expect(result.table.categories).toEqual([
      { position: 0, name: 'Owned', label: 'Owned', parentPosition: null, isTotal: false },
      { position: 1, name: 'Social rented', label: 'Social rented', parentPosition: null, isTotal: false },
      { position: 2, name: 'Private rented', label: 'Private rented', parentPosition: null, isTotal: false },
      { position: 3, name: 'Total', label: 'Total', parentPosition: null, isTotal: true },
    ]);
    expect(await figures(core, handle, result.table.id)).toEqual([
      figure('LOCAL1', 'E05000001', 'Abbey, North', 'Owned', 1200, 0.6),
      figure('LOCAL1', 'E05000001', 'Abbey, North', 'Social rented', 300, 0.15),
      figure('LOCAL1', 'E05000001', 'Abbey, North', 'Private rented', 500, 0.25),
      figure('LOCAL1', 'E05000002', 'Bridge', 'Owned', 0, 0),
      figure('LOCAL1', 'E05000002', 'Bridge', 'Social rented', 2500, 0.5),
      figure('LOCAL1', 'E05000002', 'Bridge', 'Private rented', 2500, 0.5),
      // No name given: the code stands in.
      figure('LOCAL1', 'E05000003', 'E05000003', 'Owned', 10.5, 1),
      figure('LOCAL1', 'E05000003', 'E05000003', 'Social rented', 0, 0),
      figure('LOCAL1', 'E05000003', 'E05000003', 'Private rented', 0, 0),
    ]);
    expect(await tables(core, handle)).toEqual([result.table]);
    core.closeAll();
  });

  it('imports a chosen sheet of an XLSX with a total column, formulas’ saved results and a header below a title', async () => {
    const { dir, core, handle } = await setUp();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Figures from the 2024 survey']);
    const sheet = workbook.addWorksheet('LSOA figures');
    sheet.getRow(2).values = ['LSOA code', 'LSOA name', 'Under 18', '18 to 64', '65 and over', 'All people'];
    sheet.getRow(3).values = ['E01000001', 'Riverside 001A', 200, { formula: 'F3-C3-E3', result: 600 }, 200, 1000];
    sheet.getRow(4).values = ['E01000002', 'Riverside 001B', 50, 100, 50, { formula: 'SUM(C4:E4)+50', result: 250 }];
    const source = path.join(dir, 'ages.xlsx');
    await workbook.xlsx.writeFile(source);

    const result = await importMapped(core, handle, source, {
      sheet: 'LSOA figures',
      geographyColumn: 'LSOA code',
      geographyNameColumn: 'LSOA name',
      valueColumns: ['Under 18', '18 to 64', '65 and over'],
      totalColumn: 'All people',
      code: 'AGES24',
      title: 'Age bands',
      sourceDescription: 'Council residents survey 2024',
    });
    expect(result.table).toMatchObject({ code: 'AGES24', geographyLevel: 'lsoa', referenceDate: '', fileName: 'ages.xlsx', geographyCount: 2 });
    expect(result.table.categories.at(-1)).toEqual({ position: 3, name: 'All people', label: 'All people', parentPosition: null, isTotal: true });
    expect(await figures(core, handle)).toEqual([
      figure('AGES24', 'E01000001', 'Riverside 001A', 'Under 18', 200, 0.2),
      figure('AGES24', 'E01000001', 'Riverside 001A', '18 to 64', 600, 0.6),
      figure('AGES24', 'E01000001', 'Riverside 001A', '65 and over', 200, 0.2),
      figure('AGES24', 'E01000002', 'Riverside 001B', 'Under 18', 50, 0.2),
      figure('AGES24', 'E01000002', 'Riverside 001B', '18 to 64', 100, 0.4),
      figure('AGES24', 'E01000002', 'Riverside 001B', '65 and over', 50, 0.2),
    ]);
    core.closeAll();
  });

  it('uses the geography level given, else "other" for codes that are not ONS codes', async () => {
    const { dir, core, handle } = await setUp();
    const source = writeCsv(dir, 'beats.csv', 'Beat,Calls\nBEAT-01,12\nBEAT-02,8\n');
    const detected = await importMapped(core, handle, source, { geographyColumn: 'Beat', valueColumns: ['Calls'], code: 'CALLS', title: 'Calls', sourceDescription: 'Control room log' });
    expect(detected.table.geographyLevel).toBe('other');
    const given = await importMapped(core, handle, source, { geographyColumn: 'Beat', valueColumns: ['Calls'], code: 'CALLS', title: 'Calls', sourceDescription: 'Control room log', geographyLevel: 'ward' });
    expect(given.table.geographyLevel).toBe('ward');
    expect(given.replaced).toBe(false);
    expect((await tables(core, handle)).map((t) => [t.code, t.geographyLevel])).toEqual([['CALLS', 'other'], ['CALLS', 'ward']]);
    // One chosen column called "Total": the added-up total is named so it cannot clash.
    const clash = writeCsv(dir, 'clash.csv', 'Beat,Total\nBEAT-01,5\n');
    const named = await importMapped(core, handle, clash, { geographyColumn: 'Beat', valueColumns: ['Total'], code: 'CLASH', title: 'Clash', sourceDescription: 'Test' });
    expect(named.table.categories.map((c) => [c.name, c.isTotal])).toEqual([['Total', false], ['Total of the chosen columns', true]]);
    core.closeAll();
  });

  it('replaces the same code at the same level on re-import, keeping the table’s id', async () => {
    const { dir, core, handle } = await setUp();
    const first = await importMapped(core, handle, writeCsv(dir, 'survey.csv', SURVEY_CSV), SURVEY_MAPPING);
    const again = await importMapped(core, handle, writeCsv(dir, 'survey-2025.csv', 'Ward code,Owned,Social rented,Private rented\nE05000009,1,1,2\n'), {
      ...SURVEY_MAPPING,
      code: 'LOCAL1',
      geographyNameColumn: null,
      title: 'Housing tenure 2025',
    });
    expect(again.replaced).toBe(true);
    expect(again.table.id).toBe(first.table.id);
    expect(again.table).toMatchObject({ title: 'Housing tenure 2025', fileName: 'survey-2025.csv', geographyCount: 1 });
    expect(await tables(core, handle)).toHaveLength(1);
    expect(await figures(core, handle)).toEqual([
      figure('LOCAL1', 'E05000009', 'E05000009', 'Owned', 1, 0.25),
      figure('LOCAL1', 'E05000009', 'E05000009', 'Social rented', 1, 0.25),
      figure('LOCAL1', 'E05000009', 'E05000009', 'Private rented', 2, 0.5),
    ]);
    core.closeAll();
  });

  it('imports 300 areas × 20 columns', async () => {
    const { dir, core, handle } = await setUp();
    const columns = Array.from({ length: 20 }, (_, i) => `Group ${i + 1}`);
    const lines = [['Code', 'Name', ...columns].join(',')];
    for (let a = 0; a < 300; a += 1) lines.push([`E06${String(a).padStart(6, '0')}`, `Authority ${a}`, ...columns.map((_, i) => String((a + 1) * (i + 1)))].join(','));
    const source = writeCsv(dir, 'authorities.csv', `${lines.join('\n')}\n`);
    const result = await importMapped(core, handle, source, { geographyColumn: 'Code', geographyNameColumn: 'Name', valueColumns: columns, code: 'LA20', title: 'Groups', sourceDescription: 'Test' });
    expect(result).toMatchObject({ rows: 300, table: { geographyLevel: 'la', geographyCount: 300 } });
    const all = await figures(core, handle);
    expect(all).toHaveLength(6000);
    // Authority 0: counts 1..20 over 210.
    expect(all[19]).toEqual(figure('LA20', 'E06000000', 'Authority 0', 'Group 20', 20, 20 / 210));
    core.closeAll();
  });
});

describe('refusing a mapped import, with nothing stored', () => {
  const CSV_CASES: Array<[string, string, Partial<Mapping>, RegExp]> = [
    ['a blank figure', 'Ward code,Owned,Rented\nE05000001,1,2\nE05000002,,3\n', {}, /^"survey\.csv" line 3, column "Owned": the value is blank\. Enter the figure, or 0 if there are none; blanks are not taken as 0\. Nothing was imported\.$/],
    ['a negative figure', 'Ward code,Owned,Rented\nE05000001,-5,2\n', {}, /^"survey\.csv" line 2, column "Owned": the value -5 is negative\./],
    ['a figure with a symbol', 'Ward code,Owned,Rented\nE05000001,12%,2\n', {}, /^"survey\.csv" line 2, column "Owned": "12%" is not a number\. Figures are numbers such as 1234 or 1,234/],
    ['thousands wrongly grouped', 'Ward code,Owned,Rented\nE05000001,"1,23",2\n', {}, /^"survey\.csv" line 2, column "Owned": "1,23" is not a number/],
    ['a blank total', 'Ward code,Owned,Rented,All\nE05000001,1,2,\n', { totalColumn: 'All' }, /^"survey\.csv" line 2, column "All": the value is blank/],
    ['an empty area code', 'Ward code,Owned,Rented\nE05000001,1,2\n  ,3,4\n', {}, /^"survey\.csv" line 3, column "Ward code": the area code is empty\. Every row needs its area's code, such as E05009317/],
    ['the same area twice', 'Ward code,Owned,Rented\ne05000001,1,2\nE05000002,1,2\n E05000001 ,3,4\n', {}, /^"survey\.csv" line 4, column "Ward code": the area code E05000001 appears twice \(first at line 2\)\. Each area should have one row/],
    ['a column that is not there', 'Ward code,Owned\nE05000001,1\n', {}, /^The column chosen for figures, "Rented", is not in "survey\.csv"; its columns are "Ward code", "Owned"\. .*preview it again/],
    ['a column chosen for two jobs', 'Ward code,Owned,Rented\nE05000001,1,2\n', { valueColumns: ['Ward code', 'Owned'] }, /^The column "Ward code" is chosen both as the area codes and as a column of figures\./],
    ['a column chosen twice', 'Ward code,Owned,Rented\nE05000001,1,2\n', { valueColumns: ['Owned', 'Owned'] }, /^The column "Owned" is chosen twice as a column of figures\./],
    ['the total chosen as a figure too', 'Ward code,Owned,Rented\nE05000001,1,2\n', { totalColumn: 'Owned' }, /^The column "Owned" is chosen both as a column of figures and as the total\./],
    ['a header with no rows', 'Ward code,Owned,Rented\n', {}, /^"survey\.csv" has no rows of figures under its header/],
    ['a sheet that is not there', 'Ward code,Owned,Rented\nE05000001,1,2\n', { sheet: 'Sheet9' }, /^"survey\.csv" has no sheet called "Sheet9"; its sheets are "survey"/],
    ['a row cut short', 'Ward code,Owned,Rented\nE05000001,1,2\nE05000002,1\n', {}, /^"survey\.csv" line 3: this row has 2 columns where the header \(line 1\) has 3/],
  ];

  it.each(CSV_CASES)('refuses %s', async (_, text, mapping, message) => {
    const { dir, core, handle } = await setUp();
    const source = writeCsv(dir, 'survey.csv', text);
    const error = await refusal(core, handle, source, { geographyColumn: 'Ward code', valueColumns: ['Owned', 'Rented'], code: 'LOCAL1', title: 'Tenure', sourceDescription: 'Survey', ...mapping });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    expect(await tables(core, handle)).toEqual([]);
    expect(core.deps.log.errors).toEqual([]);
    core.closeAll();
  });

  it('names the sheet and row of an XLSX problem', async () => {
    const { dir, core, handle } = await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Ward code', 'Owned', 'Rented']);
    sheet.addRow(['E05000001', 1, 2]);
    sheet.addRow([]);
    sheet.getRow(4).values = ['E05000002', null, 3];
    sheet.getRow(5).values = ['E05000003', { formula: 'B2*2' }, 3];
    const source = path.join(dir, 'survey.xlsx');
    await workbook.xlsx.writeFile(source);
    const mapping: Mapping = { geographyColumn: 'Ward code', valueColumns: ['Owned', 'Rented'], code: 'LOCAL1', title: 'Tenure', sourceDescription: 'Survey' };
    expect((await refusal(core, handle, source, mapping)).message).toMatch(/^"survey\.xlsx" sheet "Data" row 4, column "Owned": the value is blank\./);
    expect((await refusal(core, handle, source, { ...mapping, sheet: 'Other' })).message).toMatch(/^"survey\.xlsx" has no sheet called "Other"; its sheets are "Data"\./);
    // A formula with no saved result is blank too: nothing is worked out from the formula.
    sheet.getCell('B4').value = 7;
    await workbook.xlsx.writeFile(source);
    expect((await refusal(core, handle, source, mapping)).message).toMatch(/^"survey\.xlsx" sheet "Data" row 5, column "Owned": the value is blank\./);
    expect(await tables(core, handle)).toEqual([]);
    core.closeAll();
  });

  it('refuses a request with no figures chosen before reading anything', async () => {
    const { dir, core, handle } = await setUp();
    const result = await core.call('importMappedTable', { handle, source: writeCsv(dir, 'survey.csv', SURVEY_CSV), ...SURVEY_MAPPING, valueColumns: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Choose at least one column of figures') } });
    core.closeAll();
  });
});

describe('a __proto__ column through the core', () => {
  it('imports it as an ordinary category and leaves Object.prototype unchanged', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { dir, core, handle } = await setUp();
    const source = writeCsv(dir, 'proto.csv', 'constructor,__proto__,toString,hasOwnProperty\nE05000001,3,1,x\n');
    const result = await importMapped(core, handle, source, { geographyColumn: 'constructor', valueColumns: ['__proto__', 'toString'], code: 'PROTO', title: 'Proto', sourceDescription: 'Test' });
    expect(result.table.categories.map((c) => c.name)).toEqual(['__proto__', 'toString', 'Total']);
    expect(await figures(core, handle)).toEqual([figure('PROTO', 'E05000001', 'E05000001', '__proto__', 3, 0.75), figure('PROTO', 'E05000001', 'E05000001', 'toString', 1, 0.25)]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    core.closeAll();
  });
});

describe('the worker’s limits through the handlers', () => {
  it('refuses a file that runs the reader out of time or memory, stores nothing, and the core carries on', async () => {
    const dir = tempDir();
    const lines = ['Code,Count'];
    for (let i = 0; i < 200_000; i += 1) lines.push(`E05${String(i).padStart(6, '0')},${i}`);
    const source = writeCsv(dir, 'wards.csv', `${lines.join('\n')}\n`);
    const ctx = createAppContext(testDeps());
    const workbook = workbookHandlers(ctx);
    const evidence = evidenceHandlers(ctx);
    const info = await workbook.createWorkbook(contract.createWorkbook.request.parse({ path: path.join(dir, 'Plan.ewb'), details: SAMPLE_DETAILS }));
    const request = contract.importMappedTable.request.parse({ handle: info.handle, source, geographyColumn: 'Code', valueColumns: ['Count'], code: 'BIG', title: 'Big', sourceDescription: 'Test' });

    const slow = tabularHandlers(ctx, { limits: { timeoutMs: 1 } });
    await expect(slow.importMappedTable(request)).rejects.toThrow(/^"wards\.csv" is too large or too complex to read \(reading it took longer than the 1 ms allowed\)/);
    const small = tabularHandlers(ctx, { limits: { maxOldGenerationSizeMb: 16 } });
    await expect(small.importMappedTable(request)).rejects.toThrow(/^"wards\.csv" is too large or too complex to read \(it needed more than the 16 MB of memory allowed\)/);
    expect(evidence.listCensusTables({ handle: info.handle })).toEqual([]);

    const normal = tabularHandlers(ctx);
    await expect(normal.importMappedTable(request)).resolves.toMatchObject({ rows: 200_000 });
    ctx.sessions.closeAll();
  });
});
