// Comparing practice between forces: ours first, then land neighbours, then the others; what
// neighbours rate well that we do not use is highlighted; our audiences with no recorded practice
// are named; adopting a practice makes it ours with its force and workbook, and survives reopening.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison, DepthCounts } from '../../../shared/api/library.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';

async function library() {
  const dir = tempDir('ewb-compare-');
  const others = [
    await forceWorkbook(dir, 'cumbria.ewb', 'cumbria', [{ title: 'Mosque open day', audienceKinds: ['faith'], depth: 'involve', verdict: 'adopt', evidenceStrength: 'evaluated' }]),
    await forceWorkbook(dir, 'surrey.ewb', 'surrey', [
      { title: 'Faith leaders forum', audienceKinds: ['faith'], depth: 'collaborate', evidenceStrength: 'monitored', outcome: 'improved' },
      { title: 'Interfaith walk', audienceKinds: ['faith'], depth: 'inform', verdict: 'avoid', evidenceStrength: 'anecdotal' },
      { title: 'Beat surgery', audienceKinds: ['rural-villages'], depth: 'consult' },
    ], { periodStart: '2025-04-01', periodEnd: '2028-03-31' }),
    await forceWorkbook(dir, 'met.ewb', 'metropolitan', [{ title: 'Pop-up cafe', audienceKinds: ['faith'], depth: 'involve', verdict: 'adopt' }]),
  ];
  const core = testCore();
  const file = path.join(dir, 'kent.ewb');
  const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  // We already run a pop-up cafe (named a little differently): it is not highlighted as new to us.
  await expectOk(core, 'createRecord', { handle, type: 'practice', values: { title: 'Pop-up  CAFE', origin: 'our-now', audienceKinds: ['faith'], depth: 'consult' } });
  await expectOk(core, 'createRecord', { handle, type: 'audience', values: { name: 'Deaf residents', kind: 'deaf', engagementState: 'unknown', priority: 'high' } });
  await expectOk(core, 'createRecord', { handle, type: 'audience', values: { name: 'Mosque congregations', kind: 'faith', engagementState: 'unknown', priority: 'high' } });
  await expectOk(core, 'addToLibrary', { handle, paths: others.map((o) => o.file) });
  return { core, handle, file };
}

describe('comparing practice between forces', () => {
  it('puts ours first, then neighbours, then the others, highlighting what neighbours rate well that we do not use', async () => {
    const { core, handle } = await library();
    const comparison = await expectOk<Comparison>(core, 'comparePractice', { handle, query: { audienceKind: 'faith' } });
    expect(comparison.rows.map((row) => [row.force, row.group, row.title, row.highlight])).toEqual([
      ['kent', 'ours', 'Pop-up  CAFE', false],
      ['metropolitan', 'neighbour', 'Pop-up cafe', false],
      ['surrey', 'neighbour', 'Faith leaders forum', true],
      ['surrey', 'neighbour', 'Interfaith walk', false],
      // Rated well, but Cumbria is not a neighbour of Kent.
      ['cumbria', 'other', 'Mosque open day', false],
    ]);
    expect(comparison.forces.map((f) => f.force)).toEqual(['kent', 'metropolitan', 'surrey', 'sussex', 'cumbria']);
    expect(comparison.rows[2]).toMatchObject({ neighbour: true, outcome: 'improved', evidenceStrength: 'monitored', workbookLabel: 'surrey engagement strategy (2025-04-01 to 2028-03-31)' });
    expect(comparison.audiencesWithoutPractice.map((a) => a.name)).toEqual(['Deaf residents']);
  });

  it('compares by channel kind and by depth, and counts practice by depth for each force', async () => {
    const { core, handle } = await library();
    const byDepth = await expectOk<Comparison>(core, 'comparePractice', { handle, query: { depth: 'involve' } });
    expect(byDepth.rows.map((row) => row.title)).toEqual(['Pop-up cafe', 'Mosque open day']);
    const byChannel = await expectOk<Comparison>(core, 'comparePractice', { handle, query: { channelKind: 'radio' } });
    expect(byChannel.rows).toEqual([]);
    const refused = await core.call('comparePractice', { handle, query: { depth: 'shout' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const counts = await expectOk<DepthCounts>(core, 'countPracticeByDepth', { handle });
    expect(counts.map((c) => [c.force, c.counts])).toEqual([
      ['kent', { consult: 1 }],
      ['metropolitan', { involve: 1 }],
      ['surrey', { collaborate: 1, inform: 1, consult: 1 }],
      ['cumbria', { involve: 1 }],
    ]);
  });

  it('adopts a practice into our what-works with its force and workbook, undoably, and keeps it on reopening', async () => {
    const { core, handle, file } = await library();
    const before = await expectOk<Comparison>(core, 'comparePractice', { handle, query: { audienceKind: 'faith' } });
    const forum = before.rows.find((row) => row.title === 'Faith leaders forum')!;
    const adopted = await expectOk<Record<string, unknown>>(core, 'adoptPractice', { handle, entryId: forum.entryId, practiceId: forum.practiceId, verdict: 'adapt' });
    expect(adopted).toMatchObject({ title: 'Faith leaders forum', origin: 'other-force', originForce: 'surrey', verdict: 'adapt', depth: 'collaborate', evidenceStrength: 'monitored' });
    expect(adopted.originWorkbook).toMatch(/^surrey engagement strategy \(2025-04-01 to 2028-03-31\), workbook [0-9a-f-]{36}$/);
    const after = await expectOk<Comparison>(core, 'comparePractice', { handle, query: { audienceKind: 'faith' } });
    expect(after.rows.find((row) => row.title === 'Faith leaders forum' && row.group === 'neighbour')?.highlight).toBe(false);
    expect(after.rows.filter((row) => row.group === 'ours').map((row) => row.title)).toEqual(['Faith leaders forum', 'Pop-up  CAFE']);

    await expectOk(core, 'closeWorkbook', { handle });
    const reopened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    const { records } = await expectOk<{ records: Array<Record<string, unknown>> }>(core, 'listRecords', { handle: reopened.info.handle, type: 'practice' });
    expect(records.find((r) => r.title === 'Faith leaders forum')).toMatchObject({ originForce: 'surrey', originWorkbook: adopted.originWorkbook });
    await expectOk(core, 'undo', { handle: reopened.info.handle });
    const { records: undone } = await expectOk<{ records: Array<Record<string, unknown>> }>(core, 'listRecords', { handle: reopened.info.handle, type: 'practice' });
    expect(undone.map((r) => r.title)).toEqual(['Pop-up  CAFE']);
  });
});
