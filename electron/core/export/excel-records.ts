// One sheet per record type, its columns read from the record-type descriptors: the naming field
// first, enumerations by their labels with a drop-down of the vocabulary on every row, links by
// name, real dates and numbers; then, after the printed columns, the ids (of links, and the
// record's own last) so a re-import can match rows. The marking heads the sheet.
import type ExcelJS from 'exceljs';
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { CHECK_RESULTS, labelOf, type VocabItem } from '../../../shared/domain/vocabularies.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { ExportData } from './export-data.ts';
import { DATE_FORMAT, ID_FONT, TEXT_FORMAT, TOP_LEFT, WRAP_TOP, WidthTracker, addMarkedSheet, addMarkingRow, calendarDate, cellText, columnName, fitPrintWidth, fitRowHeight, styleHeaderCell, ukDay } from './excel-layout.ts';
import { startsLikeFormula } from './sanitize.ts';

type CellValue = string | number | Date | null;
type ColumnKind = 'text' | 'longText' | 'date' | 'integer' | 'enum' | 'enumList' | 'id';

/** A drop-down's choices: written once to the hidden Lists sheet and referred to from there. */
export interface Choices {
  readonly title: string;
  readonly labels: readonly string[];
}

export interface RecordColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly value: (record: RecordValues) => CellValue;
  readonly choices?: Choices;
  /** A number format other than the kind's own (a year is written 2024, not 2,024). */
  readonly numFmt?: string;
}

const YES_NO: Choices = { title: 'Yes or no', labels: ['Yes', 'No'] };
const CHECK_RESULTS_CHOICES: Choices = { title: 'Check result', labels: CHECK_RESULTS.map((item) => item.label) };

/** A check's result as its label: Pass, Not yet or Not checked. */
function checkLabel(pass: unknown): string {
  return labelOf(CHECK_RESULTS, pass === true ? 'pass' : pass === false ? 'not-yet' : 'not-checked');
}
const choicesCache = new WeakMap<readonly VocabItem[], Choices>();

