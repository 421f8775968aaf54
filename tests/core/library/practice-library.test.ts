// The practice library: other forces' workbooks added as untrusted input, their practice copied in
// with its provenance (never their notes or what they did not share), replaced by a newer copy of
// the same workbook, kept beside the next period's, removed, and every one of those undone and redone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntrySummary } from '../../../shared/api/library.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';
import { tamper } from '../../helpers/tampered-workbook.ts';

async function ourWorkbook(dir: string) {
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'ours.ewb'), details: SAMPLE_DETAILS });
  return { core, handle: info.handle };
}

describe('the practice library', () => {
  it('copies the practice of a workbook added, with its provenance, and none of its notes or unshared practice', async () => {
    const dir = tempDir('ewb-library-');
    const surrey = await forceWorkbook(dir, 'surrey.ewb', 'surrey', [
      { title: 'Pop-up cafe after Friday prayers', audienceKinds: ['faith'], channelKinds: ['event'], depth: 'involve', verdict: 'adopt', notes: 'Ring Zebedee Quixotic on 07700 900123' },
      { title: 'Private pilot', audienceKinds: ['faith'], shareable: false },
    ], { periodStart: '2025-04-01', periodEnd: '2028-03-31' });
    const { core, handle } = await ourWorkbook(dir);
    const added = await expectOk<{ added: Array<{ practices: number; replaced: string | null }>; effects: { undo: { undoLabel: string | null } } }>(core, 'addToLibrary', { handle, paths: [surrey.file] });
    expect(added.added).toEqual([expect.objectContaining({ fileName: 'surrey.ewb', practices: 1, replaced: null })]);
    expect(added.effects.undo.undoLabel).toContain("Surrey Police's workbook");
    const list = await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle });
    expect(list).toEqual([expect.objectContaining({ workbookId: surrey.workbookId, force: 'surrey', forceName: 'Surrey Police', title: 'surrey engagement strategy', periodStart: '2025-04-01', periodEnd: '2028-03-31', sourceKind: 'workbook', practices: 1, neighbour: true })]);
    await expectOk(core, 'closeWorkbook', { handle });
    const bytes = fs.readFileSync(path.join(dir, 'ours.ewb'));
    expect(bytes.includes(Buffer.from('Zebedee'))).toBe(false);
    expect(bytes.includes(Buffer.from('Private pilot'))).toBe(false);
    expect(bytes.includes(Buffer.from('Pop-up cafe after Friday prayers'))).toBe(true);
  });

  it('replaces an older copy of the same workbook, keeps the next period beside it, and undoes each add as one step', async () => {
    const dir = tempDir('ewb-library-');
    const first = await forceWorkbook(dir, 'sussex-2025.ewb', 'sussex', [{ title: 'Street briefings', depth: 'inform' }], { periodStart: '2025-04-01', periodEnd: '2026-03-31' });
    const { core, handle } = await ourWorkbook(dir);
    await expectOk(core, 'addToLibrary', { handle, paths: [first.file] });
    // A newer copy of the same workbook: same id, another practice.
    const copy = path.join(dir, 'sussex-2025-newer.ewb');
    const writer = testCore();
    const opened = await expectOk<{ info: WorkbookInfo }>(writer, 'openWorkbook', { path: first.file });
    await expectOk(writer, 'createRecord', { handle: opened.info.handle, type: 'practice', values: { title: 'Beat surgeries', origin: 'our-now', depth: 'consult' } });
    await expectOk(writer, 'saveWorkbookCopy', { handle: opened.info.handle, destination: copy });
    writer.closeAll();
    const replaced = await expectOk<{ added: Array<{ replaced: string | null; practices: number }> }>(core, 'addToLibrary', { handle, paths: [copy] });
    expect(replaced.added[0]).toMatchObject({ practices: 2 });
    expect(replaced.added[0]!.replaced).not.toBeNull();
    const next = await forceWorkbook(dir, 'sussex-2026.ewb', 'sussex', [{ title: 'Youth panel', depth: 'collaborate' }], { periodStart: '2026-04-01', periodEnd: '2027-03-31' });
    await expectOk(core, 'addToLibrary', { handle, paths: [next.file] });
    let list = await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle });
    expect(list.map((e) => [e.periodStart, e.practices])).toEqual([['2025-04-01', 2], ['2026-04-01', 1]]);

    await expectOk(core, 'undo', { handle });
    await expectOk(core, 'undo', { handle });
    list = await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle });
    expect(list.map((e) => [e.periodStart, e.practices])).toEqual([['2025-04-01', 1]]);
    await expectOk(core, 'redo', { handle });
    list = await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle });
    expect(list.map((e) => [e.periodStart, e.practices])).toEqual([['2025-04-01', 2]]);

    const removed = await expectOk<{ removed: boolean }>(core, 'removeFromLibrary', { handle, entryId: list[0]!.id });
    expect(removed.removed).toBe(true);
    expect(await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle })).toEqual([]);
    await expectOk(core, 'undo', { handle });
    expect((await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle })).map((e) => e.practices)).toEqual([2]);
  });

  it('refuses our own workbook, and refuses every file when one is bad, adding nothing', async () => {
    const dir = tempDir('ewb-library-');
    const good = await forceWorkbook(dir, 'surrey.ewb', 'surrey', [{ title: 'Cafe' }]);
    const bad = path.join(dir, 'notes.ewb');
    fs.writeFileSync(bad, 'just some text, not a workbook at all');
    const { core, handle } = await ourWorkbook(dir);
    const refused = await core.call('addToLibrary', { handle, paths: [good.file, bad] });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('notes.ewb') } });
    expect(await expectOk<LibraryEntrySummary[]>(core, 'listLibrary', { handle })).toEqual([]);
    const selfCopy = path.join(dir, 'self.ewb');
    await expectOk(core, 'saveWorkbookCopy', { handle, destination: selfCopy });
    const own = await core.call('addToLibrary', { handle, paths: [selfCopy] });
    expect(own).toMatchObject({ ok: false, error: { message: expect.stringContaining('this workbook itself') } });
  });
});

describe('the practice library in a file changed behind the app', () => {
  it('is checked value by value on opening, and its repair takes the bad entry out', async () => {
    const dir = tempDir('ewb-library-');
    const surrey = await forceWorkbook(dir, 'surrey.ewb', 'surrey', [{ title: 'Cafe', depth: 'consult' }]);
    const { core, handle } = await ourWorkbook(dir);
    await expectOk(core, 'addToLibrary', { handle, paths: [surrey.file] });
    await expectOk(core, 'closeWorkbook', { handle });
    const file = path.join(dir, 'ours.ewb');
    tamper(file, (db) => db.prepare(`UPDATE library_practice SET depth = 'telepathy'`).run());
    const check = await expectOk<{ ok: boolean; values: { problems: Array<{ recordType: string; message: string; repair: string }> } }>(core, 'checkWorkbook', { path: file });
    expect(check.ok).toBe(false);
    expect(check.values.problems).toEqual([expect.objectContaining({ recordType: 'libraryEntry', message: expect.stringContaining('Cafe'), repair: expect.stringContaining('Take this workbook out') })]);
    await expectOk(core, 'repairWorkbook', { path: file, apply: true });
    const reopened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(await expectOk(core, 'listLibrary', { handle: reopened.info.handle })).toEqual([]);
  });
});
