// `ewb share` as a user runs it: --dry-run prints the summary and writes nothing, a share copy is
// written with its provenance, `ewb check` says it verifies, a mistyped note to keep is refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb } from '../helpers/cli-in-child.ts';

const config = tempDir('ewb-cli-config-');

function ewb(args: string[]) {
  return runEwb(args, { configDir: config });
}

describe('ewb share', () => {
  it('previews with --dry-run, writes a verified copy, and refuses a note that is not one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'Plan.ewb');
    const out = path.join(dir, 'For Essex.ewb');
    expect(ewb(['new', file, '--force', 'Kent Police', '--title', 'Riverside', '--author', 'Ada Planner']).code).toBe(0);

    const dry = ewb(['share', file, out, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toContain('Share copy of "Riverside" (Kent Police)');
    expect(dry.out).toContain('The author’s name');
    expect(dry.out).toContain('The history of changes');
    expect(fs.readdirSync(dir).sort()).toEqual(['Plan.ewb']);

    const wrong = ewb(['share', file, out, '--keep-notes', 'nothing-like-it']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^error: There is no note to keep called "nothing-like-it"/);
    expect(fs.existsSync(out)).toBe(false);

    const shared = ewb(['share', file, out]);
    expect(shared.code).toBe(0);
    expect(shared.out).toMatch(/Wrote .*For Essex\.ewb: share copy from Kent Police, \d{4}-\d\d-\d\d \(SHA-256 [0-9a-f]{64}\)/);
    const check = ewb(['check', out]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/share copy from Kent Police, \d{4}-\d\d-\d\d: provenance verified\./);
    expect(ewb(['share', file, out]).code).toBe(1);
  });
});
