// The calendar sheet on its own, written by the same streaming writer as the export: the marking on
// row 1, a header of months, activities down with flagships first and marked in words, each month's
// cell the days the activity falls on (a monthly one of the 31st on the 29th of a leap February), a
// recurring one with no end stopping at the period's end, and every activity's id after the grid.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RecordValues } from '../../../shared/api/records.ts';
import { writeCalendarSheet } from '../../../electron/core/export/excel-calendar.ts';
import { planByMonth } from '../../../electron/core/export/action-plan-months.ts';
import { loadWorkbook } from '../../helpers/excel-file.ts';

const T = '2026-01-05T10:00:00.000Z';
const common = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
const activity = (id: string, values: Record<string, unknown>): RecordValues => ({ id, ...common, ...values });

const SURGERY = activity('11111111-1111-4111-8111-000000000001', { title: 'Beat surgery at the library', recurrence: 'weekly', startDate: '2028-02-01', endDate: null, flagship: false });
const FAIR = activity('a-fair', { title: '=Spring fair stall', recurrence: 'one-off', startDate: '2028-02-29', flagship: false });
const FORUM = activity('a-forum', { title: 'Youth forum', recurrence: 'monthly', startDate: '2028-01-31', endDate: '2028-04-30', flagship: true });
const UNDATED = activity('a-undated', { title: 'Faith leaders breakfast', recurrence: 'quarterly', startDate: null, flagship: false });

async function written(activities: RecordValues[], meta = { periodStart: '2028-01-01', periodEnd: '2028-03-31' }): Promise<ExcelJS.Worksheet> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  writeCalendarSheet(workbook as unknown as ExcelJS.Workbook, 'Calendar', { activities, meta, today: '2026-11-29', marking: 'OFFICIAL-SENSITIVE' }).commit();
  await workbook.commit();
  const book = await loadWorkbook(Buffer.concat(chunks));
  return book.getWorksheet('Calendar')!;
}

const text = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
  const value = sheet.getRow(row).getCell(column).value;
  return value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
};

describe('writeCalendarSheet', () => {
  it('lays the plan out as activities by month, flagships first, each cell the days it falls on', async () => {
    const sheet = await written([SURGERY, FAIR, FORUM, UNDATED]);
    expect(text(sheet, 1, 1)).toBe('OFFICIAL-SENSITIVE');
    const header = sheet.getRow(2).values as unknown[];
    expect(header.slice(1)).toEqual(['Activity', 'Flagship', 'How often', 'Starts', 'Ends', 'Jan 2028', 'Feb 2028', 'Mar 2028', 'Activity id']);
    const rows = [3, 4, 5, 6].map((r) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => text(sheet, r, c)));
    expect(rows).toEqual([
      ['Youth forum', '★ Flagship', 'Monthly', '2028-01-31', '2028-04-30', '31', '29', '31', 'a-forum'],
      ['Beat surgery at the library', '', 'Weekly', '2028-02-01', '', '', '1, 8, 15, 22, 29', '7, 14, 21, 28', '11111111-1111-4111-8111-000000000001'],
      ['=Spring fair stall', '', 'One-off', '2028-02-29', '', '', '29', '', 'a-fair'],
      ['Faith leaders breakfast', '', 'Quarterly', '', '', '', '', '', 'a-undated'],
    ]);
    // A title that starts like a formula stays text (held by the text format, never evaluated).
    expect(sheet.getRow(5).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(3).getCell(4).numFmt).toBe('dd/mm/yyyy');
    // Every cell of a row at its top; the 36-character id in its narrow column does not make the row tall.
    expect(sheet.getRow(4).getCell(3).alignment).toMatchObject({ vertical: 'top' });
    expect(sheet.getRow(4).height ?? 15).toBeLessThanOrEqual(15);
    const notes = [8, 9].map((r) => text(sheet, r, 1));
    expect(notes[0]).toMatch(/^Key: each month's column gives the days/);
    expect(notes[1]).toBe('1 activity falls on no day of these months (no start date yet, or outside the strategy period).');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(sheet.pageSetup.printArea).toMatch(/^A1:H9$/);
  });

  it('says when the plan is empty, and still has its header and key', async () => {
    const sheet = await written([]);
    expect(text(sheet, 2, 1)).toBe('Activity');
    expect(text(sheet, 4, 1)).toMatch(/^No activities have been planned yet/);
    expect(text(sheet, 5, 1)).toMatch(/^Key:/);
  });
});

describe('planByMonth', () => {
  it('covers the strategy period, or the activities when it is not set, and never more than ten years', () => {
    const titleOf = (a: RecordValues) => String(a.title);
    expect(planByMonth([SURGERY], { periodStart: '2028-04-01', periodEnd: '2031-03-31' }, '2026-11-29', titleOf).months).toHaveLength(36);
    const open = planByMonth([FORUM, FAIR], { periodStart: null, periodEnd: null }, '2026-11-29', titleOf);
    expect(open.months[0]).toBe('2028-01');
    expect(open.months).toHaveLength(12);
    const ancient = activity('a-old', { title: 'Forever', recurrence: 'weekly', startDate: '1800-01-01', endDate: '2200-01-01' });
    const long = planByMonth([ancient], { periodStart: null, periodEnd: null }, '2026-11-29', titleOf);
    expect(long.months).toHaveLength(120);
    expect(long.monthRows).toBe(120);
  });
});
