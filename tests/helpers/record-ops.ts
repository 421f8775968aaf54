// Random but valid worksheet records for property tests: values for every field kind, built from
// the descriptors, and one create, edit or delete at a time through the core's boundary.
import { expect } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeName } from '../../shared/domain/record-types.ts';
import type { AppCore } from '../../electron/core/create-app-core.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

export type Values = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string };
export type Snapshot = Record<RecordTypeName, Values[]>;

const WORDS = ['Riverside', 'Northgate', 'Mill Lane', 'Bearsted', 'Shepway', 'Parkwood', 'Tovil', 'Fant', 'Heath', 'Allington'];
const NOUNS = ['ward', 'estate', 'youth club', 'mosque', 'leisure centre', 'residents’ association', 'market', 'college', 'food bank', 'skate park'];

export function sentence(rnd: SeededRandom, max: number): string {
  return `${rnd.pick(WORDS)} ${rnd.pick(NOUNS)} ${rnd.int(1, 999)}`.slice(0, max);
}

export function dateFrom(rnd: SeededRandom): string {
  return new Date(Date.UTC(2024, 0, 1) + rnd.int(0, 2000) * 86_400_000).toISOString().slice(0, 10);
}

/** An ONS code of a level, as a planner would type it (any text for "other"). */
function onsCodeFor(level: string, rnd: SeededRandom): string {
  const digits = String(rnd.int(0, 999_999)).padStart(6, '0');
  const prefix: Record<string, string[]> = { oa: ['E00', 'W00'], lsoa: ['E01', 'W01'], msoa: ['E02', 'W02'], ward: ['E05', 'W05'], la: ['E06', 'E07', 'E08', 'E09', 'W06'] };
  return prefix[level] ? `${rnd.pick(prefix[level]!)}${digits}` : sentence(rnd, 20);
}

