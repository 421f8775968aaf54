// Reads a CSV or XLSX into sheets of text: the parsing itself, which tabular-worker.ts runs off the
// main thread (read-tabular.ts starts it). Every cell becomes a string; rows are arrays by column
// position, never objects keyed by header, so a header called `__proto__` is only ever text.
// Formulas are never evaluated: a formula cell gives the result the file last saved for it.
import fs from 'node:fs';
import path from 'node:path';
import { CsvError, parse, type Info } from 'csv-parse';
import { AppError } from '../app-error.ts';
import { utf8Checked } from './utf8-check.ts';
import { XLSX_LIMITS, checkFileSize, inspectXlsx, type ZipLimits } from './inspect-xlsx.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';

export type TabularKind = 'csv' | 'xlsx';

/** How many rows a preview carries. */
export const PREVIEW_ROWS = 20;
export const MAX_CSV_BYTES = LIMITS.tabularCsvBytes;
/** No real row comes near this; it stops an unclosed quote swallowing the file into one field. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export interface SheetData {
  name: string;
  /** The header row's names, made unique and never empty. */
  columns: string[];
  /** Data rows (every one `columns.length` long); all of them, or the first PREVIEW_ROWS. */
  rows: string[][];
  /** Where each of `rows` is in the file: the CSV line or the spreadsheet row number. */
  rowNumbers: number[];
  /** The data rows in the sheet (not counting the header or empty rows). */
  rowCount: number;
  /** The header's line or row number (0 for an empty sheet). */
  headerRow: number;
}

export interface TabularData {
  kind: TabularKind;
  fileName: string;
  sheets: SheetData[];
}

export interface ParseOptions {
  /** 'preview': the first PREVIEW_ROWS rows of each sheet; 'all': every row. */
  mode: 'preview' | 'all';
  /** With mode 'all', only this sheet's rows are returned (the first sheet's when left out; the others: columns and counts only). */
  sheet?: string;
  zipLimits?: Readonly<ZipLimits>;
  /** With mode 'all', keep at most this many rows of the chosen sheet (the rest are only counted). */
  maxRows?: number;
}

/** csv or xlsx from the file's name; anything else is refused with what to do. */
export function tabularKindOf(file: string): TabularKind {
  const fileName = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.xls') {
    throw new AppError('invalid-input', `"${fileName}" is in the older Excel 97–2003 format (.xls), which is not read. Open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV. Nothing was imported.`);
  }
  throw new AppError('invalid-input', `"${fileName}" is not a CSV (.csv) or Excel (.xlsx) file. Save the table from the program it came from as one of those. Nothing was imported.`);
}

/** The header row made usable: trimmed, an empty one "Column N", a repeated one "Name (2)". */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const names = header.map((cell) => cell.trim());
  // Names the file gives keep priority over the ones made up here, wherever they stand.
  const given = new Set(names.filter((name) => name !== ''));
  const used = new Set<string>();
  return names.map((name, index) => {
    const base = name || `Column ${index + 1}`;
    let candidate = base;
    if (used.has(candidate) || (!name && given.has(candidate))) {
      let n = 2;
      do candidate = `${base} (${n++})`;
      while (used.has(candidate) || given.has(candidate));
    }
    used.add(candidate);
    return candidate;
  });
}

/** A number as plain decimal text: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponentText] = match;
  const digits = `${lead}${fraction}`;
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    const whole = exponent + 1;
    return `${sign}${digits.length <= whole ? digits.padEnd(whole, '0') : `${digits.slice(0, whole)}.${digits.slice(whole)}`}`;
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/** An ExcelJS cell value as text; a formula's cached result only, an error or uncached formula ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return '';
  const object = value as Record<string, unknown>;
  if (Object.hasOwn(object, 'error')) return '';
  if (Object.hasOwn(object, 'formula') || Object.hasOwn(object, 'sharedFormula')) {
    return Object.hasOwn(object, 'result') ? cellText(object.result) : '';
  }
  if (Array.isArray(object.richText)) {
    return object.richText.map((run: unknown) => (run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join('');
  }
  if (Object.hasOwn(object, 'text')) return cellText(object.text);
  return '';
}

function isEmptyRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Builds one sheet from rows as they come: the first non-empty row is the header. */
class SheetBuilder {
  private header: string[] | null = null;
  private headerRow = 0;
  private readonly raw: string[][] = [];
  private readonly numbers: number[] = [];
  private count = 0;
  private width = 0;
  private readonly name: string;
  private readonly keep: number;

  constructor(name: string, keep: number) {
    this.name = name;
    this.keep = keep;
  }

  add(row: string[], rowNumber: number): void {
    if (isEmptyRow(row)) return;
    if (!this.header) {
      this.header = row;
      this.headerRow = rowNumber;
      this.width = row.length;
      return;
    }
    this.count += 1;
    if (row.length > this.width) this.width = row.length;
    if (this.raw.length < this.keep) {
      this.raw.push(row);
      this.numbers.push(rowNumber);
    }
  }

  build(): SheetData {
    if (!this.header) return { name: this.name, columns: [], rows: [], rowNumbers: [], rowCount: 0, headerRow: 0 };
    const header = [...this.header];
    while (header.length < this.width) header.push('');
    const columns = uniqueColumnNames(header);
    const rows = this.raw.map((row) => (row.length < this.width ? [...row, ...Array.from({ length: this.width - row.length }, () => '')] : row));
    return { name: this.name, columns, rows, rowNumbers: this.numbers, rowCount: this.count, headerRow: this.headerRow };
  }
}

