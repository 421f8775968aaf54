// The action plan's calendar as a month grid in the Excel workbook: activities down (flagships
// first, marked in words), the plan's months across, each cell the days of that month the activity
// takes place on — recurring activities expanded — and shaded only as a help to the eye. Like every
// sheet: the marking on row 1, the header on row 2 (frozen with the activity's column, repeated on
// each printed page), dates as real dates, the ids after the printed columns. Widths are worked out
// from the data before any row is added, and no cell is read back, so the sheet writes the same way
// whether rows are held until the sheet is committed or streamed out as they come.
import type ExcelJS from 'exceljs';
import type { RecordValues } from '../../../shared/api/records.ts';
import { monthOfIndex, parseMonth, recurrenceLabel } from '../../../shared/domain/recurrence.ts';
import { MONTHS } from '../../../shared/domain/uk-date.ts';
import { DATE_FORMAT, ID_FONT, TOP_LEFT, WRAP_TOP, addMarkedSheet, addMarkingRow, calendarDate, cellText, firstPageColumns, fitPrintWidth, fitRowHeight, font, quoteRow, styleHeaderCell } from './excel-layout.ts';
import { columnLetter, HEADER_ROW } from './excel-records.ts';
import { dayList, isFlagship, planByMonth, type PlanPeriodOf } from './action-plan-months.ts';
import type { ExportData } from './export-data.ts';
import { uniqueSheetName } from './excel-census.ts';
import type { SheetCount } from './excel-summary.ts';

export const CALENDAR_SHEET = 'Calendar';

const DAYS_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FLAGSHIP = '★ Flagship';
/** The width, in characters, of a month no activity falls in: "Sep" over "2028". */
const EMPTY_MONTH_WIDTH = 5.5;

function titleOf(activity: RecordValues): string {
  const title = typeof activity.title === 'string' ? activity.title.trim() : '';
  return title || 'Untitled activity';
}

/** "Feb 2028". */
function monthHeader(month: string): string {
  const { year, month: number } = monthOfIndex(parseMonth(month)!);
  return `${MONTHS[number - 1]!.slice(0, 3)} ${year}`;
}

export interface CalendarSheetInput {
  activities: readonly RecordValues[];
  meta: PlanPeriodOf;
  /** Today (YYYY-MM-DD): places the plan when neither the period nor any activity has a date. */
  today: string;
  marking: string;
}

