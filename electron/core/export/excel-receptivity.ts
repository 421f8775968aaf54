// The receptivity grid as a matrix sheet: audiences down (with their priority), channels across,
// each cell a symbol and a word (never colour alone; the fill only helps) with a drop-down of the
// four values; below, the evidence noted in cells. Ids at the ends, so a re-import can match. Like
// every record sheet: the protective marking on row 1, the header on row 2 (frozen, and repeated
// on each printed page), the ids left off the printed page.
import type ExcelJS from 'exceljs';
import { RECEPTIVITY_SYMBOLS, RECEPTIVITY_VALUE_IDS, receptivityLabel, type ReceptivityValue } from '../../../shared/api/receptivity.ts';
import { PRIORITIES, labelOf } from '../../../shared/domain/vocabularies.ts';
import type { ExportData } from './export-data.ts';
import { ID_FONT, WRAP_TOP, WidthTracker, addMarkedSheet, addMarkingRow, cellText, firstPageColumns, fitPrintWidth, fitRowHeight, font, styleHeaderCell } from './excel-layout.ts';
import { HEADER_ROW, columnLetter, type ChoiceLists, type Choices } from './excel-records.ts';

export const RECEPTIVITY_SHEET = 'Who listens where';
export const RECEPTIVITY_NOTES_SHEET = 'Who listens where (evidence)';

/** The words a cell shows: "✓ Yes". */
export function receptivityText(value: ReceptivityValue): string {
  return `${RECEPTIVITY_SYMBOLS[value]} ${receptivityLabel(value)}`;
}

const CHOICES: Choices = { title: 'Who listens where', labels: RECEPTIVITY_VALUE_IDS.map(receptivityText) };

/** Light fills that still differ in greyscale; the symbol and word carry the meaning. */
const FILLS: Readonly<Record<ReceptivityValue, string>> = { yes: 'FFC6EFCE', partly: 'FFFFEB9C', no: 'FFFFC7CE', unknown: 'FFF2F2F2' };

