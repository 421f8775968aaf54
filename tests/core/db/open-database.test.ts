// Opening a file is opening untrusted input: each wrong file is named and left byte-for-byte alone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReadOnly, openWritable, readConnectionSettings } from '../../../electron/core/db/open-database.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

let dir: string;
let good: string;

beforeEach(async () => {
  dir = tempDir();
  good = path.join(dir, 'good.ewb');
  const core = testCore();
  await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: good, details: SAMPLE_DETAILS });
  core.closeAll();
});

function variant(name: string, make: (file: string) => void): string {
  const file = path.join(dir, name);
  make(file);
  return file;
}

function copyThen(name: string, sql: string): string {
  return variant(name, (file) => {
    fs.copyFileSync(good, file);
    const db = new Database(file);
    db.exec(sql);
    db.close();
  });
}

const EXPECTED_SETTINGS = {
  journal_mode: 'delete',
  synchronous: 2, // FULL
  trusted_schema: 0,
  cell_size_check: 1,
  mmap_size: 0,
  foreign_keys: 1,
  secure_delete: 1,
};

describe('connection settings', () => {
  it('every writable connection uses a rollback journal, FULL sync and the defensive settings', () => {
    const db = openWritable(good);
    expect(readConnectionSettings(db)).toEqual(EXPECTED_SETTINGS);
    db.close();
  });

  it('every read-only connection has the same defences, on a checked snapshot frozen with query_only', () => {
    const db = openReadOnly(good);
    expect(readConnectionSettings(db)).toEqual(EXPECTED_SETTINGS);
    expect(db.pragma('query_only', { simple: true })).toBe(1);
    expect(() => db.prepare(`UPDATE workbook SET title = 'x'`).run()).toThrow(/readonly/i);
    db.close();
  });

  it('a new workbook carries our application id and is never in WAL mode', () => {
    const bytes = fs.readFileSync(good);
    expect(bytes.readUInt32BE(68)).toBe(0x45574231);
    expect(bytes[18]).toBe(1);
    expect(bytes[19]).toBe(1);
  });
});

describe('refused files', () => {
  const cases: Array<[string, (file: string) => void, string, RegExp]> = [
    ['zero bytes', (f) => fs.writeFileSync(f, ''), 'not-a-workbook', /empty \(0 bytes\)/],
    ['a text file', (f) => fs.writeFileSync(f, 'Title,Force\nPlan,Kent\n'), 'not-a-workbook', /is a text file/],
    ['random bytes', (f) => fs.writeFileSync(f, Buffer.from([0, 1, 2, 3, 255, 254, 0, 9, 8])), 'not-a-workbook', /not an Engagement Workbook file/],
    ['a PNG', (f) => fs.writeFileSync(f, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 'not-a-workbook', /not an Engagement Workbook file/],
    [
      "another application's SQLite",
      (f) => {
        const db = new Database(f);
        db.exec('CREATE TABLE notes (body TEXT)');
        db.close();
      },
      'not-a-workbook',
      /made by another application/,
    ],
    ['a folder', (f) => fs.mkdirSync(f), 'not-a-workbook', /is a folder/],
    ['a missing file', () => {}, 'not-found', /There is no file/],
  ];

  for (const [label, make, code, message] of cases) {
    it(`refuses ${label} with its own message and leaves it unchanged`, async () => {
      const file = variant(`case-${label.replace(/\W+/g, '-')}.ewb`, make);
      const before = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
      const core = testCore();
      for (const request of [{ path: file }, { path: file, readOnly: true }]) {
        const result = await core.call('openWorkbook', request);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe(code);
          expect(result.error.message).toMatch(message);
        }
      }
      const check = await expectOk<{ ok: boolean; problems: string[] }>(core, 'checkWorkbook', { path: file });
      expect(check.ok).toBe(false);
      expect(check.problems[0]).toMatch(message);
      if (before) expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('~$'))).toEqual([]);
    });
  }

  it('refuses a truncated copy, naming the truncation', async () => {
    const bytes = fs.readFileSync(good);
    const cut = variant('cut.ewb', (f) => fs.writeFileSync(f, bytes.subarray(0, 5000)));
    const cutOnPage = variant('cut-page.ewb', (f) => fs.writeFileSync(f, bytes.subarray(0, 4096 * 2)));
    const core = testCore();
    for (const file of [cut, cutOnPage]) {
      const before = fs.readFileSync(file);
      const result = await core.call('openWorkbook', { path: file });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('damaged');
        expect(result.error.message).toMatch(/cut short/);
      }
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });

  const schemaChanges: Array<[string, string, RegExp]> = [
    ['an extra trigger', 'CREATE TRIGGER spy AFTER UPDATE ON workbook BEGIN SELECT 1; END;', /extra trigger "spy"/],
    ['an extra view', 'CREATE VIEW v AS SELECT * FROM workbook;', /extra view "v"/],
    ['an extra table', 'CREATE TABLE extra (x);', /extra table "extra"/],
    ['an extra index', 'CREATE INDEX by_title ON workbook (title);', /extra index "by_title"/],
    ['a dropped table', 'DROP TABLE change_log;', /"change_log[a-z_]*" is missing/],
    ['a changed table', 'ALTER TABLE workbook ADD COLUMN secret TEXT;', /table "workbook" has been changed/],
  ];
  for (const [label, sql, message] of schemaChanges) {
    it(`refuses a workbook with ${label}`, async () => {
      const file = copyThen(`schema-${label.replace(/\W+/g, '-')}.ewb`, sql);
      const before = fs.readFileSync(file);
      const core = testCore();
      const result = await core.call('openWorkbook', { path: file });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('not-a-workbook');
        expect(result.error.message).toMatch(message);
      }
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });
  }

  it('refuses a workbook switched to WAL mode by another program', async () => {
    const file = copyThen('wal.ewb', 'PRAGMA journal_mode = WAL;');
    const before = fs.readFileSync(file);
    const core = testCore();
    const result = await core.call('openWorkbook', { path: file });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/write-ahead log/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a workbook whose details row is missing', async () => {
    const file = copyThen('empty-details.ewb', 'DELETE FROM workbook;');
    const core = testCore();
    const result = await core.call('openWorkbook', { path: file, readOnly: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/details are missing/);
  });

  it('refuses a damaged page with "damaged", not a crash', async () => {
    const bytes = Buffer.from(fs.readFileSync(good));
    bytes.fill(0xa5, 4096 + 8, 4096 + 200);
    const file = variant('smashed.ewb', (f) => fs.writeFileSync(f, bytes));
    const core = testCore();
    const result = await core.call('checkWorkbook', { path: file });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const report = result.value as { ok: boolean; problems: string[] };
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatch(/damaged|not a workbook/);
    }
  });
});
