// Save a Copy: a complete, checked workbook appears at the destination, or nothing does.
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PendingTemporaries, makePrivateFolder, sweepPrivateFolders } from '../../../electron/core/fs/temporary-files.ts';
import { growWorkbook } from '../../helpers/big-workbook.ts';
import { runChild } from '../../helpers/child-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';

async function openWorkbook() {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: SAMPLE_DETAILS });
  await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'Edited before copying' } });
  return { dir, core, info };
}

describe('save a copy', () => {
  it('writes a sound workbook with the same contents, identity and format', async () => {
    const { dir, core, info } = await openWorkbook();
    const destination = path.join(dir, 'Copy.ewb');
    expect(await expectOk(core, 'saveWorkbookCopy', { handle: info.handle, destination })).toEqual({ path: destination });
    const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: destination });
    expect(report).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION });
    const copy = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: destination, readOnly: true });
    expect(copy.info.meta).toEqual({ ...info.meta, title: 'Edited before copying', modifiedAt: copy.info.meta.modifiedAt });
    expect(copy.info.counts.changes).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    core.closeAll();
  });

  it('refuses to overwrite unless asked, and never over the workbook itself', async () => {
    const { dir, core, info } = await openWorkbook();
    const destination = path.join(dir, 'Copy.ewb');
    fs.writeFileSync(destination, 'keep me');
    const refused = await core.call('saveWorkbookCopy', { handle: info.handle, destination });
    expect(!refused.ok && refused.error.code).toBe('already-exists');
    expect(fs.readFileSync(destination, 'utf8')).toBe('keep me');
    await expectOk(core, 'saveWorkbookCopy', { handle: info.handle, destination, overwrite: true });
    expect((await expectOk<CheckReport>(core, 'checkWorkbook', { path: destination })).ok).toBe(true);
    const self = await core.call('saveWorkbookCopy', { handle: info.handle, destination: info.path, overwrite: true });
    expect(!self.ok && self.error.message).toMatch(/is the workbook this is made from: writing over it would destroy it/);
    core.closeAll();
  });

  it('leaves no file at all when the destination folder does not exist', async () => {
    const { dir, core, info } = await openWorkbook();
    const result = await core.call('saveWorkbookCopy', { handle: info.handle, destination: path.join(dir, 'nope', 'Copy.ewb') });
    expect(!result.ok && result.error.code).toBe('not-found');
    expect(fs.readdirSync(dir).sort()).toEqual(['Plan.ewb', '~$Plan.ewb.lock']);
    core.closeAll();
  });

  it('works from a workbook open read-only (the notice says "Save a copy to edit it")', async () => {
    const { dir, core, info } = await openWorkbook();
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    const readOnly = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: info.path, readOnly: true });
    const destination = path.join(dir, 'Editable copy.ewb');
    await expectOk(core, 'saveWorkbookCopy', { handle: readOnly.info.handle, destination });
    const copy = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: destination });
    expect(copy.info.readOnly).toBe(false);
    expect(copy.info.meta.title).toBe('Edited before copying');
    // The read-only snapshot is still frozen after the copy.
    const edit = await core.call('updateWorkbookDetails', { handle: readOnly.info.handle, changes: { title: 'x' } });
    expect(!edit.ok && edit.error.code).toBe('read-only');
    core.closeAll();
  });
});

describe('temporary files left by a killed process', () => {
  it('a copy killed midway leaves its hidden temporary file; the next start removes it', async () => {
    const { core, info } = await openWorkbook();
    core.closeAll();
    growWorkbook(info.path, 40 * 1024 * 1024);
    const folder = tempDir();
    const config = tempDir('ewb-config-');
    const child = runChild(path.resolve('tests/helpers/copy-looper.ts'), [config, info.path, folder]);
    await child.waitForLine(/^copying$/, 60_000);
    const deadline = Date.now() + 60_000;
    let seen: string[] = [];
    while (seen.length === 0 && Date.now() < deadline) {
      seen = fs.readdirSync(folder).filter((name) => /^\.copy\.ewb\.[0-9a-f]{12}\.tmp$/.test(name));
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.process.kill('SIGKILL');
    await child.exited;
    expect(seen.length, 'a temporary copy was being written when the process was killed').toBeGreaterThan(0);
    expect(fs.readdirSync(folder).some((name) => name.endsWith('.tmp'))).toBe(true);
    // The next start (any door creates a core) clears it; a finished copy.ewb, if any, is kept.
    testCore({ paths: { configDir: config } }).closeAll();
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('-journal'))).toEqual([]);
    expect((await expectOk<CheckReport>(testCore(), 'checkWorkbook', { path: info.path })).ok).toBe(true);
  }, 180_000);

  it('only our own temporaries of ended processes are removed: a live owner\'s and anything not named like ours stay', () => {
    const config = tempDir('ewb-config-');
    const folder = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    const records = path.join(config, 'temporary-files');
    fs.mkdirSync(records, { recursive: true });
    const entries = {
      stale: path.join(folder, '.Plan.ewb.0123456789ab.tmp'),
      notOurs: path.join(folder, 'Plan.ewb'),
    };
    for (const file of Object.values(entries)) fs.writeFileSync(file, 'x');
    for (const [name, file] of Object.entries(entries)) {
      fs.writeFileSync(path.join(records, `${name}.json`), JSON.stringify({ path: file, host: os.hostname(), pid: deadPid, started: null, since: new Date().toISOString() }));
    }
    const live = new PendingTemporaries(config, os.hostname());
    const liveFile = path.join(folder, '.Live.ewb.abcdefabcdef.tmp');
    fs.writeFileSync(liveFile, 'x');
    const forget = live.begin(liveFile);
    expect(new PendingTemporaries(config, os.hostname()).sweep()).toBe(1);
    expect(fs.existsSync(entries.stale)).toBe(false);
    expect(fs.existsSync(entries.notOurs)).toBe(true);
    expect(fs.existsSync(liveFile)).toBe(true);
    forget();
    expect(fs.readdirSync(records)).toEqual([]);
  });

  it('private working folders of ended processes are removed from the temporary folder; ours stay', () => {
    const root = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const stale = path.join(root, `ewb-work.${Number(dead.stdout.toString())}.x.abc123`);
    fs.mkdirSync(stale);
    fs.writeFileSync(path.join(stale, 'copy.ewb'), 'x');
    const mine = makePrivateFolder(root);
    const unrelated = path.join(root, 'ewb-work-something-else');
    fs.mkdirSync(unrelated);
    expect(sweepPrivateFolders(root)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(mine)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(fs.statSync(mine).mode & 0o777).toBe(0o700);
  });
});
