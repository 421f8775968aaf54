// Checks every worksheet record's stored values against the contract's schema for its type
// (shared/api/records.ts, built from the descriptors), one row at a time, and works out for each
// bad value whether and how it can be repaired.
import type { z } from 'zod';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { labelOf } from '../../../shared/domain/vocabularies.ts';
import { recordSchema } from '../../../shared/api/records.ts';
import type { ReadDb } from './open-database.ts';
import { NOW, cleanText, count, describeText, fix, plural, printable, quoted, statement, type Emit, type Fix, type ProblemPlace } from './value-problem.ts';


/** As shared/api/records.ts allows: links per record, and the limit on text without its own. */
const MAX_LINKS = 10_000;
const DEFAULT_TEXT_MAX = 1000;
const NOTES_MAX = 10_000;
/** As CheckResultSchema allows for the note of one check. */
const CHECK_NOTE_MAX = 2000;

const COMMON: ReadonlyArray<{ name: string; column: string; label: string }> = [
  { name: 'id', column: 'id', label: 'Id' },
  { name: 'createdAt', column: 'created_at', label: 'Created' },
  { name: 'updatedAt', column: 'updated_at', label: 'Last changed' },
  { name: 'reviewedAt', column: 'reviewed_at', label: 'Last reviewed' },
  { name: 'shareable', column: 'shareable', label: 'Goes into share copies' },
  { name: 'notes', column: 'notes', label: 'Notes' },
];

interface Repair {
  repair: string;
  fix: Fix;
}