function choicesOf(title: string, vocabulary: readonly VocabItem[]): Choices {
  let choices = choicesCache.get(vocabulary);
  if (!choices) {
    choices = { title, labels: vocabulary.map((item) => item.label) };
    choicesCache.set(vocabulary, choices);
  }
  return choices;
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const integer = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The columns of a record type's sheet; personal fields only when the export includes them. */
export function recordColumns(type: RecordTypeName, data: Pick<ExportData, 'names' | 'personal'>): RecordColumn[] {
  const def = RECORD_TYPES[type];
  const nameOf = (id: string): string => data.names.get(id) ?? '(a record no longer in the workbook)';
  // The naming field first; a type printed as a plain table keeps the printed table's order instead,
  // so the review log reads by date ("Reviewed on" frozen at the left), as in the document.
  const lead = def.print?.printer === undefined && def.print?.columns ? def.print.columns : [def.titleField];
  const fields = [...lead.flatMap((name) => def.fields.filter((f) => f.name === name)), ...def.fields.filter((f) => !lead.includes(f.name))];
  const columns: RecordColumn[] = [];
  // Ids are for matching rows, not for reading: they go after everything that prints.
  const idColumns: RecordColumn[] = [];
  for (const field of fields) {
    if ((field.personal || field.specialCategory) && !data.personal) continue;
    const name = field.name;
    switch (field.kind) {
      case 'text':
      case 'longText':
        columns.push({ header: field.label, kind: field.kind, value: (r) => cellText(r[name]) });
        break;
      case 'date':
        columns.push({ header: field.label, kind: 'date', value: (r) => calendarDate(r[name]) });
        break;
      case 'integer':
        // A number that never reaches five digits (a year) reads without a thousands separator.
        columns.push({ header: field.label, kind: 'integer', value: (r) => integer(r[name]), ...(field.max !== undefined && field.max < 10_000 ? { numFmt: '0' } : {}) });
        break;
      case 'enum': {
        const vocabulary = field.vocabulary ?? [];
        columns.push({ header: field.label, kind: 'enum', choices: choicesOf(field.label, vocabulary), value: (r) => cellText(labelOf(vocabulary, r[name] as string | null)) });
        break;
      }
      case 'enumList': {
        const vocabulary = field.vocabulary ?? [];
        columns.push({ header: field.label, kind: 'enumList', choices: choicesOf(field.label, vocabulary), value: (r) => cellText(ids(r[name]).map((id) => labelOf(vocabulary, id)).join('; ')) });
        break;
      }
      case 'ref':
        columns.push({ header: field.label, kind: 'text', value: (r) => (typeof r[name] === 'string' ? cellText(nameOf(r[name])) : null) });
        idColumns.push({ header: `${field.label} (id)`, kind: 'id', value: (r) => (typeof r[name] === 'string' ? cellText(r[name]) : null) });
        break;
      case 'codeList':
        columns.push({ header: field.label, kind: 'longText', value: (r) => cellText(ids(r[name]).join(', ')) });
        break;
      case 'boolean':
        columns.push({ header: field.label, kind: 'enum', choices: YES_NO, value: (r) => (r[name] === true ? 'Yes' : 'No') });
        break;
      case 'checklist':
        // Each check is two columns, its result and its note, so the check can be filtered and sorted point by point.
        for (const check of field.checks ?? []) {
          const result = (r: RecordValues) => ((r[name] ?? {}) as Record<string, { pass?: unknown; note?: unknown } | undefined>)[check.id];
          columns.push({ header: check.label, kind: 'enum', choices: CHECK_RESULTS_CHOICES, value: (r) => checkLabel(result(r)?.pass) });
          columns.push({ header: `${check.label}: note`, kind: 'longText', value: (r) => cellText(result(r)?.note ?? '') });
        }
        break;
    }
  }
  for (const link of def.links) {
    columns.push({ header: link.label, kind: 'longText', value: (r) => cellText(ids(r[link.name]).map(nameOf).join('; ')) });
    idColumns.push({ header: `${link.label} (ids)`, kind: 'id', value: (r) => cellText(ids(r[link.name]).join('; ')) });
  }
  columns.push(
    { header: 'Last reviewed', kind: 'date', value: (r) => calendarDate(r.reviewedAt) },
    { header: 'Shareable', kind: 'enum', choices: YES_NO, value: (r) => (r.shareable ? 'Yes' : 'No') },
    { header: 'Notes', kind: 'longText', value: (r) => cellText(r.notes) },
    { header: 'Last changed', kind: 'date', value: (r) => ukDay(r.updatedAt) },
    ...idColumns,
    { header: 'Record id', kind: 'id', value: (r) => cellText(r.id) },
  );
  return columns;
}

/** Where each drop-down's choices live: one column each of a hidden "Lists" sheet, written last. */
export class ChoiceLists {
  private readonly columns = new Map<Choices, number>();
  static readonly SHEET = 'Lists';

  /** The absolute range holding `choices`, for a list validation's formula. */
  rangeOf(choices: Choices): string {
    let column = this.columns.get(choices);
    if (column === undefined) {
      column = this.columns.size + 1;
      this.columns.set(choices, column);
    }
    const letter = columnLetter(column);
    return `${ChoiceLists.SHEET}!$${letter}$2:$${letter}$${choices.labels.length + 1}`;
  }

  get empty(): boolean {
    return this.columns.size === 0;
  }

  /** Writes the lists (each headed by what it lists) to a hidden sheet. */
  write(workbook: ExcelJS.Workbook, marking: string): ExcelJS.Worksheet {
    const sheet = addMarkedSheet(workbook, ChoiceLists.SHEET, marking, { frozen: { rows: 1, columns: 0 }, hidden: true });
    for (const [choices, column] of this.columns) {
      const header = sheet.getCell(1, column);
      header.value = cellText(choices.title);
      styleHeaderCell(header);
      choices.labels.forEach((label, index) => {
        sheet.getCell(index + 2, column).value = cellText(label);
      });
      sheet.getColumn(column).width = Math.min(60, Math.max(12, ...choices.labels.map((l) => l.length + 2)));
    }
    return sheet;
  }
}

/** A column's letters (1-based). */
export const columnLetter = columnName;

/** An input message with no rule: ExcelJS writes it (type "any"), though its types leave it out. */
interface PromptOnly {
  type: 'any';
  allowBlank: true;
  showInputMessage: true;
  promptTitle: string;
  prompt: string;
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation | PromptOnly): void;
}

/** The header row, under the marking's row. */
export const HEADER_ROW = 2;
/** Excel's last row: drop-downs reach it, so a row a planner adds anywhere has them too. */
const EXCEL_MAX_ROWS = 1_048_576;

/** Each kind of column's width limits, in characters; ids are for matching rows, so stay narrow. */
const WIDTH_LIMITS: Record<ColumnKind, [number, number]> = {
  text: [10, 32],
  longText: [16, 50],
  date: [12, 12],
  integer: [10, 16],
  enum: [12, 28],
  enumList: [14, 36],
  id: [13, 13],
};

