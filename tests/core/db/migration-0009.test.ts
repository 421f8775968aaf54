// Migration 0009 (document control): a version-8 workbook gains the posts that own and approve the
// strategy, empty, within their limit; its details read back unchanged, and they survive a round
// trip through the details edit, undo and the interchange format.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readUserVersion, runMigrations } from '../../../electron/core/db/run-migrations.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { olderWorkbook } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

describe('migration 0009: the owner and approver of the strategy', () => {
  it('adds both, empty, with their limit of 200 characters', () => {
    const db = new Database(':memory:');
    olderWorkbook(db, 8, { id: 'w', forceId: 'kent', title: 't', versionLabel: 'Draft 3', appVersion: '0.5.0', createdAt: 'a', modifiedAt: 'b' });
    expect(runMigrations(db, 9)).toBe(9);
    expect(readUserVersion(db)).toBe(9);
    expect(db.prepare('SELECT title, version_label, owner, approver FROM workbook').get()).toEqual({ title: 't', version_label: 'Draft 3', owner: null, approver: null });
    db.prepare('UPDATE workbook SET owner = ?, approver = ?').run('x'.repeat(200), 'Chief Constable');
    expect(() => db.prepare('UPDATE workbook SET owner = ?').run('x'.repeat(201))).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE workbook SET approver = ?').run('x'.repeat(201))).toThrow(/CHECK/);
    db.close();
  });

  it('are edited as details (undoably), and travel in the interchange format', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: { ...SAMPLE_DETAILS, owner: null, approver: null } });
    expect(info.meta).toMatchObject({ owner: null, approver: null });
    const edited = await expectOk<{ meta: WorkbookInfo['meta'] }>(core, 'updateWorkbookDetails', { handle: info.handle, changes: { approver: 'Assistant Chief Constable, Local Policing' } });
    expect(edited.meta).toMatchObject({ owner: null, approver: 'Assistant Chief Constable, Local Policing', versionLabel: SAMPLE_DETAILS.versionLabel });
    await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { owner: 'Superintendent, Neighbourhood Policing' } });
    await expectOk(core, 'undo', { handle: info.handle });
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle: info.handle })).meta).toMatchObject({ owner: null, approver: 'Assistant Chief Constable, Local Policing' });
    const json = path.join(dir, 'w.json');
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    await expectOk(core, 'dumpWorkbook', { path: path.join(dir, 'w.ewb'), destination: json, personal: false });
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).workbook).toMatchObject({ owner: null, approver: 'Assistant Chief Constable, Local Policing' });
    const copy = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'copy.ewb'), source: json });
    expect(copy.meta).toMatchObject({ owner: null, approver: 'Assistant Chief Constable, Local Policing' });
    core.closeAll();
  });
});
