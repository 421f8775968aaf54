// The "in use" lock beside a workbook: who holds it, read-only for a second opener, stale locks.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor, readLock } from '../../../electron/core/workbook/workbook-lock.ts';
import { bootTime, processStartTime } from '../../../electron/core/fs/process-start.ts';
import { callsInChild } from '../../helpers/calls-in-child.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'Plan.ewb');
  const core = testCore();
  await expectOk(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  core.closeAll();
});

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(owner: { user: string; host: string; pid: number; since: string; started?: string | null }): void {
  fs.writeFileSync(lockPathFor(file), JSON.stringify({ app: 'engagement-workbook', ...owner }));
}

const living: ChildProcess[] = [];
afterEach(() => {
  for (const child of living.splice(0)) child.kill('SIGKILL');
});

/** A process that stays alive for the test: another program on this computer. */
function livingProcess(): number {
  const child = spawn('sleep', ['120'], { stdio: 'ignore' });
  living.push(child);
  return child.pid as number;
}

describe('workbook lock', () => {
  it('opening for editing writes an owner file beside the workbook, removed on close', async () => {
    const core = testCore();
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(path.basename(lockPathFor(file))).toBe('~$Plan.ewb.lock');
    const lock = readLock(file);
    expect(lock).toMatchObject({ user: 'planner', pid: process.pid });
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('a second opener is told who has it, and may open read-only', async () => {
    const first = testCore();
    await expectOk(first, 'openWorkbook', { path: file });
    const second = testCore({ identity: { user: 'colleague', host: (readLock(file) as { host: string }).host, pid: process.pid } });
    const refused = await second.call('openWorkbook', { path: file });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('in-use');
      expect(refused.error.message).toMatch(/already open for editing on this computer/);
      expect(refused.error.message).toMatch(/read-only/);
    }
    const readOnly = await expectOk<{ info: WorkbookInfo }>(second, 'openWorkbook', { path: file, readOnly: true });
    expect(readOnly.info.readOnly).toBe(true);
    expect(readOnly.info.meta.title).toBe(SAMPLE_DETAILS.title);
    first.closeAll();
    second.closeAll();
  });

  it('read-only work takes no lock', async () => {
    const core = testCore();
    await expectOk(core, 'openWorkbook', { path: file, readOnly: true });
    await expectOk(core, 'checkWorkbook', { path: file });
    await expectOk(core, 'dumpWorkbook', { path: file, destination: path.join(dir, 'out.json') });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    core.closeAll();
  });

  it('a lock left by a dead process on this computer is taken over, and the user is told', async () => {
    const core = testCore();
    const host = 'this-host';
    writeLock({ user: 'earlier-me', host, pid: deadPid(), since: '2026-11-24T17:00:00.000Z' });
    const mine = testCore({ identity: { user: 'planner', host, pid: process.pid } });
    const opened = await expectOk<{ info: WorkbookInfo; notices: string[] }>(mine, 'openWorkbook', { path: file });
    expect(opened.notices.join(' ')).toMatch(/closed unexpectedly.*cleared/);
    expect(readLock(file)).toMatchObject({ user: 'planner', host, pid: process.pid });
    mine.closeAll();
    core.closeAll();
  });

  it('a lock from another computer is the user\'s decision: refused, then taken over when asked', async () => {
    writeLock({ user: 'jsmith', host: 'PC-042', pid: 4242, since: '2026-11-25T08:30:00.000Z' });
    const core = testCore({ identity: { user: 'planner', host: 'PC-007', pid: process.pid } });
    const refused = await core.call('openWorkbook', { path: file });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('in-use-elsewhere');
      expect(refused.error.message).toContain('jsmith on PC-042 since 2026-11-25 08:30 UTC');
    }
    expect(readLock(file)).toMatchObject({ user: 'jsmith' });
    const taken = await expectOk<{ notices: string[] }>(core, 'openWorkbook', { path: file, takeOverLock: true });
    expect(taken.notices.join(' ')).toMatch(/took over editing.*jsmith on PC-042/);
    expect(readLock(file)).toMatchObject({ user: 'planner', host: 'PC-007' });
    core.closeAll();
  });

  it('an edit after someone took the lock over is refused, not silently written', async () => {
    const core = testCore({ identity: { user: 'planner', host: 'PC-007', pid: process.pid } });
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    writeLock({ user: 'jsmith', host: 'PC-042', pid: 4242, since: '2026-11-25T08:30:00.000Z' });
    const edit = await core.call('updateWorkbookDetails', { handle: info.handle, changes: { title: 'Mine' } });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.code).toBe('in-use-elsewhere');
    core.closeAll();
    expect(readLock(file)).toMatchObject({ user: 'jsmith' });
  });

  it('a damaged lock file is replaced, with a notice', async () => {
    fs.writeFileSync(lockPathFor(file), '{not json');
    const core = testCore();
    const opened = await expectOk<{ notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.notices.join(' ')).toMatch(/damaged "in use" marker/);
    core.closeAll();
  });

  it('a folder that cannot be written to opens the workbook read-only, saying why', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions; simulate with a lock path that is a folder we cannot replace
      fs.mkdirSync(lockPathFor(file));
      const core = testCore();
      const result = await core.call('openWorkbook', { path: file });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('io');
        expect(result.error.message).toMatch(/cannot be marked as in use/);
      }
      fs.rmdirSync(lockPathFor(file));
      return;
    }
    fs.chmodSync(dir, 0o555);
    try {
      const core = testCore();
      const opened = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
      expect(opened.info.readOnly).toBe(true);
      expect(opened.notices.join(' ')).toMatch(/folder you cannot write to.*opened read-only/);
      core.closeAll();
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  it('a lock whose process id now belongs to another program (started at another time) is stale and taken over', async () => {
    const pid = livingProcess();
    writeLock({ user: 'before-reboot', host: os.hostname(), pid, started: 'another-boot:12345', since: new Date().toISOString() });
    const core = testCore();
    const opened = await expectOk<{ notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.notices.join(' ')).toMatch(/left marked as in use by before-reboot.*cleared/);
    expect(readLock(file)).toMatchObject({ user: 'planner', pid: process.pid, started: processStartTime(process.pid) });
    core.closeAll();
  });

  it('an old-style lock (no start time) written before this computer last started is stale, whatever process has its id now', async () => {
    writeLock({ user: 'yesterday', host: os.hostname(), pid: livingProcess(), since: new Date(bootTime().getTime() - 3_600_000).toISOString() });
    const core = testCore();
    const opened = await expectOk<{ notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.notices.join(' ')).toMatch(/left marked as in use by yesterday/);
    core.closeAll();
  });

  it('a lock held by a running program on this computer is refused, then taken over after the warning', async () => {
    const pid = livingProcess();
    writeLock({ user: 'colleague', host: os.hostname(), pid, started: processStartTime(pid), since: new Date().toISOString() });
    const core = testCore();
    const refused = await core.call('openWorkbook', { path: file });
    expect(!refused.ok && refused.error.code).toBe('in-use');
    expect(!refused.ok && refused.error.message).toMatch(/by colleague \(process \d+\).*you can take over editing/);
    expect(readLock(file)).toMatchObject({ user: 'colleague' });
    const taken = await expectOk<{ notices: string[] }>(core, 'openWorkbook', { path: file, takeOverLock: true });
    expect(taken.notices.join(' ')).toMatch(/took over editing "Plan\.ewb" from colleague \(process \d+\) on this computer/);
    expect(readLock(file)).toMatchObject({ user: 'planner', pid: process.pid });
    core.closeAll();
  });

  it('taking over from another window of this app closes that window\'s handle', async () => {
    const core = testCore();
    const first = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    const refused = await core.call('openWorkbook', { path: file });
    expect(!refused.ok && refused.error.message).toMatch(/by this app \(another window or tab\)/);
    const second = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file, takeOverLock: true });
    expect(second.notices.join(' ')).toMatch(/open for editing in another window or tab of this app; that one can no longer save/);
    const stale = await core.call('updateWorkbookDetails', { handle: first.info.handle, changes: { title: 'From the old tab' } });
    expect(!stale.ok && stale.error.code).toBe('not-open');
    await expectOk(core, 'updateWorkbookDetails', { handle: second.info.handle, changes: { title: 'From the new tab' } });
    core.closeAll();
  });

  it('a lock file that is a FIFO, a link to /dev/zero or huge is never read: replaced, without hanging or eating memory', () => {
    const lock = lockPathFor(file);
    const makers: Record<string, () => void> = {
      fifo: () => expect(spawnSync('mkfifo', [lock]).status).toBe(0),
      zero: () => fs.symlinkSync('/dev/zero', lock),
      huge: () => fs.writeFileSync(lock, Buffer.alloc(50 * 1024 * 1024, 0x20)),
    };
    for (const [kind, make] of Object.entries(makers)) {
      make();
      const child = callsInChild([{ method: 'openWorkbook', request: { path: file } }], { configDir: tempDir('ewb-config-') });
      expect(child.failure, kind).toBeNull();
      expect(child.results[0]?.ok, kind).toBe(true);
      expect(JSON.stringify(child.results[0]?.value)).toMatch(/damaged \\"in use\\" marker; it was replaced/);
      expect(child.peakRss, kind).toBeLessThan(400 * 1024 * 1024);
      // The child closed the workbook and released its (ordinary) lock; /dev/zero is untouched.
      expect(fs.existsSync(lock), kind).toBe(false);
    }
    expect(fs.statSync('/dev/zero').isCharacterDevice()).toBe(true);
  }, 90_000);

  it('opening through a symbolic link takes the same lock as the file itself', async () => {
    const link = path.join(tempDir(), 'Shortcut.ewb');
    fs.symlinkSync(file, link);
    const first = testCore();
    const viaLink = await expectOk<{ info: WorkbookInfo }>(first, 'openWorkbook', { path: link });
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    expect(fs.existsSync(lockPathFor(link))).toBe(false);
    const second = testCore({ identity: { user: 'colleague', host: 'PC-042', pid: 4242 } });
    const direct = await second.call('openWorkbook', { path: file });
    expect(!direct.ok && direct.error.code).toBe('in-use-elsewhere');
    const again = await second.call('openWorkbook', { path: link });
    expect(!again.ok && again.error.code).toBe('in-use-elsewhere');
    await expectOk(first, 'closeWorkbook', { handle: viaLink.info.handle });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    second.closeAll();
  });

  it('a read-only file (chmod 444) opens read-only, says why, and refuses edits plainly; Save a Copy works', async () => {
    fs.chmodSync(file, 0o444);
    const core = testCore();
    const opened = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.info.readOnly).toBe(true);
    expect(opened.notices.join(' ')).toMatch(/"Plan\.ewb" is read-only: its file permissions do not allow changes.*Save a copy to edit it/);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    const edit = await core.call('updateWorkbookDetails', { handle: opened.info.handle, changes: { title: 'Changed' } });
    expect(!edit.ok && edit.error.code).toBe('read-only');
    expect(!edit.ok && edit.error.message).toMatch(/open read-only.*Save a copy to edit it/);
    const copy = path.join(dir, 'Editable.ewb');
    await expectOk(core, 'saveWorkbookCopy', { handle: opened.info.handle, destination: copy });
    const editable = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: copy });
    expect(editable.info.readOnly).toBe(false);
    await expectOk(core, 'updateWorkbookDetails', { handle: editable.info.handle, changes: { title: 'Changed in the copy' } });
    core.closeAll();
  });

  it('a stale lock can be cleared without opening the workbook; a live one cannot', async () => {
    const core = testCore();
    writeLock({ user: 'gone', host: os.hostname(), pid: deadPid(), since: new Date().toISOString() });
    expect(await expectOk(core, 'getWorkbookLock', { path: file })).toMatchObject({ state: 'stale', user: 'gone' });
    expect(await expectOk(core, 'clearWorkbookLock', { path: file })).toEqual({ cleared: true });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    writeLock({ user: 'jsmith', host: 'PC-042', pid: 4242, since: '2026-11-25T08:30:00.000Z' });
    expect(await expectOk(core, 'getWorkbookLock', { path: file })).toMatchObject({ state: 'elsewhere', host: 'PC-042' });
    const refused = await core.call('clearWorkbookLock', { path: file });
    expect(!refused.ok && refused.error.code).toBe('in-use-elsewhere');
    expect(readLock(file)).toMatchObject({ user: 'jsmith' });
    core.closeAll();
  });
});