const wraps = (kind: ColumnKind): boolean => kind === 'text' || kind === 'longText' || kind === 'enum' || kind === 'enumList';

/** A note holds at most this much; longer text is in its cell in full (to Excel's own limit). */
const NOTE_LIMIT = 32_000;

/** Writes `records` to a new sheet `name` with `columns`. */
export function writeRecordSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly RecordColumn[], records: readonly RecordValues[], marking: string, lists: ChoiceLists): ExcelJS.Worksheet {
  const sheet = addMarkedSheet(workbook, name, marking, { frozen: { rows: HEADER_ROW, columns: 1 }, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  const tracker = new WidthTracker();
  const rows = records.map((record) =>
    columns.map((column, index) => {
      const value = column.value(record);
      tracker.see(index + 1, value);
      return value ?? undefined;
    }),
  );

  const widths: number[] = [];
  const wrapWidths: Array<number | undefined> = [];
  columns.forEach((column, index) => {
    const [min, max] = WIDTH_LIMITS[column.kind];
    const width = tracker.width(index + 1, column.header, min, max);
    widths[index + 1] = width;
    wrapWidths[index + 1] = wraps(column.kind) ? width : undefined;
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = width;
    if (column.kind === 'date') sheetColumn.numFmt = DATE_FORMAT;
    if (column.kind === 'integer') sheetColumn.numFmt = column.numFmt ?? '#,##0';
    if (column.kind === 'id') sheetColumn.font = ID_FONT;
    sheetColumn.alignment = wraps(column.kind) ? WRAP_TOP : TOP_LEFT;
  });
  const printed = columns.findIndex((column) => column.kind === 'id');
  const lastPrinted = printed < 0 ? columns.length : Math.max(1, printed);

  addMarkingRow(sheet, marking);
  const headers = columns.map((c) => cellText(c.header));
  const header = sheet.addRow(headers);
  header.eachCell((cell) => styleHeaderCell(cell));
  fitRowHeight(header, headers, widths, true);
  // One style object per column, shared by its cells: ExcelJS then resolves each style once
  // rather than once per cell (a third of the time for 20,000 rows). Nothing changes them later.
  const columnStyles = columns.map((_, index) => ({ ...sheet.getColumn(index + 1).style }));
  // The same, held as text, for a value that starts like a formula.
  const quotedStyles = columnStyles.map((style) => ({ ...style, numFmt: TEXT_FORMAT }));
  let notes = false;
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell, column) => {
      cell.style = typeof cell.value === 'string' && startsLikeFormula(cell.value) ? quotedStyles[column - 1]! : columnStyles[column - 1]!;
    });
    // Text taller than a row can be is kept whole in its cell, and shown whole in a note.
    for (const column of fitRowHeight(row, values, wrapWidths)) {
      const text = values[column - 1];
      if (typeof text !== 'string') continue;
      row.getCell(column).note = text.length > NOTE_LIMIT ? `${text.slice(0, NOTE_LIMIT)} …` : text;
      notes = true;
    }
    // Written out now (with the rows above it): the sheet does not hold 20,000 rows' cells to the end.
    row.commit();
  }
  if (notes) sheet.pageSetup.cellComments = 'atEnd';

  const lastRow = records.length + HEADER_ROW;
  sheet.autoFilter = `A${HEADER_ROW}:${columnLetter(columns.length)}${lastRow}`;
  fitPrintWidth(sheet, widths, lastPrinted, lastRow);
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  columns.forEach((column, index) => {
    if (!column.choices) return;
    const letter = columnLetter(index + 1);
    const range = `${letter}${HEADER_ROW + 1}:${letter}${EXCEL_MAX_ROWS}`;
    const title = column.header.slice(0, 32);
    const labels = column.choices.labels.join('; ');
    // Several choices may be given in one cell, so a list that accepts one would refuse them: a prompt guides instead.
    validations.add(
      range,
      column.kind === 'enumList'
        ? { type: 'any', allowBlank: true, showInputMessage: true, promptTitle: title, prompt: `One or more of: ${labels}. Separate several with "; ".`.slice(0, 255) }
        : { type: 'list', allowBlank: true, formulae: [lists.rangeOf(column.choices)], showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Not in the list', error: `Choose ${column.header.toLowerCase()} from the list.` },
    );
  });
  return sheet;
}
