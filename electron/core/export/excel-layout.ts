// What every sheet of the Excel working copy shares: the marking in the page header and footer,
// landscape A4 printing fitted to the page width, the styled header row, column widths fitted to
// their content, and cell values made safe (text neutralised for formulas, dates as real dates).
import type ExcelJS from 'exceljs';
import { forSpreadsheet } from './sanitize.ts';

/** Excel refuses a cell of more than 32,767 characters (the file then needs "repairing"). */
const CELL_LIMIT = 32_767;
const CUT_NOTE = ' … (cut short: too long for one spreadsheet cell)';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF1F3864' } } };
/** A font in the workbook's default face: a font without a name prints in a serif face in LibreOffice. */
export function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size: 11, ...extra };
}
export const ID_FONT = font({ color: { argb: 'FF595959' }, size: 9 });
export const TOP_LEFT: Partial<ExcelJS.Alignment> = { vertical: 'top', horizontal: 'left' };
export const WRAP_TOP: Partial<ExcelJS.Alignment> = { vertical: 'top', horizontal: 'left', wrapText: true };

/** The cell value of a piece of text: neutralised so no spreadsheet evaluates it, null when empty. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Line breaks as LF: XML readers turn a bare CR into LF anyway, and Excel breaks lines on LF.
  const text = forSpreadsheet(String(value)).replace(/\r\n?/g, '\n');
  if (text === '') return null;
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - CUT_NOTE.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return text.slice(0, end) + CUT_NOTE;
}

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight, which Excel stores as a whole day. */
export function calendarDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** UK calendar days by the UTC hour they were read for (the UK's offset changes on the hour). */
const ukDays = new Map<string, string>();

/** The UK calendar day of a UTC timestamp, as a date cell value. */
export function ukDay(timestamp: unknown): Date | null {
  if (typeof timestamp !== 'string') return null;
  const hour = timestamp.slice(0, 13);
  let day = ukDays.get(hour);
  if (day === undefined) {
    const moment = new Date(timestamp);
    if (Number.isNaN(moment.getTime())) return null;
    const parts = Object.fromEntries(LONDON.formatToParts(moment).map((p) => [p.type, p.value]));
    day = `${parts.year}-${parts.month}-${parts.day}`;
    if (ukDays.size > 50_000) ukDays.clear();
    ukDays.set(hour, day);
  }
  return calendarDate(day);
}

/** The page header and footer text: the marking centred in bold, page numbers on the right of the footer. */
export function markingHeaderFooter(marking: string): Partial<ExcelJS.HeaderFooter> {
  // `&` starts a code in header/footer text; markings never contain one, but make sure.
  const text = marking.replace(/&/g, '&&');
  return {
    oddHeader: `&C&"Arial,Bold"${text}`,
    oddFooter: `&C&"Arial,Bold"${text}&R&"Arial,Regular"Page &P of &N`,
  };
}

/** A sheet marked in its header and footer, printing landscape on A4, fitted to one page wide. */
export function addMarkedSheet(workbook: ExcelJS.Workbook, name: string, marking: string, options: { frozen?: { rows: number; columns: number }; hidden?: boolean } = {}): ExcelJS.Worksheet {
  const frozen = options.frozen;
  return workbook.addWorksheet(name, {
    state: options.hidden ? 'hidden' : 'visible',
    headerFooter: markingHeaderFooter(marking),
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(frozen && frozen.rows > 0 ? { printTitlesRow: `1:${frozen.rows}` } : {}),
    },
    ...(frozen ? { views: [{ state: 'frozen' as const, xSplit: frozen.columns, ySplit: frozen.rows }] } : {}),
  });
}

/** Bold, filled, wrapped and bordered: the look of every header row. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = font({ bold: true });
  cell.fill = HEADER_FILL;
  cell.border = HEADER_BORDER;
  cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
}

const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * How many lines `text` takes wrapped in a column `width` characters wide, estimated. LibreOffice
 * does not fit row heights to wrapped text when it opens an xlsx, so rows that wrap say their height.
 */
export function linesIn(text: string, width: number, bold = false): number {
  const perLine = Math.max(4, Math.floor((width - 1) * (bold ? 1 : 1.1)));
  let count = 0;
  for (const paragraph of text.split('\n')) {
    count += 1;
    if (paragraph.length <= perLine) continue;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let length = word.length;
      const needed = used === 0 ? length : used + 1 + length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) count += 1;
      while (length > perLine) {
        count += 1;
        length -= perLine;
      }
      used = length;
    }
  }
  return count;
}

/** The height of a row whose tallest cell takes `lines` lines, or undefined for one line (the default). */
export function rowHeight(lines: number): number | undefined {
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
}

/** Sets a row's height to fit the wrapped text of its cells in `widths` (1-based, by column). */
export function fitRowHeight(row: ExcelJS.Row, values: ReadonlyArray<unknown>, widths: ReadonlyArray<number | undefined>, bold = false): void {
  let lines = 1;
  values.forEach((value, index) => {
    const width = widths[index + 1];
    if (typeof value !== 'string' || width === undefined) return;
    if (value.length < width && !value.includes('\n')) return;
    lines = Math.max(lines, linesIn(value, width, bold));
  });
  const height = rowHeight(lines);
  if (height !== undefined) row.height = height;
}

/** Tracks the widest content of each column so widths fit what is in them, within limits. */
export class WidthTracker {
  private readonly widest: number[] = [];

  /** Counts a value in (1-based) column `column`. */
  see(column: number, value: string | number | Date | null | undefined): void {
    if (value === null || value === undefined) return;
    let length: number;
    if (typeof value === 'string') {
      length = 0;
      for (const line of value.split('\n')) length = Math.max(length, line.length);
    } else if (typeof value === 'number') {
      length = Number.isInteger(value) ? value.toLocaleString('en-GB').length : 8;
    } else {
      length = 10;
    }
    if (length > (this.widest[column] ?? 0)) this.widest[column] = length;
  }

  /** The width for a column: its widest content (headers may wrap at word breaks) between `min` and `max`. */
  width(column: number, header: string, min: number, max: number): number {
    const headerWord = Math.max(0, ...header.split(/\s+/).map((word) => word.length));
    const content = Math.max(this.widest[column] ?? 0, headerWord, Math.min(header.length, 18));
    return Math.min(max, Math.max(min, content + 2));
  }
}
