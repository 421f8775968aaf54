// The document's tables, written as WordprocessingML directly. The docx package builds an object
// for every element it writes, several times over, and a table of 20,000 audiences took it most of
// the 5 s a Word export may take; written here as text it takes a few tens of milliseconds. Each
// table stands in the document as a placeholder paragraph (a docx Paragraph, so it sits in its
// place among the others): the body's writer (word-body.ts) writes the table's XML in its place,
// made a few hundred rows at a time, and the cover's tables are put in docx's XML (`placeTables`).
import crypto from 'node:crypto';
import { Paragraph, TextRun } from 'docx';
import { forWord } from './sanitize.ts';
import { PAGE } from './word-blocks.ts';
import { widestWord } from './text-width.ts';

/** The width tables take: the page's less its margins. */
export const TABLE_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Paragraph styles the tables' text uses, defined with the document's others in export-word.ts. */
export const TABLE_STYLE = { text: 'TableText', heading: 'TableHeading', group: 'TableGroup' } as const;

const HEADER_FILL = 'D9D9D9';
const GROUP_FILL = 'F2F2F2';
/**
 * A row whose text would stand less than this high (in points, about a third of the A4 page's text)
 * is never split across pages. A taller one may break: kept whole it would leave the foot of the
 * page before it empty, and its heading stranded there.
 */
const UNSPLIT_HEIGHT = 250;
/** Rows kept with the next (with their heading or label) stand at most this high together, so the block always fits a page with room to spare. */
const KEPT_HEIGHT = 250;
/** A table's first rows, and a group's, are kept with the next: a heading never ends a page with one row under it. */
const KEEP_FIRST = 2;
/** A group of rows up to this many is kept together on one page, its label with it. */
const SMALL_GROUP = 12;
/** A line of the tables' type, with the paragraph's spacing, in points. */
const LINE_HEIGHT = 11.5;
/** The average letter of the tables' type, as a share of its size (Arial's lower case runs near half an em). */
const AVERAGE_LETTER = 0.52;

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** Welsh text is marked as Welsh, so Word checks its spelling and reads it aloud as Welsh. */
  lang?: 'cy';
}

/** What a table cell holds: lines of text (each a paragraph), runs for one paragraph, or paragraphs of runs. */
export type Cell = string | readonly string[] | { runs: ReadonlyArray<string | Run> } | { paragraphs: ReadonlyArray<ReadonlyArray<string | Run>> };

export interface Column {
  title: string;
  /** Relative width: the columns share the text width in these proportions. */
  width: number;
  /** Numbers read best aligned right. */
  numeric?: boolean;
  /** Short marks (the receptivity grid's symbols) read best centred. */
  centred?: boolean;
}

type Align = 'left' | 'right' | 'center';

function alignOf(column: Column): Align {
  return column.numeric ? 'right' : column.centred ? 'center' : 'left';
}

/** A row of cells, or a group row: one shaded cell across the table naming what the rows below share. */
export type Row = readonly Cell[] | { group: string };

/** Rows of a table written to the document at a time: its XML is made as it is written, never whole. */
const ROWS_PER_PIECE = 200;

/**
 * A table's place in the document. It keeps the table's columns and rows, and makes the table's
 * XML only as the document is written (`xmlPieces`), a few hundred rows at a time, so a table of
 * 100,000 rows is never held as one string. It must be one of the body's own blocks (not inside
 * another element), where the document's writer looks for it.
 */
export class TablePlaceholder extends Paragraph {
  readonly token: string;
  private readonly columns: readonly Column[];
  private readonly rows: readonly Row[];

  constructor(columns: readonly Column[], rows: readonly Row[]) {
    const token = `ewb-table-${crypto.randomUUID()}`;
    super({ children: [new TextRun(token)] });
    this.token = token;
    this.columns = columns;
    this.rows = rows;
  }

  /** The table's XML, whole (for a small table, such as the cover's). */
  get xml(): string {
    return [...this.xmlPieces()].join('');
  }

