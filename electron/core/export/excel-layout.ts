// What every sheet of the Excel working copy shares: the marking in the page header and footer and
// on the sheet's first row, landscape A4 printing that stays readable however wide the sheet, the
// styled header row, column widths fitted to their content, and cell values made safe: text as
// typed, but a cell that would start like a formula held as text by Excel's quote-prefix style
// (no apostrophe added to what it says), and dates as real dates.
import type ExcelJS from 'exceljs';
import { forWord, startsLikeFormula } from './sanitize.ts';

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

/**
 * The cell value of a piece of text, as typed (less the characters a spreadsheet cannot hold), null
 * when empty. A value that starts like a formula must also be given the text style (`quoteText`).
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Line breaks as LF: XML readers turn a bare CR into LF anyway, and Excel breaks lines on LF.
  const text = forWord(String(value)).replace(/\r\n?/g, '\n');
  if (text === '') return null;
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - CUT_NOTE.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return text.slice(0, end) + CUT_NOTE;
}

/**
 * The number format that marks a cell as text. The finished file gives every style with it Excel's
 * quote prefix (`quotePrefixTextStyles`), so what the cell says is never read as a formula, even
 * when someone edits it, and no apostrophe shows.
 */
export const TEXT_FORMAT = '@';

/** Holds a cell's text as text when it starts like a formula (=, +, -, @, tab, CR or LF). */
export function quoteText(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && startsLikeFormula(cell.value)) cell.style = { ...cell.style, numFmt: TEXT_FORMAT };
}

/** Every cell of a row that starts like a formula, held as text. */
export function quoteRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => quoteText(cell));
}

/** styles.xml with Excel's quote prefix on every cell style in the text format (built-in format 49). */
export function quotePrefixTextStyles(stylesXml: string): string {
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(stylesXml);
  if (!cellXfs) return stylesXml;
  const patched = cellXfs[0].replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attributes: string, close: string) => (/\bnumFmtId="49"/.test(attributes) && !/\bquotePrefix=/.test(attributes) ? `<xf${attributes} quotePrefix="1"${close}>` : xf));
  return stylesXml.slice(0, cellXfs.index) + patched + stylesXml.slice(cellXfs.index + cellXfs[0].length);
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

/**
 * A sheet marked in its header and footer, printing landscape on A4 (one page wide until
 * `fitPrintWidth` says otherwise). `titleRows` are repeated at the top of every printed page.
 */
export function addMarkedSheet(workbook: ExcelJS.Workbook, name: string, marking: string, options: { frozen?: { rows: number; columns: number }; titleRows?: string; hidden?: boolean } = {}): ExcelJS.Worksheet {
  const frozen = options.frozen;
  const titleRows = options.titleRows ?? (frozen && frozen.rows > 0 ? `1:${frozen.rows}` : undefined);
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
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
    },
    ...(frozen ? { views: [{ state: 'frozen' as const, xSplit: frozen.columns, ySplit: frozen.rows }] } : {}),
  });
}

/**
 * The marking's own row at the top of a sheet, so it shows in Normal view as well as on the printed
 * page. Left-aligned in A1 rather than centred across the sheet: on a wide sheet the centre is off
 * the screen.
 */
export function addMarkingRow(sheet: ExcelJS.Worksheet, marking: string): void {
  const row = sheet.addRow([cellText(marking)]);
  const cell = row.getCell(1);
  cell.font = font({ bold: true, size: 12 });
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: false };
  row.height = 20;
}

/** The printable width of landscape A4 between the sheet's margins, in points. */
const PRINTABLE_WIDTH_PT = (11.69 - 1) * 72;
/** Printing smaller than this is hard to read: a wider sheet prints across more pages instead. */
const SMALLEST_PRINT_SCALE = 0.75;

/** A column's width in points, as Excel lays out a width in characters of its default font (7 px a character). */
function columnPoints(width: number): number {
  return (Math.trunc(((width * 7 + 5) / 7) * 256) / 256) * 7 * 0.75;
}

/**
 * Prints the columns up to `lastColumn` (those after it — ids, for matching rows — are left off the
 * page) over rows `1:lastRow`: one page wide while that keeps the text at 75 % or more, otherwise as
 * many pages across as needed, the first column repeated on each so every page says whose row it is.
 */
export function fitPrintWidth(sheet: ExcelJS.Worksheet, widths: ReadonlyArray<number | undefined>, lastColumn: number, lastRow: number): void {
  let points = 0;
  for (let column = 1; column <= lastColumn; column += 1) points += columnPoints(widths[column] ?? 9);
  const across = Math.max(1, Math.ceil(points / (PRINTABLE_WIDTH_PT / SMALLEST_PRINT_SCALE)));
  sheet.pageSetup.printArea = `A1:${columnName(lastColumn)}${Math.max(1, lastRow)}`;
  sheet.pageSetup.fitToWidth = across;
  if (across > 1) {
    sheet.pageSetup.printTitlesColumn = 'A:A';
    sheet.pageSetup.pageOrder = 'overThenDown';
  }
}

/** How many columns, from the first, print on the first page across (as `fitPrintWidth` lays the sheet out). */
export function firstPageColumns(widths: ReadonlyArray<number | undefined>, lastColumn: number): number {
  let total = 0;
  for (let column = 1; column <= lastColumn; column += 1) total += columnPoints(widths[column] ?? 9);
  const across = Math.max(1, Math.ceil(total / (PRINTABLE_WIDTH_PT / SMALLEST_PRINT_SCALE)));
  const pageWidth = total / across;
  let used = 0;
  for (let column = 1; column <= lastColumn; column += 1) {
    used += columnPoints(widths[column] ?? 9);
    if (used > pageWidth * 1.001 && column > 1) return column - 1;
  }
  return lastColumn;
}

/** "A", "Z", "AA": a column's letters from its number (1-based). */
export function columnName(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
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

/** How many lines the tallest row Excel allows (409 pt) shows. */
export const LINES_IN_TALLEST_ROW = Math.floor(MAX_ROW_HEIGHT / LINE_HEIGHT);

/**
 * Sets a row's height to fit the wrapped text of its cells in `widths` (1-based, by column), and
 * answers the columns whose text is longer than even the tallest row shows: the caller gives those
 * cells the whole text in a note too, so none of it is out of sight.
 */
export function fitRowHeight(row: ExcelJS.Row, values: ReadonlyArray<unknown>, widths: ReadonlyArray<number | undefined>, bold = false): number[] {
  let lines = 1;
  const overflowing: number[] = [];
  values.forEach((value, index) => {
    const width = widths[index + 1];
    if (typeof value !== 'string' || width === undefined) return;
    if (value.length < width && !value.includes('\n')) return;
    const needed = linesIn(value, width, bold);
    if (needed > LINES_IN_TALLEST_ROW) overflowing.push(index + 1);
    lines = Math.max(lines, needed);
  });
  const height = rowHeight(lines);
  if (height !== undefined) row.height = height;
  return overflowing;
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
