// Two processes on one file: both ask to open the same workbook for editing at the same moment.
// Exactly one gets it; the other is refused with `in-use` and can open it read-only while the
// first edits; after both exit the file passes integrity_check (0 corruptions). Each round spawns
// two real processes (tests/helpers/open-racer.ts), waits until both have loaded the core, then
// tells both to go at once. Small counts by default; EWB_LONG=1 for the full count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { runChild, type ChildRun } from '../../helpers/child-process.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { LONG, scaled } from '../../helpers/test-scale.ts';
import { integrityCheck } from '../../helpers/workbook-file-checks.ts';

const RACER = fileURLToPath(new URL('../../helpers/open-racer.ts', import.meta.url));
const ROUNDS = scaled(20, 200);
const STEP_MS = 20_000;

let suiteDir = '';

beforeAll(() => {
  suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-two-'));
});

afterAll(() => {
  fs.rmSync(suiteDir, { recursive: true, force: true });
});

interface RacerReport {
  label: string;
  edit: string;
  after: string;
}

async function finish(children: ChildRun[]): Promise<void> {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  await Promise.all(children.map((child) => child.exited));
}

describe(`two processes open one workbook at the same moment (${ROUNDS} rounds${LONG ? '' : '; EWB_LONG=1 for 200'})`, () => {
  it(
    'exactly one gets it for editing; the other is refused with in-use and reads it; 0 corruptions',
    async () => {
      const dir = path.join(suiteDir, 'shared');
      fs.mkdirSync(dir);
      const file = path.join(dir, 'Shared strategy.ewb');
      const core = testCore({ paths: { configDir: path.join(suiteDir, 'config-test') } });
      const created = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
      await expectOk(core, 'closeWorkbook', { handle: created.handle });
      let changes = 0;
      let title = created.meta.title;

      for (let round = 1; round <= ROUNDS; round += 1) {
        const where = `[round ${round}/${ROUNDS}]`;
        const labels = [`round${round}-a`, `round${round}-b`];
        const racers = labels.map((label) => runChild(RACER, [file, path.join(suiteDir, `config-${label.slice(-1)}`), label]));
        try {
          await Promise.all(racers.map((racer) => racer.waitForLine(/^ready$/, STEP_MS)));
          for (const racer of racers) racer.send('go');
          const reports: RacerReport[] = await Promise.all(
            racers.map(async (racer, i) => {
              const edit = await racer.waitForLine(/^edit (ok|refused)/, STEP_MS);
              const after = await racer.waitForLine(edit === 'edit ok' ? /^(edited|edit-failed) / : /^read (ok|refused)/, STEP_MS);
              return { label: labels[i] as string, edit, after };
            }),
          );
          const context = `${where} ${JSON.stringify(reports)}`;
          const winners = reports.filter((report) => report.edit === 'edit ok');
          const losers = reports.filter((report) => report.edit !== 'edit ok');
          expect(winners, `${context} exactly one process opens it for editing`).toHaveLength(1);
          const [winner] = winners as [RacerReport];
          const [loser] = losers as [RacerReport];
          expect(winner.after, `${context} the editor's edits are saved`).toBe(`edited ${winner.label}-3`);
          expect(loser.edit, `${context} the other is refused with in-use and a message`).toMatch(/^edit refused in-use \S.+/);
          expect(loser.after, `${context} the other can open it read-only`).toMatch(/^read ok /);

          for (const racer of racers) racer.send('exit');
          const exits = await Promise.all(racers.map((racer) => racer.exited));
          expect(exits, `${context} both exit cleanly: ${racers.map((racer) => racer.stderr()).join(' ')}`).toEqual([
            { code: 0, signal: null },
            { code: 0, signal: null },
          ]);

          expect(integrityCheck(file), `${context} integrity_check after both exited`).toEqual(['ok']);
          expect(fs.existsSync(lockPathFor(file)), `${context} the editor's lock is released`).toBe(false);
          expect(fs.existsSync(`${file}-journal`), `${context} no journal left`).toBe(false);
          const reopened = await core.call('openWorkbook', { path: file, readOnly: true });
          if (!reopened.ok) throw new Error(`${context} the core refused the workbook: ${reopened.error.code}: ${reopened.error.message}`);
          const { info } = reopened.value as { info: WorkbookInfo };
          expect(info.meta.title, `${context} the editor's last edit is there`).toBe(`${winner.label}-3`);
          expect(info.counts.changes, `${context} three change_log rows per round`).toBe(changes + 3);
          // The reader saw the workbook as it was before, during or after the editor's edits — never anything else.
          const seen = loser.after.slice('read ok '.length);
          expect([title, `${winner.label}-1`, `${winner.label}-2`, `${winner.label}-3`], `${context} the reader saw a real state`).toContain(seen);
          await expectOk(core, 'closeWorkbook', { handle: info.handle });
          changes = info.counts.changes ?? 0;
          title = info.meta.title;
        } finally {
          await finish(racers);
        }
      }
      core.closeAll();
    },
    (LONG ? 1_500 : 2_500) * ROUNDS + 30_000,
  );
});
