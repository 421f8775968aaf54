// Migration 0003 (the Aims and WHO worksheets): an existing version-2 workbook keeps its details and
// history, and the tables it adds match the record-type descriptors column for column.
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations, readUserVersion } from '../../../electron/core/db/run-migrations.ts';
import { APPLICATION_ID } from '../../../electron/core/db/file-format.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef } from '../../../shared/domain/record-types.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

const WORKBOOK_ID = '11111111-1111-4111-8111-111111111111';

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

/** A version-2 workbook as the 0.1 app wrote it: its details and two edits in the change log. */
function versionTwoWorkbook(db: Database.Database): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, 2);
  db.prepare(
    `INSERT INTO workbook (singleton, id, force_id, title, period_start, period_end, author, version_label, marking, review_date, app_version, created_at, modified_at)
     VALUES (1, ?, 'kent', 'Kent community engagement 2026–2029', '2026-04-01', '2029-03-31', 'A. Planner', 'Draft 2', 'OFFICIAL', NULL, '0.1.0', '2026-01-05T10:00:00.000Z', '2026-01-06T11:00:00.000Z')`,
  ).run(WORKBOOK_ID);
  const insert = db.prepare(
    `INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json) VALUES (?, ?, 'planner', 'workbook', ?, 'update', ?, ?)`,
  );
  insert.run('c1', '2026-01-06T10:00:00.000Z', WORKBOOK_ID, JSON.stringify({ title: 'Kent plan' }), JSON.stringify({ title: 'Kent community engagement' }));
  insert.run('c2', '2026-01-06T11:00:00.000Z', WORKBOOK_ID, JSON.stringify({ title: 'Kent community engagement' }), JSON.stringify({ title: 'Kent community engagement 2026–2029' }));
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[]).sort();
}

function columns(db: Database.Database, table: string): ColumnInfo[] {
  return db.pragma(`table_info(${table})`) as ColumnInfo[];
}

function foreignKeys(db: Database.Database, table: string): ForeignKey[] {
  return db.pragma(`foreign_key_list(${table})`) as ForeignKey[];
}

const RECORD_TABLES = RECORD_TYPE_NAMES.map((type) => RECORD_TYPES[type].table);
const LINK_TABLES = RECORD_TYPE_NAMES.flatMap((type) => RECORD_TYPES[type].links.map((link) => link.table));

/** Fields whose API value is never null: required ones, text (empty is '') and lists (empty is []). */
function neverNull(field: FieldDef): boolean {
  return Boolean(field.required) || ['text', 'longText', 'enumList', 'codeList'].includes(field.kind);
}

describe('migration 0003: the Aims and WHO worksheets', () => {
  it('on a version-2 file keeps the workbook row and the change log (old entries in force), and adds every table', () => {
    const db = new Database(':memory:');
    versionTwoWorkbook(db);
    const workbookBefore = db.prepare('SELECT * FROM workbook').get();
    const logBefore = db.prepare('SELECT * FROM change_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(tableNames(db)).toEqual(['change_log', 'workbook']);

    expect(runMigrations(db, 3)).toBe(3);
    expect(readUserVersion(db)).toBe(3);
    expect(db.prepare('SELECT * FROM workbook').get()).toEqual(workbookBefore);
    const logAfter = db.prepare('SELECT * FROM change_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(logAfter).toEqual(logBefore.map((row) => ({ ...row, undone: 0 })));
    expect(tableNames(db)).toEqual(['change_log', 'section_state', 'workbook', ...RECORD_TABLES, ...LINK_TABLES].sort());
    for (const table of [...RECORD_TABLES, ...LINK_TABLES, 'section_state']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('an older workbook opened for editing comes up with its history undoable', async () => {
    const file = path.join(tempDir(), 'Kent plan.ewb');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    versionTwoWorkbook(raw);
    raw.close();
    const core = testCore();
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(info.meta.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.counts.changes).toBe(2);
    expect(await expectOk(core, 'getUndoState', { handle: info.handle })).toEqual({ undoLabel: 'Undo editing the workbook details', redoLabel: null });
    const undone = await expectOk<{ change: unknown }>(core, 'undo', { handle: info.handle });
    expect(undone.change).toMatchObject({ recordType: 'workbook', action: 'update' });
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle: info.handle })).meta.title).toBe('Kent community engagement');
    core.closeAll();
  });

  it('gives every record type a table with the common columns and one column per descriptor field', () => {
    const db = new Database(':memory:');
    runMigrations(db, 3);
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
        expect(col?.type, where).toBe(field.kind === 'integer' ? 'INTEGER' : 'TEXT');
        // NOT NULL exactly for required fields and those whose empty value is '' or [] (text and lists).
        expect(col?.notnull, where).toBe(neverNull(field) ? 1 : 0);
      }
    }
    db.close();
  });

  it('points every ref column at its target table: required refs restrict deletion, optional ones are cleared', () => {
    const db = new Database(':memory:');
    runMigrations(db, 3);
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
    runMigrations(db, 3);
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

  it('refuses what the descriptors refuse at the bottom layer too: a negative size, lists that are not arrays, a link to nothing', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, 3);
    const common = `'2026-11-25T09:00:00.000Z', '2026-11-25T09:00:00.000Z'`;
    expect(() => db.exec(`INSERT INTO audience (id, created_at, updated_at, name, kind, engagement_state, priority, size_estimate) VALUES ('a', ${common}, 'n', 'young-people', 'receptive', 'high', -1)`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO area (id, created_at, updated_at, name, lsoa_codes) VALUES ('r', ${common}, 'n', '"E01024133"')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO vulnerability (id, created_at, updated_at, name, kind, priority, barriers) VALUES ('v', ${common}, 'n', 'area', 'high', 'trust')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO aim (id, created_at, updated_at, title, shareable) VALUES ('m', ${common}, 't', 2)`)).toThrow(/CHECK/);
    db.exec(`INSERT INTO audience (id, created_at, updated_at, name, kind, engagement_state, priority) VALUES ('a', ${common}, 'n', 'young-people', 'receptive', 'high')`);
    expect(() => db.exec(`INSERT INTO audience_area (owner_id, target_id) VALUES ('a', 'no-such-area')`)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
