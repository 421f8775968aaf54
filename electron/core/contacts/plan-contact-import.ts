// Works out what a contact list would do to a workbook, before anything is written: each row
// becomes a new partner or asset, is merged into one already there (the same organisation or name,
// or the same email, case and spacing ignored — a row repeated within the list merges into the
// first), or is skipped with the reason. Values the app cannot use (a sector it does not know, a
// date that does not exist, an e-mail address or phone number that cannot be right) refuse the whole
// list, naming each row and column (the first 25), so nothing is half imported and the list
// can be put right in one go.
import { RECORD_TYPES, type FieldDef } from '../../../shared/domain/record-types.ts';
import { CONTACT_DEFAULTS, CONTACT_FIELDS, CONTACT_NAME_FIELD, type ContactTarget } from '../../../shared/api/contacts.ts';
import { entryProblems, recordInputSchema, type RecordValues } from '../../../shared/api/records.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import type { ProgressReporter } from '../jobs/job-progress.ts';
import { columnIndex, TableLocator } from '../imports/import-mapped-table.ts';
import type { SheetData, TabularData } from '../imports/parse-tabular.ts';
import { countRecordsOf, listRecords, titleOf } from '../records/record-store.ts';

/** A new record the list adds, with the row it came from. */
export interface PlannedRecord {
  row: number;
  /** The record's values, defaults included. */
  values: Record<string, unknown>;
  /** Only what the row itself said (so a later row can still fill in what was defaulted). */
  given: Record<string, unknown>;
}

/** Fields a row fills in on a record already in the workbook (or added by an earlier row). */
export interface PlannedMerge {
  row: number;
  name: string;
  /** The record merged into: an existing one by id, or a new one by its place in `adds`. */
  into: { existing: RecordValues } | { added: number };
  intoName: string;
  changes: Record<string, unknown>;
}

export interface ContactPlan {
  target: ContactTarget;
  adds: PlannedRecord[];
  merges: PlannedMerge[];
  skips: Array<{ row: number; reason: string }>;
}

