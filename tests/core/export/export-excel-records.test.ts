// The record sheets of the Excel working copy, read back with ExcelJS: headers from the record
// types, labels for enumerations, links by name with ids beside, real dates, drop-downs for every
// vocabulary on every row, personal data only when asked for, and progress sheet by sheet.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_STAGE } from '../../../electron/core/export/export-excel.ts';
import type { Progress } from '../../../electron/core/jobs/job-progress.ts';
import { AUDIENCE_KINDS, BARRIERS, ENGAGEMENT_STATES, PRIORITIES } from '../../../shared/domain/vocabularies.ts';
import { IDS, exportedWorkbook } from '../../helpers/excel-export-workbook.ts';
import { writtenValidations } from '../../helpers/excel-file.ts';
import { HEADER, allText, rowOf, rowValues, sheet } from '../../helpers/excel-sheets.ts';

let book: ExcelJS.Workbook;
let personalBook: ExcelJS.Workbook;
let buffer: Buffer;
let progress: Progress[];

beforeAll(async () => {
  ({ buffer, book, progress } = await exportedWorkbook(false));
  personalBook = (await exportedWorkbook(true)).book;
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
