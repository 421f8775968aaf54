// Migration 0003 (the Aims and WHO worksheets): an existing version-2 workbook keeps its details and
// history. Its schema is held against a frozen snapshot (migration-snapshots.test.ts); the latest
// schema against today's descriptors in schema-matches-descriptors.test.ts.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations, readUserVersion } from '../../../electron/core/db/run-migrations.ts';
import { olderWorkbook, openOlderInApp, writeOlderWorkbookFile } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

const WORKBOOK_ID = '11111111-1111-4111-8111-111111111111';

/** A version-2 workbook as the 0.1 app wrote it: its details and two edits in the change log. */
function versionTwoWorkbook(db: Database.Database): void {
  olderWorkbook(db, 2, {
    id: WORKBOOK_ID,
    forceId: 'kent',
    title: 'Kent community engagement 2026–2029',
    periodStart: '2026-04-01',
    periodEnd: '2029-03-31',
    author: 'A. Planner',
    versionLabel: 'Draft 2',
    appVersion: '0.1.0',
    createdAt: '2026-01-05T10:00:00.000Z',
    modifiedAt: '2026-01-06T11:00:00.000Z',
  });
  const insert = db.prepare(
    `INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json) VALUES (?, ?, 'planner', 'workbook', ?, 'update', ?, ?)`,
  );
  // Recent edits (within the 30 days undo reaches back over, as the tests' clock reads).
  insert.run('c1', '2026-11-20T10:00:00.000Z', WORKBOOK_ID, JSON.stringify({ title: 'Kent plan' }), JSON.stringify({ title: 'Kent community engagement' }));
  insert.run('c2', '2026-11-20T11:00:00.000Z', WORKBOOK_ID, JSON.stringify({ title: 'Kent community engagement' }), JSON.stringify({ title: 'Kent community engagement 2026–2029' }));
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[]).sort();
}

/** The tables version 3 added, as they were when it shipped (not today's descriptors, which grow). */
const RECORD_TABLES = ['aim', 'objective', 'good_statement', 'area', 'audience', 'asset', 'vulnerability', 'place'];
const LINK_TABLES = ['audience_area', 'asset_audience', 'asset_area', 'vulnerability_audience', 'vulnerability_area', 'place_audience'];

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
    writeOlderWorkbookFile(file, versionTwoWorkbook);
    const { core, info } = await openOlderInApp(file);
    expect(info.counts.changes).toBe(2);
    expect(await expectOk(core, 'getUndoState', { handle: info.handle })).toEqual({ undoLabel: 'Undo editing the workbook details', redoLabel: null });
    const undone = await expectOk<{ change: unknown }>(core, 'undo', { handle: info.handle });
    expect(undone.change).toMatchObject({ recordType: 'workbook', action: 'update' });
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle: info.handle })).meta.title).toBe('Kent community engagement');
    core.closeAll();
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
