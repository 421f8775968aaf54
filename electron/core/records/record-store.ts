// Reads and writes worksheet records of any type, driven by the descriptors in
// shared/domain/record-types.ts. Store functions take the database first; SQL is parameterised
// (table and column names come only from the descriptors, never from input).
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { CheckResultSchema, emptyChecklist, type CheckResult, type RecordValues } from '../../../shared/api/records.ts';
import type { EvidenceLink } from '../../../shared/api/census.ts';
import type { ReceptivityCell } from '../../../shared/api/receptivity.ts';
import type { CrimeTrendLink } from '../../../shared/api/crime.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

type Row = Record<string, unknown>;

function parseList(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** A stored checklist (a JSON object) as the API carries it; anything unreadable reads as nothing checked. */
function parseChecklist(field: FieldDef, text: unknown): Record<string, CheckResult> {
  const empty = emptyChecklist(field);
  if (typeof text !== 'string') return empty;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return empty;
    for (const id of Object.keys(empty)) {
      const item = (value as Record<string, unknown>)[id];
      const parsed = CheckResultSchema.safeParse(item);
      if (parsed.success) empty[id] = parsed.data;
    }
    return empty;
  } catch {
    return empty;
  }
}

/** A checklist as stored: exactly its checks, in their order, as JSON. */
function checklistColumn(field: FieldDef, value: unknown): string {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, CheckResult | undefined>;
  const stored = Object.fromEntries((field.checks ?? []).map((check) => [check.id, { pass: given[check.id]?.pass ?? null, note: given[check.id]?.note ?? '' }]));
  return JSON.stringify(stored);
}

function fromColumn(field: FieldDef, value: unknown): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === 1 || value === 1n;
    case 'checklist':
      return parseChecklist(field, value);
    case 'text':
    case 'longText':
      return typeof value === 'string' ? value : '';
    case 'enumList':
    case 'codeList':
      return parseList(value);
    case 'integer':
      return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

function toColumn(field: FieldDef, value: unknown): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true ? 1 : 0;
    case 'checklist':
      return checklistColumn(field, value);
    case 'enumList':
    case 'codeList':
      return JSON.stringify(Array.isArray(value) ? value : []);
    case 'text':
    case 'longText':
      return typeof value === 'string' ? value : '';
    default:
      return value ?? null;
  }
}

function rowToValues(def: RecordTypeDef, row: Row, links: Record<string, string[]>): RecordValues {
  const values: RecordValues = {
    id: String(row.id),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    reviewedAt: typeof row.reviewed_at === 'string' ? row.reviewed_at : null,
    shareable: row.shareable !== 0,
    notes: typeof row.notes === 'string' ? row.notes : '',
  };
  for (const field of def.fields) values[field.name] = fromColumn(field, row[field.column]);
  for (const link of def.links) values[link.name] = links[link.name] ?? [];
  return values;
}

/** Every record of a type, with its links, in creation order. One query per table. */
export function listRecords(db: ReadDb, type: RecordTypeName): RecordValues[] {
  const def = RECORD_TYPES[type];
  const rows = statement(db, `SELECT * FROM ${def.table} ORDER BY created_at, id`).all() as Row[];
  const linkMaps = def.links.map((link) => {
    const map = new Map<string, string[]>();
    for (const { owner_id: owner, target_id: target } of statement(db, `SELECT owner_id, target_id FROM ${link.table} ORDER BY rowid`).all() as Array<{ owner_id: string; target_id: string }>) {
      const list = map.get(owner);
      if (list) list.push(target);
      else map.set(owner, [target]);
    }
    return [link.name, map] as const;
  });
  return rows.map((row) => rowToValues(def, row, Object.fromEntries(linkMaps.map(([name, map]) => [name, map.get(String(row.id)) ?? []]))));
}

export function getRecord(db: ReadDb, type: RecordTypeName, id: string): RecordValues | null {
  const def = RECORD_TYPES[type];
  const row = statement(db, `SELECT * FROM ${def.table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) return null;
  const links: Record<string, string[]> = {};
  for (const link of def.links) {
    links[link.name] = statement(db, `SELECT target_id FROM ${link.table} WHERE owner_id = ? ORDER BY rowid`).pluck().all(id) as string[];
  }
  return rowToValues(def, row, links);
}

export function countRecordsOf(db: ReadDb, type: RecordTypeName): number {
  return statement(db, `SELECT count(*) FROM ${RECORD_TYPES[type].table}`).pluck().get() as number;
}

function writeLinks(db: WriteDb, def: RecordTypeDef, id: string, values: Record<string, unknown>, replace: boolean): void {
  for (const link of def.links) {
    if (!(link.name in values)) continue;
    if (replace) statement(db, `DELETE FROM ${link.table} WHERE owner_id = ?`).run(id);
    const insert = statement(db, `INSERT OR IGNORE INTO ${link.table} (owner_id, target_id) VALUES (?, ?)`);
    for (const target of (values[link.name] as string[] | undefined) ?? []) insert.run(id, target);
  }
}

/** Inserts a complete record (all fields present, already validated). */
export function insertRecord(db: WriteDb, type: RecordTypeName, values: RecordValues): void {
  requireWriteScope(db, `A new ${type}`);
  const def = RECORD_TYPES[type];
  const columns = ['id', 'created_at', 'updated_at', 'reviewed_at', 'shareable', 'notes', ...def.fields.map((f) => f.column)];
  const params = [values.id, values.createdAt, values.updatedAt, values.reviewedAt, values.shareable ? 1 : 0, values.notes, ...def.fields.map((f) => toColumn(f, values[f.name]))];
  statement(db, `INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...params);
  writeLinks(db, def, values.id, values, false);
}