/** Names and emails compared without case or spacing: "Age UK " and "ageuk" are the same. */
export function sameKey(text: unknown): string {
  return typeof text === 'string' ? text.normalize('NFKC').toLowerCase().replace(/\s+/g, '') : '';
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date as lists hold it: 2026-03-01 (as Excel's dates arrive), or 1/3/2026 the UK way round. */
function readDate(text: string): string | null {
  const match = ISO.exec(text) ?? UK.exec(text);
  if (!match) return null;
  const [year, month, day] = ISO.test(text) ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A choice by its id or its label, case and spacing ignored. */
function readChoice(field: FieldDef, text: string): string | null {
  const key = sameKey(text);
  const item = (field.vocabulary ?? []).find((choice) => sameKey(choice.id) === key || sameKey(choice.label) === key);
  return item?.id ?? null;
}

interface MappedColumn {
  field: FieldDef | 'notes';
  name: string;
  column: string;
  at: number;
}

/** The columns chosen, checked: fields of this kind of list, each once, each column once, the name among them. */
function mappedColumns(data: TabularData, sheet: SheetData, target: ContactTarget, columns: ReadonlyArray<{ field: string; column: string }>): MappedColumn[] {
  const def = RECORD_TYPES[target];
  const nameField = CONTACT_NAME_FIELD[target];
  const fields = new Set<string>();
  const used = new Map<string, string>();
  const label = (name: string) => (name === 'notes' ? 'Notes' : (def.fields.find((f) => f.name === name)?.label ?? name));
  const mapped: MappedColumn[] = [];
  for (const { field, column } of columns) {
    if (!CONTACT_FIELDS[target].includes(field)) throw new AppError('invalid-input', `A list of ${def.plural.toLowerCase()} has no field "${field}" to fill. Nothing was imported.`, { [field]: 'Not a field of this list' });
    if (fields.has(field)) throw new AppError('invalid-input', `Two columns are chosen for ${label(field)}. Choose one. Nothing was imported.`, { [field]: 'Chosen twice' });
    const earlier = used.get(column);
    if (earlier !== undefined) throw new AppError('invalid-input', `The column "${column}" is chosen both for ${label(earlier)} and for ${label(field)}. Each column can fill one field. Nothing was imported.`, { [field]: `"${column}" already fills ${label(earlier)}` });
    fields.add(field);
    used.set(column, field);
    const fieldDef = field === 'notes' ? 'notes' : def.fields.find((f) => f.name === field)!;
    mapped.push({ field: fieldDef, name: field, column, at: columnIndex(data, sheet, column, label(field).toLowerCase()) });
  }
  if (!fields.has(nameField)) {
    throw new AppError('invalid-input', `Choose the column that holds each ${def.label.toLowerCase()}'s ${label(nameField).toLowerCase()}: it is how the list is matched with what the workbook holds. Nothing was imported.`, { [nameField]: `Choose the column with the ${label(nameField).toLowerCase()}` });
  }
  return mapped;
}

/** A value a row holds that the app cannot use: where it is, and why. */
interface RowProblem {
  row: number;
  column: string | undefined;
  reason: string;
}

/** One row's values, read and checked; a value that cannot be used is left out and its problem noted. */
function readRow(target: ContactTarget, row: readonly string[], rowNumber: number, columns: readonly MappedColumn[], problems: RowProblem[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const refuse = (mapped: MappedColumn, reason: string) => problems.push({ row: rowNumber, column: mapped.column, reason });
  for (const mapped of columns) {
    const text = (row[mapped.at] ?? '').trim();
    if (text === '') continue;
    if (mapped.field === 'notes') {
      values.notes = text;
      continue;
    }
    const field = mapped.field;
    if (field.kind === 'enum') {
      const id = readChoice(field, text);
      if (id === null) {
        const choices = (field.vocabulary ?? []).map((item) => item.label).join(', ');
        refuse(mapped, `"${text}" is not a ${field.label.toLowerCase()} the workbook knows; use one of: ${choices}`);
      } else values[field.name] = id;
    } else if (field.kind === 'date') {
      const date = readDate(text);
      if (date === null) refuse(mapped, `"${text}" is not a date; write it as 31/03/2026 or 2026-03-31`);
      else values[field.name] = date;
    } else {
      values[field.name] = text;
    }
  }
  // The checks a planner's typing gets (e-mail addresses, phone numbers), so an import is held to the same.
  for (const [name, problem] of Object.entries(entryProblems(target, values))) {
    const mapped = columns.find((c) => c.name === name);
    if (mapped) refuse(mapped, problem);
    delete values[name];
  }
  return values;
}

/** The row's values as a whole new record would have them: defaults for required choices, checked against the record's schema (null, with the problem noted, when they fail). */
function completeRecord(target: ContactTarget, values: Record<string, unknown>, rowNumber: number, columns: readonly MappedColumn[], problems: RowProblem[]): Record<string, unknown> | null {
  const complete = { ...CONTACT_DEFAULTS[target], ...values };
  const parsed = recordInputSchema(target).safeParse(complete);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '');
    const column = columns.find((c) => c.name === name)?.column;
    const label = name === 'notes' ? 'notes' : (RECORD_TYPES[target].fields.find((f) => f.name === name)?.label.toLowerCase() ?? name);
    problems.push({ row: rowNumber, column, reason: `the ${label} cannot be used (${issue.message})` });
    return null;
  }
  return parsed.data as Record<string, unknown>;
}

/** How many of a list's problems a refusal names: enough to put a list right, not a wall of text. */
const PROBLEMS_LISTED = 25;

/** One refusal naming every row that cannot be used (the first PROBLEMS_LISTED of them), one a line. */
function refuseRows(data: TabularData, sheet: SheetData, problems: readonly RowProblem[], rowsWithProblems: number): AppError {
  const row = data.kind === 'csv' ? 'Line' : 'Row';
  const lines = problems.slice(0, PROBLEMS_LISTED).map((p) => `${row} ${p.row}${p.column === undefined ? '' : `, column "${p.column}"`}: ${p.reason}.`);
  const more = problems.length - lines.length;
  const count = rowsWithProblems === 1 ? '1 row' : `${formatCount(rowsWithProblems)} rows`;
  return new AppError(
    'invalid-input',
    [
      `"${data.fileName}"${data.kind === 'csv' ? '' : ` (sheet "${sheet.name}")`} has ${count} with values the workbook cannot use. Put ${rowsWithProblems === 1 ? 'it' : 'them'} right in the list (or leave the column out) and check it again. Nothing was imported.`,
      ...lines,
      ...(more > 0 ? [`… and ${formatCount(more)} more.`] : []),
    ].join('\n'),
  );
}

/** What importing `sheet` of `data` as `target` would do to the workbook `db`. */
export function planContactImport(db: ReadDb, data: TabularData, sheet: SheetData, target: ContactTarget, columnChoices: ReadonlyArray<{ field: string; column: string }>, report: ProgressReporter = () => {}): ContactPlan {
  const def = RECORD_TYPES[target];
  const columns = mappedColumns(data, sheet, target, columnChoices);
  const locator = new TableLocator(data, sheet);
  const nameField = CONTACT_NAME_FIELD[target];
  if (sheet.rowCount > LIMITS.recordsPerType) throw locator.refuse(sheet.rowNumbers.at(-1) ?? sheet.headerRow, undefined, `the list has more than ${formatCount(LIMITS.recordsPerType)} rows, more than a workbook holds`);

  const existing = listRecords(db, target);
  const byName = new Map<string, { existing: RecordValues } | { added: number }>();
  const byEmail = new Map<string, { existing: RecordValues } | { added: number }>();
  for (const record of existing) {
    const key = sameKey(record[nameField]);
    if (key && !byName.has(key)) byName.set(key, { existing: record });
    const email = sameKey(record.email);
    if (email && !byEmail.has(email)) byEmail.set(email, { existing: record });
  }

  const plan: ContactPlan = { target, adds: [], merges: [], skips: [] };
  // What earlier rows have filled in on each record, by record: an existing one's id or a new one's place.
  const filled = new Map<string, Record<string, unknown>>();
  const keyOf = (into: PlannedMerge['into']) => ('existing' in into ? `existing:${into.existing.id}` : `added:${into.added}`);
  const labelOf = (name: string) => (name === 'notes' ? 'Notes' : (def.fields.find((f) => f.name === name)?.label ?? name));
  const problems: RowProblem[] = [];
  const rowsWithProblems = new Set<number>();
  const total = sheet.rows.length;
  sheet.rows.forEach((row, index) => {
    if (index % 500 === 0) report({ stage: 'Checking the rows', done: index, total });
    const rowNumber = sheet.rowNumbers[index] ?? index + 1;
    const before = problems.length;
    const values = readRow(target, row, rowNumber, columns, problems);
    const name = typeof values[nameField] === 'string' ? (values[nameField] as string) : '';
    if (!name) {
      // A row without a name is skipped whatever else it holds.
      problems.length = before;
      plan.skips.push({ row: rowNumber, reason: `no ${labelOf(nameField).toLowerCase()}` });
      return;
    }
    if (problems.length > before) {
      // A row with a value that cannot be used is not matched or planned: the whole list is refused below.
      rowsWithProblems.add(rowNumber);
      return;
    }
    const match = byName.get(sameKey(name)) ?? (values.email ? byEmail.get(sameKey(values.email)) : undefined);
    if (!match) {
      const complete = completeRecord(target, values, rowNumber, columns, problems);
      if (!complete) {
        rowsWithProblems.add(rowNumber);
        return;
      }
      plan.adds.push({ row: rowNumber, values: complete, given: values });
      const added = { added: plan.adds.length - 1 };
      byName.set(sameKey(name), added);
      if (values.email) byEmail.set(sameKey(values.email), added);
      return;
    }
    // Only empty fields are filled in: what the workbook already says is kept.
    const current = { ...('existing' in match ? match.existing : plan.adds[match.added]!.given), ...filled.get(keyOf(match)) };
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      if (field !== nameField && isEmpty(current[field]) && !isEmpty(value)) changes[field] = value;
    }
    const intoName = titleOf('existing' in match ? match.existing : plan.adds[match.added]!.values, target);
    if (Object.keys(changes).length === 0) {
      plan.skips.push({ row: rowNumber, reason: `${'existing' in match ? 'already in the workbook' : 'repeats an earlier row'} as “${intoName}”, with nothing new` });
      return;
    }
    // The merged record must still be one the app can use (a long phone number refused here, not on saving).
    const whole = { ...('existing' in match ? match.existing : plan.adds[match.added]!.values), ...filled.get(keyOf(match)), ...changes };
    if (!completeRecord(target, editableOf(target, whole), rowNumber, columns, problems)) {
      rowsWithProblems.add(rowNumber);
      return;
    }
    plan.merges.push({ row: rowNumber, name, into: 'existing' in match ? { existing: match.existing } : match, intoName, changes });
    filled.set(keyOf(match), { ...filled.get(keyOf(match)), ...changes });
    if (values.email && !byEmail.has(sameKey(values.email))) byEmail.set(sameKey(values.email), match);
  });
  if (problems.length > 0) throw refuseRows(data, sheet, problems, rowsWithProblems.size);
  report({ stage: 'Checking the rows', done: total, total });
  const room = LIMITS.recordsPerType - countRecordsOf(db, target);
  if (plan.adds.length > room) {
    throw new AppError('invalid-input', `"${data.fileName}" would add ${formatCount(plan.adds.length)} ${def.plural.toLowerCase()}; the workbook has room for ${formatCount(Math.max(0, room))} more (at most ${formatCount(LIMITS.recordsPerType)}). Nothing was imported.`);
  }
  return plan;
}

/** A record's values a new record may be given (no id or times): for checking a merged record whole. */
function editableOf(target: ContactTarget, values: Record<string, unknown>): Record<string, unknown> {
  const def = RECORD_TYPES[target];
  const names = new Set([...def.fields.map((f) => f.name), ...def.links.map((l) => l.name), 'notes', 'shareable', 'reviewedAt']);
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
}
