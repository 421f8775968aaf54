// An edit the UI reports as saved survives SIGKILL. A writer process (tests/helpers/edit-writer.ts)
// edits one workbook through the real core and prints `ack <n>` after each acknowledged edit; the
// test kills it with SIGKILL at a seeded random moment, then checks the file as the crash left it:
// integrity_check passes, the core opens it (taking over the dead process's lock with a notice),
// and every acknowledged edit is there. The same workbook carries on through every kill, as a real
// one would. A second test kills Save a Copy midway: the source stays sound and no half-written
// `.ewb` is ever left at a destination. Seeded small counts by default; EWB_LONG=1 for full counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { runChild, sleep, type ChildRun } from '../../helpers/child-process.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { LONG, scaled, suiteSeed } from '../../helpers/test-scale.ts';
import { copyWithJournal, integrityCheck, isSound, sha256Of } from '../../helpers/workbook-file-checks.ts';

const SEED = suiteSeed(0x0c0ffee);
const WRITER = fileURLToPath(new URL('../../helpers/edit-writer.ts', import.meta.url));
const EDIT_KILLS = scaled(50, 1000);
const COPY_KILLS = scaled(10, 100);
const READY_MS = 20_000;
const STALE_LOCK_NOTICE = /closed unexpectedly; that mark has been cleared/;

let suiteDir = '';

beforeAll(() => {
  suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-kill-'));
});

afterAll(() => {
  fs.rmSync(suiteDir, { recursive: true, force: true });
});

/** Starts the writer and waits until it holds the workbook open for editing. */
async function startWriter(args: string[], where: string): Promise<ChildRun> {
  const child = runChild(WRITER, args);
  try {
    await child.waitForLine(/^ready$/, READY_MS);
  } catch (error) {
    child.process.kill('SIGKILL');
    await child.exited;
    throw new Error(`${where} the writer did not start: ${(error as Error).message}`);
  }
  return child;
}

async function killAt(child: ChildRun, delayMs: number, where: string): Promise<void> {
  await sleep(delayMs);
  const refused = child.lines.find((line) => line.startsWith('refused'));
  if (refused) throw new Error(`${where} the writer stopped on its own: ${refused} ${child.stderr()}`);
  child.process.kill('SIGKILL');
  const exit = await child.exited;
  if (exit.signal !== 'SIGKILL') throw new Error(`${where} the writer ended before the kill (code ${String(exit.code)}): ${child.lines.slice(-3).join(' | ')} ${child.stderr()}`);
}

/** The rollback journal beside `file`: 'none', or its size and first bytes (a hot journal starts d9d505f920a163d7). */
function describeJournal(file: string): string {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal)) return 'none';
  const bytes = fs.readFileSync(journal);
  return `a ${bytes.length}-byte journal starting ${bytes.subarray(0, 12).toString('hex') || '(empty)'}`;
}

const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

/** True if a rollback journal beside `file` starts with SQLite's magic: SQLite would play it back. */
function isHotJournal(file: string): boolean {
  const journal = `${file}-journal`;
  return fs.existsSync(journal) && fs.readFileSync(journal).subarray(0, 8).equals(JOURNAL_MAGIC);
}

function numbersAfter(lines: string[], word: string): number[] {
  return lines.filter((line) => line.startsWith(`${word} `)).map((line) => Number(line.slice(word.length + 1)));
}

