// Creating, editing and deleting worksheet records: validated against the record type's schema
// and the records they point at, written in one transaction with their change-log entry.
import type { z } from 'zod';
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { labelOf } from '../../../shared/domain/vocabularies.ts';
import { entryProblems, recordChangesSchema, recordInputSchema, type RecordValues } from '../../../shared/api/records.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import { diffFields, type ChangeDraft, type Values } from '../changes/change-log.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { evidenceLinksCiting } from '../evidence/evidence-links.ts';
import { cellsOf } from '../receptivity/receptivity-store.ts';
import { crimeTrendLinksCiting } from '../crime/crime-trend-links.ts';
import { deleteRecordRow, findReferences, getRecord, insertRecord, missingIds, titleOf, updateRecordFields, type DeletionSnapshot } from './record-store.ts';

export type { ChangeContext, DeletionSnapshot };

/** Folds problems inside a list (`lsoaCodes.1`) into the list's own field, naming the item. */
export function foldItemPaths(fields: Record<string, string>): Record<string, string> {
  const folded: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [field, item] = path.split('.');
    const key = field ?? path;
    if (key in folded) continue;
    // A message that names its item (“E0100A123” is not an LSOA code) needs no position.
    folded[key] = item !== undefined && /^\d+$/.test(item) && !message.startsWith('“') ? `${message} (item ${Number(item) + 1})` : message;
  }
  return folded;
}

/** "a place", "an area", "an objective". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function invalid(type: RecordTypeName, raw: Record<string, string>): AppError {
  const def = RECORD_TYPES[type];
  const fields = foldItemPaths(raw);
  const [field, message] = Object.entries(fields)[0] ?? ['', 'is not valid'];
  const label = def.fields.find((f) => f.name === field)?.label ?? def.links.find((l) => l.name === field)?.label ?? field;
  return new AppError('invalid-input', `The ${def.label.toLowerCase()} was not saved: ${label}: ${message}`, fields);
}

function parseOrThrow(type: RecordTypeName, schema: z.ZodObject, values: unknown): Record<string, unknown> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw invalid(type, fieldsFromIssues(parsed.error.issues));
  return parsed.data as Record<string, unknown>;
}

/** Refs and links must point at records that exist; an area may not sit inside itself. */
function checkTargets(db: WriteDb, type: RecordTypeName, id: string, values: Record<string, unknown>): void {
  const def = RECORD_TYPES[type];
  const fields: Record<string, string> = {};
  for (const field of def.fields) {
    if (field.kind !== 'ref' || !field.target || !(field.name in values)) continue;
    const target = values[field.name];
    if (typeof target !== 'string') continue;
    if (missingIds(db, field.target, [target]).length > 0) fields[field.name] = `Choose ${withArticle(RECORD_TYPES[field.target].label.toLowerCase())} that exists`;
    else if (field.targetWhere && !targetQualifies(db, field.target, target, field.targetWhere)) fields[field.name] = `Choose ${withArticle(RECORD_TYPES[field.target].label.toLowerCase())} that is ${wordsFor(field.target, field.targetWhere)}`;
    else if (field.target === type && wouldCycle(db, type, field.column, id, target)) fields[field.name] = `${withArticle(def.label.toLowerCase()).replace(/^a/, 'A')} cannot sit inside itself`;
  }
  for (const field of def.fields) {
    if (!field.unique || !(field.name in values) || values[field.name] === null || values[field.name] === '') continue;
    const other = db.prepare(`SELECT id FROM ${def.table} WHERE ${field.column} = ? AND id <> ? LIMIT 1`).pluck().get(values[field.name], id);
    if (other !== undefined) {
      const value = field.vocabulary ? labelOf(field.vocabulary, String(values[field.name])) : String(values[field.name]);
      fields[field.name] = `“${value}” already has ${withArticle(def.label.toLowerCase())}: change that one instead`;
    }
  }
  for (const link of def.links) {
    if (!(link.name in values)) continue;
    const missing = missingIds(db, link.target, values[link.name] as string[]);
    if (missing.length > 0) fields[link.name] = `${missing.length} of the linked ${RECORD_TYPES[link.target].plural.toLowerCase()} no longer exist`;
  }
  if (Object.keys(fields).length > 0) throw invalid(type, fields);
}

/** Whether the record `id` of `type` has one of the values a reference asks of it (an asset that is a group). */
function targetQualifies(db: WriteDb, type: RecordTypeName, id: string, where: { field: string; oneOf: readonly string[] }): boolean {
  const column = RECORD_TYPES[type].fields.find((f) => f.name === where.field)?.column;
  if (!column) return true;
  const value = db.prepare(`SELECT ${column} FROM ${RECORD_TYPES[type].table} WHERE id = ?`).pluck().get(id);
  return typeof value === 'string' && where.oneOf.includes(value);
}

