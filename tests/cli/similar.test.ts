// `ewb similar` as a user runs it: a workbook with a reworded message, its pairs as JSON ({ a, b,
// score }, a the earlier) and as a readable list, exit 0 either way, and the file untouched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../helpers/test-core.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';
import { sha } from '../helpers/file-sha.ts';

const TEXTS = [
  'Burglaries are up in Hythe. Please lock all doors and windows, even when you are at home.',
  'Burglaries are up in Hythe. Book a free property marking session at Hythe library this Saturday.',
  "Even when you're in, keep your doors and windows locked – there have been more break-ins in Hythe recently.",
];

/** A workbook whose third message rewords its first; answers the file and the messages' ids in order. */
async function hytheWorkbook(): Promise<{ file: string; ids: string[] }> {
  let tick = Date.parse('2026-11-25T09:00:00.000Z');
  const core = testCore({ clock: () => new Date((tick += 1000)) });
  const file = path.join(tempDir(), 'Hythe plan.ewb');
  const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  const ids: string[] = [];
  for (const text of TEXTS) ids.push((await expectWritten<{ id: string }>(core, 'createRecord', { handle, type: 'message', values: { text, status: 'draft' } })).id);
  core.closeAll();
  return { file, ids };
}

describe('ewb similar', () => {
  it('prints the near-duplicate pairs as JSON and as a list, and leaves the file as it was', async () => {
    const { file, ids } = await hytheWorkbook();
    const before = sha(file);

    const json = ewb(['similar', file, '--json']);
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    const pairs = JSON.parse(json.out) as Array<{ a: string; b: string; score: number }>;
    expect(pairs.map(({ a, b }) => ({ a, b }))).toEqual([{ a: ids[0], b: ids[2] }]);
    expect(pairs[0]!.score).toBeGreaterThan(0.35);
    expect(pairs[0]!.score).toBeLessThanOrEqual(1);

    const readable = ewb(['similar', file]);
    expect(readable.code).toBe(0);
    expect(readable.out).toBe(
      [
        `${pairs[0]!.score.toFixed(2)}  “Even when you're in, keep your doors and windows locked – there have been more…” (${ids[2]})`,
        `      says much the same as the earlier “Burglaries are up in Hythe. Please lock all doors and windows, even when you…” (${ids[0]})`,
        '',
        '1 pair of near-duplicate messages.',
        '',
      ].join('\n'),
    );
    expect(sha(file)).toBe(before);
  });

  it('says so when no messages are alike, and refuses a file that is not there', async () => {
    const { file } = await hytheWorkbook();
    fs.rmSync(file);
    const missing = ewb(['similar', file]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/There is no file "Hythe plan\.ewb"/);

    let tick = Date.parse('2026-11-25T09:00:00.000Z');
    const core = testCore({ clock: () => new Date((tick += 1000)) });
    const empty = path.join(tempDir(), 'Empty plan.ewb');
    await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: empty, details: SAMPLE_DETAILS });
    core.closeAll();
    expect(ewb(['similar', empty]).out).toBe('No near-duplicate messages found.\n');
    expect(JSON.parse(ewb(['similar', empty, '--json']).out)).toEqual([]);
  });
});
