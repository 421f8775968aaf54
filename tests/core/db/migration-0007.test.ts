// Migration 0007 (the HOW worksheets and the receptivity grid): a version-6 workbook keeps every
// record and its history, gains empty tables for channels, partners, community events, practice and
// the grid, and opened in the app takes new records and grid cells, with undo reaching back past
// the migration.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../electron/core/db/run-migrations.ts';
import { audienceWithHistory, expectMigrationKeeps, olderWorkbook, openOlderInApp, writeOlderWorkbookFile } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, expectWritten } from '../../helpers/test-core.ts';

const WORKBOOK_ID = '11111111-1111-4111-8111-111111111111';
const AUDIENCE = '22222222-2222-4222-8222-222222222222';
const AT = '2026-11-20T10:00:00.000Z';

/** A version-6 workbook with an audience, created through the history as the app of its day did. */
function versionSixWorkbook(db: Database.Database): void {
  olderWorkbook(db, 6, { id: WORKBOOK_ID, forceId: 'kent', title: 'Kent plan', appVersion: '0.5.0', createdAt: AT, modifiedAt: AT });
  audienceWithHistory(db, { id: AUDIENCE, at: AT, name: 'Young people in Riverside', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' });
}

const NEW_TABLES = ['channel', 'partner', 'partner_audience', 'community_event', 'community_event_audience', 'practice', 'receptivity'];

describe('migration 0007: the HOW worksheets and the receptivity grid', () => {
  it('adds the new tables empty and keeps every record and entry of the history', () => {
    const db = new Database(':memory:');
    versionSixWorkbook(db);
    expectMigrationKeeps(db, 7, { kept: ['workbook', 'audience'], added: NEW_TABLES });
    db.close();
  });

  it('holds the grid to what a cell may say, and takes a cell away with its audience or channel', () => {
    const db = new Database(':memory:');
    versionSixWorkbook(db);
    runMigrations(db, 7);
    db.pragma('foreign_keys = ON');
    db.prepare(`INSERT INTO channel (id, created_at, updated_at, name, kind, status) VALUES ('c', ?, ?, 'Riverside Alert', 'community-messaging', 'have')`).run(AT, AT);
    const insert = db.prepare('INSERT INTO receptivity (audience_id, channel_id, value, note) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(AUDIENCE, 'c', 'maybe', '')).toThrow(/CHECK/);
    // A cell that says nothing is absent, never stored.
    expect(() => insert.run(AUDIENCE, 'c', 'unknown', '')).toThrow(/CHECK/);
    expect(() => insert.run(AUDIENCE, 'c', 'yes', 'x'.repeat(2001))).toThrow(/CHECK/);
    expect(() => insert.run(AUDIENCE, 'no-such-channel', 'yes', '')).toThrow(/FOREIGN KEY/);
    insert.run(AUDIENCE, 'c', 'yes', 'Youth forum survey, 2026');
    db.prepare("DELETE FROM channel WHERE id = 'c'").run();
    expect(db.prepare('SELECT count(*) FROM receptivity').pluck().get()).toBe(0);
    db.close();
  });

  it('an older workbook opened in the app takes channels and grid cells, and undo still reaches its old history', async () => {
    const file = path.join(tempDir(), 'Kent plan.ewb');
    writeOlderWorkbookFile(file, versionSixWorkbook);
    const { core, info } = await openOlderInApp(file);
    const channel = await expectWritten<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'channel', values: { name: 'Riverside Alert', kind: 'community-messaging', status: 'have' } });
    await expectWritten(core, 'setReceptivity', { handle: info.handle, audienceId: AUDIENCE, channelId: channel.id, value: 'yes' });
    expect(await expectOk(core, 'listReceptivity', { handle: info.handle })).toEqual([{ audienceId: AUDIENCE, channelId: channel.id, value: 'yes', note: '' }]);
    for (let step = 0; step < 3; step += 1) await expectOk(core, 'undo', { handle: info.handle });
    expect((await expectOk<{ records: unknown[] }>(core, 'listRecords', { handle: info.handle, type: 'audience' })).records).toEqual([]);
    core.closeAll();
  });
});
