// Each migration, the runner, and bringing an older workbook up to date after a backup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import { runMigrations, readUserVersion } from '../../../electron/core/db/run-migrations.ts';
import { expectedSchema, readSchema } from '../../../electron/core/db/expected-schema.ts';
import { backupPathFor } from '../../../electron/core/db/migrate-workbook.ts';
import type { Migration } from '../../../electron/core/db/migrations/migration.ts';
import { olderWorkbook, writeOlderWorkbookFile } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

/** A workbook file at schema `version`, as an older app would have written it. */
function writeOldWorkbook(file: string, version: number): void {
  writeOlderWorkbookFile(file, (db) =>
    olderWorkbook(db, version, {
      id: '11111111-1111-4111-8111-111111111111',
      forceId: 'kent',
      title: 'Old plan',
      periodStart: '2025-04-01',
      periodEnd: '2028-03-31',
      author: 'A. Planner',
      versionLabel: 'v1',
      appVersion: '0.0.9',
      createdAt: '2025-01-01T00:00:00.000Z',
      modifiedAt: '2025-01-02T00:00:00.000Z',
    }),
  );
}

describe('migrations', () => {
  // Numbers are assigned to branches ahead of merging, so one may be missing for a while (12
  // waiting for 10 and 11); they must still only rise, and the latest is the last one's.
  it('are numbered in rising order from 1, with kebab-case names matching their files', () => {
    const files = fs.readdirSync(path.resolve('electron/core/db/migrations')).filter((f) => /^\d{4}-/.test(f)).sort();
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((version, i) => expect(version).toBeGreaterThan(versions[i]!));
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('0001 creates the workbook table, which holds exactly one row', () => {
    const db = new Database(':memory:');
    runMigrations(db, 1);
    expect(readUserVersion(db)).toBe(1);
    expect(readSchema(db).map((e) => e.name)).toEqual(['workbook']);
    const insert = db.prepare(
      `INSERT INTO workbook (singleton, id, force_id, title, marking, app_version, created_at, modified_at) VALUES (?, 'x', 'kent', 't', 'OFFICIAL', '0', 'a', 'b')`,
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE workbook SET marking = 'SECRET'`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('0002 adds the change log, keeping the workbook row', () => {
    const db = new Database(':memory:');
    olderWorkbook(db, 1, { id: 'x', forceId: 'kent', title: 't', appVersion: '0', createdAt: 'a', modifiedAt: 'b' });
    runMigrations(db, 2);
    expect(readUserVersion(db)).toBe(2);
    expect(readSchema(db).map((e) => e.name).sort()).toEqual(['change_log', 'change_log_by_record', 'sqlite_autoindex_change_log_1', 'workbook']);
    expect(db.prepare('SELECT title FROM workbook').pluck().get()).toBe('t');
    expect(() =>
      db.prepare(`INSERT INTO change_log (id, at, who, record_type, record_id, action) VALUES ('c', 'a', 'w', 'workbook', 'x', 'rename')`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('runs all pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(':memory:');
    runMigrations(db, 1);
    const failing: Migration = { version: 3, name: 'break', appVersion: '9', up: () => { throw new Error('boom'); } };
    expect(() => runMigrations(db, 3, [...MIGRATIONS, failing])).toThrow('boom');
    expect(readUserVersion(db)).toBe(1);
    expect(readSchema(db).map((e) => e.name)).toEqual(['workbook']);
    db.close();
  });

  it('migrating twice changes nothing the second time', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db)).toBe(LATEST_SCHEMA_VERSION);
    const schema = readSchema(db);
    expect(runMigrations(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(readSchema(db)).toEqual(schema);
    expect(schema).toEqual(expectedSchema(LATEST_SCHEMA_VERSION));
    db.close();
  });

  it('opening an older workbook for editing migrates it after a timestamped backup copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Old plan.ewb');
    writeOldWorkbook(file, 1);
    const original = fs.readFileSync(file);
    const core = testCore();
    const opened = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.info.meta.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.info.meta.title).toBe('Old plan');
    expect(opened.info.meta.author).toBe('A. Planner');
    const backups = fs.readdirSync(dir).filter((f) => f.includes('before update'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^Old plan \(before update 2026-11-25 0900\d\d\)\.ewb$/);
    expect(fs.readFileSync(path.join(dir, backups[0]!)).equals(original)).toBe(true);
    expect(opened.notices.join(' ')).toMatch(/updated to the current file format.*before update/);
    core.closeAll();
  });

  it('reading an older workbook read-only does not migrate or touch it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.ewb');
    writeOldWorkbook(file, 1);
    const before = fs.readFileSync(file);
    const core = testCore();
    const opened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file, readOnly: true });
    expect(opened.info.meta.title).toBe('Old plan');
    expect(opened.info.meta.schemaVersion).toBe(1);
    expect(opened.info.readOnly).toBe(true);
    const edit = await core.call('updateWorkbookDetails', { handle: opened.info.handle, changes: { title: 'New' } });
    expect(edit.ok || edit.error.code).toBe('read-only');
    core.closeAll();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['old.ewb']);
  });

  it('names backups after the moment of the update', () => {
    expect(backupPathFor('/w/Plan.ewb', new Date('2026-01-02T03:04:05.678Z'))).toBe(path.join('/w', 'Plan (before update 2026-01-02 030405).ewb'));
  });

  it('refuses a workbook from a newer version without writing to it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.ewb');
    writeOldWorkbook(file, LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.prepare(`UPDATE workbook SET app_version = '9.2.0'`).run();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    const core = testCore();
    for (const readOnly of [false, true]) {
      const result = await core.call('openWorkbook', { path: file, readOnly });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('too-new');
        expect(result.error.message).toContain('needs version 9.2.0 or later');
      }
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['future.ewb']);
  });
});
