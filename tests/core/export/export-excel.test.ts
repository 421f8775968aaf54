// The Excel working copy, read back with ExcelJS (and its XML read as text where ExcelJS would not
// show what was written): sheets in the method's order, the marking on the first row and in every
// header and footer, styled frozen headers with filters, real dates, drop-downs for every
// vocabulary on every row, links by name, ids after the printed columns, personal data only when
// asked for, and every cell that starts like a formula held as text by its style, its text as
// typed. Converted to PDF by LibreOffice and looked at.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { collectExportData, type ExportData } from '../../../electron/core/export/export-data.ts';
import { EXCEL_STAGE, exportExcel } from '../../../electron/core/export/export-excel.ts';
import { LINES_IN_TALLEST_ROW, cellText } from '../../../electron/core/export/excel-layout.ts';
import { uniqueSheetName } from '../../../electron/core/export/excel-census.ts';
import { GAPS_LISTED_PER_SECTION } from '../../../electron/core/export/excel-summary.ts';
import { largeExportData } from '../../bench/export-excel.ts';
import type { Progress } from '../../../electron/core/jobs/job-progress.ts';
import type { ExportSectionId } from '../../../shared/api/export.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { AUDIENCE_KINDS, BARRIERS, ENGAGEMENT_STATES, PRIORITIES } from '../../../shared/domain/vocabularies.ts';
import { loadWorkbook, sheetParts, writtenValidations } from '../../helpers/excel-file.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';

const run = promisify(execFile);
const NOW = new Date('2026-11-25T09:00:00.000Z');
const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: '2026-03-04T10:00:00.000Z', reviewedAt: '2026-06-01', shareable: true, notes: '' };
const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const IDS = {
  table: id(1, 1),
  city: id(2, 1),
  riverside: id(2, 2),
  eastgate: id(2, 3),
  youth: id(3, 1),
  aim: id(4, 1),
  objective: id(4, 2),
  good: id(4, 3),
  asset: id(5, 1),
  group: id(5, 2),
  vulnerability: id(6, 1),
  place: id(7, 1),
};

