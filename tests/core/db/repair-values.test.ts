// Repairing the values the app cannot use: listed first without a write, then made in one
// transaction after a backup copy, exactly as listed; what cannot be repaired is left and said.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RepairReport } from '../../../shared/api/value-check.ts';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import { acquireLock } from '../../../electron/core/workbook/workbook-lock.ts';
import { soundWorkbook, tamper } from '../../helpers/tampered-workbook.ts';
import { expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';
import { integrityCheck, isSound, sha256Of } from '../../helpers/workbook-file-checks.ts';

async function damaged(forceValue: string, priority: string) {
  const sound = await soundWorkbook();
  const { ids } = sound;
  const upper = ids.youth.toUpperCase();
  tamper(sound.file, (db) => {
    db.prepare("UPDATE workbook SET force_id = ?, period_start = '2027-02-31', title = ?").run(forceValue, '\u0001\u0002');
    db.prepare('UPDATE aim SET title = ? WHERE id = ?').run(`Trust\u0007${'x'.repeat(100_000)}`, ids.aim);
    db.prepare("UPDATE objective SET created_at = 'last tuesday' WHERE id = ?").run(ids.objective);
    db.prepare("UPDATE area SET parent_id = ?, updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(ids.ward, ids.kent);
    db.prepare("UPDATE area SET ons_level = 'county', lsoa_codes = '[\"e01000001\",\"nonsense\",\"E01000002\"]' WHERE id = ?").run(ids.ward);
    db.prepare("UPDATE audience SET engagement_state = 'meh', priority = ?, size_estimate = 1000000000 WHERE id = ?").run(priority, ids.youth);
    db.prepare("UPDATE vulnerability SET barriers = '[\"trust\",\"aliens\",\"trust\"]' WHERE id = ?").run(ids.vulnerability);
    db.prepare('UPDATE audience SET id = ? WHERE id = ?').run(upper, ids.youth);
    for (const [table, column] of [['audience_area', 'owner_id'], ['asset_audience', 'target_id'], ['vulnerability_audience', 'target_id'], ['evidence_link', 'audience_id']] as const) {
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(upper, ids.youth);
    }
    db.prepare("UPDATE change_log SET record_id = ? WHERE record_id = ?").run(upper, ids.youth);
    db.prepare("UPDATE workbook_setting SET value = 'NaN'").run();
    db.prepare("INSERT INTO section_state (section, completed_at) VALUES ('export', '2026-01-01T00:00:00.000Z')").run();
    db.prepare('UPDATE census_value SET count = 9e999 WHERE position = 1').run();
    db.prepare("UPDATE workbook SET logo = x'68656c6c6f', logo_type = 'image/png'").run();
  });
  return sound;
}

function read<T>(file: string, sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

describe('repairing a workbook', () => {
  it('lists the repairs without writing a byte', async () => {
    const { file } = await damaged('narnia', 'urgent');
    const before = sha256Of(file);
    const core = testCore();
    const listed = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file });
    const checked = await expectOk<CheckReport>(core, 'checkWorkbook', { path: file });
    expect(listed.applied).toBe(false);
    expect(listed.backupName).toBeNull();
    expect(listed.found).toEqual(checked.values);
    expect(listed.remaining).toEqual(listed.found);
    expect(listed.found.total - listed.found.repairable).toBe(2);
    expect(sha256Of(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('makes exactly the repairs listed, after a backup copy, and leaves what it cannot repair', async () => {
    const { file, ids } = await damaged('narnia', 'urgent');
    const before = sha256Of(file);
    const core = testCore({ clock: () => new Date('2026-12-01T10:00:00.000Z') });
    const report = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(report.applied).toBe(true);
    expect(report.backupName).toBe('Riverside plan (before repair 2026-12-01 100000).ewb');
    const backup = path.join(path.dirname(file), report.backupName!);
    // The copy is the file as it was (its contents: VACUUM INTO rewrites pages, not values).
    expect(read<{ force: string }>(backup, 'SELECT force_id AS force FROM workbook').force).toBe('narnia');
    expect(read<{ n: number }>(backup, 'SELECT length(title) AS n FROM aim WHERE id = ?', ids.aim).n).toBe(100_006);
    expect(sha256Of(file)).not.toBe(before);
    expect(isSound(integrityCheck(file))).toBe(true);

    expect(report.remaining.problems.map((p) => `${p.recordType}.${p.field}`).sort()).toEqual(['audience.priority', 'workbook.force']);
    expect(report.remaining.repairable).toBe(0);
    // Each repair as listed:
    const workbook = read<Record<string, unknown>>(file, 'SELECT * FROM workbook');
    expect(workbook).toMatchObject({ title: 'Untitled strategy', period_start: null, logo: null, logo_type: null, force_id: 'narnia' });
    const aim = read<{ title: string }>(file, 'SELECT title FROM aim WHERE id = ?', ids.aim);
    expect(aim.title).toBe(`Trust${'x'.repeat(295)}`);
    expect(read<{ created_at: string }>(file, 'SELECT created_at FROM objective WHERE id = ?', ids.objective).created_at).toMatch(/^2026-12-01T10:00:0\d\.000Z$/);
    expect(read<{ parent_id: string | null }>(file, 'SELECT parent_id FROM area WHERE id = ?', ids.kent).parent_id).toBeNull();
    expect(read<Record<string, unknown>>(file, 'SELECT ons_level, lsoa_codes FROM area WHERE id = ?', ids.ward)).toEqual({ ons_level: null, lsoa_codes: '["E01000001","E01000002"]' });
    expect(read<Record<string, unknown>>(file, 'SELECT engagement_state, priority, size_estimate FROM audience WHERE id = ?', ids.youth)).toEqual({ engagement_state: 'unknown', priority: 'urgent', size_estimate: null });
    expect(read<{ barriers: string }>(file, 'SELECT barriers FROM vulnerability WHERE id = ?', ids.vulnerability).barriers).toBe('["trust"]');
    // The id is lower case again, and every link to the audience followed it.
    expect(read<{ n: number }>(file, 'SELECT count(*) AS n FROM audience WHERE id = ?', ids.youth.toUpperCase()).n).toBe(0);
    expect(read<{ n: number }>(file, 'SELECT count(*) AS n FROM asset_audience WHERE target_id = ?', ids.youth).n).toBe(1);
    expect(read<{ n: number }>(file, 'SELECT count(*) AS n FROM audience_area WHERE owner_id = ?', ids.youth).n).toBe(1);
    expect(read<{ n: number }>(file, "SELECT count(*) AS n FROM change_log WHERE record_id = ? AND record_type = 'audience'", ids.youth).n).toBeGreaterThan(0);
    // The table with infinite figures is gone, with the evidence link that cited it.
    expect(read<{ n: number }>(file, 'SELECT (SELECT count(*) FROM census_table) + (SELECT count(*) FROM census_value) + (SELECT count(*) FROM evidence_link) AS n').n).toBe(0);
    expect(read<{ n: number }>(file, "SELECT count(*) AS n FROM workbook_setting").n).toBe(0);
    expect(read<{ n: number }>(file, "SELECT count(*) AS n FROM section_state WHERE section = 'export'").n).toBe(0);

    // Still read-only on opening: two values need a person.
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(true);
    expect(info.needsRepair?.total).toBe(2);
    core.closeAll();
  });

  it('once everything is repaired, the workbook opens for editing, takes changes and round-trips', async () => {
    const { file, ids, dir } = await damaged('KENT POLICE', 'high');
    // Ids of its own: the core that made the workbook used the first ones of the same sequence.
    const core = testCore({ newId: sequentialIds(100_000) });
    const report = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(report.found.repairable).toBe(report.found.total);
    expect(report.remaining).toEqual({ total: 0, repairable: 0, problems: [] });
    expect(read<{ force: string }>(file, 'SELECT force_id AS force FROM workbook').force).toBe('kent');
    const { info, notices } = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(false);
    expect(info.needsRepair).toBeUndefined();
    expect(notices).toEqual([]);
    await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'Riverside strategy' } });
    await expectOk(core, 'updateRecord', { handle: info.handle, type: 'audience', id: ids.youth, changes: { priority: 'medium' } });
    core.closeAll();
    const out = path.join(dir, 'out.json');
    await expectOk(core, 'dumpWorkbook', { path: file, destination: out, personal: true });
    const again = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'again.ewb'), source: out });
    expect(again.readOnly).toBe(false);
    expect(again.counts.audience).toBe(2);
    core.closeAll();
  });

  it('is refused, changing nothing, while someone else is editing the file', async () => {
    const { file } = await damaged('narnia', 'urgent');
    const before = sha256Of(file);
    // A live process on this computer (our parent) holds the lock.
    acquireLock(file, { user: 'colleague', host: os.hostname(), pid: process.ppid }, new Date(), { takeOver: false });
    const core = testCore();
    const refused = await core.call('repairWorkbook', { path: file, apply: true });
    expect(refused.ok ? null : refused.error.code).toBe('in-use');
    expect(sha256Of(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.ewb'))).toEqual([path.basename(file)]);
  });

  it('a workbook with nothing to repair is left alone', async () => {
    const { file } = await soundWorkbook();
    const before = sha256Of(file);
    const core = testCore();
    const report = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(report).toMatchObject({ applied: false, backupName: null, found: { total: 0 } });
    expect(sha256Of(file)).toBe(before);
  });
});

describe('census categories in a loop', () => {
  it('are found, and the loop broken by making its last column a top-level category', async () => {
    const { file, ids } = await soundWorkbook();
    // Asian (position 1) is the group of Bangladeshi (2); make Asian a subgroup of Bangladeshi too.
    tamper(file, (db) => db.prepare('UPDATE census_category SET parent_position = 2 WHERE table_id = ? AND position = 1').run(ids.table));
    const core = testCore();
    const listed = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file });
    expect(listed.found.problems).toEqual([
      expect.objectContaining({ recordType: 'censusTable', recordId: ids.table, field: 'categories', message: 'the category “Ethnic group: Asian: Bangladeshi” is a subgroup of itself through a loop of 2 categories: “Ethnic group: Asian” is a subgroup of “Ethnic group: Asian: Bangladeshi” is a subgroup of “Ethnic group: Asian”', repair: 'Make “Ethnic group: Asian: Bangladeshi” a top-level category' }),
    ]);
    const repaired = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(repaired.remaining.total).toBe(0);
    expect(read<{ parent: number | null }>(file, 'SELECT parent_position AS parent FROM census_category WHERE table_id = ? AND position = 2', ids.table).parent).toBeNull();
    expect(read<{ parent: number | null }>(file, 'SELECT parent_position AS parent FROM census_category WHERE table_id = ? AND position = 1', ids.table).parent).toBe(2);
  });
});
