// The building blocks of the Word strategy document: text made safe for Word, dates and figures in
// UK English, headings, and paragraphs from planners' prose, including the sentence that introduces
// each table (the tables are in word-table.ts). Every string goes through `forWord` here.
import { HeadingLevel, Paragraph, TextRun, type FileChild } from 'docx';
import { forWord } from './sanitize.ts';
import type { Run } from './word-table.ts';

/** A4 portrait with 2 cm margins, in twips (twentieths of a point). */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;

/** Paragraph styles of the document besides Word's own (the tables' are in word-table.ts). */
export const STYLE = {
  note: 'Note',
  coverForce: 'CoverForce',
  coverLine: 'CoverLine',
  contentsTitle: 'ContentsTitle',
} as const;

/**
 * Blocks made only when the document is written, and let go once written: a part with a paragraph
 * or two per record (20,000 aims) stands in the body as one of these, so its records' paragraphs
 * are never all held at once. Only the body's writer (word-body.ts) knows it; docx cannot write it.
 */
export class DeferredBlocks extends Paragraph {
  readonly build: () => Iterable<FileChild>;

  constructor(build: () => Iterable<FileChild>) {
    super({});
    this.build = build;
  }

  override prepForXml(): never {
    throw new Error('Deferred blocks are written by the document body’s writer, not by docx.');
  }
}

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

function runs(parts: ReadonlyArray<string | Run>): TextRun[] {
  return parts.map((part) => (typeof part === 'string' ? new TextRun(safe(part)) : new TextRun({ text: safe(part.text), bold: part.bold, italics: part.italics, ...(part.lang === 'cy' ? { language: { value: 'cy-GB' } } : {}) })));
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

/**
 * At most this many names are listed in one table cell: 500 activities answering one vulnerability
 * made a cell fifty pages long. The rest are counted; the Excel workbook lists every link.
 */
export const NAMES_IN_A_CELL = 8;

/** Names of linked records, joined for a table cell: the first few, then how many more. */
export function namesOf(ids: unknown, names: ReadonlyMap<string, string>): string {
  if (!Array.isArray(ids)) return '';
  const shown = ids.slice(0, ids.length > NAMES_IN_A_CELL ? NAMES_IN_A_CELL - 1 : NAMES_IN_A_CELL).map((id) => names.get(String(id)) ?? '(no longer in the workbook)');
  const more = ids.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${wholeNumber(more)} more (the Excel workbook lists them all)` : shown.join(', ');
}

/** A record's field as text ('' when empty). */
export function field(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  return value === null || value === undefined ? '' : safe(value);
}

