// The Excel working copy, read back with ExcelJS (and its XML read as text where ExcelJS would not
// show what was written): sheets in the method's order, the marking on the first row and in every
// header and footer, styled frozen headers with filters, the census matrix, the limits of a cell
// and a sheet name, and the whole converted to PDF by LibreOffice and looked at. The record sheets
// are in export-excel-records.test.ts, text that starts like a formula in export-excel-injection.test.ts.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { LINES_IN_TALLEST_ROW, cellText } from '../../../electron/core/export/excel-layout.ts';
import { uniqueSheetName } from '../../../electron/core/export/excel-census.ts';
import { GAPS_LISTED_PER_SECTION } from '../../../electron/core/export/excel-summary.ts';
import { largeExportData } from '../../bench/export-excel.ts';
import { IDS, exportData, exportedWorkbook } from '../../helpers/excel-export-workbook.ts';
import { loadWorkbook, sheetParts } from '../../helpers/excel-file.ts';
import { HEADER, rowOf, rowValues, sheet } from '../../helpers/excel-sheets.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const run = promisify(execFile);
const load = loadWorkbook;

const RECORD_SHEETS = ['Aims', 'Objectives', 'What good will look like', 'Areas', 'Audiences', 'Assets', 'Vulnerabilities', 'Places', 'Self-assessment'];

let book: ExcelJS.Workbook;
let personalBook: ExcelJS.Workbook;
let buffer: Buffer;

beforeAll(async () => {
  ({ buffer, book } = await exportedWorkbook(false));
  personalBook = (await exportedWorkbook(true)).book;
});