/** Writes the given fields (and links) of an existing record. */
export function updateRecordFields(db: WriteDb, type: RecordTypeName, id: string, changes: Record<string, unknown>, updatedAt: string): void {
  requireWriteScope(db, `An edit of a ${type}`);
  const def = RECORD_TYPES[type];
  const sets: string[] = ['updated_at = ?'];
  const params: unknown[] = [updatedAt];
  for (const [name, value] of Object.entries(changes)) {
    const field = def.fields.find((f) => f.name === name);
    if (field) {
      sets.push(`${field.column} = ?`);
      params.push(toColumn(field, value));
    } else if (name === 'reviewedAt') {
      sets.push('reviewed_at = ?');
      params.push(value ?? null);
    } else if (name === 'shareable') {
      sets.push('shareable = ?');
      params.push(value ? 1 : 0);
    } else if (name === 'notes') {
      sets.push('notes = ?');
      params.push(typeof value === 'string' ? value : '');
    }
  }
  statement(db, `UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
  writeLinks(db, def, id, changes, true);
}

export function deleteRecordRow(db: WriteDb, type: RecordTypeName, id: string): void {
  requireWriteScope(db, `Deleting a ${type}`);
  statement(db, `DELETE FROM ${RECORD_TYPES[type].table} WHERE id = ?`).run(id);
}

/**
 * Sets one of a record's links: to exactly `targets`, in order, or (when `targets` is null) adds
 * `one` if it is not there yet. Used to put links back when a deletion is undone.
 */
export function replaceLinks(db: WriteDb, type: RecordTypeName, ownerId: string, linkName: string, targets: readonly string[] | null, one: string): void {
  requireWriteScope(db, `Links of a ${type}`);
  const link = RECORD_TYPES[type].links.find((l) => l.name === linkName);
  if (!link) return;
  const insert = statement(db, `INSERT OR IGNORE INTO ${link.table} (owner_id, target_id) VALUES (?, ?)`);
  if (targets === null) {
    insert.run(ownerId, one);
    return;
  }
  statement(db, `DELETE FROM ${link.table} WHERE owner_id = ?`).run(ownerId);
  for (const target of targets) insert.run(ownerId, target);
}

/** Another record's field that points at a record (cleared when the record is deleted). */
export interface BackRef {
  type: RecordTypeName;
  id: string;
  field: string;
  required: boolean;
  /** The other record's updatedAt, given back when the reference is restored. */
  updatedAt?: string;
}

/** Another record's link to a record (removed when the record is deleted). */
export interface BackLink {
  type: RecordTypeName;
  id: string;
  link: string;
  /** All of the other record's links of this kind, in order, as they were. */
  targets?: string[];
}

/** What a deletion removed: the record, the other records' pointers and links to it, and evidence citing it. */
export interface DeletionSnapshot {
  record: RecordValues;
  refs: BackRef[];
  links: BackLink[];
  /** Audiences' links to census figures that named this audience or area (absent in older entries). */
  evidenceLinks?: EvidenceLink[];
  /** Cells of the receptivity grid for this audience or channel (absent when there were none). */
  receptivity?: ReceptivityCell[];
  /** Citations of crime trends by this audience or area, or of a trend in this area (absent in older entries). */
  crimeTrendLinks?: CrimeTrendLink[];
}

export function findReferences(db: ReadDb, type: RecordTypeName, id: string): { refs: BackRef[]; links: BackLink[] } {
  const refs: BackRef[] = [];
  const links: BackLink[] = [];
  for (const otherName of RECORD_TYPE_NAMES) {
    const other = RECORD_TYPES[otherName];
    for (const field of other.fields) {
      if (field.kind !== 'ref' || field.target !== type) continue;
      const rows = statement(db, `SELECT id, updated_at FROM ${other.table} WHERE ${field.column} = ? AND id <> ?`).all(id, id) as Array<{ id: string; updated_at: string }>;
      for (const row of rows) refs.push({ type: otherName, id: row.id, field: field.name, required: Boolean(field.required), updatedAt: row.updated_at });
    }
    for (const link of other.links) {
      if (link.target !== type) continue;
      const owners = statement(db, `SELECT owner_id FROM ${link.table} WHERE target_id = ?`).pluck().all(id) as string[];
      for (const owner of owners) {
        const targets = statement(db, `SELECT target_id FROM ${link.table} WHERE owner_id = ? ORDER BY rowid`).pluck().all(owner) as string[];
        links.push({ type: otherName, id: owner, link: link.name, targets });
      }
    }
  }
  return { refs, links };
}

/** The ids among `ids` that are not records of `type`. */
export function missingIds(db: ReadDb, type: RecordTypeName, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const table = RECORD_TYPES[type].table;
  return statement(db, `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM ${table})`).pluck().all(JSON.stringify(ids)) as string[];
}

/** The title of a record, for messages and link pickers. */
export function titleOf(values: Record<string, unknown>, type: RecordTypeName): string {
  const def = RECORD_TYPES[type];
  const title = values[def.titleField];
  if (typeof title !== 'string' || !title.trim()) return `(untitled ${def.label.toLowerCase()})`;
  // A message or a concern is named by its text, which can run to paragraphs: its opening words will do.
  const long = def.fields.find((f) => f.name === def.titleField)?.kind === 'longText';
  return long ? shortened(title) : title;
}

const TITLE_WORDS_MAX = 100;

/** The first line of a long text, cut at a word within 100 characters, with an ellipsis when anything was left out. */
export function shortened(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  if (line.length <= TITLE_WORDS_MAX && line.length === text.trim().length) return line;
  if (line.length <= TITLE_WORDS_MAX) return `${line}…`;
  const cut = line.slice(0, TITLE_WORDS_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_WORDS_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