describe(`kill -9 during editing (seed ${SEED}; EWB_LONG=1 for the full counts)`, () => {
  it(
    `every acknowledged edit survives ${EDIT_KILLS} SIGKILLs at random moments`,
    async () => {
      const random = seededRandom(SEED);
      const dir = path.join(suiteDir, 'edits');
      fs.mkdirSync(dir);
      const file = path.join(dir, 'Strategy under torture.ewb');
      const lockFile = lockPathFor(file);
      const core = testCore({ paths: { configDir: path.join(suiteDir, 'config-test') } });
      const created = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
      await expectOk(core, 'closeWorkbook', { handle: created.handle });

      let title = created.meta.title;
      let changes = created.counts.changes ?? 0;
      let next = 1;
      let totalAcks = 0;
      let hotJournals = 0;
      let coldJournals = 0;
      let inFlightCommitted = 0;
      for (let kill = 1; kill <= EDIT_KILLS; kill += 1) {
        const delay = random.int(20, 400);
        const where = `[seed ${SEED}, kill ${kill}/${EDIT_KILLS} after ${delay} ms, first edit-${next}]`;
        const writer = await startWriter(['edit', file, path.join(suiteDir, 'config-writer'), String(next)], where);
        await killAt(writer, delay, where);

        const acks = numbersAfter(writer.lines, 'ack');
        expect(acks, `${where} the writer acknowledges edits in order`).toEqual(acks.map((_, i) => next + i));
        const lastAck = acks.at(-1);
        const inFlight = (lastAck ?? next - 1) + 1;
        totalAcks += acks.length;

        // The file exactly as the kill left it (with any hot journal), recovered by SQLite in a scratch copy.
        const crashState = describeJournal(file);
        if (isHotJournal(file)) hotJournals += 1;
        else if (crashState !== 'none') coldJournals += 1;
        const crashed = copyWithJournal(file, path.join(suiteDir, 'crash-state', String(kill)));
        const rawIntegrity = integrityCheck(crashed.copy);
        expect(rawIntegrity, `${where} integrity_check of the file as the kill left it`).toEqual(['ok']);
        fs.rmSync(path.dirname(crashed.copy), { recursive: true, force: true });

        // Checking the crashed file (a read-only look) answers without writing: no rollback, no crash.
        const journalBefore = describeJournal(file);
        const hashBefore = sha256Of(file);
        const check = await core.call('checkWorkbook', { path: file });
        expect(check.ok && !(check.value as { problems: string[] }).problems.some((p) => /went wrong inside/.test(p)), `${where} checkWorkbook reports on the crashed file: ${JSON.stringify(check)}`).toBe(true);
        expect([sha256Of(file), describeJournal(file)], `${where} checkWorkbook leaves the crashed file and its journal alone`).toEqual([hashBefore, journalBefore]);

        // The dead writer's lock is still there; the core takes it over with a notice.
        expect(fs.existsSync(lockFile), `${where} the dead writer's lock file is still there`).toBe(true);
        const opened = await core.call('openWorkbook', { path: file });
        if (!opened.ok) throw new Error(`${where} the core refused the workbook after the kill: ${opened.error.code}: ${opened.error.message}`);
        const { info, notices } = opened.value as { info: WorkbookInfo; notices: string[] };
        expect(notices.some((notice) => STALE_LOCK_NOTICE.test(notice)), `${where} a notice says the stale lock was taken over: ${JSON.stringify(notices)}`).toBe(true);

        // Every acknowledged edit is there; the one in flight may or may not be.
        const previousTitle = lastAck === undefined ? title : `edit-${lastAck}`;
        const allowed = [previousTitle, `edit-${inFlight}`];
        expect(allowed, `${where} the title is the last acknowledged edit or the one in flight (acks: ${acks.length})`).toContain(info.meta.title);
        const committedInFlight = info.meta.title === `edit-${inFlight}`;
        if (committedInFlight) inFlightCommitted += 1;
        expect(info.counts.changes, `${where} one change_log row per acknowledged edit, plus the one in flight if it was saved`).toBe(changes + acks.length + (committedInFlight ? 1 : 0));

        await expectOk(core, 'closeWorkbook', { handle: info.handle });
        expect(fs.existsSync(lockFile), `${where} closing released the lock`).toBe(false);
        // A hot journal must have been rolled back. SQLite leaves a journal whose header is still zero
        // (killed while writing it, before the database itself was touched): it is not hot, and the
        // next write transaction replaces it.
        expect(isHotJournal(file), `${where} no hot journal left after the core opened and closed it (after the kill: ${crashState}; now: ${describeJournal(file)})`).toBe(false);
        expect(integrityCheck(file), `${where} integrity_check after the core recovered it`).toEqual(['ok']);

        title = info.meta.title;
        changes = info.counts.changes ?? 0;
        // Skip the number in flight so every edit of the next writer changes the title.
        next = inFlight + 1;
      }
      core.closeAll();
      expect(totalAcks, `[seed ${SEED}] the writers acknowledged edits between kills`).toBeGreaterThan(EDIT_KILLS);
      // For the record (visible with --reporter=verbose): how often the kill left a hot journal
      // and how often it landed between commit and acknowledgement.
      console.info(`[seed ${SEED}] ${EDIT_KILLS} kills, ${totalAcks} acknowledged edits, ${hotJournals} hot journals rolled back, ${coldJournals} journals with a zero header, ${inFlightCommitted} in-flight edits saved`);
    },
    (LONG ? 1_500 : 1_800) * EDIT_KILLS + 30_000,
  );
});

