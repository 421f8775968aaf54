// Reading the sheets of an exported workbook as a planner would: a sheet by its name, a row's
// values, the row of a record (by the id in its last column) and all the text of a workbook.
import type ExcelJS from 'exceljs';

/** The header row of every record and census sheet: the marking's row is above it. */
export const HEADER = 2;

export function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A row's values from column 1, as ExcelJS reads them (empty cells undefined). */
export function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

export function rowOf(ws: ExcelJS.Worksheet, recordId: string): number {
  const idColumn = ws.getRow(HEADER).cellCount;
  for (let row = HEADER + 1; row <= ws.rowCount; row += 1) if (ws.getCell(row, idColumn).value === recordId) return row;
  throw new Error(`no row for ${recordId} in ${ws.name}`);
}

export function allText(book: ExcelJS.Workbook): string {
  return book.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))).join('\n');
}
