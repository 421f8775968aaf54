// The building blocks of the Word strategy document: text made safe for Word, dates and figures in
// UK English, paragraphs from planners' prose, and tables introduced by a sentence with a header
// row that repeats on every page. Every string goes through `forWord` here, so none escapes it.
import { AlignmentType, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { forWord } from './sanitize.ts';

/** A4 portrait with 2 cm margins, in twips (twentieths of a point). */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const STYLE = {
  tableText: 'TableText',
  tableNumber: 'TableNumber',
  tableHeading: 'TableHeading',
  tableHeadingNumber: 'TableHeadingNumber',
  groupRow: 'TableGroup',
  note: 'Note',
  coverForce: 'CoverForce',
  coverLine: 'CoverLine',
  contentsTitle: 'ContentsTitle',
} as const;

const HEADER_FILL = 'D9D9D9';
const GROUP_FILL = 'F2F2F2';

/** Text as Word will accept it. */
export function safe(text: unknown): string {
  if (text === null || text === undefined) return '';
  return forWord(String(text));
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DATE_UK = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A calendar date (YYYY-MM-DD) as "31 March 2027"; anything else as it is. */
export function longDate(date: unknown): string {
  if (typeof date !== 'string' || date === '') return '';
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isNaN(parsed.getTime()) ? date : LONG_DATE.format(parsed);
}

/** A moment (ISO timestamp) as the day it was in the UK: "25 November 2026". */
export function ukDay(timestamp: string): string {
  const parsed = new Date(timestamp);
  return Number.isNaN(parsed.getTime()) ? timestamp : LONG_DATE_UK.format(parsed);
}

export function wholeNumber(n: number): string {
  return NUMBER.format(n);
}

/** A share from 0 to 1 as the app shows it: "6.5 %". */
export function share(proportion: number | null): string {
  return proportion === null ? '–' : `${(proportion * 100).toFixed(1)} %`;
}

/** "1 LSOA", "2 LSOAs", "3 wards". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${wholeNumber(n)} ${n === 1 ? one : many}`;
}

export function heading(text: string, level: 1 | 2 | 3 | 4, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  const headingLevel = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1];
  return new Paragraph({ heading: headingLevel, children: [new TextRun(safe(text))], pageBreakBefore: options.pageBreakBefore });
}

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

function runs(parts: ReadonlyArray<string | Run>): TextRun[] {
  return parts.map((part) => (typeof part === 'string' ? new TextRun(safe(part)) : new TextRun({ text: safe(part.text), bold: part.bold, italics: part.italics })));
}

/** One paragraph of body text, from plain strings and bold or italic runs. */
export function para(...parts: ReadonlyArray<string | Run>): Paragraph {
  return new Paragraph({ children: runs(parts) });
}

/** The one line that stands in for a part with nothing in it, so the reader sees the gap. */
export function gapLine(text: string): Paragraph {
  return new Paragraph({ style: STYLE.note, children: [new TextRun(safe(text))] });
}

/** A sentence that introduces a table and stays on its page. */
export function intro(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun(safe(text))] });
}

export function bullet(...parts: ReadonlyArray<string | Run>): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: runs(parts) });
}

function lines(text: unknown): string[] {
  return safe(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A planner's prose as paragraphs, one for each line they wrote. */
export function prose(text: unknown, label?: string): Paragraph[] {
  const found = lines(text);
  if (found.length === 0) return [];
  return found.map((line, index) => (index === 0 && label ? para({ text: `${label}: `, bold: true }, line) : para(line)));
}

/** What a table cell holds: lines of text (each a paragraph), or runs for one paragraph. */
export type Cell = string | readonly string[] | { runs: ReadonlyArray<string | Run> } | { paragraphs: ReadonlyArray<ReadonlyArray<string | Run>> };

function cellParagraphs(cell: Cell, style: string): Paragraph[] {
  let result: Paragraph[];
  if (typeof cell === 'string') result = lines(cell).map((line) => new Paragraph({ style, children: [new TextRun(line)] }));
  else if ('runs' in cell) result = [new Paragraph({ style, children: runs(cell.runs) })];
  else if ('paragraphs' in cell) result = cell.paragraphs.filter((parts) => parts.length > 0).map((parts) => new Paragraph({ style, children: runs(parts) }));
  else result = cell.flatMap((text) => lines(text)).map((line) => new Paragraph({ style, children: [new TextRun(line)] }));
  // Word needs a paragraph in every cell.
  return result.length > 0 ? result : [new Paragraph({ style })];
}

/** Rows with fewer characters than this are kept on one page. */
const SHORT_ROW = 600;

function cellLength(row: readonly Cell[]): number {
  let length = 0;
  for (const cell of row) {
    if (typeof cell === 'string') length += cell.length;
    else if ('runs' in cell) for (const part of cell.runs) length += typeof part === 'string' ? part.length : part.text.length;
    else if ('paragraphs' in cell) for (const parts of cell.paragraphs) for (const part of parts) length += typeof part === 'string' ? part.length : part.text.length;
    else for (const text of cell) length += text.length;
  }
  return length;
}

export interface Column {
  title: string;
  /** Relative width: the columns share the text width in these proportions. */
  width: number;
  /** Numbers read best aligned right. */
  numeric?: boolean;
}

/** A row of cells, or a group row: one shaded cell across the table naming what the rows below share. */
export type Row = readonly Cell[] | { group: string };

/** A table across the text width: fixed column widths, a shaded header row repeated on every page. */
export function table(columns: readonly Column[], rows: readonly Row[]): Table {
  const weight = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / weight) * TEXT_WIDTH));
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((sum, w) => sum + w, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
          children: [new Paragraph({ style: column.numeric ? STYLE.tableHeadingNumber : STYLE.tableHeading, children: [new TextRun(safe(column.title))] })],
        }),
    ),
  });
  const body = rows.map((row) => {
    if ('group' in row) {
      return new TableRow({
        cantSplit: true,
        children: [new TableCell({ columnSpan: columns.length, shading: { type: ShadingType.CLEAR, fill: GROUP_FILL, color: 'auto' }, children: [new Paragraph({ style: STYLE.groupRow, keepNext: true, children: [new TextRun(safe(row.group))] })] })],
      });
    }
    return new TableRow({
      // A short row stays on one page; a long one may break, or it could not fit on any.
      cantSplit: cellLength(row) < SHORT_ROW,
      children: columns.map((column, index) => new TableCell({ children: cellParagraphs(row[index] ?? '', column.numeric ? STYLE.tableNumber : STYLE.tableText) })),
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    margins: { left: 85, right: 85, top: 0, bottom: 0 },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

/** Names of linked records, joined for a table cell. */
export function namesOf(ids: unknown, names: ReadonlyMap<string, string>): string {
  if (!Array.isArray(ids)) return '';
  return ids.map((id) => names.get(String(id)) ?? '(no longer in the workbook)').join(', ');
}

/** A record's field as text ('' when empty). */
export function field(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  return value === null || value === undefined ? '' : safe(value);
}

export function centred(text: string, options: { bold?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: safe(text), bold: options.bold, size: options.size })] });
}