function parseList(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A column's value as the API carries it: lists and checklists parsed, marks as true or false, the rest exactly as stored. */
function valueOf(field: FieldDef, raw: unknown): unknown {
  if (field.kind === 'boolean') return raw === 1 ? true : raw === 0 ? false : raw;
  return field.kind === 'enumList' || field.kind === 'codeList' || field.kind === 'checklist' ? parseList(raw) : raw;
}

/** What is wrong with a stored checklist: the first check that is missing, unknown or badly formed. */
function describeChecklist(field: FieldDef, value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a set of check results';
  const checks = field.checks ?? [];
  const held = value as Record<string, unknown>;
  const extra = Object.keys(held).find((key) => !checks.some((check) => check.id === key));
  if (extra !== undefined) return `holds a result for ${quoted(extra)}, which is not one of the checks`;
  for (const check of checks) {
    const result = held[check.id];
    if (typeof result !== 'object' || result === null || Array.isArray(result)) return `has no result for “${check.label}”`;
    const { pass, note } = result as { pass?: unknown; note?: unknown };
    if (pass !== null && typeof pass !== 'boolean') return `says ${quoted(pass)} for “${check.label}” (it should be pass, not yet or not checked)`;
    if (typeof note !== 'string') return `has no note for “${check.label}”`;
    const problem = describeText(note, CHECK_NOTE_MAX, false);
    if (problem) return `has a note for “${check.label}” that ${problem}`;
    if (Object.keys(result).length !== 2) return `holds more than a result and a note for “${check.label}”`;
  }
  return 'is not a set of check results';
}

/** The checklist with every result that can be read kept (notes tidied) and the rest set to not checked. */
function repairedChecklist(field: FieldDef, value: unknown): Record<string, { pass: boolean | null; note: string }> {
  const held = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(
    (field.checks ?? []).map((check) => {
      const result = (typeof held[check.id] === 'object' && held[check.id] !== null ? held[check.id] : {}) as { pass?: unknown; note?: unknown };
      return [check.id, { pass: typeof result.pass === 'boolean' ? result.pass : null, note: typeof result.note === 'string' ? cleanText(result.note, CHECK_NOTE_MAX) : '' }];
    }),
  );
}

function describeField(field: FieldDef, value: unknown, fallback: string): string {
  // Personal values are never quoted back: the report may be shown or pasted anywhere.
  const show = (v: unknown) => (field.personal ? 'the value' : quoted(v));
  switch (field.kind) {
    case 'text':
    case 'longText':
      return describeText(value, field.max ?? DEFAULT_TEXT_MAX, Boolean(field.required)) ?? fallback;
    case 'date':
      return `${show(value)} is not a date (dates are written YYYY-MM-DD, for example 2027-03-31)`;
    case 'enum':
      return `${show(value)} is not one of the choices`;
    case 'integer':
      return `${show(value)} is not a whole number from 0 to 100,000,000`;
    case 'ref':
      return `${show(value)} is not a valid id`;
    case 'boolean':
      return `${show(value)} is not yes or no`;
    case 'checklist':
      return describeChecklist(field, value);
    case 'enumList':
    case 'codeList': {
      if (!Array.isArray(value)) return 'is not a list';
      const unknown = value.filter((item) => !itemAllowed(field, item));
      if (unknown.length > 0) return `holds ${unknown.length === 1 ? show(unknown[0]) : plural(unknown.length, 'value')}${unknown.length === 1 ? ', which is' : ' that are'} not ${field.kind === 'codeList' ? 'a valid code' : 'among the choices'}`;
      if (new Set(value).size !== value.length) return 'lists the same value more than once';
      return `holds ${count(value.length)} values (at most ${count(MAX_LINKS)})`;
    }
  }
}

function itemAllowed(field: FieldDef, item: unknown): boolean {
  if (typeof item !== 'string') return false;
  if (field.kind === 'enumList') return (field.vocabulary ?? []).some((v) => v.id === item);
  return field.codePattern ? field.codePattern.test(item) : item.length <= 20;
}

/** A value of the field's vocabulary that means "not known", for a required choice that is broken. */
function neutralChoice(field: FieldDef): string | null {
  const ids = (field.vocabulary ?? []).map((item) => item.id);
  return ids.find((id) => id === 'unknown') ?? ids.find((id) => id === 'other') ?? null;
}

function setColumn(def: RecordTypeDef, column: string, id: string, value: unknown): Fix {
  return fix([statement(`UPDATE ${def.table} SET ${column} = ? WHERE id = ?`, value, id)]);
}

function repairField(def: RecordTypeDef, field: FieldDef, id: string, value: unknown): Repair | null {
  const set = (v: unknown) => setColumn(def, field.column, id, v);
  switch (field.kind) {
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return null;
      const max = field.max ?? DEFAULT_TEXT_MAX;
      let clean = cleanText(value, max);
      const unprintable = cleanText(value, Number.POSITIVE_INFINITY) !== value;
      const what = [value.length > max ? `cut it to ${count(max)} characters` : '', unprintable ? 'remove the characters that cannot be printed' : ''].filter(Boolean);
      if (field.required && clean.trim() === '') {
        clean = 'To be filled in';
        what.push('write “To be filled in” in it');
      }
      return { repair: `${capitalise(what.join(' and ') || 'tidy it')}`, fix: set(clean) };
    }
    case 'enumList':
    case 'codeList': {
      const items = Array.isArray(value) ? value : [];
      // Codes typed in lower case or with spaces are kept, put right; anything else is dropped.
      const tidy = items.map((item) => (field.kind === 'codeList' && typeof item === 'string' ? item.trim().toUpperCase() : item));
      const kept = [...new Set(tidy.filter((item) => itemAllowed(field, item)))].slice(0, MAX_LINKS) as string[];
      const dropped = items.length - kept.length;
      const recased = items.filter((item, i) => item !== tidy[i] && itemAllowed(field, tidy[i])).length;
      const what = [dropped > 0 ? `drop ${plural(dropped, 'value')} from the list` : '', recased > 0 ? `write ${plural(recased, 'code')} in capitals` : ''].filter(Boolean).join(' and ');
      return { repair: capitalise(what || 'put the list in order'), fix: set(JSON.stringify(kept)) };
    }
    case 'boolean':
      return { repair: 'Set it to no', fix: set(0) };
    case 'checklist':
      return { repair: 'Keep the results that can be read and set the rest to not checked', fix: set(JSON.stringify(repairedChecklist(field, value))) };
    case 'enum': {
      if (!field.required) return { repair: 'Clear it', fix: set(null) };
      const neutral = neutralChoice(field);
      return neutral ? { repair: `Set it to “${labelOf(field.vocabulary ?? [], neutral)}”`, fix: set(neutral) } : null;
    }
    default:
      return field.required ? null : { repair: 'Clear it', fix: set(null) };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function repairCommon(def: RecordTypeDef, name: string, column: string, id: string, value: unknown): Repair | null {
  const set = (v: unknown) => setColumn(def, column, id, v);
  switch (name) {
    case 'createdAt':
    case 'updatedAt':
      return { repair: 'Set it to the time of the repair', fix: set(NOW) };
    case 'reviewedAt':
      return { repair: 'Clear it', fix: set(null) };
    case 'shareable':
      return { repair: 'Set it to yes', fix: set(1) };
    case 'notes':
      return typeof value === 'string' ? { repair: value.length > NOTES_MAX ? `Cut it to ${count(NOTES_MAX)} characters` : 'Remove the characters that cannot be printed', fix: set(cleanText(value, NOTES_MAX)) } : null;
    default:
      return null;
  }
}

/** Every statement that moves record `from` of `type` to the id `to`, with every pointer and link to it. */
export function renameRecordStatements(type: RecordTypeName, from: string, to: string): Fix {
  const statements = [statement(`UPDATE ${RECORD_TYPES[type].table} SET id = ? WHERE id = ?`, to, from)];
  for (const otherName of RECORD_TYPE_NAMES) {
    const other = RECORD_TYPES[otherName];
    for (const field of other.fields) {
      if (field.kind === 'ref' && field.target === type) statements.push(statement(`UPDATE ${other.table} SET ${field.column} = ? WHERE ${field.column} = ?`, to, from));
    }
    for (const link of other.links) {
      if (otherName === type) statements.push(statement(`UPDATE ${link.table} SET owner_id = ? WHERE owner_id = ?`, to, from));
      if (link.target === type) statements.push(statement(`UPDATE ${link.table} SET target_id = ? WHERE target_id = ?`, to, from));
    }
  }
  if (type === 'audience') statements.push(statement('UPDATE evidence_link SET audience_id = ? WHERE audience_id = ?', to, from));
  if (type === 'area') statements.push(statement('UPDATE evidence_link SET area_id = ? WHERE area_id = ?', to, from));
  if (type === 'audience') statements.push(statement('UPDATE receptivity SET audience_id = ? WHERE audience_id = ?', to, from));
  if (type === 'channel') statements.push(statement('UPDATE receptivity SET channel_id = ? WHERE channel_id = ?', to, from));
  statements.push(statement('UPDATE change_log SET record_id = ? WHERE record_type = ? AND record_id = ?', to, type, from));
  return fix(statements, 2);
}

/** Ids with capital letters, and whether the lower-case id is taken by another record already. */
function upperCaseIds(db: ReadDb, table: string): Map<string, boolean> {
  const rows = db.prepare(`SELECT t.id AS id, EXISTS (SELECT 1 FROM ${table} u WHERE u.id = lower(t.id)) AS clash FROM ${table} t WHERE t.id <> lower(t.id)`).all() as Array<{ id: string; clash: number }>;
  return new Map(rows.map((row) => [row.id, row.clash === 1]));
}

const rowSchemas = new Map<RecordTypeName, z.ZodObject>();

/** The contract's schema of a whole record, less its links (those live in their own tables). */
function rowSchemaOf(type: RecordTypeName): z.ZodObject {
  let schema = rowSchemas.get(type);
  if (!schema) {
    const links = Object.fromEntries(RECORD_TYPES[type].links.map((link) => [link.name, true as const]));
    schema = recordSchema(type).omit(links as never) as unknown as z.ZodObject;
    rowSchemas.set(type, schema);
  }
  return schema;
}

function checkRows(db: ReadDb, type: RecordTypeName, emit: Emit): void {
  const def = RECORD_TYPES[type];
  const schema = rowSchemaOf(type);
  const titleColumn = def.fields.find((f) => f.name === def.titleField)?.column ?? 'id';
  const upper = upperCaseIds(db, def.table);
  // Columns in a known order, rows as arrays: no object per row from SQLite, one for zod.
  const columns = [...COMMON.map((c) => c.column), ...def.fields.map((f) => f.column)];
  const titleAt = columns.indexOf(titleColumn);
  const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${def.table}`).raw();
  for (const cells of rows.iterate() as Iterable<unknown[]>) {
    const id = String(cells[0]);
    const values: Record<string, unknown> = {};
    COMMON.forEach((common, at) => {
      const raw = cells[at];
      values[common.name] = common.name === 'shareable' ? (raw === 1 ? true : raw === 0 ? false : raw) : raw;
    });
    def.fields.forEach((field, at) => {
      values[field.name] = valueOf(field, cells[COMMON.length + at]);
    });
    // One parse of the whole row: most rows are sound, and only a failing one is looked at field by field.
    const parsed = schema.safeParse(values);
    const clash = upper.get(id);
    if (parsed.success && clash === undefined) continue;
    const place: ProblemPlace = { recordType: type, recordLabel: def.label, recordId: id, title: printable(cells[titleAt]) || `(untitled ${def.label.toLowerCase()})` };
    const bad = new Map<string, string>();
    for (const issue of parsed.error?.issues ?? []) {
      const name = String(issue.path[0] ?? '');
      if (!bad.has(name)) bad.set(name, issue.message);
    }
    for (const common of COMMON) {
      const zodMessage = bad.get(common.name);
      if (zodMessage === undefined) continue;
      const value = values[common.name];
      const message = common.name === 'notes' ? (describeText(value, NOTES_MAX, false) ?? zodMessage) : `${quoted(value)} is not valid here (${zodMessage})`;
      const repair = repairCommon(def, common.name, common.column, id, value);
      emit({ ...place, field: common.name, fieldLabel: common.label, message, repair: repair?.repair ?? null, fix: repair?.fix ?? null });
    }
    if (clash !== undefined && !bad.has('id')) {
      emit({
        ...place,
        field: 'id',
        fieldLabel: 'Id',
        message: clash ? 'has capital letters, and another record has the same id in lower case (the file holds the same record twice)' : 'has capital letters (ids are lower case)',
        repair: clash ? null : 'Write the id in lower case, and every link to the record with it',
        fix: clash ? null : renameRecordStatements(type, id, id.toLowerCase()),
      });
    }
    for (const field of def.fields) {
      const zodMessage = bad.get(field.name);
      if (zodMessage === undefined) continue;
      const value = values[field.name];
      const repair = repairField(def, field, id, value);
      emit({ ...place, field: field.name, fieldLabel: field.label, message: describeField(field, value, zodMessage), repair: repair?.repair ?? null, fix: repair?.fix ?? null });
    }
  }
  for (const link of def.links) {
    const crowded = db.prepare(`SELECT owner_id AS id, count(*) AS n FROM ${link.table} GROUP BY owner_id HAVING n > ?`).all(MAX_LINKS) as Array<{ id: string; n: number }>;
    for (const { id, n } of crowded) {
      const title = db.prepare(`SELECT substr(${titleColumn}, 1, 400) FROM ${def.table} WHERE id = ?`).pluck().get(id);
      emit({
        recordType: type,
        recordLabel: def.label,
        recordId: id,
        title: printable(title) || `(untitled ${def.label.toLowerCase()})`,
        field: link.name,
        fieldLabel: link.label,
        message: `links to ${count(n)} ${RECORD_TYPES[link.target].plural.toLowerCase()} (at most ${count(MAX_LINKS)})`,
        repair: `Keep the first ${count(MAX_LINKS)} links`,
        fix: fix([statement(`DELETE FROM ${link.table} WHERE owner_id = ? AND rowid NOT IN (SELECT rowid FROM ${link.table} WHERE owner_id = ? ORDER BY rowid LIMIT ?)`, id, id, MAX_LINKS)]),
      });
    }
  }
}

/** Checks every record of every type, streaming the rows. */
export function checkRecordValues(db: ReadDb, emit: Emit): void {
  for (const type of RECORD_TYPE_NAMES) checkRows(db, type, emit);
}