describe('Excel export: sheets and layout', () => {
  it('puts the Summary first, then one sheet per record type in the method\'s order, the census matrix, and the hidden lists', () => {
    // The indicators worked out from the workbook follow the ratings they stand beside.
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Summary', ...RECORD_SHEETS, 'Hallmark indicators', 'Census TS021', 'Lists']);
    expect(book.worksheets.map((ws) => ws.state)).toEqual([...Array(12).fill('visible'), 'hidden']);
  });

  it('exports only the sections asked for', async () => {
    const who = await load(await exportExcel(await exportData({ sections: ['who'], personal: false }), () => {}));
    expect(who.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Areas', 'Audiences', 'Assets', 'Vulnerabilities', 'Places', 'Lists']);
    const aims = await load(await exportExcel(await exportData({ sections: ['aims', 'evidence'], personal: false }), () => {}));
    expect(aims.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Aims', 'Objectives', 'Census TS021', 'Lists']);
    // The statements of what good will look like go out with "What good looks like", as in the document.
    const good = await load(await exportExcel(await exportData({ sections: ['good'], personal: false }), () => {}));
    expect(good.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'What good will look like', 'Self-assessment', 'Hallmark indicators', 'Lists']);
  });

  it('opens the Summary with the marking, then the details, counts per section and open gaps by section', () => {
    const ws = sheet(book, 'Summary');
    expect(ws.getCell('A1').value).toBe('OFFICIAL-SENSITIVE');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    const pairs = new Map<string, unknown>();
    ws.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') pairs.set(label, row.getCell(2).value);
    });
    expect(pairs.get('Force')).toBe('Kent Police');
    expect(pairs.get('Title')).toBe('Kent engagement strategy');
    expect(pairs.get('Strategy period starts')).toEqual(new Date('2027-04-01T00:00:00Z'));
    expect(pairs.get('Strategy period ends')).toEqual(new Date('2030-03-31T00:00:00Z'));
    expect(pairs.get('Version')).toBe('Draft 2');
    expect(pairs.get('Protective marking')).toBe('OFFICIAL-SENSITIVE');
    expect(pairs.get('Generated')).toEqual(new Date('2026-11-25T00:00:00Z'));
    expect(pairs.has('Author')).toBe(false);
    const personal = new Map<string, unknown>();
    sheet(personalBook, 'Summary').eachRow((row) => personal.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(personal.get('Author')).toBe('Alex Planner');

    const values = Array.from(ws.getSheetValues(), (row) => (Array.isArray(row) ? row.slice(1) : []));
    const at = (first: string) => values.findIndex((row) => row[0] === first);
    const sections = at('Section');
    expect(values[sections]).toEqual(['Section', 'Status', 'Records', 'Open gaps']);
    expect(values.slice(sections + 1, sections + 8).map((row) => [row[0], row[2]])).toEqual([
      ['Aims and objectives', 3],
      ['Areas', 3],
      ['Audiences', 9],
      ['Assets', 2],
      ['Vulnerabilities', 1],
      ['Places', 1],
      ['Census evidence', 1],
    ]);
    const sheetsAt = at('Sheet');
    expect(values.slice(sheetsAt + 1, sheetsAt + 12).map((row) => [row[0], row[2]])).toEqual([
      ['Aims', 1],
      ['Objectives', 1],
      ['What good will look like', 1],
      ['Areas', 3],
      ['Audiences', 9],
      ['Assets', 2],
      ['Vulnerabilities', 1],
      ['Places', 1],
      ['Self-assessment', 0],
      // One row per indicator the core works out.
      ['Hallmark indicators', expect.any(Number)],
      ['Census TS021', 4],
    ]);
    const gaps = values.slice(at('Open gaps by section') + 2).filter((row) => row.length > 0);
    expect(gaps.some((row) => row[0] === 'Areas' && String(row[1]).includes('Area “City” has no asset'))).toBe(true);
    expect(gaps.some((row) => row[0] === 'Census evidence' && String(row[1]).startsWith('In Riverside'))).toBe(true);
    expect(gaps.some((row) => row[0] === 'Audiences' && String(row[1]).includes('has no evidence'))).toBe(true);
    const gapCounts = values.slice(sections + 1, sections + 8).map((row) => row[3]);
    expect(gapCounts.every((n) => typeof n === 'number')).toBe(true);
    expect(gapCounts[1]).toBe(gaps.filter((row) => row[0] === 'Areas').length);
  });

  it('marks every sheet in its header and footer and, in Normal view, on its first row; prints landscape on A4', () => {
    for (const ws of book.worksheets) {
      expect(ws.headerFooter.oddHeader, ws.name).toBe('&C&"Arial,Bold"OFFICIAL-SENSITIVE');
      expect(ws.headerFooter.oddFooter, ws.name).toMatch(/^&C&"Arial,Bold"OFFICIAL-SENSITIVE&R/);
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToHeight: 0, paperSize: 9 });
      if (ws.state === 'hidden') continue;
      expect(ws.getCell('A1').value, ws.name).toBe('OFFICIAL-SENSITIVE');
      expect(ws.getCell('A1').font?.bold, ws.name).toBe(true);
    }
  });

  it('prints only the columns people read (the ids are left off), over as many pages across as keep the text readable', async () => {
    const { files } = await sheetParts(buffer);
    const names = [...(files.get('xl/workbook.xml') ?? '').matchAll(/<definedName name="_xlnm\.Print_Area" localSheetId="\d+">([^<]+)<\/definedName>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of RECORD_SHEETS) {
      const ws = sheet(book, name);
      const headers = rowValues(ws, HEADER) as string[];
      const firstId = headers.findIndex((h) => h.endsWith('(id)') || h.endsWith('(ids)') || h === 'Record id');
      expect(headers.slice(firstId).every((h) => h.endsWith('(id)') || h.endsWith('(ids)') || h === 'Record id'), name).toBe(true);
      const last = String.fromCharCode(64 + firstId);
      expect(ws.pageSetup.printArea, name).toBe(`A1:${last}${ws.rowCount}`);
      expect(ws.pageSetup.printTitlesRow, name).toBe('2:2');
    }
    // The Audiences sheet is too wide for one readable page: it prints two across, its names repeated.
    expect(sheet(book, 'Audiences').pageSetup).toMatchObject({ fitToWidth: 2, printTitlesColumn: 'A:A', pageOrder: 'overThenDown' });
    expect(sheet(book, 'Aims').pageSetup.fitToWidth).toBe(1);
    expect(sheet(book, 'Census TS021').pageSetup.printArea).toBe(`A1:G${sheet(book, 'Census TS021').rowCount}`);
  });

  it('carries the marking in a Classification document property, as the Word document does', async () => {
    const { files } = await sheetParts(buffer);
    expect(files.get('docProps/custom.xml')).toMatch(/<property [^>]*name="Classification"[^>]*><vt:lpwstr>OFFICIAL-SENSITIVE<\/vt:lpwstr><\/property>/);
    expect(files.get('[Content_Types].xml')).toContain('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
    expect(files.get('_rels/.rels')).toContain('Target="docProps/custom.xml"');
    // Every other part is as ExcelJS wrote it, and the file still opens.
    expect(book.worksheets.length).toBeGreaterThan(5);
  });

  it('gives every record sheet a styled, frozen header row, an auto-filter over the data and fitted widths', () => {
    for (const name of RECORD_SHEETS) {
      const ws = sheet(book, name);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: HEADER });
      const header = ws.getRow(HEADER);
      const columns = header.cellCount;
      header.eachCell((cell) => {
        expect(cell.font?.bold, `${name} ${cell.address}`).toBe(true);
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
        expect(cell.alignment?.wrapText).toBe(true);
      });
      const last = String.fromCharCode(64 + columns);
      expect(ws.autoFilter, name).toBe(`A${HEADER}:${last}${ws.rowCount}`);
      expect(ws.getCell(HEADER, columns).value, name).toBe('Record id');
      for (let column = 1; column <= columns; column += 1) {
        const width = ws.getColumn(column).width ?? 0;
        expect(width, `${name} column ${column}`).toBeGreaterThanOrEqual(10);
        expect(width, `${name} column ${column}`).toBeLessThanOrEqual(60);
      }
    }
    expect(sheet(book, 'Places').getColumn(1).width).toBe('Central Mosque'.length + 2);
    expect(sheet(book, 'Audiences').getColumn(1).width).toBe(32);
    expect(sheet(book, 'Aims').getColumn(2).alignment?.wrapText).toBe(true);
  });
});