describe(`kill -9 during Save a Copy (seed ${SEED}; EWB_LONG=1 for the full counts)`, () => {
  let source = '';
  let sourceHash = '';

  beforeAll(async () => {
    const dir = path.join(suiteDir, 'copies');
    fs.mkdirSync(dir);
    source = path.join(dir, 'Source strategy.ewb');
    const core = testCore({ paths: { configDir: path.join(suiteDir, 'config-copies') } });
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: source, details: SAMPLE_DETAILS });
    // Enough pages that a kill can land in the middle of writing a copy.
    for (let i = 0; i < 300; i += 1) {
      await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: `Source revision ${i} ${'y'.repeat(i % 120)}` } });
    }
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    core.closeAll();
    sourceHash = sha256Of(source);
  }, 60_000);

  it(
    `${COPY_KILLS} kills: the source stays intact and every .ewb at a destination is a complete workbook`,
    async () => {
      const random = seededRandom(SEED ^ 0xc0b1e5);
      const core = testCore({ paths: { configDir: path.join(suiteDir, 'config-copy-checks') } });
      let saved = 0;
      let leftovers = 0;
      for (let kill = 1; kill <= COPY_KILLS; kill += 1) {
        const delay = random.int(20, 400);
        const where = `[seed ${SEED}, copy kill ${kill}/${COPY_KILLS} after ${delay} ms]`;
        const destination = path.join(suiteDir, 'copies', `destination-${kill}`);
        fs.mkdirSync(destination);
        const writer = await startWriter(['copy', source, path.join(suiteDir, 'config-copy-writer'), '1', destination], where);
        await killAt(writer, delay, where);

        // The source: never written by saving a copy, and sound.
        expect(fs.existsSync(`${source}-journal`), `${where} no journal beside the source`).toBe(false);
        expect(sha256Of(source), `${where} the source is byte-for-byte unchanged`).toBe(sourceHash);
        expect(isSound(integrityCheck(source)), `${where} the source passes integrity_check`).toBe(true);

        // Destinations: every visible .ewb is a whole, valid workbook; hidden temporary files may remain.
        const names = fs.readdirSync(destination);
        const workbooks = names.filter((name) => name.endsWith('.ewb') && !name.startsWith('.'));
        const others = names.filter((name) => !workbooks.includes(name));
        const unexpected = others.filter((name) => !(name.startsWith('.') && /\.tmp(-journal)?$/.test(name)));
        expect(unexpected, `${where} only hidden .tmp files besides the copies`).toEqual([]);
        leftovers += others.length;
        for (const name of workbooks) {
          const report = await expectOk<{ ok: boolean; problems: string[] }>(core, 'checkWorkbook', { path: path.join(destination, name) });
          expect(report, `${where} ${name} is a valid workbook`).toMatchObject({ ok: true, problems: [] });
        }
        // Every copy the writer reported as saved is there.
        const reported = writer.lines.filter((line) => line.startsWith('saved ')).map((line) => path.basename(line.slice('saved '.length)));
        for (const name of reported) expect(workbooks, `${where} the acknowledged copy ${name} is there`).toContain(name);
        expect(workbooks.length - reported.length, `${where} at most the copy in flight was published without an acknowledgement`).toBeLessThanOrEqual(1);
        saved += reported.length;
        fs.rmSync(destination, { recursive: true, force: true });
      }
      core.closeAll();
      expect(saved, `[seed ${SEED}] the writers saved copies between kills`).toBeGreaterThan(0);
      console.info(`[seed ${SEED}] ${COPY_KILLS} kills during Save a Copy, ${saved} acknowledged copies, ${leftovers} hidden temporary files left`);
    },
    (LONG ? 1_500 : 1_800) * COPY_KILLS + 30_000,
  );
});
