// Save a Copy: a complete, checked workbook appears at the destination, or nothing does.
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