  /** The table's XML in pieces, in order. */
  *xmlPieces(): Generator<string> {
    const columns = this.columns;
    const widths = columnWidths(columns, this.rows);
    const xml: string[] = [
      `<w:tbl><w:tblPr><w:tblW w:w="${TABLE_WIDTH}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>`,
      '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
      '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
      ...columns.map((column, i) => tc(widths[i]!, paragraph(TABLE_STYLE.heading, run(column.title), alignOf(column), true), { fill: HEADER_FILL })),
      '</w:tr>',
    ];
    const heights = this.rows.map((row) => ('group' in row ? LINE_HEIGHT : rowHeight(row, widths)));
    const keep = keptWithNext(this.rows, heights);
    let count = 0;
    for (const [index, row] of this.rows.entries()) {
      if ((count += 1) % ROWS_PER_PIECE === 0) {
        yield xml.join('');
        xml.length = 0;
      }
      if ('group' in row) {
        xml.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>', tc(TABLE_WIDTH, paragraph(TABLE_STYLE.group, run(row.group), 'left', true), { fill: GROUP_FILL, span: columns.length }), '</w:tr>');
        continue;
      }
      xml.push(heights[index]! < UNSPLIT_HEIGHT ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>');
      columns.forEach((column, i) => xml.push(tc(widths[i]!, cellParagraphs(row[i] ?? '', alignOf(column), keep[index] === true))));
      xml.push('</w:tr>');
    }
    xml.push('</w:tbl>');
    yield xml.join('');
  }
}

/** The tables' type, in points: headings bold, cells regular (the styles in export-word.ts). */
const TYPE_SIZE = 9.5;
/** A cell's left and right margins together, in twips (tblCellMar above). */
const CELL_MARGINS = 170;
/**
 * Room kept beyond the Arial width of a word: where Arial (or Liberation Sans, of the same widths) is
 * missing, LibreOffice draws in DejaVu Sans, up to a fifth wider in bold ("Neighbourhood": 71 pt in
 * Arial, 83 in DejaVu), and a heading should not break there either.
 */
const SLACK = 1.2;
/** A word in the cells widens its column up to this share of the table: a pasted web address must not squeeze the rest. */
const CONTENT_SHARE = 0.2;
/** The cells looked at for long words: enough to see what a column holds, without a second pass over 100,000 rows. */
const ROWS_MEASURED = 2_000;

function twipsFor(points: number): number {
  return Math.ceil(points * 20 * SLACK) + CELL_MARGINS;
}

/** The least width, in twips, a column headed `title` needs for no word of it to break. */
export function headingWidth(title: string): number {
  return twipsFor(widestWord(title, TYPE_SIZE, true));
}

function cellWords(cell: Cell): string[] {
  if (typeof cell === 'string') return [cell];
  if ('runs' in cell) return cell.runs.map((r) => (typeof r === 'string' ? r : r.text));
  if ('paragraphs' in cell) return cell.paragraphs.flatMap((p) => p.map((r) => (typeof r === 'string' ? r : r.text)));
  return [...cell];
}

/**
 * The columns' widths in twips: in the proportions asked for, except that a column is never narrower
 * than the widest word of its heading (bold) or, up to a share of the table, of its cells — so
 * "Neighbourhood" or "Relationship" is never broken mid-word. The width a column gains is taken
 * from the others in proportion to their own.
 */
export function columnWidths(columns: readonly Column[], rows: readonly Row[] = []): number[] {
  const least = columns.map((column) => headingWidth(column.title));
  let measured = 0;
  for (const row of rows) {
    if ((measured += 1) > ROWS_MEASURED) break;
    if ('group' in row) continue;
    row.forEach((cell, i) => {
      if (i >= least.length) return;
      const words = Math.min(Math.floor(TABLE_WIDTH * CONTENT_SHARE), twipsFor(Math.max(0, ...cellWords(cell).map((text) => widestWord(text, TYPE_SIZE)))));
      least[i] = Math.max(least[i]!, words);
    });
  }
  const needed = least.reduce((sum, w) => sum + w, 0);
  const widths = new Array<number>(columns.length).fill(0);
  if (needed >= TABLE_WIDTH) {
    // Every column's words cannot fit: share the width in proportion to what each needs.
    least.forEach((w, i) => (widths[i] = Math.floor((w / needed) * TABLE_WIDTH)));
  } else {
    const fixed = new Set<number>();
    for (;;) {
      const free = TABLE_WIDTH - [...fixed].reduce((sum, i) => sum + least[i]!, 0);
      const weight = columns.reduce((sum, c, i) => sum + (fixed.has(i) ? 0 : c.width), 0);
      const short = columns.findIndex((c, i) => !fixed.has(i) && (c.width / weight) * free < least[i]!);
      if (short < 0) {
        columns.forEach((c, i) => (widths[i] = fixed.has(i) ? least[i]! : Math.floor((c.width / weight) * free)));
        break;
      }
      fixed.add(short);
    }
  }
  widths[widths.length - 1] = TABLE_WIDTH - widths.slice(0, -1).reduce((sum, w) => sum + w, 0);
  return widths;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text as Word accepts it, escaped for an XML text node. */
function text(value: string): string {
  return forWord(value).replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

function lines(value: string): string[] {
  return forWord(value)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function run(part: string | Run): string {
  if (typeof part === 'string') return `<w:r><w:t xml:space="preserve">${text(part)}</w:t></w:r>`;
  const props = `${part.bold ? '<w:b/><w:bCs/>' : ''}${part.italics ? '<w:i/><w:iCs/>' : ''}${part.lang === 'cy' ? '<w:lang w:val="cy-GB"/>' : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text(part.text)}</w:t></w:r>`;
}

function paragraph(style: string, runs: string, align: Align = 'left', keepNext = false): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${keepNext ? '<w:keepNext/>' : ''}${align === 'left' ? '' : `<w:jc w:val="${align}"/>`}</w:pPr>${runs}</w:p>`;
}

function cellParagraphs(cell: Cell, align: Align, keepNext = false): string {
  let parts: string[];
  if (typeof cell === 'string') parts = lines(cell).map((line) => run(line));
  else if ('runs' in cell) parts = cell.runs.length > 0 ? [cell.runs.map(run).join('')] : [];
  else if ('paragraphs' in cell) parts = cell.paragraphs.filter((p) => p.length > 0).map((p) => p.map(run).join(''));
  else parts = cell.flatMap(lines).map((line) => run(line));
  // Word needs a paragraph in every cell.
  if (parts.length === 0) parts = [''];
  return parts.map((runs) => paragraph(TABLE_STYLE.text, runs, align, keepNext)).join('');
}

function paragraphTexts(cell: Cell): string[] {
  const ofRuns = (runs: ReadonlyArray<string | Run>) => runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  if (typeof cell === 'string') return cell.split('\n');
  if ('runs' in cell) return [ofRuns(cell.runs)];
  if ('paragraphs' in cell) return cell.paragraphs.map(ofRuns);
  return cell.flatMap((line) => line.split('\n'));
}

/** About how high a row prints, in points: its tallest cell's lines at the column's width. */
function rowHeight(row: readonly Cell[], widths: readonly number[]): number {
  let lines = 1;
  row.forEach((cell, i) => {
    const perLine = Math.max(1, ((widths[i] ?? TABLE_WIDTH) - CELL_MARGINS) / 20 / (TYPE_SIZE * AVERAGE_LETTER));
    let cellLines = 0;
    for (const text of paragraphTexts(cell)) cellLines += Math.max(1, Math.ceil(text.length / perLine));
    lines = Math.max(lines, cellLines);
  });
  return lines * LINE_HEIGHT + 4;
}

/**
 * Which rows are kept with the row after them: the first rows of the table and of each group (while
 * short), and every row of a small, short group but its last, so a heading or a group's label never
 * stands alone at a page's foot and a short month of the action plan is never split from its
 * label. A group's last row is not, nor the table's: blocks never chain into pages.
 */
function keptWithNext(rows: readonly Row[], heights: readonly number[]): boolean[] {
  const keep = new Array<boolean>(rows.length).fill(false);
  let start = 0;
  for (let end = 1; end <= rows.length; end += 1) {
    if (end < rows.length && !('group' in rows[end]!)) continue;
    // rows[start..end): a group's label (or the table's start) and its rows; its last row is not kept with the next group.
    const first = 'group' in rows[start]! ? start + 1 : start;
    let height = 0;
    for (let at = first; at < end; at += 1) height += heights[at]!;
    const whole = end - first <= SMALL_GROUP && height <= KEPT_HEIGHT;
    // The block kept together: the label and the rows from the first, while they stay short.
    let block = heights[first] ?? 0;
    for (let at = first; at < end - 1; at += 1) {
      block += heights[at + 1]!;
      keep[at] = whole || (at - first < KEEP_FIRST && block <= KEPT_HEIGHT);
    }
    start = end;
  }
  return keep;
}

function tc(width: number, content: string, options: { fill?: string; span?: number } = {}): string {
  const span = options.span && options.span > 1 ? `<w:gridSpan w:val="${options.span}"/>` : '';
  const shading = options.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${options.fill}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${shading}</w:tcPr>${content}</w:tc>`;
}

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('');

/** A table across the text width: fixed column widths, a shaded header row repeated on every page. */
export function table(columns: readonly Column[], rows: readonly Row[]): TablePlaceholder {
  return new TablePlaceholder(columns, rows);
}

/**
 * The document's XML with each table's placeholder paragraph replaced by the table, in one pass
 * (the tables come in the document's order). A table must be followed by a paragraph before its
 * section ends, so one is added after a table that would otherwise end the body.
 */
export function placeTables(documentXml: string, tables: readonly TablePlaceholder[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const table of tables) {
    const at = documentXml.indexOf(table.token, cursor);
    const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
    const close = documentXml.indexOf('</w:p>', at);
    if (at < 0 || start < cursor || close < 0) throw new Error('A table’s place in the Word document was not found.');
    const end = close + '</w:p>'.length;
    const placeholder = documentXml.slice(start, end);
    const next = documentXml.slice(end, end + 12);
    parts.push(documentXml.slice(cursor, start), table.xml);
    // A paragraph ending a section carries the section's properties: it stays, without the token.
    if (placeholder.includes('<w:sectPr')) parts.push(placeholder.replace(table.token, ''));
    else if (next.startsWith('<w:sectPr') || next.startsWith('</w:body>')) parts.push('<w:p/>');
    cursor = end;
  }
  parts.push(documentXml.slice(cursor));
  return parts.join('');
}
