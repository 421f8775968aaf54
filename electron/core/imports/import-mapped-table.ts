// Imports a table of figures per area from any CSV or XLSX through the column-mapping step: the
// planner says which column holds the area codes, which hold the figures (and, if there is one,
// the total). Every row is checked before anything is written; the first problem refuses the file
// with its sheet, row and column. The table is stored as a census table (the same code at the same
// geography level replaces the earlier one, keeping its id) in one transaction. The helpers for
// finding a sheet and its columns and reading a count are shared with the later mapped imports.
import path from 'node:path';
import { censusCountProblem, type CensusCategory, type GeographyLevel, type ImportCensusResult } from '../../../shared/api/census.ts';
import type { ParsedRequestOf } from '../../../shared/api/contract.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { CensusTableData } from '../evidence/census-store.ts';
import { fileSize, storeCensusTable } from '../evidence/import-census.ts';
import { storeCensusTableInTurns } from '../evidence/census-changes.ts';
import { geographyLevelOf } from '../evidence/parse-census-csv.ts';
import { checkRoomForTable, maxRowsFor, tooManyRows } from '../evidence/census-limits.ts';
import { unpackTable } from '../evidence/packed-table.ts';
import type { ChangeContext } from '../records/record-changes.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';
import { runFileWorker } from '../workers/run-file-worker.ts';
import type { ZipLimits } from './inspect-xlsx.ts';
import { parseTabularFile, tabularKindOf, type SheetData, type TabularData } from './parse-tabular.ts';
import { TABULAR_ADVICE, type ReadTabularOptions } from './read-tabular.ts';

/** The request as the handler receives it (defaults applied). */
export type MappedTableInput = ParsedRequestOf<'importMappedTable'>;

const PLAIN_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/;
const NEGATIVE = /^[-\u2212]\s*[\d.,]/;
const COMPUTED_TOTAL = 'Total';

/** Says where a cell is, in the words the planner's program uses: a CSV's line, a sheet's row. */
export class TableLocator {
  readonly fileName: string;
  readonly kind: TabularData['kind'];
  readonly sheet: SheetData;

  constructor(data: TabularData, sheet: SheetData) {
    this.fileName = data.fileName;
    this.kind = data.kind;
    this.sheet = sheet;
  }

  /** `"f.csv" line 7` or `"f.xlsx" sheet "Data" row 7`, with the column when given. */
  where(rowNumber: number, column?: string): string {
    const place = this.kind === 'csv' ? `"${this.fileName}" line ${rowNumber}` : `"${this.fileName}" sheet "${this.sheet.name}" row ${rowNumber}`;
    return column === undefined ? place : `${place}, column "${column}"`;
  }

  refuse(rowNumber: number, column: string | undefined, reason: string): AppError {
    return new AppError('invalid-input', `${this.where(rowNumber, column)}: ${reason}. Nothing was imported.`);
  }
}

/** The sheet asked for (the first when none is), or a refusal naming the sheets there are. */
export function selectSheet(data: TabularData, name: string | undefined): SheetData {
  const sheet = name === undefined ? data.sheets[0] : data.sheets.find((s) => s.name === name);
  if (!sheet) {
    const names = data.sheets.map((s) => `"${s.name}"`).join(', ');
    throw new AppError('invalid-input', `"${data.fileName}" has no sheet called "${name ?? ''}"; its sheets are ${names}. Choose one of those. Nothing was imported.`);
  }
  return sheet;
}

/** The position of a column chosen by its header name, or a refusal listing the columns there are. */
export function columnIndex(data: TabularData, sheet: SheetData, name: string, role: string): number {
  const index = sheet.columns.indexOf(name);
  if (index < 0) {
    const shown = sheet.columns.slice(0, 12).map((c) => `"${c}"`).join(', ');
    const where = data.kind === 'csv' ? `"${data.fileName}"` : `sheet "${sheet.name}" of "${data.fileName}"`;
    throw new AppError(
      'invalid-input',
      `The column chosen for ${role}, "${name}", is not in ${where}; its columns are ${shown || 'none (the sheet is empty)'}${sheet.columns.length > 12 ? ', …' : ''}. The file may have changed since it was previewed: preview it again. Nothing was imported.`,
    );
  }
  return index;
}