/** A valid value for `field`, or undefined when it needs a record that does not exist yet. */
function valueFor(field: FieldDef, rnd: SeededRandom, existing: Snapshot): unknown {
  const vocab = (field.vocabulary ?? []).map((item) => item.id);
  const optionalNull = !field.required && rnd.next() < 0.3;
  switch (field.kind) {
    case 'text':
    case 'longText':
      if (!field.required && rnd.next() < 0.3) return '';
      // Values a field checks on entry must have its form (an ONS code is chosen with its level, in valuesFor).
      if (field.format === 'email') return `${rnd.pick(WORDS).toLowerCase().replace(/\s+/g, '.')}.${rnd.int(1, 999)}@example.org.uk`;
      if (field.format === 'phone') return `01632 ${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
      if (typeof field.format === 'object' && 'onsLevelField' in field.format) return '';
      return sentence(rnd, field.max ?? 200);
    case 'date':
      return optionalNull ? null : dateFrom(rnd);
    case 'enum':
      return optionalNull ? null : rnd.pick(vocab);
    case 'enumList':
      return rnd.sample(vocab, rnd.int(0, 3));
    case 'integer':
      return optionalNull ? null : rnd.int(field.min ?? 0, Math.min(field.max ?? 50_000, 50_000));
    case 'boolean':
      return rnd.next() < 0.5;
    case 'checklist':
      return Object.fromEntries((field.checks ?? []).map((check) => [check.id, { pass: rnd.pick([true, false, null]), note: rnd.next() < 0.6 ? '' : sentence(rnd, 200) }]));
    case 'codeList':
      return [...new Set(Array.from({ length: rnd.int(0, 3) }, () => `${rnd.pick(['E', 'W'])}01${String(rnd.int(0, 999_999)).padStart(6, '0')}`))];
    case 'ref': {
      // A reference that asks something of its target (an asset that is a group) picks only those.
      const where = field.targetWhere;
      const pool = existing[field.target!].filter((record) => !where || where.oneOf.includes(String(record[where.field]))).map((record) => record.id);
      if (pool.length === 0 || optionalNull) return field.required ? (pool.length ? rnd.pick(pool) : undefined) : null;
      return rnd.pick(pool);
    }
  }
}

export function valuesFor(type: RecordTypeName, rnd: SeededRandom, existing: Snapshot, only?: readonly string[]): Record<string, unknown> | null {
  const def = RECORD_TYPES[type];
  const values: Record<string, unknown> = {};
  const wanted = (name: string) => !only || only.includes(name);
  for (const field of def.fields) {
    if (!wanted(field.name)) continue;
    if (field.unique) {
      // Only a value no record of the type holds yet: a repeat is refused, as it should be.
      const taken = new Set(existing[type].map((record) => record[field.name]));
      const free = (field.vocabulary ?? []).map((item) => item.id).filter((id) => !taken.has(id));
      if (free.length === 0) return null;
      values[field.name] = rnd.pick(free);
      continue;
    }
    const value = valueFor(field, rnd, existing);
    if (value === undefined) return null;
    values[field.name] = value;
  }
  // An ONS code and the level it is checked against are written together, so each fits the other.
  for (const field of def.fields) {
    const format = field.format;
    if (typeof format !== 'object' || !('onsLevelField' in format) || !(field.name in values || format.onsLevelField in values)) continue;
    const level = typeof values[format.onsLevelField] === 'string' ? (values[format.onsLevelField] as string) : rnd.pick(['ward', 'la', 'lsoa', 'other']);
    values[format.onsLevelField] = level;
    values[field.name] = rnd.next() < 0.3 ? '' : onsCodeFor(level, rnd);
  }
  for (const link of def.links) if (wanted(link.name)) values[link.name] = rnd.sample(existing[link.target].map((record) => record.id), rnd.int(0, 2));
  if (wanted('shareable')) values.shareable = rnd.next() < 0.8;
  if (wanted('notes')) values.notes = rnd.next() < 0.5 ? '' : sentence(rnd, 10_000);
  if (wanted('reviewedAt')) values.reviewedAt = rnd.next() < 0.5 ? null : dateFrom(rnd);
  return values;
}

export function editableNames(type: RecordTypeName): string[] {
  const def = RECORD_TYPES[type];
  return [...def.fields.map((f) => f.name), ...def.links.map((l) => l.name), 'shareable', 'notes', 'reviewedAt'];
}

export type OpKind = 'create' | 'update' | 'delete' | 'undo' | 'redo';
export interface Op {
  kind: OpKind;
  type: RecordTypeName;
  seed: number;
}

/**
 * Runs one change op; answers whether the workbook changed (a refused or empty change does not).
 * Refusals are expected (an aim with objectives, an area inside itself) and must change nothing.
 */
export async function runChange(core: AppCore, handle: string, op: Op, existing: Snapshot): Promise<boolean> {
  const rnd = seededRandom(op.seed);
  let result;
  if (op.kind === 'create') {
    const values = valuesFor(op.type, rnd, existing);
    if (!values) return false;
    result = await core.call('createRecord', { handle, type: op.type, values });
    if (!result.ok) throw new Error(`a valid create was refused: ${result.error.message}`);
    return true;
  }
  // Edit or delete a record of the op's type, or of another type when there is none.
  const types = RECORD_TYPE_NAMES.filter((name) => existing[name].length > 0);
  if (types.length === 0) return false;
  const type = existing[op.type].length > 0 ? op.type : rnd.pick(types);
  const target = rnd.pick(existing[type]);
  if (op.kind === 'update') {
    const changes = valuesFor(type, rnd, existing, rnd.sample(editableNames(type), rnd.int(1, 3)));
    if (!changes) return false;
    result = await core.call('updateRecord', { handle, type, id: target.id, changes });
    if (!result.ok) {
      expect(result.error.fields ?? {}, result.error.message).toHaveProperty('parentId');
      return false;
    }
    return true;
  }
  result = await core.call('deleteRecord', { handle, type, id: target.id });
  if (!result.ok) {
    expect(result.error.message).toMatch(/still has \d+ objective/);
    return false;
  }
  return true;
}

