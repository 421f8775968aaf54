// The core through its boundary: contract validation, errors as values, details edits and history.
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract.ts';
import { listChanges } from '../../electron/core/changes/change-log.ts';
import { openReadOnly } from '../../electron/core/db/open-database.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../helpers/test-core.ts';
import type { RecentWorkbook, WorkbookInfo } from '../../shared/api/workbook.ts';

describe('the core boundary', () => {
  it('refuses an unknown method and a malformed request as values, never throwing', async () => {
    const core = testCore();
    const unknown = await core.call('dropAllTables', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'invalid-input', message: 'There is no API method "dropAllTables".' } });
    const malformed = await core.call('openWorkbook', { path: 42 });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) {
      expect(malformed.error.code).toBe('invalid-input');
      expect(malformed.error.fields).toHaveProperty('path');
    }
    const extra = await core.call('closeWorkbook', { handle: 'h', sneaky: true });
    expect(extra.ok).toBe(false);
    for (const notObject of [null, 'text', [1, 2]]) {
      const result = await core.call('getWorkbook', notObject);
      expect(result.ok).toBe(false);
    }
  });

  it('implements every method of the contract', () => {
    const core = testCore();
    expect(Object.keys(core.handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('hides unexpected errors behind "internal" and logs them', async () => {
    const core = testCore({ clock: () => { throw new Error('clock exploded'); } });
    const result = await core.call('createWorkbook', { path: path.join(tempDir(), 'a.ewb'), details: SAMPLE_DETAILS });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('clock exploded');
    }
    expect(core.deps.log.errors).toEqual(['Unexpected error']);
  });

  it('gives field-by-field messages for invalid details', async () => {
    const core = testCore();
    const result = await core.call('createWorkbook', {
      path: path.join(tempDir(), 'a.ewb'),
      details: { ...SAMPLE_DETAILS, force: 'atlantis', title: '   ', periodStart: '2027-02-30', periodEnd: '2026-01-01', marking: 'SECRET' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields).toMatchObject({
        'details.force': 'Choose a force from the list',
        'details.title': 'Enter a title for the strategy',
        'details.periodStart': 'Enter a real date, for example 2027-03-31',
        'details.marking': 'Choose OFFICIAL or OFFICIAL-SENSITIVE',
      });
    }
    const order = await core.call('createWorkbook', { path: path.join(tempDir(), 'b.ewb'), details: { ...SAMPLE_DETAILS, periodStart: '2028-01-01', periodEnd: '2027-01-01' } });
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.error.fields).toEqual({ 'details.periodEnd': 'The strategy period must end after it starts' });
  });
});

describe('creating and editing a workbook', () => {
  it('creates a workbook whose details read back exactly, and refuses to overwrite it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Plan.ewb');
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    expect(info.meta).toMatchObject({ ...SAMPLE_DETAILS, schemaVersion: LATEST_SCHEMA_VERSION, appVersion: '0.1.0' });
    expect(info.meta.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.readOnly).toBe(false);
    const again = await core.call('createWorkbook', { path: file, details: SAMPLE_DETAILS });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('already-exists');
    core.closeAll();
    expect(fs.readdirSync(dir)).toEqual(['Plan.ewb']);
  });

  it('refuses a name without .ewb and a folder that does not exist, leaving nothing behind', async () => {
    const dir = tempDir();
    const core = testCore();
    const wrongName = await core.call('createWorkbook', { path: path.join(dir, 'plan.docx'), details: SAMPLE_DETAILS });
    expect(!wrongName.ok && wrongName.error.message).toMatch(/does not end in \.ewb/);
    const noFolder = await core.call('createWorkbook', { path: path.join(dir, 'missing', 'plan.ewb'), details: SAMPLE_DETAILS });
    expect(!noFolder.ok && noFolder.error.code).toBe('not-found');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('saves each acknowledged edit to disk with a change-log entry', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Plan.ewb');
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    const edited = await expectOk<WorkbookInfo>(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'Renamed', marking: 'OFFICIAL' } });
    expect(edited.meta.title).toBe('Renamed');
    expect(edited.meta.modifiedAt > info.meta.modifiedAt).toBe(true);
    // Another connection sees it at once: the edit is committed, not buffered.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT title, marking FROM workbook').get()).toEqual({ title: 'Renamed', marking: 'OFFICIAL' });
    other.close();
    const unchanged = await expectOk<WorkbookInfo>(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'Renamed' } });
    expect(unchanged.counts.changes).toBe(1);
    core.closeAll();
    const db = openReadOnly(file);
    const changes = listChanges(db);
    db.close();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      who: 'planner',
      kind: 'workbook',
      recordId: info.meta.id,
      action: 'update',
      before: { title: SAMPLE_DETAILS.title, marking: 'OFFICIAL-SENSITIVE' },
      after: { title: 'Renamed', marking: 'OFFICIAL' },
    });
  });

  it('refuses an invalid edit without changing anything', async () => {
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Plan.ewb'), details: SAMPLE_DETAILS });
    const bad = await core.call('updateWorkbookDetails', { handle: info.handle, changes: { periodEnd: '2020-01-01' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields).toEqual({ periodEnd: 'The strategy period must end after it starts' });
    const now = await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle: info.handle });
    expect(now.meta).toEqual(info.meta);
    core.closeAll();
  });

  it('answers "not open" for a closed or unknown handle', async () => {
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Plan.ewb'), details: SAMPLE_DETAILS });
    expect(await expectOk(core, 'closeWorkbook', { handle: info.handle })).toEqual({ closed: true });
    expect(await expectOk(core, 'closeWorkbook', { handle: info.handle })).toEqual({ closed: false });
    const gone = await core.call('getWorkbook', { handle: info.handle });
    expect(!gone.ok && gone.error.code).toBe('not-open');
  });

  it('lists forces with neighbours', async () => {
    const forces = await expectOk<Array<{ id: string; neighbours: string[] }>>(testCore(), 'listForces', {});
    expect(forces).toHaveLength(46);
    expect(forces.find((f) => f.id === 'kent')?.neighbours).toContain('sussex');
  });
});