/**
 * A count from a cell: digits, optionally grouped in thousands ("1,234") and with decimals. A blank,
 * a negative number or anything else is refused with where it is, so nothing is guessed.
 */
export function readCount(text: string, locator: TableLocator, rowNumber: number, column: string): number {
  const value = text.trim();
  if (value === '') {
    throw locator.refuse(rowNumber, column, 'the value is blank. Enter the figure, or 0 if there are none; blanks are not taken as 0');
  }
  if (NEGATIVE.test(value)) throw locator.refuse(rowNumber, column, `the value ${value} is negative. Figures are counts of people or households, 0 or more`);
  if (!PLAIN_NUMBER.test(value) || value === '.') {
    throw locator.refuse(rowNumber, column, `"${value}" is not a number. Figures are numbers such as 1234 or 1,234, without symbols, units or notes`);
  }
  const count = Number(value.replaceAll(',', ''));
  const tooLarge = censusCountProblem(count, value);
  if (tooLarge) throw locator.refuse(rowNumber, column, `the value ${tooLarge}`);
  return count;
}

const FIELD_OF_ROLE: Readonly<Record<string, string>> = {
  'the area codes': 'geographyColumn',
  'the area names': 'geographyNameColumn',
  'a column of figures': 'valueColumns',
  'the total': 'totalColumn',
};

/** Checks that no column was chosen for two jobs. */
function checkDistinct(roles: ReadonlyArray<readonly [string, string | null]>): void {
  const seen = new Map<string, string>();
  for (const [role, column] of roles) {
    if (column === null) continue;
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      throw new AppError(
        'invalid-input',
        earlier === role
          ? `The column "${column}" is chosen twice as ${role}. Choose each column once. Nothing was imported.`
          : `The column "${column}" is chosen both as ${earlier} and as ${role}. Each column can do one job. Nothing was imported.`,
        { [FIELD_OF_ROLE[role] ?? 'valueColumns']: `"${column}" is already chosen as ${earlier}` },
      );
    }
    seen.set(column, role);
  }
}

