// The latest schema held against today's record-type descriptors: every type has its table with
// the common columns and one column per field (types and NOT NULL as the API sees them), refs point
// at their targets, links have their tables. A descriptor changed without a migration fails here.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import { runMigrations } from '../../../electron/core/db/run-migrations.ts';
import { expectedSchema } from '../../../electron/core/db/expected-schema.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef } from '../../../shared/domain/record-types.ts';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  on_delete: string;
}

function columns(db: Database.Database, table: string): ColumnInfo[] {
  return db.pragma(`table_info(${table})`) as ColumnInfo[];
}

function foreignKeys(db: Database.Database, table: string): ForeignKey[] {
  return db.pragma(`foreign_key_list(${table})`) as ForeignKey[];
}

/** Fields whose API value is never null: required ones, text (empty is ''), lists (empty is []), marks (false) and checklists. */
function neverNull(field: FieldDef): boolean {
  return Boolean(field.required) || ['text', 'longText', 'enumList', 'codeList', 'boolean', 'checklist'].includes(field.kind);
}

/** Tables that hold no worksheet records, each with why. */
const OTHER_TABLES = new Map([
  ['workbook', 'the details'],
  ['change_log', 'the history'],
  ['section_state', 'sections marked completed'],
  ['workbook_setting', 'settings'],
  ...['census_table', 'census_category', 'census_geography', 'census_value', 'evidence_link'].map((t) => [t, 'census evidence'] as const),
  ['receptivity', 'the receptivity grid: cells keyed by audience and channel, not records'],
  ...['library_entry', 'library_practice', 'library_practice_kind'].map((t) => [t, "the practice library: other forces' practice, not our records"] as const),
  ...['crime_batch', 'crime_count', 'crime_trend_link'].map((t) => [t, 'crime evidence'] as const),
  ...['census_stash', 'census_stash_category', 'census_stash_geography', 'census_stash_value', 'census_stash_link', 'logo_stash', 'crime_stash_batch', 'crime_stash_count'].map((t) => [t, 'kept for undo'] as const),
]);

describe('the latest schema matches the record-type descriptors', () => {
  it('has a table for every record type and link, and no record table without a descriptor', () => {
    const tables = expectedSchema(LATEST_SCHEMA_VERSION).filter((e) => e.type === 'table').map((e) => e.name).sort();
    const described = RECORD_TYPE_NAMES.flatMap((type) => [RECORD_TYPES[type].table, ...RECORD_TYPES[type].links.map((l) => l.table)]);
    expect(tables).toEqual([...described, ...OTHER_TABLES.keys()].sort());
  });

  it('gives every record type a table with the common columns and one column per descriptor field', () => {
    const db = new Database(':memory:');
    runMigrations(db, LATEST_SCHEMA_VERSION);
    for (const type of RECORD_TYPE_NAMES) {
      const def = RECORD_TYPES[type];
      const cols = columns(db, def.table);
      const byName = new Map(cols.map((col) => [col.name, col]));
      const common = ['id', 'created_at', 'updated_at', 'reviewed_at', 'shareable', 'notes'];
      expect(cols.map((col) => col.name), type).toEqual([...common, ...def.fields.map((field) => field.column)]);

      expect(byName.get('id'), type).toMatchObject({ type: 'TEXT', notnull: 1, pk: 1 });
      expect(byName.get('created_at'), type).toMatchObject({ type: 'TEXT', notnull: 1 });
      expect(byName.get('updated_at'), type).toMatchObject({ type: 'TEXT', notnull: 1 });
      expect(byName.get('reviewed_at'), type).toMatchObject({ type: 'TEXT', notnull: 0 });
      expect(byName.get('shareable'), type).toMatchObject({ type: 'INTEGER', notnull: 1 });
      expect(byName.get('notes'), type).toMatchObject({ type: 'TEXT', notnull: 1 });

      for (const field of def.fields) {
        const col = byName.get(field.column);
        const where = `${type}.${field.name}`;
        expect(col?.type, where).toBe(field.kind === 'integer' || field.kind === 'boolean' ? 'INTEGER' : 'TEXT');
        // NOT NULL exactly for required fields and those whose empty value is '' or [] (text and lists).
        expect(col?.notnull, where).toBe(neverNull(field) ? 1 : 0);
      }
    }
    db.close();
  });

  it('points every ref column at its target table: required refs restrict deletion, optional ones are cleared', () => {
    const db = new Database(':memory:');
    runMigrations(db, LATEST_SCHEMA_VERSION);
    for (const type of RECORD_TYPE_NAMES) {
      const def = RECORD_TYPES[type];
      const refs = def.fields.filter((field) => field.kind === 'ref');
      const keys = foreignKeys(db, def.table);
      expect(keys.map((key) => key.from).sort(), type).toEqual(refs.map((field) => field.column).sort());
      for (const field of refs) {
        const key = keys.find((k) => k.from === field.column);
        expect(key, `${type}.${field.name}`).toMatchObject({ table: RECORD_TYPES[field.target!].table, to: 'id', on_delete: field.required ? 'RESTRICT' : 'SET NULL' });
      }
    }
    db.close();
  });

  it('gives every link a table of (owner_id, target_id) with foreign keys to the owner and the target', () => {
    const db = new Database(':memory:');
    runMigrations(db, LATEST_SCHEMA_VERSION);
    for (const type of RECORD_TYPE_NAMES) {
      for (const link of RECORD_TYPES[type].links) {
        const where = `${type}.${link.name}`;
        const cols = columns(db, link.table);
        expect(cols.map((col) => [col.name, col.type, col.notnull]), where).toEqual([
          ['owner_id', 'TEXT', 1],
          ['target_id', 'TEXT', 1],
        ]);
        expect(cols.filter((col) => col.pk > 0).map((col) => col.name), where).toEqual(['owner_id', 'target_id']);
        const keys = foreignKeys(db, link.table)
          .map((key) => ({ from: key.from, table: key.table, to: key.to, on_delete: key.on_delete }))
          .sort((a, b) => a.from.localeCompare(b.from));
        expect(keys, where).toEqual([
          { from: 'owner_id', table: RECORD_TYPES[type].table, to: 'id', on_delete: 'CASCADE' },
          { from: 'target_id', table: RECORD_TYPES[link.target].table, to: 'id', on_delete: 'CASCADE' },
        ]);
      }
    }
    db.close();
  });

});
