// The audiences' census citations as a sheet after the Audiences sheet: each link from an audience
// to a census category in an area, as the Word document prints it under the audience ("Census:
// 'Asian: Bangladeshi' in Riverside (TS021 Ethnic group)"), with the ids for matching at the end.
// Like every sheet: the marking on row 1, the header on row 2 (frozen, filtered, repeated in print).
import type ExcelJS from 'exceljs';
import type { ExportData } from './export-data.ts';
import { ID_FONT, WRAP_TOP, addMarkedSheet, addMarkingRow, cellText, fitPrintWidth, fitRowHeight, font, styleHeaderCell } from './excel-layout.ts';
import { HEADER_ROW } from './excel-records.ts';

export const EVIDENCE_LINKS_SHEET = 'Audience evidence';

export function writeEvidenceLinksSheet(workbook: ExcelJS.Workbook, data: ExportData, marking: string): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, EVIDENCE_LINKS_SHEET, marking, { frozen: { rows: HEADER_ROW, columns: 1 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  addMarkingRow(sheet, marking);
  const headers = ['Audience', 'Census category', 'In', 'Census table', 'Audience id', 'Table id', 'Area id'];
  const widths = [0, 30, 30, 24, 34, 13, 13, 13];
  widths.forEach((width, column) => {
    if (column > 0) sheet.getColumn(column).width = width;
  });
  const header = sheet.addRow(headers.map(cellText));
  header.eachCell((cell) => styleHeaderCell(cell));
  fitRowHeight(header, headers, widths, true);
  const tables = new Map(data.census.tables.map((t) => [t.id, t]));
  for (const link of data.evidenceLinks) {
    const table = tables.get(link.tableId);
    const category = table?.categories.find((c) => c.name === link.category)?.label ?? link.category;
    const where = link.areaId ? (data.names.get(link.areaId) ?? '(an area no longer in the workbook)') : 'The whole strategy area';
    const values = [
      cellText(data.names.get(link.audienceId) ?? ''),
      cellText(category),
      cellText(where),
      cellText(table ? `${table.code} ${table.title}` : '(a table no longer in the workbook)'),
      cellText(link.audienceId),
      cellText(link.tableId),
      link.areaId ? cellText(link.areaId) : null,
    ];
    const row = sheet.addRow(values.map((value) => value ?? undefined));
    for (let column = 1; column <= 4; column += 1) row.getCell(column).alignment = WRAP_TOP;
    for (let column = 5; column <= 7; column += 1) row.getCell(column).font = ID_FONT;
    fitRowHeight(row, values, widths);
  }
  if (data.evidenceLinks.length === 0) sheet.addRow([cellText('No audience cites a census figure yet.')]).getCell(1).font = font({ italic: true });
  const lastRow = Math.max(1, data.evidenceLinks.length) + HEADER_ROW;
  sheet.autoFilter = `A${HEADER_ROW}:G${lastRow}`;
  fitPrintWidth(sheet, widths, 4, lastRow);
  return sheet;
}