/** The mapped table, checked row by row, as a census table to store. */
export function mapTable(data: TabularData, request: MappedTableInput): CensusTableData {
  const sheet = selectSheet(data, request.sheet);
  const nameColumn = request.geographyNameColumn === request.geographyColumn ? null : request.geographyNameColumn;
  checkDistinct([
    ['the area codes', request.geographyColumn],
    ['the area names', nameColumn],
    ...request.valueColumns.map((column) => ['a column of figures', column] as const),
    ['the total', request.totalColumn],
  ]);

  const codeAt = columnIndex(data, sheet, request.geographyColumn, 'the area codes');
  const nameAt = request.geographyNameColumn === null ? -1 : columnIndex(data, sheet, request.geographyNameColumn, 'the area names');
  const valueAt = request.valueColumns.map((column) => columnIndex(data, sheet, column, 'figures'));
  const totalAt = request.totalColumn === null ? -1 : columnIndex(data, sheet, request.totalColumn, 'the total');
  const locator = new TableLocator(data, sheet);
  // Counted before any row is checked: the same limit as a census table's.
  const maxRows = maxRowsFor(request.valueColumns.length + 1);
  if (sheet.rowCount > maxRows) {
    const last = sheet.rowNumbers[maxRows] ?? sheet.rowNumbers.at(-1) ?? sheet.headerRow;
    throw locator.refuse(last, undefined, tooManyRows(request.valueColumns.length + 1));
  }
  if (sheet.rowCount === 0 || sheet.rows.length === 0) {
    throw new AppError('invalid-input', `${data.kind === 'csv' ? `"${data.fileName}"` : `Sheet "${sheet.name}" of "${data.fileName}"`} has no rows of figures under its header, so there is nothing to import. Nothing was imported.`);
  }

  const width = request.valueColumns.length;
  const firstRow = new Map<string, number>();
  const geographies: CensusTableData['geographies'][number][] = [];
  sheet.rows.forEach((row, index) => {
    const rowNumber = sheet.rowNumbers[index] ?? index + 1;
    const code = (row[codeAt] ?? '').trim().toUpperCase();
    if (!code) {
      throw locator.refuse(rowNumber, request.geographyColumn, "the area code is empty. Every row needs its area's code, such as E05009317; delete rows that are not areas (totals, notes)");
    }
    const earlier = firstRow.get(code);
    if (earlier !== undefined) {
      throw locator.refuse(rowNumber, request.geographyColumn, `the area code ${code} appears twice (first at ${data.kind === 'csv' ? 'line' : 'row'} ${earlier}). Each area should have one row`);
    }
    firstRow.set(code, rowNumber);
    const counts = new Float64Array(width + 1);
    let sum = 0;
    for (let i = 0; i < width; i += 1) {
      counts[i] = readCount(row[valueAt[i]!] ?? '', locator, rowNumber, request.valueColumns[i]!);
      sum += counts[i]!;
    }
    counts[width] = totalAt < 0 ? sum : readCount(row[totalAt] ?? '', locator, rowNumber, request.totalColumn!);
    const name = nameAt < 0 ? '' : (row[nameAt] ?? '').trim();
    geographies.push({ code, name: name || code, counts });
  });

  const totalName = request.totalColumn ?? (request.valueColumns.includes(COMPUTED_TOTAL) ? 'Total of the chosen columns' : COMPUTED_TOTAL);
  const categories: CensusCategory[] = [
    ...request.valueColumns.map((name, position) => ({ position, name, label: name, parentPosition: null, isTotal: false })),
    { position: width, name: totalName, label: totalName, parentPosition: null, isTotal: true },
  ];
  const geographyLevel: GeographyLevel = request.geographyLevel ?? geographyLevelOf(firstRow.keys());
  return {
    code: request.code.toUpperCase(),
    title: request.title.trim(),
    source: request.sourceDescription.trim(),
    referenceDate: request.referenceDate.trim(),
    geographyLevel,
    fileName: data.fileName,
    categories,
    geographies,
  };
}

/** Writes a mapped table (replacing the same code at the same level) with its change-log entry. */
export function storeMappedTable(db: WriteDb, ctx: ChangeContext, data: CensusTableData): ImportCensusResult {
  return storeCensusTable(db, ctx, data);
}

/** Reads and maps the request's file in this thread: the reading worker runs this. */
export async function readMappedTable(file: string, request: MappedTableInput, zipLimits?: ZipLimits): Promise<CensusTableData> {
  // One row over the most any table may have is kept, so that mapTable can say where the limit was passed.
  const data = await parseTabularFile(file, { mode: 'all', maxRows: LIMITS.censusRows + 1, ...(request.sheet === undefined ? {} : { sheet: request.sheet }), ...(zipLimits ? { zipLimits } : {}) });
  return mapTable(data, request);
}

/**
 * Reads and maps the request's file off the main thread (a worker with memory and time limits) and
 * imports the mapped table. `writable` gives the workbook's connection: asked for before the file
 * is read (so a read-only workbook is refused at once) and again after, in case it was closed meanwhile.
 */
export async function importMappedTable(
  writable: () => WriteDb,
  ctx: ChangeContext,
  request: MappedTableInput,
  readOptions: Pick<ReadTabularOptions, 'limits' | 'zipLimits'> = {},
): Promise<ImportCensusResult> {
  writable();
  const file = path.resolve(request.source);
  tabularKindOf(file);
  const packed = await runFileWorker(
    { kind: 'mapped', file, request, ...(readOptions.zipLimits ? { zipLimits: readOptions.zipLimits } : {}) },
    { fileName: path.basename(file), advice: TABULAR_ADVICE, bytes: fileSize(file), ...(readOptions.limits ? { limits: readOptions.limits } : {}) },
  );
  const table = unpackTable(packed);
  const db = writable();
  checkRoomForTable(db, table.code, table.geographyLevel, path.basename(file));
  return storeCensusTableInTurns(db, ctx, table);
}
