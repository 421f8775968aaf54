// The change log is the only way to write: a store function called outside a logged change
// refuses, a change that writes without saying what it wrote is rolled back, and each logged change
// notes whether it holds personal values.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChanges } from '../../../electron/core/changes/change-log.ts';
import { writeChange, type ChangeContext } from '../../../electron/core/changes/write-change.ts';
import { openWritable, type WriteDb } from '../../../electron/core/db/open-database.ts';
import { createRecord } from '../../../electron/core/records/record-changes.ts';
import { insertRecord, listRecords } from '../../../electron/core/records/record-store.ts';
import { writeSetting } from '../../../electron/core/workbook/workbook-settings.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, steppingClock, testCore } from '../../helpers/test-core.ts';

async function openedDb(): Promise<{ db: WriteDb; ctx: ChangeContext; close: () => void }> {
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'w.ewb'), details: SAMPLE_DETAILS });
  core.closeAll();
  const db = openWritable(info.path);
  const clock = steppingClock('2026-12-01T09:00:00.000Z');
  return { db, ctx: { now: () => clock().toISOString(), newId: sequentialIds(500), who: 'tester' }, close: () => db.close() };
}

const AIM = { id: '11111111-1111-4111-8111-111111111111', createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z', reviewedAt: null, shareable: true, notes: '', title: 'Unlogged', description: '' };

describe('the one write path', () => {
  it('refuses a store write made outside a logged change, and writes nothing', async () => {
    const { db, close } = await openedDb();
    expect(() => insertRecord(db, 'aim', AIM)).toThrow(/written outside a logged change/);
    expect(() => db.transaction(() => writeSetting(db, 'whoIsMissingThreshold', '0.2'))()).toThrow(/written outside a logged change/);
    expect(listRecords(db, 'aim')).toEqual([]);
    close();
  });

  it('rolls back a change that writes but logs nothing', async () => {
    const { db, ctx, close } = await openedDb();
    expect(() => writeChange(db, ctx, () => {
      insertRecord(db, 'aim', AIM);
      return { result: null, change: null };
    })).toThrow(/wrote to the workbook but logged nothing/);
    expect(listRecords(db, 'aim')).toEqual([]);
    expect(listChanges(db)).toEqual([]);
    close();
  });

  it('rolls back the change and its entry together when the change fails part way', async () => {
    const { db, ctx, close } = await openedDb();
    expect(() => writeChange(db, ctx, () => {
      insertRecord(db, 'aim', AIM);
      throw new Error('disk trouble half-way');
    })).toThrow('disk trouble half-way');
    expect(listRecords(db, 'aim')).toEqual([]);
    expect(listChanges(db)).toEqual([]);
    close();
  });

  it('logs each change once, with who and when, marking the ones that hold personal values', async () => {
    const { db, ctx, close } = await openedDb();
    const aim = createRecord(db, ctx, 'aim', { title: 'Build trust' });
    createRecord(db, ctx, 'objective', { title: 'A contact in every ward', aimId: aim.id, owner: 'Sam Owner' });
    createRecord(db, ctx, 'objective', { title: 'A surgery a month', aimId: aim.id });
    const log = listChanges(db);
    expect(log.map((e) => [e.kind, e.action, e.who, e.personal, e.undoable])).toEqual([
      ['aim', 'create', 'tester', false, true],
      ['objective', 'create', 'tester', true, true],
      ['objective', 'create', 'tester', false, true],
    ]);
    expect(log.every((e) => /^2026-12-01T09:00:\d\d\.000Z$/.test(e.at))).toBe(true);
    close();
  });

  it('every core module that writes SQL asks for the write scope (the log itself and migrations aside)', () => {
    const root = path.resolve(import.meta.dirname, '../../../electron/core');
    const writesSql = /(['"`]|^\s+)(INSERT|UPDATE|DELETE)\s/m;
    // The log itself; migrations; and the value checks, whose repair statements only
    // repair-values.ts runs, inside its own transaction that logs the repair.
    const exempt = [/^changes\//, /^db\/migrations\//, /^db\/check-[a-z-]+\.ts$/, /\/check-[a-z-]+-values\.ts$/];
    const offenders: string[] = [];
    for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || exempt.some((pattern) => pattern.test(file.split(path.sep).join('/')))) continue;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (writesSql.test(text) && !text.includes('requireWriteScope(')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    // The check finds what it looks for: a module like the stores, without the guard, is an offender.
    expect(writesSql.test("db.prepare('DELETE FROM area WHERE id = ?')")).toBe(true);
  });
});
