// Every opened workbook is untrusted input: damaged copies of a real workbook (truncated, single
// bytes changed, header bytes changed) are checked, opened read-only and opened for editing through
// the core's boundary. Each call must return a Result (never throw, never `internal`), finish in
// under 10 s, and either refuse the file with a message or accept a file that passes SQLite's
// integrity_check; checking and read-only opening never change the file, and editing may change it
// only if it passed the checks. Seeded small counts by default; EWB_LONG=1 runs the full counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import type { Result } from '../../../shared/api/result.ts';
import { startHangWatchdog, type HangWatchdog } from '../../helpers/hang-watchdog.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { LONG, scaled, suiteSeed, timeoutFor } from '../../helpers/test-scale.ts';
import { integrityCheck, isSound, sha256Of } from '../../helpers/workbook-file-checks.ts';

const SEED = suiteSeed(0x5eed_da7a);
const CALL_LIMIT_MS = 10_000;
/** A call still running after this long is a hang: the watchdog ends the run naming the case. */
const WATCHDOG_MS = 30_000;
const EDITS = 200;
const NAME = 'Damaged strategy.ewb';

interface Damage {
  label: string;
  apply(bytes: Buffer): Buffer;
}

interface CallRecord {
  result: Result<unknown> | null;
  threw: unknown;
  ms: number;
}

let suiteDir = '';
let base: Buffer = Buffer.alloc(0);
let pageSize = 4096;
let watchdog: HangWatchdog | undefined;

beforeAll(async () => {
  suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-damaged-'));
  watchdog = startHangWatchdog(WATCHDOG_MS);
  const core = testCore({ paths: { configDir: path.join(suiteDir, 'config') } });
  const file = path.join(suiteDir, 'base.ewb');
  const info = await expectOk<{ handle: string }>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  for (let i = 0; i < EDITS; i += 1) {
    // Titles of varying length so change_log rows spill over many pages.
    await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: `Strategy revision ${i} ${'x'.repeat(i % 60)}`, versionLabel: `Draft ${i}` } });
  }
  await expectOk(core, 'closeWorkbook', { handle: info.handle });
  base = fs.readFileSync(file);
  pageSize = base.readUInt16BE(16);
}, 60_000);

afterAll(async () => {
  await watchdog?.stop();
  fs.rmSync(suiteDir, { recursive: true, force: true });
});

describe('the base workbook', () => {
  it('is a sound multi-page workbook', () => {
    expect(base.length % pageSize).toBe(0);
    expect(base.length / pageSize).toBeGreaterThanOrEqual(15);
    expect(integrityCheck(path.join(suiteDir, 'base.ewb'))).toEqual(['ok']);
    expect(fs.readdirSync(suiteDir).sort()).toEqual(['base.ewb', 'config']);
  });
});

