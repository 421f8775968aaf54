// Crime in the Excel workbook: a sheet of trends (each area's and the whole strategy area's crime
// types against the previous three months and a year before, with the counts and who cites them)
// and a sheet of the monthly counts behind them, an area and crime type to a row. Like every sheet
// of the workbook: the marking on the first row, the header on the second (repeated on each printed
// page), text that starts like a formula held as text, and printed to the page's width with the
// area ids left off.
import type ExcelJS from 'exceljs';
import { crimeTypeLabel } from '../../../shared/domain/crime-types.ts';
import { monthName, trendWord } from '../../../shared/domain/crime-trends.ts';
import type { ExportData } from './export-data.ts';
import { citersOf } from './crime-export-data.ts';
import { ID_FONT, TOP_LEFT, WidthTracker, addMarkedSheet, addMarkingRow, cellText, columnName, fitPrintWidth, fitRowHeight, font, quoteRow, styleHeaderCell } from './excel-layout.ts';

const span = (from: string, to: string) => `${monthName(from)}–${monthName(to)}`;

/** The marking's row, then the header row: the row the sheet freezes and repeats on every printed page. */
function startSheet(workbook: ExcelJS.Workbook, name: string, marking: string, headers: readonly string[]): { sheet: ExcelJS.Worksheet; header: ExcelJS.Row } {
  const sheet = addMarkedSheet(workbook, name, marking, { frozen: { rows: 2, columns: 2 }, titleRows: '2:2' });
  addMarkingRow(sheet, marking);
  const header = sheet.addRow(headers.map(cellText));
  quoteRow(header);
  header.eachCell((cell) => styleHeaderCell(cell));
  return { sheet, header };
}

/** Column widths fitted to their content, the header's height to its wrapped titles, the page to everything but the area id, and a filter over the rows of figures. */
function finish(sheet: ExcelJS.Worksheet, header: ExcelJS.Row, headers: readonly string[], widths: WidthTracker, limits: ReadonlyArray<[number, number]>, lastRow: number, lastDataRow: number): void {
  sheet.autoFilter = `A${header.number}:${columnName(headers.length)}${Math.max(header.number + 1, lastDataRow)}`;
  const sizes: number[] = [];
  headers.forEach((title, index) => {
    const [min, max] = limits[index] ?? [10, 16];
    sizes[index + 1] = widths.width(index + 1, title, min, max);
    sheet.getColumn(index + 1).width = sizes[index + 1];
  });
  fitRowHeight(header, headers, sizes, true);
  fitPrintWidth(sheet, sizes, headers.length - 1, lastRow);
}

export function writeCrimeTrendsSheet(workbook: ExcelJS.Workbook, name: string, data: ExportData, marking: string): ExcelJS.Worksheet {
  const headers = ['Area', 'Crime type', 'Compared with', 'Trend', 'Change', 'Recent months', 'Recent count', 'Earlier months', 'Earlier count', 'Cited by', 'Area id'];
  const { sheet, header } = startSheet(workbook, name, marking, headers);
  const widths = new WidthTracker();
  let lastRow = header.number;
  for (const view of data.crime.views) {
    for (const trend of view.trends) {
      const values = [
        cellText(view.areaName),
        cellText(crimeTypeLabel(trend.crimeType)),
        cellText(trend.comparison === 'previous' ? 'the previous 3 months' : 'the same months a year before'),
        cellText(trendWord(trend)),
        trend.change,
        cellText(span(trend.recentFrom, trend.recentTo)),
        trend.recent,
        cellText(span(trend.earlierFrom, trend.earlierTo)),
        trend.earlier,
        cellText(citersOf(trend, view.areaId, data.crime.links, data.names)),
        view.areaId ? cellText(view.areaId) : null,
      ];
      values.forEach((value, index) => widths.see(index + 1, typeof value === 'number' ? value : (value ?? null)));
      const row = sheet.addRow(values.map((value) => value ?? undefined));
      quoteRow(row);
      lastRow = row.number;
      row.getCell(5).numFmt = '+0%;-0%;0%';
      row.getCell(11).font = ID_FONT;
      if (view.areaId === null) for (let column = 1; column <= 4; column += 1) row.getCell(column).font = font({ bold: true });
    }
  }
  if (data.crime.views.length === 0) sheet.addRow([cellText('No area has crime counted yet: import police.uk files and give your areas their LSOA codes.')]);
  sheet.addRow([]);
  const note = sheet.addRow([cellText('A change within 10 % either way is steady; "New" means none in the earlier months. The whole strategy area counts each LSOA in any of the workbook’s areas once.')]);
  note.getCell(1).font = font({ italic: true, color: { argb: 'FF404040' } });
  note.getCell(1).alignment = TOP_LEFT;
  finish(sheet, header, headers, widths, [[16, 40], [16, 30], [14, 30], [9, 10], [8, 9], [12, 22], [8, 10], [12, 22], [8, 10], [14, 50], [13, 13]], note.number, lastRow);
  return sheet;
}

export function writeCrimeMonthsSheet(workbook: ExcelJS.Workbook, name: string, data: ExportData, marking: string): ExcelJS.Worksheet {
  const months = data.crime.summary.months;
  const headers = ['Area', 'Crime type', ...months.map(monthName), 'All months', 'Area id'];
  const { sheet, header } = startSheet(workbook, name, marking, headers);
  header.eachCell((cell, column) => {
    if (column > 2 && column < headers.length) cell.alignment = { ...cell.alignment, horizontal: 'right' };
  });
  const widths = new WidthTracker();
  let lastRow = header.number;
  for (const view of data.crime.views) {
    for (const series of view.series) {
      const values = [cellText(view.areaName), cellText(series.label), ...series.counts, series.total, view.areaId ? cellText(view.areaId) : null];
      values.forEach((value, index) => widths.see(index + 1, typeof value === 'number' ? value : (value ?? null)));
      const row = sheet.addRow(values.map((value) => value ?? undefined));
      quoteRow(row);
      lastRow = row.number;
      for (let column = 3; column < headers.length; column += 1) row.getCell(column).numFmt = '#,##0';
      row.getCell(headers.length).font = ID_FONT;
      if (view.areaId === null) row.getCell(1).font = font({ bold: true });
    }
  }
  finish(sheet, header, headers, widths, [[16, 40], [16, 30], ...months.map((): [number, number] => [9, 10]), [10, 12], [13, 13]], lastRow, lastRow);
  return sheet;
}
