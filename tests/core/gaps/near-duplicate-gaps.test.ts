// "Same old output" through the same calls the screens make: a rewording of an earlier message is a
// gap on the later one naming the earlier, it clears when either is reworded or deleted, `listSimilarMessages`
// answers the pairs, and the kept-up-to-date list agrees with a fresh computation.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeGaps } from '../../../electron/core/gaps/compute-gaps.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import type { Gap } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

type Values = Record<string, unknown> & { id: string };

const LOCK = 'Burglaries are up in Hythe. Please lock all doors and windows, even when you are at home.';
const LOCK_AGAIN = "Even when you're in, keep your doors and windows locked – there have been more break-ins in Hythe recently.";
const MARKING = 'Burglaries are up in Hythe. Book a free property marking session at Hythe library this Saturday.';

describe('near-duplicate messages as gaps', () => {
  it('raises a gap on the later message naming the earlier, and clears it when one changes or goes', async () => {
    // A clock that moves on, so the messages are made one after another.
    let tick = Date.parse('2026-11-25T09:00:00.000Z');
    const now = () => new Date((tick += 1000));
    const core = testCore({ clock: now });
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Hythe plan.ewb'), details: SAMPLE_DETAILS });
    const { handle } = info;
    const create = (text: string) => expectWritten<Values>(core, 'createRecord', { handle, type: 'message', values: { text, status: 'draft' } });
    const gaps = async () => (await expectOk<Gap[]>(core, 'listGaps', { handle })).filter((gap) => gap.rule === 'message-near-duplicate').map(({ key: _key, ...gap }) => gap);
    const pairs = () => expectOk<Array<{ a: string; b: string; score: number }>>(core, 'listSimilarMessages', { handle });

    const first = await create(LOCK);
    await create(MARKING);
    expect(await gaps()).toEqual([]);
    const again = await create(LOCK_AGAIN);
    const [pair] = await pairs();
    expect(await pairs()).toHaveLength(1);
    expect(pair).toMatchObject({ a: first.id, b: again.id });
    expect(await gaps()).toEqual([
      {
        section: 'messages',
        rule: 'message-near-duplicate',
        recordType: 'message',
        recordId: again.id,
        // A message is named by its opening words, as every gap names one.
        message: `Message “Even when you're in, keep your doors and windows locked – there have been more break-ins in Hythe…” says much the same as the earlier Message “${LOCK}” (similarity ${pair!.score.toFixed(2)}): merge them, or make each ask something different.`,
      },
    ]);

    // Reworded to ask something else: the gap goes; back again, it returns; the earlier deleted, it goes.
    await expectWritten(core, 'updateRecord', { handle, type: 'message', id: again.id, changes: { text: 'Join Community Speedwatch in Lydd.' } });
    expect(await gaps()).toEqual([]);
    await expectWritten(core, 'updateRecord', { handle, type: 'message', id: again.id, changes: { text: LOCK_AGAIN } });
    expect((await gaps()).map((gap) => gap.recordId)).toEqual([again.id]);
    await expectWritten(core, 'deleteRecord', { handle, type: 'message', id: first.id });
    expect(await gaps()).toEqual([]);
    expect(await pairs()).toEqual([]);

    const kept = await expectOk<Gap[]>(core, 'listGaps', { handle });
    const db = openReadOnly(info.path);
    try {
      expect(kept).toEqual(computeGaps(db, now()));
    } finally {
      db.close();
    }
    core.closeAll();
  });
});