function lsDir(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

interface Outcome {
  /** Broken promises: a throw, a hang, no message, a changed file, a lock left behind, … */
  problems: string[];
  /** Calls that ended in an `internal` error: an unhandled crash path in the core. */
  internals: string[];
  /** The core accepted a file SQLite's integrity_check fails. */
  unsound: string[];
}

/** Runs every probe on one damaged copy. */
async function probe(core: AppCore, damage: Damage, index: number): Promise<Outcome> {
  const dir = path.join(suiteDir, `case-${index}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  const file = path.join(dir, NAME);
  fs.writeFileSync(file, damage.apply(base));
  const hash = sha256Of(file);
  const listing = lsDir(dir);
  const where = `[seed ${SEED}, ${damage.label}]`;
  const outcome: Outcome = { problems: [], internals: [], unsound: [] };
  const note = (problem: string) => outcome.problems.push(`${where} ${problem}`);

  async function timed(method: string, request: Record<string, unknown>): Promise<CallRecord> {
    const label = `${where} ${method} ${JSON.stringify({ ...request, path: undefined })}`;
    const start = performance.now();
    try {
      const result = await (watchdog as HangWatchdog).watch(label, () => core.call(method, request));
      return { result, threw: null, ms: performance.now() - start };
    } catch (error) {
      return { result: null, threw: error, ms: performance.now() - start };
    }
  }

  /** The assertions every call gets; returns its Result if there is one. */
  function judge(what: string, record: CallRecord): Result<unknown> | null {
    if (record.threw !== null) {
      note(`${what} threw instead of returning a Result: ${String(record.threw)}`);
      return null;
    }
    if (record.ms > CALL_LIMIT_MS) note(`${what} took ${Math.round(record.ms)} ms (limit ${CALL_LIMIT_MS} ms)`);
    const result = record.result;
    if (!result || typeof result.ok !== 'boolean') {
      note(`${what} did not return a Result: ${JSON.stringify(result)}`);
      return null;
    }
    if (!result.ok) {
      if (result.error.code === 'internal') outcome.internals.push(`${where} ${what} → internal: ${result.error.message}`);
      if (!result.error.message.trim()) note(`${what} refused the file with an empty message (code ${result.error.code})`);
    }
    return result;
  }

  function unchanged(after: string): void {
    if (!fs.existsSync(file)) {
      note(`the file is gone after ${after}`);
      return;
    }
    if (sha256Of(file) !== hash) note(`the file changed during ${after}`);
    const now = lsDir(dir);
    if (JSON.stringify(now) !== JSON.stringify(listing)) note(`the folder changed during ${after}: ${JSON.stringify(listing)} → ${JSON.stringify(now)}`);
  }

  let integrity: string[] | undefined;
  /** integrity_check of the damaged bytes, on a scratch copy (the file itself is never touched). */
  const integrityReport = (): string[] => (integrity ??= integrityCheck(file));
  const sound = () => isSound(integrityReport());
  const unsound = (what: string) => outcome.unsound.push(`${where} ${what} a file that fails integrity_check: ${JSON.stringify(integrityReport().slice(0, 3))}`);

  // 1. checkWorkbook: a report (ok or problems named), never an error, for any damaged file.
  const checked = judge('checkWorkbook', await timed('checkWorkbook', { path: file }));
  let passedCheck = false;
  // Sound as a file but holding values the app cannot use (a flipped byte inside a record or the
  // history's JSON): such a file opens, read-only, with the repairs offered.
  let valuesOnly = false;
  if (checked && !checked.ok) {
    note(`checkWorkbook returned an error instead of a report: ${checked.error.code}: ${checked.error.message}`);
  } else if (checked?.ok) {
    const report = checked.value as { ok: boolean; problems: string[]; values: { total: number } | null };
    passedCheck = report.ok;
    valuesOnly = !report.ok && (report.values?.total ?? 0) > 0;
    if (!report.ok && !(report.problems.length > 0 && report.problems.every((p) => p.trim().length > 0))) {
      note(`checkWorkbook failed the file without naming a problem: ${JSON.stringify(report.problems)}`);
    }
    // checkWorkbook folds errors into `problems`, so an internal error shows as its message.
    if (report.problems.some((p) => /went wrong inside/.test(p))) outcome.internals.push(`${where} checkWorkbook → internal: ${report.problems.join('; ')}`);
  }
  unchanged('checkWorkbook');
  if (passedCheck && !sound()) unsound('checkWorkbook passed');

  // 2. openWorkbook read-only: the same verdict as checkWorkbook; no lock, no write.
  const read = judge('openWorkbook read-only', await timed('openWorkbook', { path: file, readOnly: true }));
  if (read?.ok) {
    const { info } = read.value as { info: { handle: string } };
    await core.call('closeWorkbook', { handle: info.handle });
    if (!sound()) unsound('the read-only open accepted');
  }
  if (read && read.ok !== (passedCheck || valuesOnly)) note(`checkWorkbook ${passedCheck ? 'passed' : valuesOnly ? 'reported values in' : 'failed'} the file but the read-only open ${read.ok ? 'accepted' : 'refused'} it`);
  unchanged('the read-only open');

  // 3. openWorkbook for editing: may change the file only if it passed the checks.
  const lockFile = lockPathFor(file);
  const edit = judge('openWorkbook for editing', await timed('openWorkbook', { path: file }));
  if (edit?.ok) {
    const { info } = edit.value as { info: { handle: string; readOnly: boolean } };
    await core.call('closeWorkbook', { handle: info.handle });
    if (fs.existsSync(lockFile)) note('the lock file is still there after closing');
    if (!sound()) unsound('the editing open accepted');
    if (valuesOnly) {
      if (!info.readOnly) note('a file holding values the app cannot use was opened for editing');
      unchanged('an editing open of a file holding values the app cannot use');
    } else if (!passedCheck) {
      note('the editing open accepted a file that checkWorkbook failed');
      unchanged('an editing open of a file that failed its check');
    }
  } else if (edit) {
    if (fs.existsSync(lockFile)) note('the lock file was left behind by a refused editing open');
    unchanged('a refused editing open');
    if (passedCheck) {
      const why = edit.ok ? '' : `${edit.error.code}: ${edit.error.message}`;
      // Refusing for editing a file that the read-only checks let through is only right if the file is unsound.
      if (sound()) note(`the editing open refused a sound file that checkWorkbook passed (${why})`);
      else outcome.unsound.push(`${where} checkWorkbook and the read-only open accepted a file that the editing open refused (${why}) and that fails integrity_check: ${JSON.stringify(integrityReport().slice(0, 3))}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return outcome;
}

async function runAll(damages: Damage[]): Promise<Outcome> {
  const core = testCore({ paths: { configDir: path.join(suiteDir, 'config-probes') } });
  const all: Outcome = { problems: [], internals: [], unsound: [] };
  try {
    for (const [index, damage] of damages.entries()) {
      const outcome = await probe(core, damage, index);
      all.problems.push(...outcome.problems);
      all.internals.push(...outcome.internals);
      all.unsound.push(...outcome.unsound);
    }
  } finally {
    core.closeAll();
  }
  return all;
}

function truncation(length: number): Damage {
  return { label: `truncated to ${length} bytes`, apply: (bytes) => Buffer.from(bytes.subarray(0, length)) };
}

function flip(offset: number, mask: number): Damage {
  return {
    label: `byte ${offset} xor 0x${mask.toString(16).padStart(2, '0')}`,
    apply: (bytes) => {
      const copy = Buffer.from(bytes);
      copy[offset] = (copy[offset] as number) ^ mask;
      return copy;
    },
  };
}

function setByte(offset: number, value: number): Damage {
  return {
    label: `header byte ${offset} set to 0x${value.toString(16).padStart(2, '0')}`,
    apply: (bytes) => {
      const copy = Buffer.from(bytes);
      copy[offset] = value;
      return copy;
    },
  };
}

const TRUNCATIONS = scaled(40, 200);
const FLIPS = scaled(150, 1000);
const HEADER_CASES = scaled(30, 400);

/** CI: random cuts, a quarter on a page boundary (those pass the size check and reach SQLite). Long: every page boundary too. */
function truncations(): Damage[] {
  const random = seededRandom(SEED ^ 0x7a7a);
  const pages = base.length / pageSize;
  const lengths = new Set<number>();
  if (LONG) for (let page = 0; page < pages; page += 1) lengths.add(page * pageSize);
  const wanted = lengths.size + TRUNCATIONS;
  while (lengths.size < wanted) lengths.add(random.next() < 0.25 ? random.int(0, pages - 1) * pageSize : random.int(0, base.length - 1));
  return [...lengths].map(truncation);
}

/** A random byte anywhere in the file, changed by a random non-zero xor. */
function flips(): Damage[] {
  const random = seededRandom(SEED ^ 0xf11b);
  return Array.from({ length: FLIPS }, () => flip(random.int(0, base.length - 1), random.int(1, 255)));
}

/** Each of the 100 header bytes set to 0x00, 0xff, and its value with the low or high bit flipped; CI samples them. */
function headerCorruptions(): Damage[] {
  const random = seededRandom(SEED ^ 0x4eade5);
  const all: Damage[] = [];
  for (let offset = 0; offset < 100; offset += 1) {
    const original = base[offset] as number;
    const values = new Set([0x00, 0xff, original ^ 0x01, original ^ 0x80]);
    values.delete(original);
    for (const value of values) all.push(setByte(offset, value));
  }
  return LONG ? all : random.sample(all, HEADER_CASES);
}

/** Header changes chosen by hand: each reaches a different check (format version, WAL, identity, page layout). */
function targetedHeaderDamage(): Damage[] {
  const original = (offset: number) => base[offset] as number;
  return [
    setByte(63, 0x01), // format version 1: an older file, so the editing open would migrate it
    setByte(63, 0x00), // format version 0: no version at all
    setByte(63, original(63) + 1), // a newer format: "needs version X"
    setByte(60, 0x80), // a negative format version
    setByte(18, 0x02), // WAL write version
    setByte(19, 0x02), // WAL read version
    setByte(68, 0x00), // another application's id
    setByte(16, 0x20), // page size 8192 (still a whole number of pages)
    setByte(16, 0x02), // page size 512
    setByte(17, 0x01), // page size not a power of two
    setByte(20, 0x10), // 16 reserved bytes per page
    setByte(21, 0x41), // maximum embedded payload fraction (must be 64)
    setByte(47, 0x05), // schema format 5 (unknown)
    setByte(59, 0x02), // text encoding UTF-16le
    setByte(59, 0x07), // text encoding not defined
    setByte(31, original(31) + 1), // in-header page count one too many
    setByte(31, 0x00), // in-header page count zero
    setByte(27, original(27) ^ 0x01), // change counter no longer matches version-valid-for
    setByte(55, 0x01), // largest root page set: auto-vacuum claimed
    setByte(67, 0x01), // incremental vacuum claimed
    setByte(99, original(99) ^ 0x01), // SQLite version number
  ];
}

function expectNone(kind: string, found: string[]): void {
  expect(found, `${found.length} ${kind} (seed ${SEED}; rerun with EWB_SEED=${SEED}${LONG ? ' EWB_LONG=1' : ''}):\n${found.slice(0, 40).join('\n')}`).toEqual([]);
}

const PER_CASE_MS = 40;

describe('damaged workbook files: 0 crashes, 0 hangs, refused with a message, never modified (seeded; EWB_LONG=1 for full counts)', () => {
  it(
    `truncation at ${LONG ? 'every page boundary plus ' : ''}${TRUNCATIONS} random offsets`,
    async () => {
      const { problems, internals, unsound } = await runAll(truncations());
      expectNone('internal errors', internals);
      expectNone('problems', problems);
      expectNone('damaged files the core accepted', unsound);
    },
    timeoutFor(scaled(40, 230), PER_CASE_MS),
  );

  it(
    `${FLIPS} single-byte changes at random offsets`,
    async () => {
      const { problems, internals, unsound } = await runAll(flips());
      expectNone('internal errors', internals);
      expectNone('problems', problems);
      expectNone('damaged files the core accepted', unsound);
    },
    timeoutFor(FLIPS, PER_CASE_MS),
  );

  it(
    'targeted header damage: older, zero, negative and newer format versions, WAL flags, foreign id, page layout',
    async () => {
      const { problems, internals, unsound } = await runAll(targetedHeaderDamage());
      expectNone('internal errors', internals);
      expectNone('problems', problems);
      expectNone('damaged files the core accepted', unsound);
    },
    timeoutFor(30, PER_CASE_MS),
  );

  it(
    `header corruption (${LONG ? 'every one' : `a sample of ${HEADER_CASES}`} of the 100 header bytes × up to 4 values)`,
    async () => {
      const { problems, internals, unsound } = await runAll(headerCorruptions());
      expectNone('internal errors', internals);
      expectNone('problems', problems);
      expectNone('damaged files the core accepted', unsound);
    },
    timeoutFor(HEADER_CASES, PER_CASE_MS),
  );
});