describe('recent workbooks', () => {
  it('remembers opened workbooks newest first, outside the workbook, and forgets on request', async () => {
    const dir = tempDir();
    const core = testCore();
    for (const name of ['One', 'Two']) {
      const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, `${name}.ewb`), details: { ...SAMPLE_DETAILS, title: name } });
      await expectOk(core, 'closeWorkbook', { handle: info.handle });
    }
    fs.rmSync(path.join(dir, 'One.ewb'));
    const recent = await expectOk<RecentWorkbook[]>(core, 'listRecentWorkbooks', {});
    expect(recent.map((r) => [r.title, r.exists])).toEqual([['Two', true], ['One', false]]);
    expect(fs.existsSync(path.join(core.deps.paths.configDir, 'recent-workbooks.json'))).toBe(true);
    expect(await expectOk(core, 'forgetRecentWorkbook', { path: path.join(dir, 'One.ewb') })).toEqual({ forgotten: true });
    expect((await expectOk<RecentWorkbook[]>(core, 'listRecentWorkbooks', {})).map((r) => r.title)).toEqual(['Two']);
  });

  it('starts afresh from a damaged list, with a warning, rather than failing', async () => {
    const core = testCore();
    fs.mkdirSync(core.deps.paths.configDir, { recursive: true });
    fs.writeFileSync(path.join(core.deps.paths.configDir, 'recent-workbooks.json'), '{"version":1,"entries":[{"path":');
    expect(await expectOk(core, 'listRecentWorkbooks', {})).toEqual([]);
    expect(core.deps.log.warnings[0]).toMatch(/damaged/);
  });
});
