// `ewb` as a user runs it: the real binary, its output, its exit codes (0 done, 1 refused,
// 2 usage), and never a stack trace.
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb } from '../helpers/cli-in-child.ts';
import { sha } from '../helpers/file-sha.ts';

function ewb(args: string[], configDir?: string) {
  return runEwb(args, configDir ? { configDir } : {});
}

function expectRefusal(result: ReturnType<typeof ewb>, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).toMatch(/^error: /);
  expect(result.err).toMatch(message);
  expect(result.err).not.toMatch(/\n\s+at |\.ts:\d+/);
}

describe('ewb', () => {
  it('--help lists the commands and exit codes', () => {
    const result = ewb(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['new', 'info', 'check', 'dump', 'forces', 'schema']) expect(result.out).toContain(command);
    expect(result.out).toContain('Exit codes');
  });

  it('usage errors exit 2', () => {
    expect(ewb(['frobnicate']).code).toBe(2);
    expect(ewb(['info']).code).toBe(2);
    expect(ewb(['new', 'x.ewb', '--marking', 'SECRET']).code).toBe(2);
  });

  it('new → info → check, as in the acceptance steps', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.ewb');
    const created = ewb(['new', file, '--force', 'Kent Police', '--title', 'Test']);
    expect(created.code).toBe(0);
    expect(created.out).toContain('Created');
    const info = ewb(['info', file, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.out) as Record<string, unknown>;
    expect(parsed).toMatchObject({ force: 'kent', forceName: 'Kent Police', title: 'Test', marking: 'OFFICIAL-SENSITIVE', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(ewb(['info', file]).out).toMatch(/Title:\s+Test/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    const check = ewb(['check', file]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^ok: a\.ewb is a sound workbook/);
    expect(fs.readdirSync(dir)).toEqual(['a.ewb']);
  });

  it('--force takes either name, in any case', () => {
    const dir = tempDir();
    for (const [i, name] of ['HAMPSHIRE CONSTABULARY', 'hampshire and isle of wight constabulary', 'Devon & Cornwall Police'].entries()) {
      const result = ewb(['new', path.join(dir, `${i}.ewb`), '--force', name, '--title', 'T']);
      expect(result.code, result.err).toBe(0);
    }
    expectRefusal(ewb(['new', path.join(dir, 'x.ewb'), '--force', 'Atlantis Police', '--title', 'T']), /no force called "Atlantis Police"/);
    expectRefusal(ewb(['new', path.join(dir, 'y.ewb'), '--title', 'T']), /needs --force and --title/);
  });

  it('check refuses each kind of bad file with its own message, leaving it byte-for-byte unchanged', () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.ewb');
    expect(ewb(['new', good, '--force', 'kent', '--title', 'Good']).code).toBe(0);
    const bytes = fs.readFileSync(good);
    const files: Array<[string, (f: string) => void, RegExp]> = [
      ['truncated.ewb', (f) => fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2) + 100)), /damaged: it has been cut short/],
      ['zero.ewb', (f) => fs.writeFileSync(f, ''), /is empty \(0 bytes\)/],
      ['text.ewb', (f) => fs.writeFileSync(f, 'This is not a workbook.\n'), /is a text file/],
      ['other-app.ewb', (f) => { const d = new Database(f); d.exec('CREATE TABLE t (x)'); d.close(); }, /made by another application/],
      ['future.ewb', (f) => { fs.copyFileSync(good, f); const d = new Database(f); d.pragma('user_version = 99'); d.close(); }, /newer Engagement Workbook.*needs a later version/],
    ];
    for (const [name, make, message] of files) {
      const file = path.join(dir, name);
      make(file);
      const before = sha(file);
      expectRefusal(ewb(['check', file]), message);
      expect(sha(file), name).toBe(before);
      const json = ewb(['check', file, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out)).toMatchObject({ ok: false });
      expect(sha(file), name).toBe(before);
    }
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.ewb'))).toEqual([]);
  });

  it('dump → new --from → dump gives the same JSON, ids aside; --keep-id keeps it', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.ewb');
    expect(ewb(['new', a, '--force', 'Kent Police', '--title', 'Test', '--author', 'A. Planner', '--period-start', '2027-04-01', '--period-end', '2030-03-31']).code).toBe(0);
    expect(ewb(['dump', a, path.join(dir, 'a.json')]).code).toBe(0);
    expect(ewb(['new', path.join(dir, 'b.ewb'), '--from', path.join(dir, 'a.json')]).code).toBe(0);
    expect(ewb(['dump', path.join(dir, 'b.ewb'), path.join(dir, 'b.json')]).code).toBe(0);
    const aJson = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')) as { workbook: Record<string, unknown> };
    const bJson = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as { workbook: Record<string, unknown> };
    expect(bJson.workbook.id).not.toBe(aJson.workbook.id);
    expect({ ...bJson, workbook: { ...bJson.workbook, id: aJson.workbook.id } }).toEqual(aJson);
    expect(aJson.workbook).not.toHaveProperty('author');

    expect(ewb(['dump', a, path.join(dir, 'p.json'), '--personal']).code).toBe(0);
    expect(ewb(['new', path.join(dir, 'c.ewb'), '--from', path.join(dir, 'p.json'), '--keep-id', '--title', 'Overridden']).code).toBe(0);
    const c = JSON.parse(ewb(['info', path.join(dir, 'c.ewb'), '--json']).out) as Record<string, unknown>;
    expect(c).toMatchObject({ id: aJson.workbook.id, title: 'Overridden', author: 'A. Planner', force: 'kent' });
  });

  it('new --from refuses a bad interchange file without leaving a workbook', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"format": "engagement-workbook", "version": 1,');
    expectRefusal(ewb(['new', path.join(dir, 'w.ewb'), '--from', path.join(dir, 'bad.json')]), /not valid JSON at line 1/);
    expect(fs.existsSync(path.join(dir, 'w.ewb'))).toBe(false);
  });

  it('forces --json lists 46 forces with names, police.uk names and neighbours by name', () => {
    const result = ewb(['forces', '--json']);
    expect(result.code).toBe(0);
    const forces = JSON.parse(result.out) as Array<{ name: string; policeUkName: string | null; neighbours: string[] }>;
    expect(forces).toHaveLength(46);
    expect(Object.keys(forces[0]!).sort()).toEqual(['name', 'neighbours', 'policeUkName']);
    const hampshire = forces.find((f) => f.name === 'Hampshire and Isle of Wight Constabulary');
    expect(hampshire?.policeUkName).toBe('Hampshire Constabulary');
    expect(hampshire?.neighbours).toContain('Dorset Police');
    expect(forces.find((f) => f.name === 'Police Scotland')?.policeUkName).toBeNull();
    expect(ewb(['forces']).out).toContain('Kent Police');
  });

  it('schema prints the committed JSON Schema', () => {
    const result = ewb(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual(JSON.parse(fs.readFileSync(path.resolve('resources/interchange/engagement-workbook.schema.json'), 'utf8')));
  });

  it('a workbook open for editing elsewhere can still be read: info takes no lock', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.ewb');
    expect(ewb(['new', file, '--force', 'kent', '--title', 'Busy']).code).toBe(0);
    fs.writeFileSync(path.join(dir, '~$a.ewb.lock'), JSON.stringify({ app: 'engagement-workbook', user: 'x', host: 'elsewhere', pid: 1, since: '2026-11-25T09:00:00.000Z' }));
    expect(ewb(['info', file]).code).toBe(0);
    expect(ewb(['dump', file, path.join(dir, 'a.json')]).code).toBe(0);
    expect(ewb(['check', file]).code).toBe(0);
  });

  it('dump never writes JSON over a workbook unless --replace-workbook, and never over the one it reads', () => {
    const dir = tempDir();
    const d1 = path.join(dir, 'd1.ewb');
    const d2 = path.join(dir, 'd2.ewb');
    expect(ewb(['new', d1, '--force', 'kent', '--title', 'One']).code).toBe(0);
    expect(ewb(['new', d2, '--force', 'kent', '--title', 'Two']).code).toBe(0);
    const before = { d1: sha(d1), d2: sha(d2) };
    expectRefusal(ewb(['dump', d1, d1]), /"d1\.ewb" is the workbook this is made from/);
    expectRefusal(ewb(['dump', d1, d1, '--replace-workbook']), /"d1\.ewb" is the workbook this is made from/);
    expectRefusal(ewb(['dump', d1, d2]), /"d2\.ewb" is a workbook\. Writing this file there would replace the workbook and everything in it\. Choose another name, or add --replace-workbook/);
    expect({ d1: sha(d1), d2: sha(d2) }).toEqual(before);
    expect(ewb(['check', d1]).code).toBe(0);
    expect(ewb(['dump', d1, d2, '--replace-workbook']).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(d2, 'utf8'))).toMatchObject({ format: 'engagement-workbook' });
    expect(sha(d1)).toBe(before.d1);
  });
});
