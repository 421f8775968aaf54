// The self-assessment's indicators on workbooks of known content: each indicator's exact value,
// numerator, denominator and words, the ratings beside them, and `ewb assess --json`'s shape.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { monthsBefore } from '../../../electron/core/review/assess-workbook.ts';
import type { Assessment, Indicator } from '../../../shared/api/review.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, steppingClock, testCore } from '../../helpers/test-core.ts';

/** "Today" for these tests: 25 November 2026, so six months back is 25 May 2026. */
const TODAY = '2026-11-25T09:00:00.000Z';

async function workbook(): Promise<{ core: AppCore; handle: string }> {
  const core = testCore({ clock: steppingClock(TODAY) });
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'a.ewb'), details: SAMPLE_DETAILS });
  return { core, handle: info.handle };
}

async function add(core: AppCore, handle: string, type: string, values: Record<string, unknown>): Promise<string> {
  return (await expectOk<{ id: string }>(core, 'createRecord', { handle, type, values })).id;
}

function find(assessment: Assessment, name: string): Indicator {
  const found = assessment.indicators.find((i) => i.indicator === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

describe('the self-assessment', () => {
  it('counts the months back to the cutoff by the calendar, the day held at the month’s end', () => {
    expect(monthsBefore('2026-11-25', 6)).toBe('2026-05-25');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
  });

  it('says of an empty workbook that there is nothing to count (null), never 0 or 100%', async () => {
    const { core, handle } = await workbook();
    const assessment = await expectOk<Assessment>(core, 'assessWorkbook', { handle });
    expect(find(assessment, 'Priority audiences with an active contact')).toEqual({
      hallmark: 'network',
      indicator: 'Priority audiences with an active contact',
      value: null,
      numerator: 0,
      denominator: 0,
      explanation: 'Of 0 priority audiences (high or medium priority), 0 have at least one asset (active or strong) or partner (active or formal agreement) linked to them and last in touch on or after 25 May 2026 (within 6 months).',
    });
    expect(find(assessment, 'Key partner sectors covered')).toMatchObject({ value: 0, numerator: 0, denominator: 4, explanation: 'Of the 4 key sectors (health, education, business and charity or voluntary), 0 have at least one partner recorded; none yet in health, education, business and charity or voluntary.' });
    expect(assessment.ratings).toEqual(['quality', 'network', 'together', 'regular', 'beyond-police'].map((hallmark) => ({ hallmark, rating: null, note: '' })));
    core.closeAll();
  });

  it('counts priority audiences reached by an active, recent asset or partner, and areas with none', async () => {
    const { core, handle } = await workbook();
    const north = await add(core, handle, 'area', { name: 'Northgate' });
    const mill = await add(core, handle, 'area', { name: 'Mill Lane' });
    await add(core, handle, 'area', { name: 'Riverside' });
    const young = await add(core, handle, 'audience', { name: 'Young people', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' });
    const older = await add(core, handle, 'audience', { name: 'Older residents', kind: 'older-people', engagementState: 'receptive', priority: 'medium' });
    const traders = await add(core, handle, 'audience', { name: 'Market traders', kind: 'businesses', engagementState: 'engaged', priority: 'high' });
    const students = await add(core, handle, 'audience', { name: 'Students', kind: 'students', engagementState: 'unknown', priority: 'medium' });
    await add(core, handle, 'audience', { name: 'Dog walkers', kind: 'other', engagementState: 'engaged', priority: 'low' });
    // Reaches the young people: active, in touch on the cutoff day itself.
    await add(core, handle, 'asset', { kind: 'group', name: 'Youth club', relationship: 'active', lastContact: '2026-05-25', audienceIds: [young], areaIds: [north] });
    // Strong but last in touch the day before the cutoff: counts for neither audience nor area.
    await add(core, handle, 'asset', { kind: 'group', name: 'Lunch club', relationship: 'strong', lastContact: '2026-05-24', audienceIds: [older], areaIds: [mill] });
    // Recent but only a new relationship: not active.
    await add(core, handle, 'asset', { kind: 'hotspot', name: 'Market square', relationship: 'new', lastContact: '2026-11-01', audienceIds: [traders], areaIds: [mill] });
    // A formal partner in touch last month reaches the students.
    await add(core, handle, 'partner', { organisation: 'Larkhampton College', sector: 'education', relationship: 'formal', lastContact: '2026-10-20', audienceIds: [students] });
    // An active partner never contacted: not in touch.
    await add(core, handle, 'partner', { organisation: 'Chamber of Trade', sector: 'business', relationship: 'active', audienceIds: [traders] });

    const assessment = await expectOk<Assessment>(core, 'assessWorkbook', { handle });
    expect(find(assessment, 'Priority audiences with an active contact')).toEqual({
      hallmark: 'network',
      indicator: 'Priority audiences with an active contact',
      value: 0.5,
      numerator: 2,
      denominator: 4,
      explanation: 'Of 4 priority audiences (high or medium priority), 2 have at least one asset (active or strong) or partner (active or formal agreement) linked to them and last in touch on or after 25 May 2026 (within 6 months).',
    });
    expect(find(assessment, 'Areas with no active contact')).toEqual({
      hallmark: 'network',
      indicator: 'Areas with no active contact',
      value: 2 / 3,
      numerator: 2,
      denominator: 3,
      explanation: 'Of 3 areas, 2 have no asset (active or strong) there last in touch on or after 25 May 2026 (within 6 months): “Mill Lane” and “Riverside”. Fewer is better.',
    });
    expect(find(assessment, 'Key partner sectors covered')).toEqual({
      hallmark: 'beyond-police',
      indicator: 'Key partner sectors covered',
      value: 0.5,
      numerator: 2,
      denominator: 4,
      explanation: 'Of the 4 key sectors (health, education, business and charity or voluntary), 2 have at least one partner recorded; none yet in health and charity or voluntary.',
    });
    expect(find(assessment, 'Key partner sectors active')).toEqual({
      hallmark: 'beyond-police',
      indicator: 'Key partner sectors active',
      value: 0.5,
      numerator: 2,
      denominator: 4,
      explanation: 'Of the 4 key sectors (health, education, business and charity or voluntary), 2 have a partner whose relationship is active or a formal agreement; not yet in health and charity or voluntary.',
    });
    core.closeAll();
  });

  it('reads each hallmark’s latest rating and note, and undo takes a rating back', async () => {
    const { core, handle } = await workbook();
    const id = await add(core, handle, 'hallmarkRating', { hallmark: 'network', rating: 2, evidence: 'Half the wards have nobody we speak to.' });
    await expectOk(core, 'updateRecord', { handle, type: 'hallmarkRating', id, changes: { rating: 3 } });
    await add(core, handle, 'hallmarkRating', { hallmark: 'regular', rating: 4, evidence: '' });
    let { ratings } = await expectOk<Assessment>(core, 'assessWorkbook', { handle });
    expect(ratings.find((r) => r.hallmark === 'network')).toEqual({ hallmark: 'network', rating: 3, note: 'Half the wards have nobody we speak to.' });
    expect(ratings.find((r) => r.hallmark === 'regular')).toEqual({ hallmark: 'regular', rating: 4, note: '' });
    await expectOk(core, 'undo', { handle });
    await expectOk(core, 'undo', { handle });
    ({ ratings } = await expectOk<Assessment>(core, 'assessWorkbook', { handle }));
    expect(ratings.find((r) => r.hallmark === 'network')?.rating).toBe(2);
    expect(ratings.find((r) => r.hallmark === 'regular')?.rating).toBeNull();
    core.closeAll();
  });

  it('reads the action plan and You said, we did from the workbook itself, cancelled activities aside', async () => {
    const { core, handle } = await workbook();
    const objective = await add(core, handle, 'objective', { title: 'Raise confidence', aimId: await add(core, handle, 'aim', { title: 'Build trust' }) });
    const young = await add(core, handle, 'audience', { name: 'Young people', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' });
    await add(core, handle, 'audience', { name: 'Older residents', kind: 'older-people', engagementState: 'receptive', priority: 'medium' });
    const college = await add(core, handle, 'partner', { organisation: 'Larkhampton College', sector: 'education', relationship: 'formal' });
    const activity = (values: Record<string, unknown>) => add(core, handle, 'activity', { status: 'planned', startDate: '2027-01-08', ...values });
    await activity({ title: 'Youth forum', depth: 'involve', recurrence: 'monthly', flagship: true, pilotPlan: 'A term at the college', rolloutPlan: 'Every ward by 2028', audienceIds: [young], partnerIds: [college], objectiveIds: [objective] });
    await activity({ title: 'Leaflet drop', depth: 'inform', recurrence: 'one-off' });
    await activity({ title: 'Market stall', depth: 'collaborate', recurrence: 'weekly', status: 'cancelled', flagship: true });
    await add(core, handle, 'priority', { concern: 'Speeding on Mill Lane', status: 'fed-back', response: 'Speed watch', feedback: 'Told the residents’ meeting' });
    await add(core, handle, 'priority', { concern: 'Graffiti', status: 'open' });

    const { indicators } = await expectOk<Assessment>(core, 'assessWorkbook', { handle });
    const figures = (name: string) => {
      const found = find({ indicators, ratings: [] }, name);
      return [found.hallmark, found.numerator, found.denominator, found.value];
    };
    expect(figures('Flagships with a pilot and a roll-out plan')).toEqual(['quality', 1, 1, 1]);
    expect(figures('Activities deeper than informing')).toEqual(['together', 1, 2, 0.5]);
    expect(figures('Community priorities with a response')).toEqual(['together', 1, 2, 0.5]);
    expect(figures('Community priorities fed back')).toEqual(['together', 1, 2, 0.5]);
    expect(figures('Priority audiences with a recurring activity')).toEqual(['regular', 1, 2, 0.5]);
    expect(figures('One-off activities serving no objective')).toEqual(['regular', 1, 1, 1]);
    expect(figures('Activities run with a partner')).toEqual(['beyond-police', 1, 2, 0.5]);
    // In the hallmarks' order.
    expect([...new Set(indicators.map((i) => i.hallmark))]).toEqual(['quality', 'network', 'together', 'regular', 'beyond-police']);
    core.closeAll();
  });
});
