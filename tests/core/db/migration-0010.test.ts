// Migration 0010 (the WHAT worksheets): a version-9 workbook keeps every record and its history,
// gains empty tables for messages, community priorities and activities with their links, holds the
// new columns to what they may store, and opened in the app takes the new records, with undo
// reaching back past the migration.
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

/** A version-9 workbook with an audience, created through the history as the app of its day did. */
function versionNineWorkbook(db: Database.Database): void {
  olderWorkbook(db, 9, { id: WORKBOOK_ID, forceId: 'dyfed-powys', title: 'Dyfed-Powys plan', appVersion: '0.6.0', createdAt: AT, modifiedAt: AT });
  audienceWithHistory(db, { id: AUDIENCE, at: AT, name: 'Welsh-speaking farming families', kind: 'farming', engagementState: 'receptive', priority: 'high' });
}

const NEW_TABLES = [
  'message',
  'message_objective',
  'message_audience',
  'message_channel',
  'community_priority',
  'activity',
  'activity_audience',
  'activity_channel',
  'activity_partner',
  'activity_place',
  'activity_event',
  'activity_message',
  'activity_priority',
  'activity_vulnerability',
  'activity_objective',
];

describe('migration 0010: messages, community priorities and the action plan', () => {
  it('adds the new tables empty and keeps every record and entry of the history', () => {
    const db = new Database(':memory:');
    versionNineWorkbook(db);
    expectMigrationKeeps(db, 10, { kept: ['workbook', 'audience'], added: NEW_TABLES });
    db.close();
  });

  it('holds a flagship mark to yes or no and a six-point check to a JSON object, and takes links away with their records', () => {
    const db = new Database(':memory:');
    versionNineWorkbook(db);
    runMigrations(db, 10);
    db.pragma('foreign_keys = ON');
    const activity = db.prepare(`INSERT INTO activity (id, created_at, updated_at, title, recurrence, status, flagship) VALUES (?, ?, ?, 'Farm watch evening', 'monthly', 'planned', ?)`);
    expect(() => activity.run('a2', AT, AT, 2)).toThrow(/CHECK/);
    activity.run('a1', AT, AT, 1);
    const message = db.prepare(`INSERT INTO message (id, created_at, updated_at, text, status, quality_check) VALUES (?, ?, ?, 'Lock up quad bikes at night', 'draft', ?)`);
    expect(() => message.run('m2', AT, AT, 'not json')).toThrow(/CHECK/);
    expect(() => message.run('m2', AT, AT, '[]')).toThrow(/CHECK/);
    message.run('m1', AT, AT, '{}');
    db.prepare('INSERT INTO message_audience (owner_id, target_id) VALUES (?, ?)').run('m1', AUDIENCE);
    db.prepare('INSERT INTO activity_message (owner_id, target_id) VALUES (?, ?)').run('a1', 'm1');
    expect(() => db.prepare('INSERT INTO activity_priority (owner_id, target_id) VALUES (?, ?)').run('a1', 'no-such-priority')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM message WHERE id = 'm1'").run();
    expect(db.prepare('SELECT count(*) FROM message_audience').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM activity_message').pluck().get()).toBe(0);
    db.close();
  });

  it('an older workbook opened in the app takes a message with its Welsh text and check, and undo still reaches its old history', async () => {
    const file = path.join(tempDir(), 'Dyfed-Powys plan.ewb');
    writeOlderWorkbookFile(file, versionNineWorkbook);
    const { core, info } = await openOlderInApp(file);
    const welsh = 'Cloiwch eich beiciau cwad dros nos: mae lladron yn gweithio’r ffermydd ar hyd y ffin.';
    const made = await expectWritten<{ id: string; qualityCheck: Record<string, { pass: boolean | null }> }>(core, 'createRecord', {
      handle: info.handle,
      type: 'message',
      values: { text: 'Lock your quad bikes away at night: thieves are working the farms along the border.', textWelsh: welsh, status: 'live', audienceIds: [AUDIENCE], qualityCheck: { consistent: { pass: true, note: '' }, appropriate: { pass: true, note: '' }, challenging: { pass: false, note: 'No promise from us' }, tailored: { pass: true, note: '' }, specific: { pass: true, note: '' }, interesting: { pass: null, note: '' } } },
    });
    expect(made.qualityCheck.challenging!.pass).toBe(false);
    const listed = await expectOk<{ records: Array<Record<string, unknown>> }>(core, 'listRecords', { handle: info.handle, type: 'message' });
    expect(listed.records[0]).toMatchObject({ textWelsh: welsh, audienceIds: [AUDIENCE] });
    for (let step = 0; step < 2; step += 1) await expectOk(core, 'undo', { handle: info.handle });
    expect((await expectOk<{ records: unknown[] }>(core, 'listRecords', { handle: info.handle, type: 'message' })).records).toEqual([]);
    expect((await expectOk<{ records: unknown[] }>(core, 'listRecords', { handle: info.handle, type: 'audience' })).records).toEqual([]);
    core.closeAll();
  });
});
