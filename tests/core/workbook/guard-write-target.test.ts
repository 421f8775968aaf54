// No write replaces an open or locked workbook (compared by real path), the file being read, or a
// workbook with something that is not one unless separately confirmed: each attack from the
// review, with the file's hash before and after and the victim session still working.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { sha } from '../../helpers/file-sha.ts';

let dir: string;
let victim: string;
let other: string;

beforeEach(async () => {
  dir = tempDir();
  victim = path.join(dir, 'd1.ewb');
  other = path.join(dir, 'd2.ewb');
  const core = testCore();
  await expectOk(core, 'createWorkbook', { path: victim, details: SAMPLE_DETAILS });
  await expectOk(core, 'createWorkbook', { path: other, details: { ...SAMPLE_DETAILS, title: 'Other' } });
  core.closeAll();
});

async function refusedWith(result: Promise<{ ok: boolean; error?: { code: string; message: string } }>, code: string, message?: RegExp) {
  const answer = await result;
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe(code);
  if (message) expect(answer.error?.message).toMatch(message);
}

describe('writes to a chosen path', () => {
  it('a dump never replaces the workbook it is made from, even when replacing a workbook is confirmed', async () => {
    const core = testCore();
    const before = sha(victim);
    await refusedWith(core.call('dumpWorkbook', { path: victim, destination: victim }), 'invalid-input', /"d1\.ewb" is the workbook this is made from/);
    await refusedWith(core.call('dumpWorkbook', { path: victim, destination: victim, replaceWorkbook: true }), 'invalid-input');
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(victim, link);
    await refusedWith(core.call('dumpWorkbook', { path: victim, destination: link, replaceWorkbook: true }), 'invalid-input');
    expect(sha(victim)).toBe(before);
    core.closeAll();
  });

  it('JSON over another workbook needs its own confirmation', async () => {
    const core = testCore();
    const before = sha(other);
    await refusedWith(core.call('dumpWorkbook', { path: victim, destination: other }), 'replaces-workbook', /"d2\.ewb" is a workbook\. Writing this file there would replace the workbook/);
    expect(sha(other)).toBe(before);
    // Renamed away from .ewb, a workbook is still recognised by its header.
    const renamed = path.join(dir, 'renamed.json');
    fs.copyFileSync(other, renamed);
    await refusedWith(core.call('dumpWorkbook', { path: victim, destination: renamed }), 'replaces-workbook');
    await expectOk(core, 'dumpWorkbook', { path: victim, destination: other, replaceWorkbook: true });
    expect(JSON.parse(fs.readFileSync(other, 'utf8'))).toMatchObject({ format: 'engagement-workbook' });
    core.closeAll();
  });

  it('a copy, a dump or an export aimed at a workbook another session has open is refused; that session keeps working', async () => {
    const core = testCore();
    const held = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: victim });
    const source = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: other, readOnly: true });
    const link = path.join(tempDir(), 'shortcut.ewb');
    fs.symlinkSync(victim, link);
    const before = sha(victim);
    for (const destination of [victim, link]) {
      await refusedWith(core.call('saveWorkbookCopy', { handle: source.info.handle, destination, overwrite: true }), 'in-use', /is a workbook open in Engagement Workbook/);
      await refusedWith(core.call('dumpWorkbook', { path: other, destination, replaceWorkbook: true }), 'in-use');
    }
    const docx = path.join(dir, 'plan.docx');
    fs.symlinkSync(victim, docx);
    await refusedWith(core.call('exportWorkbook', { handle: source.info.handle, jobId: crypto.randomUUID(), word: docx, sections: ['aims'] }), 'in-use');
    expect(sha(victim)).toBe(before);
    const edited = await expectOk<WorkbookInfo>(core, 'updateWorkbookDetails', { handle: held.info.handle, changes: { title: 'Still mine' } });
    expect(edited.meta.title).toBe('Still mine');
    core.closeAll();
  });

  it('a workbook locked by another computer or program is not written over; a stale lock does not stop it', async () => {
    const core = testCore();
    const source = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: other, readOnly: true });
    fs.writeFileSync(lockPathFor(victim), JSON.stringify({ app: 'engagement-workbook', user: 'jsmith', host: 'PC-042', pid: 4242, since: '2026-11-25T08:30:00.000Z' }));
    const before = sha(victim);
    await refusedWith(core.call('saveWorkbookCopy', { handle: source.info.handle, destination: victim, overwrite: true }), 'in-use-elsewhere', /open for editing by jsmith on PC-042/);
    fs.writeFileSync(lockPathFor(victim), '{damaged');
    await refusedWith(core.call('saveWorkbookCopy', { handle: source.info.handle, destination: victim, overwrite: true }), 'in-use', /cannot be read/);
    expect(sha(victim)).toBe(before);
    fs.writeFileSync(lockPathFor(victim), JSON.stringify({ app: 'engagement-workbook', user: 'gone', host: 'this-host', pid: 999_999_999, since: '2026-11-25T08:30:00.000Z' }));
    const staleCore = testCore({ identity: { user: 'planner', host: 'this-host', pid: process.pid } });
    const copySource = await expectOk<{ info: WorkbookInfo }>(staleCore, 'openWorkbook', { path: other, readOnly: true });
    await expectOk(staleCore, 'saveWorkbookCopy', { handle: copySource.info.handle, destination: victim, overwrite: true });
    expect((await expectOk<{ info: WorkbookInfo }>(staleCore, 'openWorkbook', { path: victim, readOnly: true })).info.meta.title).toBe('Other');
    staleCore.closeAll();
    core.closeAll();
  });

  it('names SQLite and the lock keep beside a workbook are never written', async () => {
    const core = testCore();
    for (const name of ['d1.ewb-journal', 'd1.ewb-wal', '~$d1.ewb.lock']) {
      await refusedWith(core.call('dumpWorkbook', { path: victim, destination: path.join(dir, name) }), 'forbidden', /keeps for its own files/);
      expect(fs.existsSync(path.join(dir, name))).toBe(false);
    }
    core.closeAll();
  });

  it('a workbook replaced by another program while open: the next edit is refused plainly, and Save a Copy keeps the work', async () => {
    const core = testCore();
    const held = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: victim });
    await expectOk(core, 'updateWorkbookDetails', { handle: held.info.handle, changes: { title: 'Before the swap' } });
    // Another program (not ours: it ignores the lock) puts a different file in its place.
    const replacement = path.join(dir, 'replacement.tmp');
    fs.copyFileSync(other, replacement);
    fs.renameSync(replacement, victim);
    const after = sha(victim);
    const edit = await core.call('updateWorkbookDetails', { handle: held.info.handle, changes: { title: 'Lost?' } });
    expect(!edit.ok && edit.error.code).toBe('io');
    expect(!edit.ok && edit.error.message).toMatch(/was replaced or removed by another program while it was open, so your change was not saved/);
    expect(!edit.ok && edit.error.message).not.toMatch(/safe/);
    expect(sha(victim)).toBe(after);
    const rescued = path.join(dir, 'rescued.ewb');
    await expectOk(core, 'saveWorkbookCopy', { handle: held.info.handle, destination: rescued });
    expect((await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: rescued, readOnly: true })).info.meta.title).toBe('Before the swap');
    core.closeAll();
  });
});