/** Rows below the grid that keep the drop-down, for audiences a planner adds by hand. */
const SPARE_ROWS = 200;

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export function writeReceptivitySheet(workbook: ExcelJS.Workbook, data: ExportData, marking: string, lists: ChoiceLists): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, RECEPTIVITY_SHEET, marking, { frozen: { rows: HEADER_ROW, columns: 1 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  addMarkingRow(sheet, marking);
  const audiences = data.records.audience;
  const channels = data.records.channel;
  const cells = new Map(data.receptivity.map((cell) => [`${cell.audienceId}|${cell.channelId}`, cell]));
  const firstChannel = 3;
  const idColumn = firstChannel + channels.length;
  const headers = ['Audience', 'Priority', ...channels.map((c) => String(c.name ?? '')), 'Audience id'];
  const tracker = new WidthTracker();

  const header = sheet.addRow(headers.map(cellText));
  header.eachCell((cell, column) => {
    styleHeaderCell(cell);
    if (column >= firstChannel && column < idColumn) cell.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
  });
  const audienceRows: Array<[ExcelJS.Row, string | null]> = [];
  for (const audience of audiences) {
    const name = cellText(audience.name);
    tracker.see(1, name);
    const values = channels.map((channel) => cells.get(`${audience.id}|${channel.id}`)?.value ?? 'unknown');
    const row = sheet.addRow([name, cellText(labelOf(PRIORITIES, audience.priority as string)), ...values.map(receptivityText), cellText(audience.id)]);
    values.forEach((value, index) => {
      const cell = row.getCell(firstChannel + index);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[value] } };
      cell.alignment = { vertical: 'top', horizontal: 'center' };
    });
    row.getCell(1).alignment = WRAP_TOP;
    row.getCell(idColumn).font = ID_FONT;
    audienceRows.push([row, name]);
  }
  const notes: ExcelJS.Row[] = [];
  if (audiences.length === 0 || channels.length === 0) {
    const empty = sheet.addRow([cellText('The grid needs audiences and channels: record them in the workbook and they will appear here.')]);
    empty.getCell(1).font = font({ italic: true });
    notes.push(empty);
  }

  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  if (channels.length > 0) {
    validations.add(`${columnLetter(firstChannel)}${HEADER_ROW + 1}:${columnLetter(idColumn - 1)}${audiences.length + HEADER_ROW + SPARE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [lists.rangeOf(CHOICES)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Not in the list',
      error: 'Choose yes, partly, no or unknown from the list.',
    });
  }

  sheet.addRow([]);
  const key = sheet.addRow([cellText(`Key: ${RECEPTIVITY_VALUE_IDS.map(receptivityText).join(', ')}. Rows are audiences, columns channels; the evidence noted in cells is on the sheet "${RECEPTIVITY_NOTES_SHEET}".`)]);
  key.getCell(1).font = font({ italic: true, color: { argb: 'FF404040' } });
  notes.push(key);
  // Each channel's id under its column, below the printed page, so a re-import can match columns as the audience ids match rows.
  if (channels.length > 0) {
    const channelIds = sheet.addRow([cellText('Channel id'), null, ...channels.map((c) => cellText(c.id))]);
    channelIds.eachCell((cell) => (cell.font = ID_FONT));
  }

  sheet.getColumn(1).width = tracker.width(1, 'Audience', 20, 40);
  sheet.getColumn(2).width = 10;
  for (let column = firstChannel; column < idColumn; column += 1) sheet.getColumn(column).width = Math.max(12, Math.min(18, (headers[column - 1] ?? '').length + 2));
  sheet.getColumn(idColumn).width = 13;
  const widths: number[] = [];
  headers.forEach((_, index) => (widths[index + 1] = sheet.getColumn(index + 1).width ?? 12));
  fitRowHeight(header, headers, widths, true);
  // Each audience's row as tall as its wrapped name, as on every other sheet: unset, a long name ran over the row below.
  for (const [row, name] of audienceRows) fitRowHeight(row, [name], widths);
  sheet.autoFilter = `A${HEADER_ROW}:${columnLetter(idColumn)}${audiences.length + HEADER_ROW}`;
  // The key below the grid is printed with it; the audience ids are not.
  fitPrintWidth(sheet, widths, idColumn - 1, key.number);
  // The key (and a note that the grid is empty) spans the columns of the first printed page and wraps there, so it does not run off it.
  const span = firstPageColumns(widths, idColumn - 1);
  const spanWidth = widths.slice(1, span + 1).reduce((sum, width) => sum + width, 0);
  for (const row of notes) {
    if (span > 1) sheet.mergeCells(row.number, 1, row.number, span);
    row.getCell(1).alignment = WRAP_TOP;
    fitRowHeight(row, [row.getCell(1).value], [0, spanWidth]);
  }
  return sheet;
}

/** The evidence noted in the grid's cells: one row per cell with a note. */
export function writeReceptivityNotesSheet(workbook: ExcelJS.Workbook, data: ExportData, marking: string): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, RECEPTIVITY_NOTES_SHEET, marking, { frozen: { rows: HEADER_ROW, columns: 0 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  addMarkingRow(sheet, marking);
  const headers = ['Audience', 'Channel', 'Says', 'Evidence', 'Audience id', 'Channel id'];
  const widths = [0, 30, 24, 12, 60, 13, 13];
  widths.forEach((width, column) => {
    if (column > 0) sheet.getColumn(column).width = width;
  });
  const header = sheet.addRow(headers.map(cellText));
  header.eachCell((cell) => styleHeaderCell(cell));
  const noted = data.receptivity.filter((cell) => cell.note.trim() !== '');
  for (const cell of noted) {
    const values = [cellText(data.names.get(cell.audienceId) ?? ''), cellText(data.names.get(cell.channelId) ?? ''), cellText(receptivityText(cell.value)), cellText(cell.note), cellText(cell.audienceId), cellText(cell.channelId)];
    const row = sheet.addRow(values);
    for (let column = 1; column <= 4; column += 1) row.getCell(column).alignment = WRAP_TOP;
    row.getCell(5).font = ID_FONT;
    row.getCell(6).font = ID_FONT;
    fitRowHeight(row, values, widths);
  }
  if (noted.length === 0) sheet.addRow([cellText('No evidence has been noted in the grid yet.')]).getCell(1).font = font({ italic: true });
  sheet.autoFilter = `A${HEADER_ROW}:F${Math.max(1, noted.length) + HEADER_ROW}`;
  fitPrintWidth(sheet, widths, 4, Math.max(1, noted.length) + HEADER_ROW);
  return sheet;
}
