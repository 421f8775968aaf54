// The force's logo: only a real PNG or JPEG of at most 2 MB; kept in the workbook, carried by the
// interchange format, and placed on the cover of the Word document.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { runMigrations, readUserVersion } from '../../../electron/core/db/run-migrations.ts';
import { checkLogo } from '../../../electron/core/workbook/workbook-logo.ts';
import { TINY_PNG } from '../../helpers/interchange-arbitraries.ts';
import { olderWorkbook } from '../../helpers/older-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

// A minimal baseline JPEG header (SOI, APP0, SOF0 of 40 × 20) is enough for the size check.
const TINY_JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0000b080014002801011100ffd9', 'hex');

function entries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

describe('workbook logo', () => {
  it('migration 0005 adds the logo columns with their limits', () => {
    const db = new Database(':memory:');
    olderWorkbook(db, 4, { id: 'w', forceId: 'kent', title: 't', appVersion: '0.3.0', createdAt: 'a', modifiedAt: 'b' });
    runMigrations(db, 5);
    expect(readUserVersion(db)).toBe(5);
    expect(() => db.prepare(`UPDATE workbook SET logo_type = 'image/gif'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE workbook SET logo = ?').run(Buffer.alloc(2 * 1024 * 1024 + 1))).toThrow(/CHECK/);
    db.close();
  });

  it('recognises PNG and JPEG by their bytes and reads their size; refuses anything else', () => {
    expect(checkLogo(Buffer.from(TINY_PNG, 'base64'), 'a.png')).toMatchObject({ mediaType: 'image/png', width: 1, height: 1 });
    expect(checkLogo(TINY_JPEG, 'a.jpg')).toMatchObject({ mediaType: 'image/jpeg', width: 40, height: 20 });
    expect(() => checkLogo(Buffer.from('GIF89a...'), 'logo.gif')).toThrow(/not a PNG or JPEG/);
    expect(() => checkLogo(Buffer.alloc(0), 'empty.png')).toThrow(/is empty/);
    expect(() => checkLogo(Buffer.concat([Buffer.from(TINY_PNG, 'base64'), Buffer.alloc(2 * 1024 * 1024)]), 'big.png')).toThrow(/too large for a logo/);
  });

  it('is set, read, removed, carried through the interchange format, and placed on the Word cover', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from(TINY_PNG, 'base64'));
    fs.writeFileSync(path.join(dir, 'logo.txt'), 'not an image');
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
    const bad = await core.call('setWorkbookLogo', { handle: info.handle, source: path.join(dir, 'logo.txt') });
    expect(!bad.ok && bad.error.message).toMatch(/"logo.txt" is not a PNG or JPEG/);
    const set = await expectOk<{ logo: { dataUrl: string } }>(core, 'setWorkbookLogo', { handle: info.handle, source: path.join(dir, 'logo.png') });
    expect(set.logo.dataUrl).toBe(`data:image/png;base64,${TINY_PNG}`);
    await expectOk(core, 'exportWorkbook', { handle: info.handle, word: path.join(dir, 'out.docx') });
    expect((await entries(path.join(dir, 'out.docx'))).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    core.closeAll();
    await expectOk(core, 'dumpWorkbook', { path: info.path, destination: path.join(dir, 'w.json') });
    const dumped = JSON.parse(fs.readFileSync(path.join(dir, 'w.json'), 'utf8')) as { workbook: { logo?: { base64: string } } };
    expect(dumped.workbook.logo?.base64).toBe(TINY_PNG);
    const copy = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'copy.ewb'), source: path.join(dir, 'w.json') });
    expect(await expectOk(core, 'getWorkbookLogo', { handle: copy.handle })).toMatchObject({ mediaType: 'image/png', width: 1, height: 1 });
    expect(await expectOk(core, 'setWorkbookLogo', { handle: copy.handle, source: null })).toMatchObject({ logo: null, effects: { undo: { undoLabel: 'Undo removing the logo' } } });
    expect(await expectOk(core, 'getWorkbookLogo', { handle: copy.handle })).toBeNull();
    // Choosing or removing the logo is one step of undo, the image kept aside rather than in the log.
    await expectOk(core, 'undo', { handle: copy.handle });
    expect(await expectOk(core, 'getWorkbookLogo', { handle: copy.handle })).toMatchObject({ mediaType: 'image/png', width: 1, height: 1 });
    await expectOk(core, 'redo', { handle: copy.handle });
    expect(await expectOk(core, 'getWorkbookLogo', { handle: copy.handle })).toBeNull();
    core.closeAll();
  });
});
