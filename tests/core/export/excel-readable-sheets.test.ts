// What a reader of the Excel deliverable found wrong, each read back from the file: a wrapped
// audience name running over the next row of "Who listens where" and no channel ids there; the
// review log led by what it found rather than when; sheets without the auto-filter the README
// promises; the audiences' census citations in no sheet; the statements of what good will look
// like on a sheet named as the hallmarks' section; the grid's count unexplained in the Summary.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { loadWorkbook } from '../../helpers/excel-file.ts';
import { ID, fullWorkbookJson, makeData } from '../../helpers/strategy-workbook.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
const LONG_NAME = 'Pakistani heritage community around Foundry Lane and the streets off the Canalside towpath';

function json() {
  const base = fullWorkbookJson();
  return {
    ...base,
    version: 9,
    records: {
      ...base.records,
      audience: base.records.audience.map((a) => (a.id === ID.youth ? { ...a, name: LONG_NAME } : a)),
      channel: [{ id: 'b1000000-0000-4000-8000-000000000001', ...COMMON, name: 'Neighbourhood Alert', kind: 'other', platform: null, status: 'have', owner: '', reach: null, reachMeasure: '', cost: '' }],
      receptivity: [{ audienceId: ID.youth, channelId: 'b1000000-0000-4000-8000-000000000001', value: 'yes', note: '' }],
      hallmarkRating: [{ id: 'b2000000-0000-4000-8000-000000000001', ...COMMON, hallmark: 'quality', rating: 3, evidence: 'One flagship piloted.' }],
      reviewEntry: [{ id: 'b2000000-0000-4000-8000-000000000002', ...COMMON, reviewedOn: '2027-03-01', reviewer: 'Inspector', summary: 'On track.', decisions: 'None.' }],
    },
  };
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(2).values as unknown[]).slice(1);

describe('the Excel workbook read as a reader reads it', () => {
  it('sizes the grid’s rows, gives its channel ids, leads the review log with its date, and filters every table sheet', async () => {
    const book = await loadWorkbook(await exportExcel(await makeData(json()), () => {}));
    const grid = book.getWorksheet('Who listens where')!;
    const row = [...Array(grid.rowCount).keys()].map((i) => grid.getRow(i + 1)).find((r) => r.getCell(1).value === LONG_NAME)!;
    // The name wraps in its column: the row is as tall as its lines.
    expect(row.height).toBeGreaterThan(15);
    const ids = grid.getRow(grid.rowCount);
    expect(ids.getCell(1).value).toBe('Channel id');
    expect(ids.getCell(3).value).toBe('b1000000-0000-4000-8000-000000000001');

    const log = book.getWorksheet('Review log')!;
    // The reviewer is personal: in a copy without personal data the log reads date, finding, decision.
    expect(headerOf(log).slice(0, 3)).toEqual(['Reviewed on', 'What the review found', 'What was decided']);
    expect(log.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });

    // Every sheet with a table of rows has its filter (the Summary and the hidden lists are not tables).
    for (const sheet of book.worksheets) {
      if (sheet.name === 'Summary' || sheet.name === 'Lists') continue;
      expect(sheet.autoFilter, sheet.name).toMatch(/^A2:[A-Z]+\d+$/);
    }
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Hallmark indicators', 'Census TS021']));
  });

  it('lists the audiences’ census citations, names the statements’ sheet as the document does, and says what the grid’s count counts', async () => {
    const book = await loadWorkbook(await exportExcel(await makeData(json()), () => {}));
    const names = book.worksheets.map((s) => s.name);
    expect(names.indexOf('Audience evidence')).toBe(names.indexOf('Audiences') + 1);
    const evidence = book.getWorksheet('Audience evidence')!;
    expect(headerOf(evidence)).toEqual(['Audience', 'Census category', 'In', 'Census table', 'Audience id', 'Table id', 'Area id']);
    expect((evidence.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Bangladeshi families', 'Asian: Bangladeshi', 'Riverside', 'TS021 Ethnic group']);
    expect(names).toContain('What good will look like');
    expect(names).not.toContain('What good looks like');
    const summary = book.getWorksheet('Summary')!;
    const labels: unknown[] = [];
    summary.eachRow((r) => labels.push(r.getCell(1).value));
    expect(labels).toContain('Who listens where (cells of the grid marked)');
  });

  it('keeps the calendar’s empty months narrow, so a three-year period with one year planned does not print pages of empty columns', async () => {
    const base = json();
    const activity = [{ id: 'b3000000-0000-4000-8000-000000000001', ...COMMON, title: 'Beat surgery', description: '', depth: null, recurrence: 'monthly', startDate: '2027-04-06', endDate: '2027-06-30', owner: '', status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', audienceIds: [], channelIds: [], partnerIds: [], placeIds: [], eventIds: [], messageIds: [], priorityIds: [], vulnerabilityIds: [], objectiveIds: [] }];
    const book = await loadWorkbook(await exportExcel(await makeData({ ...base, records: { ...base.records, activity } }), () => {}));
    const calendar = book.getWorksheet('Calendar')!;
    const header = headerOf(calendar) as string[];
    const width = (title: string) => calendar.getColumn(header.indexOf(title) + 1).width ?? 0;
    expect(width('Apr 2027')).toBeGreaterThanOrEqual(9);
    expect(width('Jul 2027')).toBeLessThan(6);
    expect(width('Mar 2030')).toBeLessThan(6);
  });
});