/** One audience per character a spreadsheet could evaluate, and one harmless. */
const INJECTIONS: Array<[string, string]> = [
  ['=', '=HYPERLINK("http://evil.example","Click")'],
  ['+', '+1+1'],
  ['-', '-2+3'],
  ['@', '@SUM(A1:A2)'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1'],
  ['line feed', '\n=1+1'],
];
const injectionId = (index: number) => id(8, index + 1);

function area(areaId: string, name: string, lsoaCodes: string[], parentId: string | null = null) {
  return { id: areaId, ...COMMON, name, onsCode: '', onsLevel: parentId ? 'ward' : 'la', parentId, lsoaCodes };
}

function audience(audienceId: string, name: string, extra: Record<string, unknown> = {}) {
  return { id: audienceId, ...COMMON, name, kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'unknown', priority: 'low', whatWeKnow: '', owner: '', areaIds: [], ...extra };
}

function workbookJson() {
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: id(0, 0), force: 'kent', title: 'Kent engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: 'Draft 2', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-01', createdAt: T, modifiedAt: T },
    records: {
      aim: [{ id: IDS.aim, ...COMMON, title: 'More people feel able to raise concerns', description: 'Confidence is lowest where we hear least.\nSecond line.' }],
      objective: [{ id: IDS.objective, ...COMMON, title: 'Fewer repeat calls from the same addresses', aimId: IDS.aim, measure: 'Repeat calls a quarter', baseline: '120 a quarter', target: '-25%', targetDate: '2028-03-31', owner: 'Sam Owner' }],
      goodStatement: [{ id: IDS.good, ...COMMON, statement: 'Every ward has an active community contact' }],
      area: [area(IDS.city, 'City', []), area(IDS.riverside, 'Riverside', ['E01000001', 'E01000002'], IDS.city), area(IDS.eastgate, 'Eastgate', ['E01000003'], IDS.city)],
      audience: [
        audience(IDS.youth, 'Young people in Riverside', { kind: 'young-people', sizeEstimate: 2400, sizeEvidence: 'Census 2021', engagementState: 'hard-to-reach', priority: 'high', owner: 'Pat Owner', areaIds: [IDS.riverside, IDS.eastgate], notes: 'Plain notes' }),
        ...INJECTIONS.map(([, text], index) => audience(injectionId(index), text, { notes: text })),
        audience(id(8, 99), 'Plain name, no formula', { notes: 'A - B = C' }),
      ],
      asset: [
        { id: IDS.asset, ...COMMON, kind: 'individual', name: 'Imam, Central Mosque', role: 'Faith leader', personName: 'Abdul Rahman', phone: '+44 7700 900123', email: 'imam@example.org', specialCategoryNote: 'Muslim faith leader', relationship: 'active', lastContact: '2026-09-12', audienceIds: [IDS.youth], areaIds: [IDS.riverside] },
        { id: IDS.group, ...COMMON, kind: 'group', name: 'Riverside Youth Forum', role: '', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'new', lastContact: null, audienceIds: [], areaIds: [] },
      ],
      vulnerability: [{ id: IDS.vulnerability, ...COMMON, name: 'New arrivals at the Eastgate hotel', kind: 'group', barriers: ['trust', 'language'], whyItMatters: 'Isolated', priority: 'high', responseNote: 'Drop-in with an interpreter', audienceIds: [IDS.youth], areaIds: [IDS.eastgate] }],
      place: [{ id: IDS.place, ...COMMON, name: 'Central Mosque', kind: 'religious-centre', areaId: IDS.riverside, address: '1 High Street', gatheringTimes: 'Friday prayers 1pm', audienceIds: [IDS.youth] }],
      censusTables: [
        {
          id: IDS.table,
          code: 'TS021',
          title: 'Ethnic group',
          source: 'ONS Census 2021',
          referenceDate: '2021',
          geographyLevel: 'lsoa',
          fileName: 'census2021-ts021-lsoa.csv',
          importedAt: T,
          categories: [
            { name: 'Ethnic group: Total: All usual residents', label: 'Total', parent: null, total: true },
            { name: 'Ethnic group: White', label: 'White', parent: null, total: false },
            { name: 'Ethnic group: Asian', label: 'Asian', parent: null, total: false },
            { name: 'Ethnic group: Asian: Bangladeshi', label: 'Asian: Bangladeshi', parent: 'Ethnic group: Asian', total: false },
            { name: 'Ethnic group: Other', label: 'Other', parent: null, total: false },
          ],
          geographies: [
            { code: 'E01000001', name: 'Riverside 001A', counts: [1000, 800, 150, 120, 50] },
            { code: 'E01000002', name: 'Riverside 001B', counts: [1000, 900, 60, 10, 40] },
            { code: 'E01000003', name: 'Eastgate 002A', counts: [2000, 1960, 20, 10, 20] },
          ],
        },
      ],
    },
  };
}

/** Builds the workbook through the core and collects its export data. */
async function exportData(options: { sections?: ExportSectionId[]; personal: boolean }): Promise<ExportData> {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(workbookJson()));
  const core = testCore();
  const file = path.join(dir, 'w.ewb');
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: file, source: path.join(dir, 'in.json') });
  await expectOk(core, 'closeWorkbook', { handle: info.handle });
  core.closeAll();
  const db = openReadOnly(file);
  try {
    return collectExportData(db, { sections: options.sections ?? ['aims', 'who', 'evidence', 'good'], personal: options.personal, now: NOW });
  } finally {
    db.close();
  }
}

const load = loadWorkbook;

/** The header row of every record and census sheet: the marking's row is above it. */
const HEADER = 2;

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A row's values from column 1, as ExcelJS reads them (empty cells undefined). */
function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

function rowOf(ws: ExcelJS.Worksheet, recordId: string): number {
  const idColumn = ws.getRow(HEADER).cellCount;
  for (let row = HEADER + 1; row <= ws.rowCount; row += 1) if (ws.getCell(row, idColumn).value === recordId) return row;
  throw new Error(`no row for ${recordId} in ${ws.name}`);
}

