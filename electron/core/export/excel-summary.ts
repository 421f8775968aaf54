// The Summary sheet that opens the working copy: the marking on its first row, the workbook's
// details, each exported section's state and record count, the sheets that follow, and the open
// gaps by section.
import type ExcelJS from 'exceljs';
import { EXPORT_SECTIONS } from '../../../shared/api/export.ts';
import type { SectionId } from '../../../shared/domain/record-types.ts';
import { sectionById } from '../../../shared/domain/sections.ts';
import type { ExportData } from './export-data.ts';
import { DATE_FORMAT, WRAP_TOP, font, addMarkedSheet, calendarDate, cellText, fitRowHeight, quoteRow, styleHeaderCell, ukDay } from './excel-layout.ts';

/** A section as the Summary names it. */
export function sectionLabel(section: SectionId): string {
  return sectionById(section)?.title ?? section;
}

/** At most this many gaps are listed per section; the rest are counted. */
export const GAPS_LISTED_PER_SECTION = 200;

export interface SheetCount {
  name: string;
  rows: number;
  what: string;
}

type Value = string | number | Date | null;

/** Writes the Summary sheet. `sections` are the worksheet sections exported, in order. */
export function writeSummarySheet(workbook: ExcelJS.Workbook, data: ExportData, sections: readonly SectionId[], sheets: readonly SheetCount[]): ExcelJS.Worksheet {
  const { meta } = data;
  const sheet = addMarkedSheet(workbook, 'Summary', meta.marking);
  const widths = [0, 30, 80, 14, 14];
  widths.forEach((width, column) => {
    if (column > 0) sheet.getColumn(column).width = width;
  });
  /** Adds a row, as tall as its wrapped text needs. */
  const addRow = (values: Value[], bold = false): ExcelJS.Row => {
    const row = sheet.addRow(values.map((v) => v ?? undefined));
    fitRowHeight(row, values, widths, bold);
    quoteRow(row);
    return row;
  };
  sheet.getColumn(1).alignment = WRAP_TOP;
  sheet.getColumn(2).alignment = WRAP_TOP;
  sheet.getColumn(3).alignment = { vertical: 'top' };
  sheet.getColumn(4).alignment = { vertical: 'top' };
  // Counts with thousands separators: "2,000 audiences".
  sheet.getColumn(3).numFmt = '#,##0';
  sheet.getColumn(4).numFmt = '#,##0';

  const marking = sheet.addRow([cellText(meta.marking)]);
  sheet.mergeCells(1, 1, 1, 4);
  marking.getCell(1).font = font({ bold: true, size: 14 });
  marking.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const heading = (text: string): void => {
    sheet.addRow([]);
    sheet.addRow([cellText(text)]).getCell(1).font = font({ bold: true, size: 13 });
  };
  const tableHeader = (headers: string[]): void => {
    const row = addRow(headers.map(cellText), true);
    row.eachCell((cell) => styleHeaderCell(cell));
  };
  const detail = (label: string, value: Value): void => {
    const row = addRow([cellText(label), value], true);
    row.getCell(1).font = font({ bold: true });
    if (value instanceof Date) {
      row.getCell(2).numFmt = DATE_FORMAT;
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'top' };
    }
  };

  heading('Workbook details');
  detail('Force', cellText(data.forceName));
  detail('Title', cellText(meta.title));
  detail('Strategy period starts', calendarDate(meta.periodStart) ?? 'Not set');
  detail('Strategy period ends', calendarDate(meta.periodEnd) ?? 'Not set');
  detail('Version', cellText(meta.versionLabel) ?? 'Not set');
  if (meta.author && meta.author.trim()) detail('Author', cellText(meta.author));
  detail('Protective marking', cellText(meta.marking));
  if (meta.reviewDate) detail('Review date', calendarDate(meta.reviewDate));
  detail('Generated', ukDay(data.generatedAt));
  detail('Personal data', data.personal ? 'Included: handle this copy as personal data' : 'Left out: names and contact details of people are not in this copy');
  detail('Sections', cellText(EXPORT_SECTIONS.filter((s) => data.sections.includes(s.id)).map((s) => s.title).join('; ')));

  const exportedGaps = data.gaps.filter((gap) => (sections as readonly string[]).includes(gap.section));
  heading('Sections');
  tableHeader(['Section', 'Status', 'Records', 'Open gaps']);
  for (const section of sections) {
    const state = data.sectionStates.find((s) => s.section === section);
    const gaps = exportedGaps.filter((gap) => gap.section === section).length;
    // The grid's count is of its cells marked, not of the rows of its sheet (one an audience): the label says so.
    const label = section === 'receptivity' ? `${sectionLabel(section)} (cells of the grid marked)` : sectionLabel(section);
    addRow([cellText(label), cellText(state?.status ?? 'Not started'), state?.records ?? 0, gaps]);
  }

  heading('Sheets in this workbook');
  tableHeader(['Sheet', 'What it holds', 'Rows']);
  for (const entry of sheets) addRow([cellText(entry.name), cellText(entry.what), entry.rows]);

  heading('Open gaps by section');
  if (exportedGaps.length === 0) {
    sheet.addRow([cellText('No open gaps in the sections exported.')]);
  } else {
    tableHeader(['Section', 'Gap']);
    for (const section of sections) {
      const gaps = exportedGaps.filter((gap) => gap.section === section);
      for (const gap of gaps.slice(0, GAPS_LISTED_PER_SECTION)) addRow([cellText(sectionLabel(section)), cellText(gap.message)]);
      const more = gaps.length - GAPS_LISTED_PER_SECTION;
      if (more > 0) addRow([cellText(sectionLabel(section)), cellText(`… and ${more.toLocaleString('en-GB')} more in this section: see the gap list in the app.`)]);
    }
  }
  return sheet;
}