describe('Excel export: census matrix', () => {
  it('lays a census table out with areas down and categories across: counts, then shares', () => {
    const ws = sheet(book, 'Census TS021');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(rowValues(ws, 2)).toEqual(['Area', 'All residents', 'White', 'Asian', 'Asian: Bangladeshi', 'Other', 'Geographies counted (LSOA)', 'Area id']);
    expect(ws.getCell('E2').font).toMatchObject({ bold: true, italic: true });
    expect(rowValues(ws, 3)).toEqual(['The whole strategy area', 4000, 3660, 230, 140, 110, 3]);
    expect(rowValues(ws, 4)).toEqual(['City', 4000, 3660, 230, 140, 110, 3, IDS.city]);
    expect(rowValues(ws, 5)).toEqual(['Riverside', 2000, 1700, 210, 130, 90, 2, IDS.riverside]);
    expect(rowValues(ws, 6)).toEqual(['Eastgate', 2000, 1960, 20, 10, 20, 1, IDS.eastgate]);
    expect(ws.getCell('C5').numFmt).toBe('#,##0');
    expect(rowValues(ws, 8)).toEqual(["Share of each area's residents"]);
    expect(rowValues(ws, 11)).toEqual(['Riverside', 1, 0.85, 0.105, 0.065, 0.045, 2, IDS.riverside]);
    expect(ws.getCell('C11').numFmt).toBe('0.0%');
    const notes = ws.getSheetValues().slice(12).map((row) => (Array.isArray(row) ? row[1] : undefined));
    expect(notes).toContain('Source: ONS Census 2021, 2021.');
    expect(notes).toContain('Imported from census2021-ts021-lsoa.csv on 01/01/2026.');
  });
});

