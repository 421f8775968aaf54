// Checking and reading a large workbook keeps memory flat in its size: the checks run on a copy in
// a temporary file, not in memory (`info`/`check` once took 25 s and 3.5 GB on a 1.7 GB workbook).
// CI runs a workbook big enough that holding it in memory would break the ceiling; EWB_LONG=1 runs 2 GB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { growWorkbook } from '../../helpers/big-workbook.ts';
import { ewbWithPeakRss } from '../../helpers/cli-in-child.ts';
import { scaled, suiteSeed } from '../../helpers/test-scale.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

const MB = 1024 * 1024;
// 128 MB: held in memory (as before) it would peak near 400 MB, so the ceiling tells the two apart.
const SIZE = scaled(128 * MB, 2048 * MB);
const CEILING = 300 * MB;

describe('a large workbook', () => {
  it(`info and check stay under ${CEILING / MB} MB peak memory on a ${SIZE / MB} MB workbook, leaving nothing behind`, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Big.ewb');
    const core = testCore();
    const info = await expectOk<{ handle: string }>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    growWorkbook(file, SIZE, suiteSeed(11));
    const size = fs.statSync(file).size;
    const before = fs.statSync(file).mtimeMs;
    const config = tempDir('ewb-config-');

    const check = ewbWithPeakRss(['check', file], config);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toMatch(/is a sound workbook/);
    const read = ewbWithPeakRss(['info', file, '--json'], config);
    expect(read.code, read.err).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ title: SAMPLE_DETAILS.title });

    console.log(`large workbook ${(size / MB).toFixed(0)} MB: check ${check.ms} ms, peak ${(check.peakRss / MB).toFixed(0)} MB; info ${read.ms} ms, peak ${(read.peakRss / MB).toFixed(0)} MB`);
    expect(check.peakRss).toBeLessThan(CEILING);
    expect(read.peakRss).toBeLessThan(CEILING);
    // Never written, and the private copies are gone with the processes that made them.
    expect(fs.statSync(file).mtimeMs).toBe(before);
    const leftovers = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`ewb-work.${check.pid}.`) || name.startsWith(`ewb-work.${read.pid}.`));
    expect(leftovers).toEqual([]);
    core.closeAll();
  }, scaled(240_000, 1_800_000));
});