export function writeCalendarSheet(workbook: ExcelJS.Workbook, name: string, input: CalendarSheetInput): ExcelJS.Worksheet {
  const plan = planByMonth(input.activities, input.meta, input.today, titleOf);
  const fixed = ['Activity', 'Flagship', 'How often', 'Starts', 'Ends'];
  const firstMonth = fixed.length + 1;
  const idColumn = firstMonth + plan.months.length;
  const headers = [...fixed, ...plan.months.map(monthHeader), 'Activity id'];

  // Widths from the data, before any row is written.
  const widths: number[] = [];
  widths[1] = Math.min(45, Math.max(24, ...plan.activities.map((a) => titleOf(a).length + 2)));
  widths[2] = 11;
  widths[3] = 12;
  widths[4] = 12;
  widths[5] = 12;
  plan.months.forEach((month, index) => {
    const longest = Math.max(0, ...plan.activities.map((a) => dayList(plan.days.get(a.id)?.get(month)).length));
    // A month with nothing in it stays, narrow (its name wraps onto two lines): a three-year period
    // with one year planned printed two pages of empty columns.
    widths[firstMonth + index] = longest === 0 ? EMPTY_MONTH_WIDTH : Math.min(16, Math.max(9, longest + 2));
  });
  widths[idColumn] = 13;

  const sheet = addMarkedSheet(workbook, name, input.marking, { frozen: { rows: HEADER_ROW, columns: 1 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  // Each column's look set once, before any row: a cell takes its column's style when it is made, so
  // a plan of 2,000 activities over three years does not style 80,000 cells one by one.
  headers.forEach((_, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = widths[index + 1];
    column.alignment = index + 1 === 1 || index + 1 >= firstMonth ? WRAP_TOP : TOP_LEFT;
  });
  sheet.getColumn(4).numFmt = DATE_FORMAT;
  sheet.getColumn(5).numFmt = DATE_FORMAT;
  sheet.getColumn(idColumn).font = ID_FONT;
  addMarkingRow(sheet, input.marking);
  const header = sheet.addRow(headers.map(cellText));
  header.eachCell((cell) => styleHeaderCell(cell));
  fitRowHeight(header, headers, widths, true);

  for (const activity of plan.activities) {
    const byMonth = plan.days.get(activity.id);
    const recurrence = recurrenceLabel(activity);
    const monthCells = plan.months.map((month) => cellText(dayList(byMonth?.get(month))));
    const values = [cellText(titleOf(activity)), isFlagship(activity) ? FLAGSHIP : null, recurrence, calendarDate(activity.startDate), calendarDate(activity.endDate), ...monthCells, cellText(activity.id)];
    const row = sheet.addRow(values);
    quoteRow(row);
    if (isFlagship(activity)) {
      row.getCell(1).font = font({ bold: true });
      row.getCell(2).font = font({ bold: true });
    }
    monthCells.forEach((text, index) => {
      if (text) row.getCell(firstMonth + index).fill = DAYS_FILL;
    });
    // The id column is narrow on purpose (it is for matching rows, not reading): it does not set the height.
    fitRowHeight(row, values.slice(0, -1), widths);
  }

  const notes: string[] = [];
  if (plan.activities.length === 0) notes.push('No activities have been planned yet: add them to the action plan and they will appear here, month by month.');
  notes.push(
    `Key: each month's column gives the days of that month an activity takes place. A recurring activity is shown on every day it falls on until its end date or, with none, the end of the strategy period. ${FLAGSHIP} marks a flagship activity.`,
  );
  if (plan.offCalendar.length > 0) notes.push(`${plan.offCalendar.length === 1 ? '1 activity falls' : `${plan.offCalendar.length} activities fall`} on no day of these months (no start date yet, or outside the strategy period).`);
  sheet.addRow([]);
  // The notes span the columns of the first printed page and wrap there, so none runs off it.
  const span = firstPageColumns(widths, idColumn - 1);
  const spanWidth = widths.slice(1, span + 1).reduce((sum, width) => sum + width, 0);
  let lastRow = HEADER_ROW + plan.activities.length + 1;
  for (const note of notes) {
    const row = sheet.addRow([cellText(note)]);
    lastRow = row.number;
    row.getCell(1).font = font({ italic: true, color: { argb: 'FF404040' } });
    row.getCell(1).alignment = WRAP_TOP;
    if (span > 1) sheet.mergeCells(row.number, 1, row.number, span);
    fitRowHeight(row, [note], [0, spanWidth]);
  }
  sheet.autoFilter = `A${HEADER_ROW}:${columnLetter(idColumn)}${HEADER_ROW + Math.max(1, plan.activities.length)}`;
  fitPrintWidth(sheet, widths, idColumn - 1, lastRow);
  return sheet;
}

/** The calendar's step in the Excel export, straight after the action plan's own sheet; its name joins `taken`. */
export function calendarStep(data: ExportData, taken: Set<string>): { sheet: SheetCount; write: (workbook: ExcelJS.Workbook) => ExcelJS.Worksheet } {
  const name = uniqueSheetName(CALENDAR_SHEET, taken, 'Calendar');
  taken.add(name);
  const activities = data.records.activity;
  return {
    sheet: { name, rows: activities.length, what: 'The action plan as a calendar: activities by month, on the days each takes place' },
    write: (workbook) => writeCalendarSheet(workbook, name, { activities, meta: data.meta, today: data.generatedAt.slice(0, 10), marking: data.meta.marking }),
  };
}