describe('Excel export: limits', () => {
  it('keeps text taller than a row can be whole in its cell, and shows it whole in a note too', async () => {
    const data = await exportData({ personal: false });
    const long = Array.from({ length: 60 }, (_, n) => `Line ${n + 1} of what officers know about this audience.`).join('\n');
    const audience = { ...data.records.audience[0]!, whatWeKnow: long };
    const xlsx = await exportExcel({ ...data, records: { ...data.records, audience: [audience, ...data.records.audience.slice(1)] } }, () => {});
    const ws = sheet(await load(xlsx), 'Audiences');
    const row = rowOf(ws, audience.id);
    const cell = ws.getCell(row, 9);
    expect(cell.value).toBe(long);
    expect(ws.getRow(row).height).toBe(409);
    expect(long.split('\n').length).toBeGreaterThan(LINES_IN_TALLEST_ROW);
    const note = cell.note as string | { texts: Array<{ text: string }> };
    expect(typeof note === 'string' ? note : note.texts.map((t) => t.text).join('')).toBe(long);
    // Notes print at the end of the sheet, so the printed copy has it all too.
    expect(ws.pageSetup.cellComments).toBe('atEnd');
    // A short text has no note.
    expect(ws.getCell(rowOf(ws, IDS.youth), 1).note).toBeUndefined();
  });

  it('cuts text too long for one cell, saying so, and names sheets as Excel allows', () => {
    const long = cellText('E01000001, '.repeat(5000));
    expect(long!.length).toBeLessThanOrEqual(32_767);
    expect(long).toMatch(/cut short: too long for one spreadsheet cell\)$/);
    expect(cellText('')).toBeNull();
    expect(uniqueSheetName('Census TS/021: [a]?', new Set(), 'Census')).toBe('Census TS 021 a');
    expect(uniqueSheetName('Census TS021', new Set(['census ts021']), 'Census')).toBe('Census TS021 (2)');
    expect(uniqueSheetName('x'.repeat(40), new Set(), 'Census')).toHaveLength(31);
  });

  it('lists at most 200 gaps a section on the Summary, counting the rest', async () => {
    const ws = sheet(await load(await exportExcel(largeExportData(250), () => {})), 'Summary');
    const values = Array.from(ws.getSheetValues(), (row) => (Array.isArray(row) ? row.slice(1) : []));
    const gaps = values.slice(values.findIndex((row) => row[0] === 'Open gaps by section')).filter((row) => row[0] === 'Audiences');
    expect(gaps).toHaveLength(GAPS_LISTED_PER_SECTION + 1);
    expect(gaps.at(-1)![1]).toBe('… and 50 more in this section: see the gap list in the app.');
  });

  it('says so on a census sheet when no area has figures in the table', async () => {
    const data = await exportData({ personal: false });
    const view = data.census.views[0]!;
    const ws = sheet(await load(await exportExcel({ ...data, census: { ...data.census, views: [{ table: view.table, areas: [] }] } }, () => {})), 'Census TS021');
    expect(rowValues(ws, 2)).toEqual(['Area', 'All residents', 'White', 'Asian', 'Asian: Bangladeshi', 'Other', 'Geographies counted (LSOA)', 'Area id']);
    expect(String(ws.getCell('A3').value)).toMatch(/^No area in this workbook has figures in this table/);
  });
});

// `npm test` installs LibreOffice and poppler first (tests/support/ensure-system-packages.ts): this
// test runs everywhere the suite runs, and fails if they are missing rather than skipping.

describe('Excel export: LibreOffice', () => {
  it(
    'converts to PDF showing the marking and the records, each page landscape',
    async () => {
      const dir = tempDir('ewb-excel-pdf-');
      const xlsx = path.join(dir, 'workbook.xlsx');
      fs.writeFileSync(xlsx, buffer);
      const profile = path.join(os.tmpdir(), `lo-profile-${crypto.randomUUID()}`);
      try {
        await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 120_000 });
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
      const pdf = path.join(dir, 'workbook.pdf');
      expect(fs.existsSync(pdf)).toBe(true);
      const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 60_000 });
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain('Young people in Riverside');
      expect(text).toContain('Central Mosque');
      expect(text).not.toContain('Abdul Rahman');
      // A value that starts like a formula shows as typed: no apostrophe, not evaluated.
      expect(text).toMatch(/(^|\s)-25%/);
      expect(text).not.toContain("'-25%");
      expect(text).toContain('-2+3');
      expect(text).not.toMatch(/'-2\+3|'\+1\+1|'@SUM/);
      expect(text).toContain('@SUM(A1:A2)');
      // Ids are not printed.
      expect(text).not.toContain(IDS.youth);
      const { stdout: info } = await run('pdfinfo', [pdf], { timeout: 60_000 });
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
      expect(size && Number(size[1]) > Number(size[2])).toBe(true);
      const pages = path.join(os.tmpdir(), 'ewb-excel-pages');
      fs.rmSync(pages, { recursive: true, force: true });
      fs.mkdirSync(pages, { recursive: true });
      fs.copyFileSync(pdf, path.join(pages, 'workbook.pdf'));
      await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(pages, 'page')], { timeout: 60_000 });
      expect(fs.readdirSync(pages).length).toBeGreaterThan(0);
    },
    150_000,
  );
});
