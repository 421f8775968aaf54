// Migration 0006 (the change log as the one write path): a version-5 workbook keeps every entry of
// its history, in order, with its undo state; imports and logo changes from before (nothing was kept
// to undo them) become history only; everything may hold personal values until the retention pass.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../electron/core/db/run-migrations.ts';
import { olderWorkbook, openOlderInApp, writeOlderWorkbookFile } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk } from '../../helpers/test-core.ts';

const WORKBOOK_ID = '11111111-1111-4111-8111-111111111111';
const AREA = '22222222-2222-4222-8222-222222222222';
const AT = '2026-11-20T10:00:00.000Z';

/** A version-5 workbook with an area, a census import and a logo change in its history, the last edit undone. */
function versionFiveWorkbook(db: Database.Database): void {
  olderWorkbook(db, 5, { id: WORKBOOK_ID, forceId: 'kent', title: 'Kent plan', appVersion: '0.4.0', createdAt: AT, modifiedAt: AT });
  db.prepare(`INSERT INTO area (id, created_at, updated_at, name) VALUES (?, ?, ?, 'Riverside ward')`).run(AREA, AT, AT);
  const insert = db.prepare('INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json, undone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const area = { id: AREA, createdAt: AT, updatedAt: AT, reviewedAt: null, shareable: true, notes: '', name: 'Riverside ward', onsCode: '', onsLevel: null, parentId: null, lsoaCodes: [] };
  insert.run('c1', AT, 'planner', 'area', AREA, 'create', null, JSON.stringify(area), 0);
  insert.run('c2', AT, 'planner', 'censusTable', '33333333-3333-4333-8333-333333333333', 'create', null, JSON.stringify({ code: 'TS021' }), 0);
  insert.run('c3', AT, 'planner', 'logo', 'logo', 'update', null, JSON.stringify({ mediaType: 'image/png' }), 0);
  insert.run('c4', AT, 'planner', 'area', AREA, 'update', JSON.stringify({ name: 'Riverside ward', updatedAt: AT }), JSON.stringify({ name: 'Riverside and Mill', updatedAt: AT }), 1);
}

describe('migration 0006: the change log as the one write path', () => {
  it('keeps every entry in order with its undo state; old imports and logo changes become history only', () => {
    const db = new Database(':memory:');
    versionFiveWorkbook(db);
    const before = db.prepare('SELECT seq, id, at, who, record_type, record_id, action, before_json, after_json, undone FROM change_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(runMigrations(db, 6)).toBe(6);
    const after = db.prepare('SELECT seq, id, at, who, record_type, record_id, action, before_json, after_json, state, target_seq, personal, undoable, redacted_at FROM change_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(after).toEqual(
      before.map(({ undone, ...row }) => ({ ...row, state: undone, target_seq: null, personal: 1, undoable: ['censusTable', 'logo'].includes(String(row.record_type)) ? 0 : 1, redacted_at: null })),
    );
    for (const table of ['census_stash', 'census_stash_category', 'census_stash_geography', 'census_stash_value', 'census_stash_link', 'logo_stash']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('an older workbook opened for editing can still redo its undone edit, and undo stops at what it cannot undo', async () => {
    const file = path.join(tempDir(), 'Kent plan.ewb');
    writeOlderWorkbookFile(file, versionFiveWorkbook);
    const { core, info } = await openOlderInApp(file);
    // The logo change (nothing kept to undo it) is the last change in force: undo stops there.
    expect(await expectOk(core, 'getUndoState', { handle: info.handle })).toEqual({ undoLabel: null, redoLabel: 'Redo editing area “Riverside ward”' });
    await expectOk(core, 'redo', { handle: info.handle });
    const { records } = await expectOk<{ records: Array<{ name: string }> }>(core, 'listRecords', { handle: info.handle, type: 'area' });
    expect(records.map((r) => r.name)).toEqual(['Riverside and Mill']);
    expect(await expectOk(core, 'getUndoState', { handle: info.handle })).toMatchObject({ undoLabel: 'Undo editing area “Riverside and Mill”' });
    core.closeAll();
  });
});