function keepFor(options: ParseOptions, sheetName: string, index: number): number {
  if (options.mode === 'preview') return PREVIEW_ROWS;
  const wanted = options.sheet === undefined ? index === 0 : options.sheet === sheetName;
  return wanted ? (options.maxRows ?? Number.POSITIVE_INFINITY) : 0;
}

/** The CSV's one sheet is named after the file, less its extension. */
export function csvSheetName(file: string): string {
  return path.basename(file, path.extname(file));
}

/** How much of a CSV's start is looked at to tell which character separates its values. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The character between values: a comma, unless the first line with anything in it has none and
 * has semicolons (how Excel saves "CSV" where the decimal point is a comma) or tabs. Characters
 * inside double quotes do not count.
 */
export function csvDelimiterOf(start: string): ',' | ';' | '\t' {
  const line = start.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((text) => text.trim() !== '') ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[','] > 0) return ',';
  if (counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  return counts['\t'] > 0 ? '\t' : ',';
}

function delimiterOfFile(file: string): ',' | ';' | '\t' {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    return csvDelimiterOf(buffer.subarray(0, read).toString('utf8'));
  } finally {
    fs.closeSync(handle);
  }
}

/** Reads a CSV (UTF-8, a byte-order mark allowed), streamed; a malformed row refuses the file with its line. */
export async function parseCsvFile(file: string, options: ParseOptions): Promise<TabularData> {
  const fileName = path.basename(file);
  checkFileSize(file, MAX_CSV_BYTES, 'CSV');
  const name = csvSheetName(file);
  const builder = new SheetBuilder(name, keepFor(options, name, 0));
  const delimiter = delimiterOfFile(file);
  const input = utf8Checked(fs.createReadStream(file), fileName, 'csv');
  const parser = input.pipe(
    // Any line ending, even mixed in one file (rows pasted in from elsewhere).
    // The column count is checked here rather than by csv-parse, so that blank lines (even ones of
    // spaces or bare commas) are passed over rather than refused.
    parse({ bom: true, delimiter, info: true, relax_quotes: false, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: MAX_RECORD_CHARS }),
  );
  input.once('error', (error) => parser.destroy(error));
  let lastLine = 0;
  let header: { width: number; line: number } | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      lastLine = info.lines;
      if (isEmptyRow(record)) continue;
      if (!header) {
        header = { width: record.length, line: info.lines };
      } else if (record.length !== header.width) {
        const count = `${record.length} ${record.length === 1 ? 'column' : 'columns'}`;
        throw new AppError(
          'invalid-input',
          `"${fileName}" line ${info.lines}: this row has ${count} where the header (line ${header.line}) has ${header.width}. Check the row was not cut short or edited, and that any text with commas is in double quotes ("Bristol, City of"). Nothing was imported.`,
        );
      }
      builder.add(record, info.lines);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? lastLine + 1;
      throw new AppError(
        'invalid-input',
        `"${fileName}" line ${line}: ${csvProblem(error)}. Check the row was not cut short or edited, and that any text with commas or quotes is in double quotes ("Bristol, City of"). Nothing was imported.`,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new AppError('io', `"${fileName}" could not be read to the end (${code}). Nothing was imported.`);
    throw error;
  } finally {
    input.destroy();
  }
  return { kind: 'csv', fileName, sheets: [builder.build()] };
}

/** csv-parse's complaint in plain words. */
function csvProblem(error: CsvError): string {
  const message = error.message;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a value opened with a double quote (") is never closed, so the rest of the file ran into it';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a double quote (") is in the middle of a value; inside a quoted value a quote is written twice ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is longer than 4 MB, which usually means a double quote (") that is never closed';
    default:
      return message.replace(/^[A-Za-z ]+: /, '').replace(/\.$/, '');
  }
}

/** Reads an XLSX after inspectXlsx has passed it; formulas give their saved results, merged cells their first cell only. */
export async function parseXlsxFile(file: string, options: ParseOptions): Promise<TabularData> {
  const fileName = path.basename(file);
  await inspectXlsx(file, options.zipLimits ?? XLSX_LIMITS);
  // Loaded here, not at the top: ExcelJS takes a third of a second to load, which every `ewb` command paid.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are not figures, and a drop-down over a whole column (as our own export
    // writes, and many workbooks have) would be expanded by ExcelJS into a million cells.
    await workbook.xlsx.readFile(file, { ignoreNodes: ['dataValidations'] });
  } catch (error) {
    throw new AppError(
      'invalid-input',
      `"${fileName}" could not be read as an Excel workbook (${(error as Error).message}). Open it in Excel and save it again as an Excel Workbook (.xlsx), or save the sheet you need as CSV. Nothing was imported.`,
    );
  }
  const sheets: SheetData[] = [];
  for (const [index, worksheet] of workbook.worksheets.entries()) {
    const builder = new SheetBuilder(worksheet.name, keepFor(options, worksheet.name, index));
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged range's value belongs to its first cell; the others are blank, as Excel shows them.
        const text = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value);
        if (text === '') return;
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = text;
      });
      builder.add(cells, rowNumber);
    });
    sheets.push(builder.build());
  }
  if (sheets.length === 0) {
    throw new AppError('invalid-input', `"${fileName}" has no worksheets to import: it is a zip but holds no sheets (it may hold only charts, or not be an Excel workbook at all). Open it in Excel and check the figures are on a worksheet. Nothing was imported.`);
  }
  return { kind: 'xlsx', fileName, sheets };
}

/** Reads the file in this thread: read-tabular.ts runs this in a worker, tests may call it directly. */
export function parseTabularFile(file: string, options: ParseOptions): Promise<TabularData> {
  return tabularKindOf(file) === 'csv' ? parseCsvFile(file, options) : parseXlsxFile(file, options);
}
