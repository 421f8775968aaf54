// From one force to another: A saves a share copy, B adds it to its practice library. The entry says
// it is a share copy and when it was made; a copy changed after it was shared (its provenance no
// longer verifies) is refused; A's own library entries never travel in A's share copy.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntrySummary } from '../../../shared/api/library.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';
import { tamper } from '../../helpers/tampered-workbook.ts';

describe('a share copy added to another force’s library', () => {
  it('is added as a share copy with its provenance; changed after sharing, it is refused; the sender’s own library does not travel', async () => {
    const dir = tempDir('ewb-share-library-');
    const cumbria = await forceWorkbook(dir, 'cumbria.ewb', 'cumbria', [{ title: 'Farm watch', audienceKinds: ['rural-villages'] }]);
    // Sussex (A): a practice, and Cumbria's workbook in its own library.
    const a = testCore({ newId: sequentialIds(500_000) });
    const sussex = await expectOk<WorkbookInfo>(a, 'createWorkbook', { path: path.join(dir, 'sussex.ewb'), details: { ...SAMPLE_DETAILS, force: 'sussex', title: 'Sussex plan' } });
    await expectOk(a, 'createRecord', { handle: sussex.handle, type: 'practice', values: { title: 'Faith leaders forum', origin: 'our-now', audienceKinds: ['faith'], depth: 'collaborate', notes: 'Ring Zebedee' } });
    await expectOk(a, 'addToLibrary', { handle: sussex.handle, paths: [cumbria.file] });
    const copy = path.join(dir, 'Sussex shared.ewb');
    await expectOk(a, 'saveShareCopy', { handle: sussex.handle, destination: copy });
    a.closeAll();
    expect(fs.readFileSync(copy).includes(Buffer.from('Farm watch'))).toBe(false);

    // Kent (B) adds the copy.
    const b = testCore();
    const kent = await expectOk<WorkbookInfo>(b, 'createWorkbook', { path: path.join(dir, 'kent.ewb'), details: SAMPLE_DETAILS });
    await expectOk(b, 'addToLibrary', { handle: kent.handle, paths: [copy] });
    const [entry] = await expectOk<LibraryEntrySummary[]>(b, 'listLibrary', { handle: kent.handle });
    expect(entry).toMatchObject({ force: 'sussex', workbookId: sussex.meta.id, sourceKind: 'share-copy', fileName: 'Sussex shared.ewb', practices: 1 });
    expect(entry!.sharedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A byte of content changed after sharing: the provenance no longer verifies, and the copy is refused.
    const changed = path.join(dir, 'Sussex changed.ewb');
    fs.copyFileSync(copy, changed);
    tamper(changed, (db) => db.prepare(`UPDATE practice SET title = 'Faith leaders forum (edited)'`).run());
    const refused = await b.call('addToLibrary', { handle: kent.handle, paths: [changed] });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('provenance does not verify') } });
    expect(await expectOk<LibraryEntrySummary[]>(b, 'listLibrary', { handle: kent.handle })).toHaveLength(1);
  });
});