function allText(book: ExcelJS.Workbook): string {
  return book.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))).join('\n');
}


const RECORD_SHEETS = ['Aims', 'Objectives', 'What good will look like', 'Areas', 'Audiences', 'Assets', 'Vulnerabilities', 'Places', 'Self-assessment'];

let book: ExcelJS.Workbook;
let personalBook: ExcelJS.Workbook;
let buffer: Buffer;
let progress: Progress[];

beforeAll(async () => {
  progress = [];
  buffer = await exportExcel(await exportData({ personal: false }), (p) => progress.push(p));
  book = await load(buffer);
  personalBook = await load(await exportExcel(await exportData({ personal: true }), () => {}));
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

describe('Excel export: record sheets', () => {
  it('writes each sheet\'s header row from the record types, personal fields left out', () => {
    const headers = (name: string) => rowValues(sheet(book, name), HEADER);
    const tail = ['Last reviewed', 'Shareable', 'Notes', 'Last changed'];
    expect(headers('Aims')).toEqual(['Aim', 'Why this aim', ...tail, 'Record id']);
    expect(headers('Objectives')).toEqual(['Objective', 'Aim it serves', 'Measure', 'Baseline', 'Target', 'By when', ...tail, 'Aim it serves (id)', 'Record id']);
    expect(headers('What good will look like')).toEqual(['Statement', ...tail, 'Record id']);
    expect(headers('Areas')).toEqual(['Name', 'ONS code', 'ONS geography', 'Part of', 'LSOAs it contains', ...tail, 'Part of (id)', 'Record id']);
    expect(headers('Audiences')).toEqual(['Name', 'Kind of audience', 'Size estimate (people)', 'Where the estimate comes from', 'Evidence', 'Source of the evidence', 'Engagement', 'Priority', 'What we know', 'Areas', ...tail, 'Areas (ids)', 'Record id']);
    expect(headers('Assets')).toEqual(['Name', 'Kind of asset', 'Role', 'Relationship', 'Last contact', 'Audiences', 'Areas', ...tail, 'Audiences (ids)', 'Areas (ids)', 'Record id']);
    expect(headers('Vulnerabilities')).toEqual(['Name', 'An area or a group', 'Barriers', 'Why it matters', 'Priority', 'Planned response', 'Audiences', 'Areas', ...tail, 'Audiences (ids)', 'Areas (ids)', 'Record id']);
    expect(headers('Places')).toEqual(['Name', 'Kind of place', 'Area', 'Address', 'When people gather', 'Audiences', ...tail, 'Area (id)', 'Audiences (ids)', 'Record id']);
  });

  it('writes rows with labels for enumerations, links by name with ids beside, numbers as numbers and dates as dates', () => {
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    expect(rowValues(sheet(book, 'Objectives'), HEADER + 1)).toEqual(['Fewer repeat calls from the same addresses', 'More people feel able to raise concerns', 'Repeat calls a quarter', '120 a quarter', '-25%', day('2028-03-31'), day('2026-06-01'), 'Yes', undefined, day('2026-03-04'), IDS.aim, IDS.objective]);
    const audiences = sheet(book, 'Audiences');
    expect(rowValues(audiences, rowOf(audiences, IDS.youth))).toEqual([
      'Young people in Riverside', 'Young people', 2400, 'Census 2021', undefined, undefined, 'Hard to reach', 'High', undefined,
      'Riverside; Eastgate', day('2026-06-01'), 'Yes', 'Plain notes', day('2026-03-04'), `${IDS.riverside}; ${IDS.eastgate}`, IDS.youth,
    ]);
    expect(audiences.getCell(rowOf(audiences, IDS.youth), 3).numFmt).toBe('#,##0');
    const areas = sheet(book, 'Areas');
    expect(rowValues(areas, rowOf(areas, IDS.riverside)).slice(0, 5)).toEqual(['Riverside', undefined, 'Ward', 'City', 'E01000001, E01000002']);
    expect(rowValues(areas, rowOf(areas, IDS.riverside)).slice(-2)).toEqual([IDS.city, IDS.riverside]);
    const assets = sheet(book, 'Assets');
    expect(rowValues(assets, rowOf(assets, IDS.asset)).slice(0, 7)).toEqual(['Imam, Central Mosque', 'Individual', 'Faith leader', 'Active', day('2026-09-12'), 'Young people in Riverside', 'Riverside']);
    expect(rowValues(assets, rowOf(assets, IDS.asset)).slice(-3)).toEqual([IDS.youth, IDS.riverside, IDS.asset]);
    const vulnerabilities = sheet(book, 'Vulnerabilities');
    expect(rowValues(vulnerabilities, HEADER + 1).slice(0, 6)).toEqual(['New arrivals at the Eastgate hotel', 'A group', 'Trust in the police; Language', 'Isolated', 'High', 'Drop-in with an interpreter']);
    const places = sheet(book, 'Places');
    expect(rowValues(places, HEADER + 1).slice(0, 6)).toEqual(['Central Mosque', 'Religious centre', 'Riverside', '1 High Street', 'Friday prayers 1pm', 'Young people in Riverside']);
  });

  it('stores dates as real dates formatted dd/mm/yyyy', () => {
    const objectives = sheet(book, 'Objectives');
    const byWhen = objectives.getCell(HEADER + 1, 6);
    expect(byWhen.value).toBeInstanceOf(Date);
    expect(byWhen.type).toBe(ExcelJS.ValueType.Date);
    expect(byWhen.numFmt).toBe('dd/mm/yyyy');
    const assets = sheet(book, 'Assets');
    const lastContact = assets.getCell(rowOf(assets, IDS.asset), 5);
    expect(lastContact.value).toEqual(new Date('2026-09-12T00:00:00Z'));
    expect(lastContact.numFmt).toBe('dd/mm/yyyy');
    expect(assets.getColumn(5).numFmt).toBe('dd/mm/yyyy');
  });

  it('puts a drop-down of the vocabulary\'s labels on every enumeration column, reaching every row; a column of several choices only guides', async () => {
    const lists = sheet(book, 'Lists');
    const listAt = (formula: string): string[] => {
      const match = /^Lists!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
      if (!match) throw new Error(`unexpected formula ${formula}`);
      const values: string[] = [];
      for (let row = Number(match[2]); row <= Number(match[4]); row += 1) values.push(String(lists.getCell(`${match[1]}${row}`).value));
      return values;
    };
    const audiences = await writtenValidations(buffer, 'Audiences');
    const on = (validations: typeof audiences, column: string) => validations.find((v) => v.sqref === `${column}3:${column}1048576`);
    for (const [column, vocabulary] of [['B', AUDIENCE_KINDS], ['G', ENGAGEMENT_STATES], ['H', PRIORITIES]] as const) {
      const validation = on(audiences, column);
      expect(validation, column).toMatchObject({ type: 'list', attributes: expect.objectContaining({ allowBlank: '1', showErrorMessage: '1' }) });
      expect(listAt(validation!.formula1!)).toEqual(vocabulary.map((item) => item.label));
    }
    expect(listAt(on(audiences, 'L')!.formula1!)).toEqual(['Yes', 'No']);
    expect(audiences.map((v) => v.sqref).sort()).toEqual(['B3:B1048576', 'G3:G1048576', 'H3:H1048576', 'L3:L1048576']);
    // Several barriers may be chosen in one cell: no list that would refuse them, only a prompt naming the choices.
    const barriers = on(await writtenValidations(buffer, 'Vulnerabilities'), 'C');
    expect(barriers?.type).toBe('any');
    expect(barriers?.attributes).toMatchObject({ showInputMessage: '1', promptTitle: 'Barriers' });
    expect(barriers?.attributes.showErrorMessage).toBeUndefined();
    expect(barriers?.attributes.prompt).toContain(BARRIERS.map((item) => item.label).join('; '));
    for (const [name, columns] of [['Areas', ['C', 'G']], ['Assets', ['B', 'D', 'I']], ['Places', ['B', 'H']], ['Vulnerabilities', ['B', 'E', 'J']]] as const) {
      const validations = await writtenValidations(buffer, name);
      for (const column of columns) expect(on(validations, column)?.type, `${name} ${column}`).toBe('list');
    }
  });

  it('leaves every personal field out unless personal data was asked for', () => {
    const text = allText(book);
    for (const secret of ['Alex Planner', 'Sam Owner', 'Pat Owner', 'Abdul Rahman', '7700 900123', 'imam@example.org', 'Muslim faith leader']) expect(text).not.toContain(secret);
    const headers = book.worksheets.flatMap((ws) => rowValues(ws, HEADER));
    for (const header of ['Owner', "Person's name", 'Phone', 'Email', 'Faith, ethnicity or health (special category)']) expect(headers).not.toContain(header);

    const assets = sheet(personalBook, 'Assets');
    expect(rowValues(assets, HEADER).slice(0, 8)).toEqual(['Name', 'Kind of asset', 'Role', "Person's name", 'Phone', 'Email', 'Faith, ethnicity or health (special category)', 'Relationship']);
    // The phone number as typed, held as text: no apostrophe.
    expect(rowValues(assets, rowOf(assets, IDS.asset)).slice(3, 7)).toEqual(['Abdul Rahman', '+44 7700 900123', 'imam@example.org', 'Muslim faith leader']);
    expect(assets.getCell(rowOf(assets, IDS.asset), 5).numFmt).toBe('@');
    expect(rowValues(sheet(personalBook, 'Objectives'), HEADER + 1)[6]).toBe('Sam Owner');
    const audiences = sheet(personalBook, 'Audiences');
    expect(rowValues(audiences, HEADER)).toContain('Owner');
    expect(rowValues(audiences, rowOf(audiences, IDS.youth))).toContain('Pat Owner');
  });

  it('reports progress per sheet, ending at the total', () => {
    expect(progress.every((p) => p.stage === EXCEL_STAGE)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...Array(progress.length).keys()]);
    expect(progress.at(-1)).toEqual({ stage: EXCEL_STAGE, done: 13, total: 13 });
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

describe('Excel export: spreadsheet injection', () => {
  for (const [index, [character, text]] of INJECTIONS.entries()) {
    it(`holds text starting with ${character} as text, as typed`, () => {
      const ws = sheet(book, 'Audiences');
      const row = rowOf(ws, injectionId(index));
      const name = ws.getCell(row, 1);
      // As typed (line breaks are written as LF: a bare CR does not survive XML), no apostrophe added.
      const typed = text.replace(/\r/g, '\n');
      expect(name.value).toBe(typed);
      expect(name.type).toBe(ExcelJS.ValueType.String);
      expect(name.numFmt).toBe('@');
      const notes = ws.getCell(row, 13);
      expect(notes.value).toBe(typed);
      expect(notes.numFmt).toBe('@');
    });
  }

  it('gives every text-format style Excel’s quote prefix, so a value that starts like a formula is never evaluated, even when edited', async () => {
    const { files } = await sheetParts(buffer);
    const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(files.get('xl/styles.xml') ?? '')?.[0] ?? '';
    const text = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]).filter((xf) => xf.includes('numFmtId="49"'));
    expect(text.length).toBeGreaterThan(0);
    for (const xf of text) expect(xf).toContain('quotePrefix="1"');
    expect([...cellXfs.matchAll(/<xf\b[^>]*>/g)].filter((m) => m[0].includes('quotePrefix') && !m[0].includes('numFmtId="49"'))).toEqual([]);
    // No cell holds a formula.
    for (const [name, xml] of files) if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
  });

  it('leaves harmless text as it was, in the general style', () => {
    const ws = sheet(book, 'Audiences');
    const row = rowOf(ws, id(8, 99));
    expect(ws.getCell(row, 1).value).toBe('Plain name, no formula');
    expect(ws.getCell(row, 1).numFmt).not.toBe('@');
    expect(ws.getCell(row, 13).value).toBe('A - B = C');
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
