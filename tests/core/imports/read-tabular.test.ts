// Reading CSV and XLSX files into sheets of text, off the main thread: previews (sheets, columns,
// first rows, counts), how cells become text (numbers, dates, formulas' saved results, rich text,
// errors, merged cells), headers made unique, CSV refusals with their line, `__proto__` headers
// leaving Object.prototype alone, and the worker's memory and time limits refusing a file rather
// than taking the process down — under vitest and under plain `node`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PREVIEW_ROWS, cellText, csvDelimiterOf, parseTabularFile, plainDecimal, uniqueColumnNames } from '../../../electron/core/imports/parse-tabular.ts';
import { MIN_HEAP_MB, readTabular } from '../../../electron/core/imports/read-tabular.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { buildZip } from './zip-fixtures.ts';

function writeText(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

async function writeXlsx(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(tempDir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** A CSV of `rows` wards with three figures each. */
function bigCsv(rows: number): string {
  const lines = ['Ward code,Ward,Owned,Rented,Other'];
  for (let i = 0; i < rows; i += 1) lines.push(`E05${String(i).padStart(6, '0')},Ward number ${i},${i},${i * 2},${i % 7}`);
  return `${lines.join('\n')}\n`;
}

describe('cells as text', () => {
  it('writes numbers as plain decimals, never in exponent form', () => {
    expect(plainDecimal(1234)).toBe('1234');
    expect(plainDecimal(0.1)).toBe('0.1');
    expect(plainDecimal(-2.5)).toBe('-2.5');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1.5e22)).toBe('15000000000000000000000');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-1.25e-8)).toBe('-0.0000000125');
    expect(plainDecimal(Number.NaN)).toBe('');
  });

  it('takes a formula’s saved result only, and errors as blank', () => {
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText({ formula: 'A1*2' })).toBe('');
    expect(cellText({ sharedFormula: 'B2', result: 'yes' })).toBe('yes');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 31)) })).toBe('2024-01-31');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ richText: [{ text: 'Bristol, ' }, { text: 'City of', font: { bold: true } }] })).toBe('Bristol, City of');
    expect(cellText({ text: { richText: [{ text: 'linked' }] }, hyperlink: 'https://example.org' })).toBe('linked');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('names empty headers "Column N" and repeats "Name (2)", keeping names the file gives', () => {
    expect(uniqueColumnNames(['Code', '', 'Value', 'Value', ' Value '])).toEqual(['Code', 'Column 2', 'Value', 'Value (2)', 'Value (3)']);
    expect(uniqueColumnNames(['Name', '', 'Name', 'Column 2'])).toEqual(['Name', 'Column 2 (2)', 'Name (2)', 'Column 2']);
    expect(uniqueColumnNames(['A', 'A', 'A (2)'])).toEqual(['A', 'A (3)', 'A (2)']);
  });
});