/** "a group" for an asset whose kind must be group: the vocabulary's labels, lower case. */
function wordsFor(type: RecordTypeName, where: { field: string; oneOf: readonly string[] }): string {
  const vocabulary = RECORD_TYPES[type].fields.find((f) => f.name === where.field)?.vocabulary ?? [];
  const labels = where.oneOf.map((id) => (vocabulary.find((item) => item.id === id)?.label ?? id).toLowerCase());
  return labels.map(withArticle).join(' or ');
}

/**
 * True when `parent` is `id` or sits (at any depth) inside it. A recursive query walks every
 * ancestor with no depth limit; UNION (not UNION ALL) ends the walk at a loop already in the file.
 */
function wouldCycle(db: WriteDb, type: RecordTypeName, column: string, id: string, parent: string): boolean {
  const table = RECORD_TYPES[type].table;
  const ancestors = `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT t.${column} FROM ${table} t JOIN up ON t.id = up.id WHERE t.${column} IS NOT NULL)`;
  return db.prepare(`${ancestors} SELECT 1 FROM up WHERE id = ? LIMIT 1`).get(parent, id) !== undefined;
}

/** A new record's values, checked against its type's schema and rules; throws a field-by-field error. */
export function validNewRecord(type: RecordTypeName, input: unknown): Record<string, unknown> {
  const values = parseOrThrow(type, recordInputSchema(type), input);
  const problems = entryProblems(type, values);
  if (Object.keys(problems).length > 0) throw invalid(type, problems);
  return values;
}

/** Inserts checked values as a new record inside a change, and answers the record with its part of the change. */
export function insertNewRecord(db: WriteDb, ctx: ChangeContext, type: RecordTypeName, values: Record<string, unknown>, at: string): { record: RecordValues; change: ChangeDraft } {
  const record = { ...values, id: ctx.newId(), createdAt: at, updatedAt: at } as RecordValues;
  checkTargets(db, type, record.id, record);
  insertRecord(db, type, record);
  return { record, change: { kind: type, recordId: record.id, action: 'create', before: null, after: record } };
}

export function createRecord(db: WriteDb, ctx: ChangeContext, type: RecordTypeName, input: unknown): RecordValues {
  const values = validNewRecord(type, input);
  return writeChange(db, ctx, ({ at }) => {
    const { record, change } = insertNewRecord(db, ctx, type, values, at);
    return { result: record, change };
  }).result;
}

export function updateRecord(db: WriteDb, ctx: ChangeContext, type: RecordTypeName, id: string, input: unknown): RecordValues {
  const changes = parseOrThrow(type, recordChangesSchema(type), input);
  const def = RECORD_TYPES[type];
  return writeChange(db, ctx, ({ at }) => {
    const before = getRecord(db, type, id);
    if (!before) throw new AppError('not-found', `That ${def.label.toLowerCase()} no longer exists: it may have been deleted or undone.`);
    const problems = entryProblems(type, { ...before, ...changes }, new Set(Object.keys(changes)));
    if (Object.keys(problems).length > 0) throw invalid(type, problems);
    checkTargets(db, type, id, changes);
    const diff = diffFields(before, { ...before, ...changes });
    if (!diff) return { result: before, change: null };
    updateRecordFields(db, type, id, diff.after, at);
    const after = getRecord(db, type, id) as RecordValues;
    return { result: after, change: { kind: type, recordId: id, action: 'update', before: { ...diff.before, updatedAt: before.updatedAt }, after: { ...diff.after, updatedAt: at } } };
  }).result;
}

export function deleteRecord(db: WriteDb, ctx: ChangeContext, type: RecordTypeName, id: string): boolean {
  const def = RECORD_TYPES[type];
  return writeChange(db, ctx, () => {
    const record = getRecord(db, type, id);
    if (!record) return { result: false, change: null };
    const { refs, links } = findReferences(db, type, id);
    const blocking = refs.filter((ref) => ref.required);
    if (blocking.length > 0) {
      const one = blocking.length === 1;
      const kinds = [...new Set(blocking.map((ref) => (one ? RECORD_TYPES[ref.type].label : RECORD_TYPES[ref.type].plural).toLowerCase()))].join(' and ');
      throw new AppError('invalid-input', `"${titleOf(record, type)}" still has ${blocking.length} ${kinds} under it. Move ${one ? 'it' : 'them'} to another ${def.label.toLowerCase()} or delete ${one ? 'it' : 'them'} first.`);
    }
    const evidenceLinks = evidenceLinksCiting(db, def.table, id);
    const receptivity = cellsOf(db, def.table, id);
    const crimeTrendLinks = crimeTrendLinksCiting(db, def.table, id);
    const snapshot: DeletionSnapshot = {
      record,
      refs,
      links,
      ...(evidenceLinks.length > 0 ? { evidenceLinks } : {}),
      ...(receptivity.length > 0 ? { receptivity } : {}),
      ...(crimeTrendLinks.length > 0 ? { crimeTrendLinks } : {}),
    };
    deleteRecordRow(db, type, id);
    return { result: true, change: { kind: type, recordId: id, action: 'delete', before: snapshot as unknown as Values, after: null } };
  }).result;
}
