// A hallmark is rated once: a second rating for it is refused with the field named (made or changed
// through the API), and an interchange file holding two ratings for one hallmark is refused whole,
// since which one counts would be a guess.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, steppingClock, testCore } from '../../helpers/test-core.ts';

const STAMP = '2026-11-25T09:00:00.000Z';
const rating = (id: string, hallmark: string) => ({ id, createdAt: STAMP, updatedAt: STAMP, reviewedAt: null, shareable: true, notes: '', hallmark, rating: 3, evidence: '' });

describe('one rating a hallmark', () => {
  it('refuses a second rating for a rated hallmark, and a change onto one, naming the field; nothing is written', async () => {
    const core = testCore({ clock: steppingClock(STAMP) });
    const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'plan.ewb'), details: SAMPLE_DETAILS });
    const network = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'hallmarkRating', values: { hallmark: 'network', rating: 2, evidence: '' } });
    const regular = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'hallmarkRating', values: { hallmark: 'regular', rating: 4, evidence: '' } });

    const again = await core.call('createRecord', { handle, type: 'hallmarkRating', values: { hallmark: 'network', rating: 5, evidence: '' } });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('invalid-input');
      expect(again.error.fields).toEqual({ hallmark: '“A wide, active network” already has a hallmark rating: change that one instead' });
      expect(again.error.message).toBe('The hallmark rating was not saved: Hallmark: “A wide, active network” already has a hallmark rating: change that one instead');
    }
    const moved = await core.call('updateRecord', { handle, type: 'hallmarkRating', id: regular.id, changes: { hallmark: 'network' } });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(Object.keys(moved.error.fields ?? {})).toEqual(['hallmark']);
    // Changing a rating's own other fields, or keeping its hallmark, is fine.
    await expectOk(core, 'updateRecord', { handle, type: 'hallmarkRating', id: network.id, changes: { hallmark: 'network', rating: 3 } });
    const ratings = (await expectOk<{ records: RecordValues[] }>(core, 'listRecords', { handle, type: 'hallmarkRating' })).records;
    expect(ratings.map((r) => [r.hallmark, r.rating])).toEqual([['network', 3], ['regular', 4]]);
    // Once the first is deleted, the hallmark can be rated again.
    await expectOk(core, 'deleteRecord', { handle, type: 'hallmarkRating', id: network.id });
    await expectOk(core, 'createRecord', { handle, type: 'hallmarkRating', values: { hallmark: 'network', rating: 5, evidence: '' } });
    core.closeAll();
  });

  it('refuses an interchange file with two ratings for one hallmark, writing no workbook', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'in.json');
    fs.writeFileSync(source, JSON.stringify({
      format: 'engagement-workbook',
      version: 9,
      personal: false,
      workbook: { id: '99999999-0000-4000-8000-000000000001', force: 'kent', title: 'Riverside', periodStart: '2027-04-01', periodEnd: '2030-03-31', versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: STAMP, modifiedAt: STAMP },
      records: { hallmarkRating: [rating('a9000000-0000-4000-8000-000000000001', 'together'), rating('a9000000-0000-4000-8000-000000000002', 'together')] },
    }));
    const core = testCore({ clock: steppingClock(STAMP) });
    const target = path.join(dir, 'w.ewb');
    const result = await core.call('createWorkbookFromInterchange', { path: target, source });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(`"in.json" has 2 hallmark ratings for the same hallmark, “Solving problems together”: only one may have it. Keep one in records.hallmarkRating and delete the others. Nothing was imported.`);
    expect(fs.existsSync(target)).toBe(false);
    core.closeAll();
  });
});
