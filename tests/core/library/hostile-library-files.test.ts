// QUALITY.md's hostile files, added to the practice library: each is refused with its reason, the
// file itself is never changed, and the open workbook is left as it was (no entry, no change logged).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';
import { olderWorkbook, writeOlderWorkbookFile } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';
import { tamper } from '../../helpers/tampered-workbook.ts';

function variant(dir: string, sound: string, name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(sound, file);
  return file;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Our open workbook, with one change made, and a sound workbook of another force beside it. */
async function setup() {
  const dir = tempDir('ewb-library-hostile-');
  const sound = await forceWorkbook(dir, 'sound.ewb', 'surrey', [{ title: 'Cafe', depth: 'consult' }]);
  const core = testCore();
  const ours = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'ours.ewb'), details: SAMPLE_DETAILS });
  await expectOk(core, 'createRecord', { handle: ours.handle, type: 'aim', values: { title: 'Build trust' } });
  const undoBefore = await expectOk(core, 'getUndoState', { handle: ours.handle });
  return { dir, sound: sound.file, core, handle: ours.handle, undoBefore };
}

describe('hostile files added to the practice library', () => {
  const cases: Array<[string, (dir: string, sound: string) => string, RegExp]> = [
    ['an empty file', (dir) => (fs.writeFileSync(path.join(dir, 'empty.ewb'), ''), path.join(dir, 'empty.ewb')), /empty/i],
    ['a text file', (dir) => (fs.writeFileSync(path.join(dir, 'text.ewb'), 'Minutes of the meeting\n'.repeat(20)), path.join(dir, 'text.ewb')), /not an Engagement Workbook|not a workbook/i],
    ['another application’s database', (dir) => {
      const file = path.join(dir, 'other-app.ewb');
      const db = new Database(file);
      db.exec('CREATE TABLE t (x)');
      db.close();
      return file;
    }, /another application|not an Engagement Workbook/i],
    ['a truncated workbook', (dir, sound) => {
      const file = variant(dir, sound, 'truncated.ewb');
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      return file;
    }, /damaged|truncated|cut short|incomplete/i],
    ['a workbook from a newer version', (dir, sound) => {
      const file = variant(dir, sound, 'future.ewb');
      tamper(file, (db) => db.pragma('user_version = 999'));
      return file;
    }, /newer/],
    ['a workbook with a foreign trigger', (dir, sound) => {
      const file = variant(dir, sound, 'trigger.ewb');
      tamper(file, (db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON practice BEGIN DELETE FROM aim; END`));
      return file;
    }, /extra trigger "evil"/],
    ['a workbook with an extra table', (dir, sound) => {
      const file = variant(dir, sound, 'table.ewb');
      tamper(file, (db) => db.exec('CREATE TABLE payload (x)'));
      return file;
    }, /extra table "payload"/],
    ['a workbook holding a value the app cannot use', (dir, sound) => {
      const file = variant(dir, sound, 'value.ewb');
      tamper(file, (db) => db.prepare(`UPDATE practice SET depth = 'telepathy'`).run());
      return file;
    }, /cannot use/],
    ['a workbook with a page overwritten', (dir, sound) => {
      const file = variant(dir, sound, 'overwritten.ewb');
      const bytes = fs.readFileSync(file);
      const pageSize = bytes.readUInt16BE(16);
      // The second page (a table's b-tree) filled with noise: the header is sound, the contents are not.
      bytes.fill(0xa5, pageSize, pageSize * 2);
      fs.writeFileSync(file, bytes);
      return file;
    }, /damaged|could not be read/],
    ['a file over the size limit', (dir) => {
      const file = path.join(dir, 'huge.ewb');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, LIMITS.libraryWorkbookBytes + 1);
      return file;
    }, /may be at most/],
    ['a folder', (dir) => {
      fs.mkdirSync(path.join(dir, 'folder.ewb'), { recursive: true });
      return path.join(dir, 'folder.ewb');
    }, /folder/],
  ];

  for (const [what, make, reason] of cases) {
    it(`refuses ${what}, changing neither it nor the open workbook`, async () => {
      const { dir, sound, core, handle, undoBefore } = await setup();
      const ours = { handle };
      const file = make(dir, sound);
      const before = fs.statSync(file).isFile() && fs.statSync(file).size < 100_000_000 ? sha(file) : null;
      const result = await core.call('addToLibrary', { handle: ours.handle, paths: [file] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(reason);
      expect(result.error.message).toContain(path.basename(file));
      if (before) expect(sha(file)).toBe(before);
      expect(await expectOk(core, 'listLibrary', { handle: ours.handle })).toEqual([]);
      expect(await expectOk(core, 'getUndoState', { handle: ours.handle })).toEqual(undoBefore);
    });
  }

  it('brings a workbook from an older version up to date in a private copy, never in place', async () => {
    const { dir, core, handle } = await setup();
    const ours = { handle };
    const file = path.join(dir, 'older.ewb');
    writeOlderWorkbookFile(file, (db) => {
      olderWorkbook(db, 9, {
        id: '22222222-2222-4222-8222-222222222222',
        forceId: 'sussex',
        title: 'Sussex plan',
        periodStart: '2024-04-01',
        periodEnd: '2025-03-31',
        author: 'A. Person',
        versionLabel: 'v1',
        appVersion: '0.6.0',
        createdAt: '2025-01-01T00:00:00.000Z',
        modifiedAt: '2025-01-02T00:00:00.000Z',
      });
      db.prepare(`INSERT INTO practice (id, created_at, updated_at, title, origin, depth) VALUES ('33333333-3333-4333-8333-333333333333', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'Older practice', 'our-now', 'inform')`).run();
    });
    const before = sha(file);
    const added = await expectOk<{ added: Array<{ practices: number }> }>(core, 'addToLibrary', { handle: ours.handle, paths: [file] });
    expect(added.added[0]!.practices).toBe(1);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('older'))).toEqual(['older.ewb']);
  });
});
