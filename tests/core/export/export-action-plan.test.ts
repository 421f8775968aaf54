// The action plan in both deliverables, from a real workbook, read back: in Word, chapter 5 with the
// flagship first (its pilot and roll-out plan), then the plan as a table by month — the weekly
// activity under every month it falls in with its days, the one-off under its month, the monthly
// flagship first in each month — and what is not on the calendar; in Excel, the Calendar sheet
// straight after the action plan's own, activities by month with the days in the cells.
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { MONTH_ROWS_LIMIT } from '../../../electron/core/export/word-action-plan.ts';
import { loadWorkbook } from '../../helpers/excel-file.ts';
import { makeData } from '../../helpers/strategy-workbook.ts';
import { exportOf, tableWithHeader } from '../../helpers/word-document.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LINKS = { audienceIds: [], channelIds: [], partnerIds: [], placeIds: [], eventIds: [], messageIds: [], priorityIds: [], vulnerabilityIds: [], objectiveIds: [] };

function activity(n: number, values: Record<string, unknown>) {
  return { id: id(6, n), ...COMMON, description: '', depth: null, endDate: null, owner: '', status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', ...LINKS, ...values };
}

const SURGERY = activity(1, { title: 'Beat surgery at Riverside library', recurrence: 'weekly', startDate: '2027-04-06', endDate: '2027-05-31', depth: 'consult', audienceIds: [id(1, 1)], owner: 'PS Dana Okafor' });
const FETE = activity(2, { title: 'Stall at the Riverside fete', recurrence: 'one-off', startDate: '2027-05-15', status: 'planned' });
const FORUM = activity(3, {
  title: 'Youth forum at the Hub',
  recurrence: 'monthly',
  startDate: '2027-04-30',
  endDate: '2027-06-30',
  flagship: true,
  depth: 'involve',
  description: 'Young people set the agenda with the neighbourhood team.',
  pilotPlan: 'Three months at the Riverside Hub, judged by who comes back.',
  rolloutPlan: 'Eastgate and Old Town in the autumn if the pilot works.',
});
const UNDATED = activity(4, { title: 'Faith leaders breakfast', recurrence: 'quarterly', startDate: null });

function planJson(activities = [SURGERY, FETE, FORUM, UNDATED]) {
  return {
    format: 'engagement-workbook',
    version: 7,
    personal: true,
    workbook: { id: id(9, 9), force: 'kent', title: 'Kent engagement strategy', periodStart: '2027-04-01', periodEnd: '2027-06-30', author: 'Alex Planner', versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      audience: [{ id: id(1, 1), ...COMMON, name: 'Young people', kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'receptive', priority: 'high', whatWeKnow: '', owner: '', areaIds: [] }],
      activity: activities,
    },
  };
}

describe('the action plan in the Word document', () => {
  it('prints the flagship with its pilot and roll-out plan, then the plan by month, then what is not on the calendar', async () => {
    const { docx } = await exportOf(await makeData(planJson()));
    const chapter = docx.text.slice(docx.text.lastIndexOf('5 Action plan'), docx.text.lastIndexOf('6 What good looks like'));
    const headings = docx.headings.filter((h) => chapter.includes(h.text) && h.level >= 2).map((h) => `${h.level} ${h.text}`);
    expect(headings).toEqual(['2 Action plan', '3 Flagship activities', '4 ★ Youth forum at the Hub', '3 The plan by month', '3 Not on the calendar']);
    expect(chapter).toContain('When: Monthly from 30 April 2027 until 30 June 2027. Depth: Involve. Status: Planned');
    expect(chapter).toContain('Pilot: Three months at the Riverside Hub, judged by who comes back.');
    expect(chapter).toContain('Roll-out: Eastgate and Old Town in the autumn if the pilot works.');
    expect(tableWithHeader(docx, 'Activity', 'Days')).toEqual([
      ['Activity', 'Days', 'Depth', 'Status', 'With'],
      ['April 2027'],
      ['★ Flagship: Youth forum at the Hub (↻ monthly)', '30', 'Involve', 'Planned', ''],
      ['Beat surgery at Riverside library (↻ weekly)', '6, 13, 20, 27', 'Consult', 'Planned', 'Young people'],
      ['May 2027'],
      ['★ Flagship: Youth forum at the Hub (↻ monthly)', '30', 'Involve', 'Planned', ''],
      ['Beat surgery at Riverside library (↻ weekly)', '4, 11, 18, 25', 'Consult', 'Planned', 'Young people'],
      ['Stall at the Riverside fete', '15', '', 'Planned', ''],
      ['June 2027'],
      ['★ Flagship: Youth forum at the Hub (↻ monthly)', '30', 'Involve', 'Planned', ''],
    ]);
    expect(tableWithHeader(docx, 'Activity', 'When')).toEqual([
      ['Activity', 'When', 'Why'],
      ['Faith leaders breakfast (↻ quarterly)', 'Quarterly, start date not set', 'No start date yet'],
    ]);
    // The owner is personal: out unless asked for.
    expect(chapter).not.toContain('PS Dana Okafor');
    const personal = await exportOf(await makeData(planJson(), { personal: true }));
    expect(tableWithHeader(personal.docx, 'Activity', 'Days')[0]).toEqual(['Activity', 'Days', 'Depth', 'Status', 'With', 'Owner']);
    expect(tableWithHeader(personal.docx, 'Activity', 'Days')[3]).toContain('PS Dana Okafor');
  });

  it('lists each activity once, under its first month, when the plan is too long to list month by month', async () => {
    // Weekly activities over the quarter's three months: each makes three rows.
    const many = Array.from({ length: Math.ceil(MONTH_ROWS_LIMIT / 3) + 1 }, (_, i) => activity(100 + i, { title: `Patrol ${String(i).padStart(4, '0')}`, recurrence: 'weekly', startDate: '2027-04-05' }));
    const { docx } = await exportOf(await makeData(planJson([FETE, ...many])));
    const rows = tableWithHeader(docx, 'Activity', 'Days');
    expect(rows.filter((row) => row.length === 1).map((row) => row[0])).toEqual(['April 2027', 'May 2027']);
    expect(rows).toHaveLength(1 + 2 + many.length + 1);
    expect(rows[2]).toEqual(['Patrol 0000 (↻ weekly)', 'Weekly from 5 April 2027, no end date', '', 'Planned', '']);
    expect(docx.text).toContain('each is listed once, under the month it first takes place');
  });
});

describe('the action plan in the Excel workbook', () => {
  it('has a Calendar sheet after the action plan’s own: activities by month, the days in the cells', async () => {
    const book = await loadWorkbook(await exportExcel(await makeData(planJson()), () => {}));
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names.indexOf('Calendar')).toBe(names.indexOf('Action plan') + 1);
    const sheet = book.getWorksheet('Calendar')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('OFFICIAL');
    const rows = [2, 3, 4, 5, 6].map((r) => Array.from({ length: 9 }, (_, c) => {
      const value = sheet.getRow(r).getCell(c + 1).value;
      return value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
    }));
    expect(rows).toEqual([
      ['Activity', 'Flagship', 'How often', 'Starts', 'Ends', 'Apr 2027', 'May 2027', 'Jun 2027', 'Activity id'],
      ['Youth forum at the Hub', '★ Flagship', 'Monthly', '2027-04-30', '2027-06-30', '30', '30', '30', id(6, 3)],
      ['Beat surgery at Riverside library', '', 'Weekly', '2027-04-06', '2027-05-31', '6, 13, 20, 27', '4, 11, 18, 25', '', id(6, 1)],
      ['Stall at the Riverside fete', '', 'One-off', '2027-05-15', '', '', '15', '', id(6, 2)],
      ['Faith leaders breakfast', '', 'Quarterly', '', '', '', '', '', id(6, 4)],
    ]);
    // The Summary sheet counts it among the sheets.
    const summary = book.getWorksheet('Summary')!;
    const said: string[] = [];
    summary.eachRow((row) => said.push(row.values!.toString()));
    expect(said.some((line) => line.includes('Calendar'))).toBe(true);
  });
});
