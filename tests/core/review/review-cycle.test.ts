// The review cycle: the review date from the details, records not reviewed for twelve months,
// changes since the last review in words by section, "mark reviewed" and the review-log entry as
// undoable changes; and rolling forward: a new workbook with the same records (ids kept, none
// reviewed), a new id naming the previous workbook, and the old file byte-for-byte unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import type { ReviewStatus } from '../../../shared/api/review.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, steppingClock, testCore } from '../../helpers/test-core.ts';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function add(core: AppCore, handle: string, type: string, values: Record<string, unknown>): Promise<string> {
  return (await expectOk<{ id: string }>(core, 'createRecord', { handle, type, values })).id;
}

describe('the review cycle', () => {
  it('lists what is due, what is stale and what changed since the last review; a review ends in a log entry', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.ewb');
    // Records made in November 2025; the review runs in December 2026, past the review date.
    let core = testCore({ clock: steppingClock('2025-11-20T09:00:00.000Z') });
    let info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: { ...SAMPLE_DETAILS, reviewDate: '2026-12-01' } });
    const ward = await add(core, info.handle, 'area', { name: 'Riverside ward' });
    const club = await add(core, info.handle, 'asset', { kind: 'group', name: 'Youth club', relationship: 'active', reviewedAt: '2026-06-01' });
    core.closeAll();

    // A second session of the app: its own ids, so none repeats the first's.
    core = testCore({ clock: steppingClock('2026-12-02T09:00:00.000Z'), newId: sequentialIds(1000) });
    ({ info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file }));
    const handle = info.handle;
    let status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status).toMatchObject({ reviewDate: '2026-12-01', due: true, lastReview: null, changeCount: 2 });
    expect(status.stale).toEqual([{ type: 'area', id: ward, title: 'Riverside ward', section: 'areas', lastReviewed: null, since: '2025-11-20' }]);
    // Newest first, each in words with its section (creating the workbook is not a change).
    expect(status.changes.map((c) => [c.section, c.recordId, c.description])).toEqual([
      ['assets', club, 'adding asset “Youth club”'],
      ['areas', ward, 'adding area “Riverside ward”'],
    ]);

    // Walking the review: the area marked reviewed, then the log entry written.
    await expectOk(core, 'updateRecord', { handle, type: 'area', id: ward, changes: { reviewedAt: '2026-12-02' } });
    status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status.stale).toEqual([]);
    const entry = await add(core, handle, 'reviewEntry', { reviewedOn: '2026-12-02', reviewer: 'Insp. Sarah Collins', summary: 'Riverside still fits.', decisions: 'Keep the youth club.' });
    status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status.lastReview).toMatchObject({ id: entry, reviewedOn: '2026-12-02', summary: 'Riverside still fits.' });
    expect(status.changeCount).toBe(0);
    await expectOk(core, 'updateRecord', { handle, type: 'asset', id: club, changes: { relationship: 'strong' } });
    status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status.changes.map((c) => [c.section, c.recordId])).toEqual([['assets', club]]);

    // The entry is undoable like any record, and the review it ended is then not the last.
    await expectOk(core, 'undo', { handle });
    await expectOk(core, 'undo', { handle });
    expect((await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle })).lastReview).toBeNull();
    core.closeAll();
  });

  it('finishing a review logs it and moves the review date in one change; one undo takes back both; a bad date writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.ewb');
    const core = testCore({ clock: steppingClock('2026-12-02T09:00:00.000Z') });
    const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: { ...SAMPLE_DETAILS, reviewDate: '2026-12-01' } });
    const entry = { reviewedOn: '2026-12-02', reviewer: 'Insp. Sarah Collins', summary: 'Riverside still fits.', decisions: '' };

    // A next date on or before the review is refused, with the field named, and nothing is written.
    const refused = await core.call('finishReview', { handle, entry, nextReviewDate: '2026-12-02' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid-input');
      expect(refused.error.message).toBe('The review was not logged: the next review date (2 December 2026) must come after the review (2 December 2026).');
      expect(refused.error.fields).toEqual({ nextReviewDate: 'Choose a date after 2 December 2026' });
    }
    // A log entry with no summary is refused the same way, the review date untouched.
    const empty = await core.call('finishReview', { handle, entry: { ...entry, summary: '' }, nextReviewDate: '2027-12-02' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.error.fields ?? {})).toEqual(['summary']);
    let status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status).toMatchObject({ reviewDate: '2026-12-01', due: true, lastReview: null });

    const written = await expectOk<{ id: string; effects: { undo: { undoLabel: string | null } } }>(core, 'finishReview', { handle, entry, nextReviewDate: '2027-12-02' });
    expect(written.effects.undo.undoLabel).toBe('Undo logging the review of 2 December 2026 and setting the next for 2 December 2027');
    status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status).toMatchObject({ reviewDate: '2027-12-02', due: false, lastReview: { id: written.id, reviewedOn: '2026-12-02' }, changeCount: 0 });

    const undone = await expectOk<{ change: { recordType: string } }>(core, 'undo', { handle });
    expect(undone.change.recordType).toBe('batch');
    status = await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle });
    expect(status).toMatchObject({ reviewDate: '2026-12-01', due: true, lastReview: null });
    await expectOk(core, 'redo', { handle });
    expect(await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle })).toMatchObject({ reviewDate: '2027-12-02', lastReview: { id: written.id } });

    // Without a next date the review date stays as it is, and the entry is a plain record change.
    const second = await expectOk<{ id: string; effects: { undo: { undoLabel: string | null } } }>(core, 'finishReview', { handle, entry: { ...entry, reviewedOn: '2026-12-03', summary: 'A second look.' }, nextReviewDate: null });
    expect(second.effects.undo.undoLabel).toMatch(/^Undo adding review/);
    expect(await expectOk<ReviewStatus>(core, 'getReviewStatus', { handle })).toMatchObject({ reviewDate: '2027-12-02', lastReview: { id: second.id } });
    core.closeAll();
  });

  it('rolls forward: same records and ids, none reviewed, a new id naming the old, the old file untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.ewb');
    const core = testCore({ clock: steppingClock('2026-11-25T09:00:00.000Z') });
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    const ward = await add(core, info.handle, 'area', { name: 'Riverside ward', reviewedAt: '2026-11-01' });
    const young = await add(core, info.handle, 'audience', { name: 'Young people', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high', owner: 'PC 123 Jo Bloggs', areaIds: [ward] });
    await add(core, info.handle, 'hallmarkRating', { hallmark: 'network', rating: 3, evidence: 'x' });
    await add(core, info.handle, 'reviewEntry', { reviewedOn: '2026-11-24', summary: 'First review.' });
    core.closeAll();
    const before = sha(file);

    const next = path.join(dir, 'next.ewb');
    const rolled = await expectOk<WorkbookInfo>(core, 'rollForwardWorkbook', { path: file, destination: next, periodStart: '2030-04-01', periodEnd: '2033-03-31' });
    expect(sha(file)).toBe(before);
    expect(rolled.meta.id).not.toBe(info.meta.id);
    expect(rolled.meta).toMatchObject({ title: SAMPLE_DETAILS.title, periodStart: '2030-04-01', periodEnd: '2033-03-31', reviewDate: null, author: SAMPLE_DETAILS.author });
    expect(rolled.meta.rolledFrom).toEqual({ id: info.meta.id, title: SAMPLE_DETAILS.title, periodStart: '2027-04-01', periodEnd: '2030-03-31' });
    const areas = (await expectOk<{ records: RecordValues[] }>(core, 'listRecords', { handle: rolled.handle, type: 'area' })).records;
    const audiences = (await expectOk<{ records: RecordValues[] }>(core, 'listRecords', { handle: rolled.handle, type: 'audience' })).records;
    expect(areas.map((a) => [a.id, a.name, a.reviewedAt])).toEqual([[ward, 'Riverside ward', null]]);
    expect(audiences.map((a) => [a.id, a.owner, a.areaIds])).toEqual([[young, 'PC 123 Jo Bloggs', [ward]]]);
    // The new period is assessed and reviewed afresh.
    expect(rolled.counts).toMatchObject({ hallmarkRating: 0, reviewEntry: 0, area: 1, audience: 1 });

    // It never writes over a file, the old one least of all.
    const again = await core.call('rollForwardWorkbook', { path: file, destination: file, periodStart: '2030-04-01', periodEnd: '2033-03-31' });
    expect(again.ok).toBe(false);
    const backwards = await core.call('rollForwardWorkbook', { path: file, destination: path.join(dir, 'x.ewb'), periodStart: '2033-04-01', periodEnd: '2030-03-31' });
    expect(backwards.ok ? null : backwards.error.message).toMatch(/The new period must end after it starts/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'x.ewb'))).toBe(false);
    core.closeAll();
  });
});
