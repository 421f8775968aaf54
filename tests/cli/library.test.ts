// `ewb library add|list|remove` and `ewb compare` as a user runs them: workbooks added and listed
// with their provenance, the comparison as JSON with neighbours before others, usage refused.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { forceWorkbook } from '../helpers/force-workbook.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';

describe('ewb library and ewb compare', () => {
  it('adds, lists, compares and removes', async () => {
    const dir = tempDir('ewb-cli-library-');
    const ours = await forceWorkbook(dir, 'kent.ewb', 'kent', []);
    const cumbria = await forceWorkbook(dir, 'cumbria.ewb', 'cumbria', [{ title: 'Farm watch', audienceKinds: ['rural-villages'], depth: 'involve' }]);
    const sussex = await forceWorkbook(dir, 'sussex.ewb', 'sussex', [{ title: 'Village hall surgeries', audienceKinds: ['rural-villages'], depth: 'consult', verdict: 'adopt' }]);
    const added = ewb(['library', 'add', ours.file, cumbria.file, sussex.file]);
    expect(added).toMatchObject({ code: 0, out: 'Added cumbria.ewb: 1 practice.\nAdded sussex.ewb: 1 practice.\n' });

    const list = JSON.parse(ewb(['library', 'list', ours.file, '--json']).out) as Array<{ id: string; force: string; workbookId: string; neighbour: boolean }>;
    expect(list.map((e) => [e.force, e.workbookId, e.neighbour])).toEqual([['cumbria', cumbria.workbookId, false], ['sussex', sussex.workbookId, true]]);

    const compared = ewb(['compare', ours.file, '--audience-kind', 'rural-villages', '--json']);
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.out)).toEqual([
      { force: 'sussex', neighbour: true, practiceId: expect.any(String), title: 'Village hall surgeries', audienceKinds: ['rural-villages'], channelKinds: [], depth: 'consult', outcome: null, evidenceStrength: null, verdict: 'adopt' },
      { force: 'cumbria', neighbour: false, practiceId: expect.any(String), title: 'Farm watch', audienceKinds: ['rural-villages'], channelKinds: [], depth: 'involve', outcome: null, evidenceStrength: null, verdict: null },
    ]);
    expect(ewb(['compare', ours.file])).toMatchObject({ code: 1, err: expect.stringMatching(/^error: Say what to compare by/) });

    expect(ewb(['library', 'remove', ours.file, list[0]!.id])).toMatchObject({ code: 0, out: `Removed ${list[0]!.id} from the library.\n` });
  });
});
