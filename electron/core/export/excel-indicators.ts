// The self-assessment's indicators as a sheet, beside the ratings' own sheet: for each hallmark
// each indicator worked out from the workbook, its count, its share and how it was counted. Like
// every sheet: the protective marking on row 1, the header on row 2, every cell neutralised.
import type ExcelJS from 'exceljs';
import { HALLMARKS } from '../../../shared/domain/hallmarks.ts';
import type { ExportData } from './export-data.ts';
import { WRAP_TOP, addMarkedSheet, addMarkingRow, cellText, fitPrintWidth, fitRowHeight, font, styleHeaderCell } from './excel-layout.ts';
import { HEADER_ROW } from './excel-records.ts';

export const INDICATORS_SHEET = 'Hallmark indicators';

export function writeIndicatorsSheet(workbook: ExcelJS.Workbook, data: ExportData, marking: string): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, INDICATORS_SHEET, marking, { frozen: { rows: HEADER_ROW, columns: 0 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  addMarkingRow(sheet, marking);
  const widths = [0, 26, 36, 11, 13, 11, 70];
  widths.forEach((width, column) => {
    if (column > 0) sheet.getColumn(column).width = width;
  });
  const header = sheet.addRow(['Hallmark', 'Indicator', 'Counted', 'Out of', 'Share', 'How it was counted'].map(cellText));
  header.eachCell((cell) => styleHeaderCell(cell));
  const label = (id: string) => HALLMARKS.find((h) => h.id === id)?.label ?? id;
  for (const item of data.assessment.indicators) {
    const texts = [label(item.hallmark), item.indicator, '', '', '', item.explanation];
    const row = sheet.addRow([cellText(texts[0]), cellText(texts[1]), item.numerator, item.denominator, item.value, cellText(item.explanation)]);
    row.getCell(5).numFmt = '0%';
    for (const column of [1, 2, 6]) row.getCell(column).alignment = WRAP_TOP;
    fitRowHeight(row, texts, widths);
  }
  if (data.assessment.indicators.length === 0) sheet.addRow([cellText('No indicator can be worked out from the workbook yet.')]).getCell(1).font = font({ italic: true });
  sheet.autoFilter = `A${HEADER_ROW}:F${Math.max(1, data.assessment.indicators.length) + HEADER_ROW}`;
  fitPrintWidth(sheet, widths, 6, Math.max(1, data.assessment.indicators.length) + HEADER_ROW);
  return sheet;
}
