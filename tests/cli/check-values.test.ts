// `ewb check` and `ewb repair` on a workbook edited behind the app's back: each bad value listed
// with its record (type, id, title, field, what is wrong), exit 1, the file untouched; repairs
// made only with --yes, after a backup copy.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { soundWorkbook, tamper } from '../helpers/tampered-workbook.ts';
import { sha256Of } from '../helpers/workbook-file-checks.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';

function expectOneErrorLine(err: string, message: RegExp): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^error: /);
  expect(err.trim()).toMatch(message);
  expect(err).not.toMatch(/\n\s+at |\.ts:\d+/);
}

describe('ewb check and ewb repair', () => {
  it('check lists each bad value with its record and exits 1, changing nothing', async () => {
    const { file, ids } = await soundWorkbook();
    tamper(file, (db) => {
      db.prepare("UPDATE workbook SET force_id = 'narnia'").run();
      db.prepare('UPDATE aim SET title = ? WHERE id = ?').run(`A\u0000${'b'.repeat(400)}`, ids.aim);
      db.prepare('UPDATE area SET parent_id = ? WHERE id = ?').run(ids.kent, ids.kent);
    });
    const before = sha256Of(file);
    const check = ewb(['check', file]);
    expect(check.code).toBe(1);
    expect(check.out.trim().split('\n')).toEqual([
      expect.stringMatching(/^workbook [0-9a-f-]{36} “Community engagement strategy 2027–2030”, Force \(force\): “narnia” is not one of the 46 UK police forces — repair: choose the force \(ewb repair --force NAME\)$/),
      `aim ${ids.aim} “A${'b'.repeat(78)}…”, Aim (title): is 402 characters long (at most 300), and holds control characters that cannot be printed — repair: cut it to 300 characters and remove the characters that cannot be printed`,
      `area ${ids.kent} “Kent”, Part of (parentId): is part of itself — repair: make it part of no area`,
    ]);
    expectOneErrorLine(check.err, /"Riverside plan\.ewb" holds 3 values that Engagement Workbook cannot use .* Run "ewb repair .*Riverside plan\.ewb" to see what can be repaired\./);
    const json = ewb(['check', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, values: { total: 3, repairable: 2 } });
    expect(sha256Of(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);

    // The force no repair can guess is given by the user.
    expectOneErrorLine(ewb(['repair', file, '--force', 'Atlantis Police']).err, /no force called "Atlantis Police"/);
    const repaired = ewb(['repair', file, '--force', 'Sussex Police', '--yes']);
    expect(repaired.err).toBe('');
    expect(repaired.code).toBe(0);
    expect(repaired.out).toContain('repair: set it to Sussex Police');
    expect(ewb(['info', file, '--json']).out).toContain('"force": "sussex"');
  });

  it('repair lists without --yes, repairs with it, after a backup copy', async () => {
    const { file, ids } = await soundWorkbook();
    tamper(file, (db) => {
      db.prepare("UPDATE workbook SET force_id = 'Kent Police'").run();
      db.prepare('UPDATE area SET parent_id = ? WHERE id = ?').run(ids.kent, ids.kent);
    });
    const before = sha256Of(file);
    const listed = ewb(['repair', file]);
    expect(listed.code).toBe(1);
    expect(listed.out).toContain('repair: set it to Kent Police');
    expect(listed.out).toContain(`Nothing has been changed: run "ewb repair ${file} --yes" to make the 2 repairs listed.`);
    expectOneErrorLine(listed.err, /holds 2 values the app cannot use$/);
    expect(sha256Of(file)).toBe(before);

    const repaired = ewb(['repair', file, '--yes']);
    expect(repaired.err).toBe('');
    expect(repaired.code).toBe(0);
    expect(repaired.out).toMatch(/Repaired 2 of 2 \(the file as it was is kept as "Riverside plan \(before repair \d{4}-\d\d-\d\d \d{6}\)\.ewb"\)\./);
    const backup = fs.readdirSync(path.dirname(file)).find((name) => name.includes('before repair'));
    expect(backup).toBeDefined();
    const check = ewb(['check', file]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^ok: Riverside plan\.ewb is a sound workbook/);
    expect(ewb(['repair', file]).out).toBe('ok: Riverside plan.ewb holds no values that need repair.\n');
  });
});
