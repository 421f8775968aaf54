// The receptivity grid through the core's boundary: each cell set is one undoable change, a cell
// that says nothing is not stored, deleting an audience or a channel takes its cells and undo puts
// them back, and the "no channel marked yes" gap follows the grid and the audience's priority.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gap, WriteEffects } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

async function workbook(core: AppCore): Promise<string> {
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Grid.ewb'), details: SAMPLE_DETAILS });
  return info.handle;
}

async function create(core: AppCore, handle: string, type: string, values: Record<string, unknown>): Promise<string> {
  return (await expectWritten<{ id: string }>(core, 'createRecord', { handle, type, values })).id;
}

function audience(name: string, priority: string) {
  return { name, kind: 'young-people', engagementState: 'hard-to-reach', priority };
}

function channel(name: string) {
  return { name, kind: 'social-media', platform: 'instagram', status: 'have' };
}

async function gapsOf(core: AppCore, handle: string, rule: string): Promise<Gap[]> {
  return (await expectOk<Gap[]>(core, 'listGaps', { handle })).filter((gap) => gap.rule === rule);
}

describe('the receptivity grid', () => {
  it('sets a cell as one undoable change, describes it, and answers with its effects', async () => {
    const core = testCore();
    const handle = await workbook(core);
    const young = await create(core, handle, 'audience', audience('Young people in Riverside', 'high'));
    const insta = await create(core, handle, 'channel', channel('Riverside on Instagram'));
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([
      expect.objectContaining({ section: 'receptivity', recordType: 'audience', recordId: young, message: 'Audience “Young people in Riverside” is a priority audience but no channel is marked yes for it: say in the grid which channels reach them, or plan one that will.' }),
    ]);

    const set = await expectOk<{ value: string; note: string; effects: WriteEffects }>(core, 'setReceptivity', { handle, audienceId: young, channelId: insta, value: 'yes' });
    expect(set).toMatchObject({ audienceId: young, channelId: insta, value: 'yes', note: '' });
    expect(set.effects.gaps.removed).toHaveLength(1);
    expect(set.effects.undo.undoLabel).toBe('Undo marking who listens where for “Young people in Riverside” on “Riverside on Instagram” as yes');
    expect(set.effects.sections).toEqual([expect.objectContaining({ section: 'receptivity', status: 'In progress', records: 1, gaps: 0 })]);
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);

    const noted = await expectOk<{ effects: WriteEffects }>(core, 'setReceptivity', { handle, audienceId: young, channelId: insta, note: 'Youth forum survey, March 2026' });
    expect(noted.effects.undo.undoLabel).toBe('Undo changing the note of who listens where for “Young people in Riverside” on “Riverside on Instagram”');
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([{ audienceId: young, channelId: insta, value: 'yes', note: 'Youth forum survey, March 2026' }]);

    // The same again changes nothing and logs nothing.
    const same = await expectOk<{ effects: WriteEffects }>(core, 'setReceptivity', { handle, audienceId: young, channelId: insta, value: 'yes' });
    expect(same.effects.undo.undoLabel).toBe(noted.effects.undo.undoLabel);

    await expectOk(core, 'undo', { handle });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([{ audienceId: young, channelId: insta, value: 'yes', note: '' }]);
    const undone = await expectOk<{ effects: WriteEffects }>(core, 'undo', { handle });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([]);
    expect(undone.effects.gaps.added.map((gap) => gap.rule)).toEqual(['audience-no-channel']);
    await expectOk(core, 'redo', { handle });
    await expectOk(core, 'redo', { handle });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([{ audienceId: young, channelId: insta, value: 'yes', note: 'Youth forum survey, March 2026' }]);
    core.closeAll();
  });

  it('stores nothing for a cell set back to unknown without a note, and keeps one that is unknown with a note', async () => {
    const core = testCore();
    const handle = await workbook(core);
    const older = await create(core, handle, 'audience', audience('Older people in Old Town', 'low'));
    const alert = await create(core, handle, 'channel', { name: 'Old Town Alert', kind: 'community-messaging', status: 'have' });
    await expectOk(core, 'setReceptivity', { handle, audienceId: older, channelId: alert, value: 'partly' });
    await expectOk(core, 'setReceptivity', { handle, audienceId: older, channelId: alert, value: 'unknown' });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([]);
    await expectOk(core, 'setReceptivity', { handle, audienceId: older, channelId: alert, note: 'Asked at the residents’ meeting; no answer yet' });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([{ audienceId: older, channelId: alert, value: 'unknown', note: 'Asked at the residents’ meeting; no answer yet' }]);
    // "unknown" does not count towards the section.
    const states = await expectOk<Array<{ section: string; records: number }>>(core, 'listSectionStates', { handle });
    expect(states.find((s) => s.section === 'receptivity')?.records).toBe(0);
    // A low-priority audience is not a priority audience: no gap.
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);
    core.closeAll();
  });

  it('refuses cells for an audience or channel that does not exist, a value off the list and an over-long note, changing nothing', async () => {
    const core = testCore();
    const handle = await workbook(core);
    const young = await create(core, handle, 'audience', audience('Young people', 'high'));
    const insta = await create(core, handle, 'channel', channel('Instagram'));
    const missing = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
    for (const [request, code, text] of [
      [{ audienceId: missing, channelId: insta, value: 'yes' }, 'not-found', 'That audience is no longer in the workbook'],
      [{ audienceId: young, channelId: missing, value: 'yes' }, 'not-found', 'That channel is no longer in the workbook'],
      [{ audienceId: young, channelId: insta, value: 'often' }, 'invalid-input', 'Choose yes, partly, no or unknown'],
      [{ audienceId: young, channelId: insta, note: 'x'.repeat(2001) }, 'invalid-input', '2,000 characters or fewer: it is 2,001 now'],
      [{ audienceId: young, channelId: insta }, 'invalid-input', 'Say what to set'],
    ] as const) {
      const result = await core.call('setReceptivity', { handle, ...request });
      expect(result.ok, JSON.stringify(request)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(JSON.stringify(result.error)).toContain(text);
      }
    }
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([]);
    core.closeAll();
  });

  it('deleting a channel takes its cells (and reopens the gap); undoing the deletion puts them back', async () => {
    const core = testCore();
    const handle = await workbook(core);
    const young = await create(core, handle, 'audience', audience('Young people', 'high'));
    const faith = await create(core, handle, 'audience', audience('Faith communities', 'medium'));
    const insta = await create(core, handle, 'channel', channel('Instagram'));
    const radio = await create(core, handle, 'channel', { name: 'Radio Kent', kind: 'radio', status: 'have' });
    await expectOk(core, 'setReceptivity', { handle, audienceId: young, channelId: insta, value: 'yes', note: 'Youth forum' });
    await expectOk(core, 'setReceptivity', { handle, audienceId: faith, channelId: insta, value: 'yes' });
    await expectOk(core, 'setReceptivity', { handle, audienceId: faith, channelId: radio, value: 'no' });
    const before = await expectOk(core, 'listReceptivity', { handle });
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);

    const deleted = await expectOk<{ effects: WriteEffects }>(core, 'deleteRecord', { handle, type: 'channel', id: insta });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual([{ audienceId: faith, channelId: radio, value: 'no', note: '' }]);
    expect(deleted.effects.gaps.added.map((gap) => gap.recordId).sort()).toEqual([young, faith].sort());

    await expectOk(core, 'undo', { handle });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual(before);
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);

    // Deleting an audience takes its row; undo brings it back.
    await expectOk(core, 'deleteRecord', { handle, type: 'audience', id: faith });
    expect((await expectOk<unknown[]>(core, 'listReceptivity', { handle })).length).toBe(1);
    await expectOk(core, 'undo', { handle });
    expect(await expectOk(core, 'listReceptivity', { handle })).toEqual(before);
    core.closeAll();
  });

  it('counts a priority audience by its priority as it changes: high and medium are priority audiences, low is not', async () => {
    const core = testCore();
    const handle = await workbook(core);
    const id = await create(core, handle, 'audience', audience('Night-time economy', 'low'));
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);
    await expectOk(core, 'updateRecord', { handle, type: 'audience', id, changes: { priority: 'medium' } });
    expect((await gapsOf(core, handle, 'audience-no-channel')).map((gap) => gap.recordId)).toEqual([id]);
    await expectOk(core, 'updateRecord', { handle, type: 'audience', id, changes: { priority: 'high' } });
    expect((await gapsOf(core, handle, 'audience-no-channel')).map((gap) => gap.recordId)).toEqual([id]);
    await expectOk(core, 'updateRecord', { handle, type: 'audience', id, changes: { priority: 'low' } });
    expect(await gapsOf(core, handle, 'audience-no-channel')).toEqual([]);
    core.closeAll();
  });

  it('refuses a cell of a read-only workbook', async () => {
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Grid.ewb'), details: SAMPLE_DETAILS });
    const young = await create(core, info.handle, 'audience', audience('Young people', 'high'));
    const insta = await create(core, info.handle, 'channel', channel('Instagram'));
    core.closeAll();
    const reader = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: info.path, readOnly: true });
    const result = await core.call('setReceptivity', { handle: reader.info.handle, audienceId: young, channelId: insta, value: 'yes' });
    expect(result.ok).toBe(false);
    core.closeAll();
  });
});
