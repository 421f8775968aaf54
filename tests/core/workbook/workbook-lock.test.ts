// The "in use" lock beside a workbook: who holds it, read-only for a second opener, stale locks.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor, readLock } from '../../../electron/core/workbook/workbook-lock.ts';
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

function writeLock(owner: { user: string; host: string; pid: number; since: string }): void {
  fs.writeFileSync(lockPathFor(file), JSON.stringify({ app: 'engagement-workbook', ...owner }));
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

  it('a folder that cannot be written to offers read-only', async () => {
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
      const result = await core.call('openWorkbook', { path: file });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('read-only');
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});