describe('previewing a CSV', () => {
  it('gives the columns, the first 20 rows and the count, past a BOM, quoted commas and blank lines', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `E05${String(i).padStart(6, '0')},"Place ${i}, North",${1000 + i}`);
    const file = writeText('local-survey.csv', `\uFEFF\nCode,Name,Households\n${rows.slice(0, 12).join('\n')}\n\n${rows.slice(12).join('\r\n')}\n`);
    const data = await readTabular(file, { mode: 'preview' });
    expect(data.kind).toBe('csv');
    expect(data.fileName).toBe('local-survey.csv');
    expect(data.sheets).toHaveLength(1);
    const [sheet] = data.sheets;
    expect(sheet).toMatchObject({ name: 'local-survey', columns: ['Code', 'Name', 'Households'], rowCount: 25, headerRow: 2 });
    expect(sheet!.rows).toHaveLength(PREVIEW_ROWS);
    expect(sheet!.rows[0]).toEqual(['E05000000', 'Place 0, North', '1000']);
    expect(sheet!.rows[19]).toEqual(['E05000019', 'Place 19, North', '1019']);
    // Line numbers count the blank lines, so refusals can point at the right line.
    expect(sheet!.rowNumbers.slice(10, 14)).toEqual([13, 14, 16, 17]);
  });

  it('reads a CSV saved with semicolons or tabs between values (as Excel saves one where a comma is the decimal point)', async () => {
    const semicolons = writeText('contacts-semicolons.csv', '\uFEFFName;Phone;Notes\nAmina Khan;01632 960123;"Meets; Fridays"\nJo Bloggs;01632 960456;\n');
    const [sheet] = (await readTabular(semicolons, { mode: 'all' })).sheets;
    expect(sheet!.columns).toEqual(['Name', 'Phone', 'Notes']);
    expect(sheet!.rows).toEqual([['Amina Khan', '01632 960123', 'Meets; Fridays'], ['Jo Bloggs', '01632 960456', '']]);
    const tabs = writeText('contacts-tabs.csv', 'Name\tPhone\nAmina Khan\t01632 960123\n');
    expect((await readTabular(tabs, { mode: 'all' })).sheets[0]!.columns).toEqual(['Name', 'Phone']);
    // A comma anywhere on the header line (outside quotes) keeps commas; quoted separators do not count.
    expect(csvDelimiterOf('Name,Notes;more\n')).toBe(',');
    expect(csvDelimiterOf('"Name, first";Phone\n')).toBe(';');
    expect(csvDelimiterOf('\n\nName;Phone\r\n')).toBe(';');
    expect(csvDelimiterOf('Name\n')).toBe(',');
    expect(csvDelimiterOf('')).toBe(',');
  });

  it('gives every row for an import', async () => {
    const file = writeText('big.csv', bigCsv(500));
    const data = await readTabular(file, { mode: 'all' });
    expect(data.sheets[0]!.rowCount).toBe(500);
    expect(data.sheets[0]!.rows).toHaveLength(500);
    expect(data.sheets[0]!.rows[499]).toEqual(['E05000499', 'Ward number 499', '499', '998', '2']);
  });

  it('treats the first non-empty row as the header, and an empty file as an empty sheet', async () => {
    const file = writeText('sparse.csv', ',,\n \nCode,,Code\nE05000001,1,2\n,,\n\t\n');
    const [sheet] = (await readTabular(file, { mode: 'preview' })).sheets;
    expect(sheet).toMatchObject({ columns: ['Code', 'Column 2', 'Code (2)'], rows: [['E05000001', '1', '2']], rowCount: 1, headerRow: 3 });
    const empty = (await readTabular(writeText('empty.csv', ''), { mode: 'preview' })).sheets[0];
    expect(empty).toMatchObject({ name: 'empty', columns: [], rows: [], rowCount: 0 });
  });

  it.each([
    ['a row with too few columns', '\nCode,Name,Value\nE05000001,Abbey,1\n  \n,,,,\nE05000002,Bridge\n', /^"bad\.csv" line 6: this row has 2 columns where the header \(line 2\) has 3\. .*Nothing was imported\.$/],
    ['a row with too many columns', 'Code,Name,Value\nE05000001,Bristol, City of,1\n', /^"bad\.csv" line 2: this row has 4 columns where the header \(line 1\) has 3\. .*"Bristol, City of"/],
    ['a stray quote inside a value', 'Code,Name\nE05000001,The "Old" Quarter\n', /^"bad\.csv" line 2: a double quote \(\\?"\) is in the middle of a value/],
    ['a quote never closed', 'Code,Name\nE05000001,"Abbey\nE05000002,Bridge\n', /^"bad\.csv" line 3: a value opened with a double quote \("\) is never closed/],
  ])('refuses %s with its line', async (_, text, message) => {
    await expect(readTabular(writeText('bad.csv', text), { mode: 'preview' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
  });

  it('refuses a file that is neither CSV nor XLSX, and an .xls, saying what to do', async () => {
    await expect(readTabular(writeText('table.ods', 'x'), { mode: 'preview' })).rejects.toThrow(/"table\.ods" is not a CSV \(\.csv\) or Excel \(\.xlsx\) file/);
    await expect(readTabular(writeText('old.xls', 'x'), { mode: 'preview' })).rejects.toThrow(/"old\.xls" is in the older Excel 97–2003 format \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/);
  });

  it('refuses a missing file plainly', async () => {
    await expect(readTabular(path.join(tempDir(), 'gone.csv'), { mode: 'preview' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/There is no file "gone\.csv"/) });
  });
});

describe('previewing an XLSX', () => {
  async function richWorkbook(): Promise<string> {
    return writeXlsx('survey.xlsx', (workbook) => {
      const wards = workbook.addWorksheet('Wards');
      // A header on row 3, under two empty rows; a blank and a repeated header.
      wards.getRow(3).values = ['Ward code', 'Ward', 'Households', 'Households', '', 'Surveyed', 'Doubled', 'Checked', 'Note'];
      wards.getRow(4).values = ['E05000001', 'Abbey', 1234, 0.1, 1e21, new Date(Date.UTC(2024, 2, 5)), { formula: 'C4*2', result: 2468 }, true, { richText: [{ text: 'Bristol, ' }, { text: 'City of' }] }];
      wards.getRow(5).values = ['E05000002', 'Bridge', 80, 1e-7, 5, new Date(Date.UTC(1999, 11, 31, 23, 0)), { formula: 'C5*2' }, false, { error: '#N/A' }];
      wards.getCell('G6').value = { sharedFormula: 'G4', result: 300 } as ExcelJS.CellValue;
      wards.getRow(6).getCell(1).value = 'E05000003';
      wards.getRow(6).getCell(3).value = 150;
      wards.getRow(6).getCell(9).value = { text: 'link', hyperlink: 'https://example.org' };
      // An empty row 7, then rows 8 to 29 (22 more) and a merged pair in row 30.
      for (let r = 8; r <= 29; r += 1) wards.getRow(r).values = [`E05${String(r).padStart(6, '0')}`, `Ward ${r}`, r];
      wards.getCell('A30').value = 'E05000030';
      wards.getCell('B30').value = 'Merged across';
      wards.mergeCells('B30:D30');
      workbook.addWorksheet('Empty');
      const second = workbook.addWorksheet('LSOAs');
      second.addRow(['LSOA', 'People']);
      second.addRow(['E01000001', 1500]);
    });
  }

  it('gives each sheet’s columns, first rows and count, with cells as text', async () => {
    const data = await readTabular(await richWorkbook(), { mode: 'preview' });
    expect(data.kind).toBe('xlsx');
    expect(data.fileName).toBe('survey.xlsx');
    expect(data.sheets.map((s) => [s.name, s.rowCount])).toEqual([['Wards', 26], ['Empty', 0], ['LSOAs', 1]]);
    const wards = data.sheets[0]!;
    expect(wards.columns).toEqual(['Ward code', 'Ward', 'Households', 'Households (2)', 'Column 5', 'Surveyed', 'Doubled', 'Checked', 'Note']);
    expect(wards.headerRow).toBe(3);
    expect(wards.rows).toHaveLength(PREVIEW_ROWS);
    expect(wards.rows[0]).toEqual(['E05000001', 'Abbey', '1234', '0.1', '1000000000000000000000', '2024-03-05', '2468', 'TRUE', 'Bristol, City of']);
    // A formula with no saved result and an error cell are blank; dates keep the day only.
    expect(wards.rows[1]).toEqual(['E05000002', 'Bridge', '80', '0.0000001', '5', '1999-12-31', '', 'FALSE', '']);
    expect(wards.rows[2]).toEqual(['E05000003', '', '150', '', '', '', '300', '', 'link']);
    expect(wards.rowNumbers.slice(0, 4)).toEqual([4, 5, 6, 8]);
    expect(data.sheets[1]).toMatchObject({ columns: [], rows: [], rowCount: 0 });
    expect(data.sheets[2]).toMatchObject({ columns: ['LSOA', 'People'], rows: [['E01000001', '1500']], rowCount: 1 });
  });

  it('gives all of one sheet’s rows for an import (the first sheet unless one is named)', async () => {
    const file = await richWorkbook();
    const first = await readTabular(file, { mode: 'all' });
    expect(first.sheets[0]!.rows).toHaveLength(26);
    // A merged range's value is in its first cell only.
    expect(first.sheets[0]!.rows[25]).toEqual(['E05000030', 'Merged across', '', '', '', '', '', '', '']);
    expect(first.sheets[2]!.rows).toEqual([]);
    const named = await readTabular(file, { mode: 'all', sheet: 'LSOAs' });
    expect(named.sheets[0]!.rows).toEqual([]);
    expect(named.sheets[2]!.rows).toEqual([['E01000001', '1500']]);
  });

  it('refuses a zip that holds no worksheets, and one ExcelJS cannot read, with the reason', async () => {
    const dir = tempDir();
    const parts = path.join(dir, 'parts.xlsx');
    fs.writeFileSync(parts, buildZip([{ name: 'readme.txt', data: Buffer.from('not a workbook') }]));
    await expect(readTabular(parts, { mode: 'preview' })).rejects.toThrow(/^"parts\.xlsx" has no worksheets to import: it is a zip but holds no sheets/);
    const broken = path.join(dir, 'broken.xlsx');
    const workbookXml = '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>';
    fs.writeFileSync(broken, buildZip([{ name: 'xl/workbook.xml', data: Buffer.from(workbookXml) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData><row') }]));
    await expect(readTabular(broken, { mode: 'preview' })).rejects.toThrow(/^"broken\.xlsx" could not be read as an Excel workbook \(.+\)\. Open it in Excel/);
  });
});

describe('a __proto__ header', () => {
  const HEADER = ['__proto__', 'constructor', 'prototype', 'toString'];

  it('leaves Object.prototype unchanged in a CSV, parsed here and in the worker', async () => {
    const before = prototypeSnapshot();
    const file = writeText('proto.csv', `${HEADER.join(',')}\n"{""polluted"":true}",1,2,3\n__proto__,polluted,yes,no\n`);
    for (const data of [await parseTabularFile(file, { mode: 'all' }), await readTabular(file, { mode: 'all' })]) {
      expect(data.sheets[0]!.columns).toEqual(HEADER);
      expect(data.sheets[0]!.rows).toEqual([['{"polluted":true}', '1', '2', '3'], ['__proto__', 'polluted', 'yes', 'no']]);
      expect(Array.isArray(data.sheets[0]!.rows[0])).toBe(true);
    }
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves Object.prototype unchanged in an XLSX (a sheet called __proto__ too), parsed here and in the worker', async () => {
    const before = prototypeSnapshot();
    const file = await writeXlsx('proto.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('__proto__');
      sheet.addRow(HEADER);
      sheet.addRow(['polluted', 1, 2, 3]);
      workbook.addWorksheet('constructor').addRow(['__proto__']);
    });
    for (const data of [await parseTabularFile(file, { mode: 'all' }), await readTabular(file, { mode: 'preview' })]) {
      expect(data.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
      expect(data.sheets[0]!.columns).toEqual(HEADER);
      expect(data.sheets[0]!.rows).toEqual([['polluted', '1', '2', '3']]);
      expect(data.sheets[1]!.columns).toEqual(['__proto__']);
    }
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the reading worker’s limits', () => {
  it('refuses a file that needs more memory than allowed, and the process carries on', async () => {
    const file = writeText('wards.csv', bigCsv(200_000));
    await expect(readTabular(file, { mode: 'all', limits: { maxOldGenerationSizeMb: 16 } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^"wards\.csv" is too large or too complex to read \(it needed more than the 16 MB of memory allowed\)\. .*Nothing was imported\.$/),
    });
    // The same file within the normal limit reads in full.
    const data = await readTabular(file, { mode: 'preview' });
    expect(data.sheets[0]!.rowCount).toBe(200_000);
  });

  it('never starts a worker with a heap too small for V8 to boot (which would end the process)', async () => {
    const file = writeText('wards.csv', bigCsv(200_000));
    await expect(readTabular(file, { mode: 'all', limits: { maxOldGenerationSizeMb: 1 } })).rejects.toThrow(`it needed more than the ${MIN_HEAP_MB} MB of memory allowed`);
  });

  it('refuses a file that takes longer than allowed, stopping the worker', async () => {
    const file = writeText('wards.csv', bigCsv(50_000));
    await expect(readTabular(file, { mode: 'all', limits: { timeoutMs: 1 } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^"wards\.csv" is too large or too complex to read \(reading it took longer than the 1 ms allowed\)/),
    });
    expect((await readTabular(file, { mode: 'preview' })).sheets[0]!.rowCount).toBe(50_000);
  });

  it('runs under plain node (the worker is TypeScript, its types stripped)', async () => {
    const file = await writeXlsx('plain.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Code', 'Count']);
      sheet.addRow(['E05000001', { formula: '2+2', result: 4 }]);
    });
    const module = pathToFileURL(path.resolve('electron/core/imports/read-tabular.ts')).href;
    const script = path.join(path.dirname(file), 'read.mjs');
    fs.writeFileSync(script, `const { readTabular } = await import(${JSON.stringify(module)});\nconst data = await readTabular(${JSON.stringify(file)}, { mode: 'preview' });\nprocess.stdout.write(JSON.stringify(data.sheets[0]));\n`);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'Data', columns: ['Code', 'Count'], rows: [['E05000001', '4']], rowCount: 1 });
  });
});
