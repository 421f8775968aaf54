// A census table as a matrix: the workbook's areas down, the table's categories across. Counts
// first, then (under the same column headings) each category's share of the area's residents,
// then where the figures come from. The whole strategy area leads, for comparison; the marking
// heads the sheet, and the areas' ids, for matching rows, are left off the printed page.
import type ExcelJS from 'exceljs';
import type { AreaCensus, CensusTable } from '../../../shared/api/census.ts';
import { ONS_LEVELS, labelOf } from '../../../shared/domain/vocabularies.ts';
import { HEADER_FILL, ID_FONT, columnName, font, TOP_LEFT, WidthTracker, addMarkedSheet, addMarkingRow, cellText, firstPageColumns, fitPrintWidth, fitRowHeight, quoteRow, styleHeaderCell, ukDay } from './excel-layout.ts';

interface Category {
  label: string;
  position: number;
  depth: number;
}

const INVALID_SHEET_CHARACTERS = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts (31 characters, none of \ / ? * [ ] :), not yet taken. */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = (wanted.replace(INVALID_SHEET_CHARACTERS, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || fallback).slice(0, 31).trim();
  const isTaken = (name: string) => [...taken].some((t) => t.toLowerCase() === name.toLowerCase());
  if (!isTaken(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length).trim() + suffix;
    if (!isTaken(name)) return name;
  }
}

export function censusSheetName(table: CensusTable, taken: ReadonlySet<string>): string {
  return uniqueSheetName(`Census ${table.code}`, taken, 'Census');
}

function categoriesOf(table: CensusTable, areas: readonly AreaCensus[]): Category[] {
  const first = areas[0];
  if (first) return first.rows.map((row) => ({ label: row.label || row.name, position: row.position, depth: row.depth }));
  return table.categories.filter((c) => !c.isTotal).map((c) => ({ label: c.label || c.name, position: c.position, depth: c.parentPosition === null ? 0 : 1 }));
}

/** Writes one census table's matrix sheet. */
export function writeCensusSheet(workbook: ExcelJS.Workbook, name: string, table: CensusTable, areas: readonly AreaCensus[], marking: string): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, name, marking, { frozen: { rows: 2, columns: 1 }, titleRows: '2:2' });
  const categories = categoriesOf(table, areas);
  const level = labelOf(ONS_LEVELS, table.geographyLevel);
  const headers = ['Area', 'All residents', ...categories.map((c) => c.label), `Geographies counted (${level})`, 'Area id'];
  const firstCategory = 3;
  const geographiesColumn = firstCategory + categories.length;
  const idColumn = geographiesColumn + 1;
  const contentWidths = new WidthTracker();
  sheet.getColumn(1).alignment = TOP_LEFT;

  addMarkingRow(sheet, marking);
  const header = sheet.addRow(headers.map(cellText));
  quoteRow(header);
  header.eachCell((cell, column) => {
    styleHeaderCell(cell);
    const category = categories[column - firstCategory];
    if (category && category.depth > 0) cell.font = font({ bold: true, italic: true });
    if (column > 1 && column <= geographiesColumn) cell.alignment = { ...cell.alignment, horizontal: 'right' };
  });

  const countOf = (view: AreaCensus, position: number) => view.rows.find((r) => r.position === position);
  const areaRow = (view: AreaCensus, cells: Array<number | null>, format: string): void => {
    const name = cellText(view.areaName);
    contentWidths.see(1, name);
    const row = sheet.addRow([name, ...cells.map((v) => v ?? undefined), view.geographies, view.areaId ? cellText(view.areaId) : undefined]);
    quoteRow(row);
    for (let column = 2; column < geographiesColumn; column += 1) row.getCell(column).numFmt = format;
    if (view.areaId === null) row.eachCell((cell) => (cell.font = font({ bold: true })));
    else row.getCell(idColumn).font = ID_FONT;
  };

  if (areas.length === 0) {
    sheet.addRow([cellText('No area in this workbook has figures in this table: give your areas their LSOAs or ONS codes and they will appear here.')]);
  }
  for (const view of areas) {
    const counts = categories.map((c) => countOf(view, c.position)?.count ?? null);
    counts.forEach((count, index) => contentWidths.see(firstCategory + index, count));
    contentWidths.see(2, view.total);
    areaRow(view, [view.total, ...counts], '#,##0');
  }
  // The filter spans the counts (the shares below repeat the areas).
  sheet.autoFilter = `A2:${columnName(idColumn)}${2 + Math.max(1, areas.length)}`;

  if (areas.length > 0) {
    sheet.addRow([]);
    const heading = sheet.addRow([cellText("Share of each area's residents")]);
    heading.getCell(1).font = font({ bold: true });
    for (let column = 1; column <= idColumn; column += 1) heading.getCell(column).fill = HEADER_FILL;
    for (const view of areas) {
      const shares = categories.map((c) => countOf(view, c.position)?.proportion ?? null);
      areaRow(view, [view.total > 0 ? 1 : null, ...shares], '0.0%');
    }
  }

  sheet.addRow([]);
  const imported = ukDay(table.importedAt);
  const notes = [
    `${table.code} ${table.title}`.trim(),
    `Source: ${table.source || 'not recorded'}${table.referenceDate ? `, ${table.referenceDate}` : ''}.`,
    `Figures by ${level}, added up for each area from the geographies it contains; the whole strategy area counts every geography in any of the workbook's areas once.`,
    categories.some((c) => c.depth > 0) ? 'Headings in italics are subgroups of the group before them, and are counted in it too.' : '',
    `Imported from ${table.fileName || 'a file'}${imported ? ` on ${imported.toISOString().slice(8, 10)}/${imported.toISOString().slice(5, 7)}/${imported.toISOString().slice(0, 4)}` : ''}.`,
  ].filter(Boolean);
  let lastRow = 0;
  const noteRows: ExcelJS.Row[] = [];
  for (const note of notes) {
    const row = sheet.addRow([cellText(note)]);
    quoteRow(row);
    lastRow = row.number;
    row.getCell(1).alignment = { ...TOP_LEFT, wrapText: true };
    row.getCell(1).font = font({ italic: true, color: { argb: 'FF404040' } });
    noteRows.push(row);
  }

  const widths: number[] = [];
  widths[1] = contentWidths.width(1, 'Area', 16, 40);
  for (let column = 2; column < geographiesColumn; column += 1) widths[column] = contentWidths.width(column, headers[column - 1] ?? '', 10, 18);
  widths[geographiesColumn] = 14;
  widths[idColumn] = 13;
  widths.forEach((width, column) => {
    sheet.getColumn(column).width = width;
  });
  fitRowHeight(header, headers, widths, true);
  fitPrintWidth(sheet, widths, geographiesColumn, lastRow);
  // Each note spans the columns of the first printed page and wraps there, so none runs off it.
  const span = firstPageColumns(widths, geographiesColumn);
  const spanWidth = widths.slice(1, span + 1).reduce((sum, width) => sum + (width ?? 0), 0);
  for (const row of noteRows) {
    if (span > 1) sheet.mergeCells(row.number, 1, row.number, span);
    const text = row.getCell(1).value;
    if (typeof text === 'string') fitRowHeight(row, [text], [0, spanWidth]);
  }
  return sheet;
}
