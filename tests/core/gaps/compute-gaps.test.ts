// The gaps the workbook points out, one test per rule (each appears, then clears when the planner
// fills it), and the sections' states with their gap counts and completion.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_RULES, reviewCutoff } from '../../../electron/core/gaps/compute-gaps.ts';
import { SECTION_IDS, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Gap as KeyedGap, SectionState } from '../../../shared/api/records.ts';

/** Gaps as these tests compare them: without the key that names each among the others. */
type Gap = Omit<KeyedGap, 'key'>;
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

type Values = Record<string, unknown> & { id: string };

/** A clock the test moves by hand. */
function handClock(start: string) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    set(iso: string) {
      now = Date.parse(iso);
    },
  };
}

async function setUp(start = '2026-11-25T09:00:00.000Z') {
  const time = handClock(start);
  const core = testCore({ clock: time.clock });
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Riverside plan.ewb'), details: SAMPLE_DETAILS });
  const handle = info.handle;
  return {
    core,
    handle,
    file: info.path,
    time,
    create: (type: RecordTypeName, values: Record<string, unknown>) => expectWritten<Values>(core, 'createRecord', { handle, type, values }),
    update: (type: RecordTypeName, id: string, changes: Record<string, unknown>) => expectWritten<Values>(core, 'updateRecord', { handle, type, id, changes }),
    gaps: async (): Promise<Gap[]> => (await expectOk<KeyedGap[]>(core, 'listGaps', { handle })).map(({ key: _key, ...gap }) => gap),
    states: () => expectOk<SectionState[]>(core, 'listSectionStates', { handle }),
  };
}

function ofRule(gaps: Gap[], rule: string): Gap[] {
  return gaps.filter((g) => g.rule === rule);
}

async function aimWithObjective(env: Awaited<ReturnType<typeof setUp>>, objective: Record<string, unknown>) {
  const aim = await env.create('aim', { title: 'Build trust and confidence among young people' });
  return env.create('objective', { title: 'Raise young people’s confidence in Riverside ward', aimId: aim.id, ...objective });
}

describe('gaps', () => {
  it('has exactly the rules tested here', () => {
    // who-is-missing: tests/core/evidence/who-is-missing.test.ts; audience-no-channel: tests/core/receptivity/receptivity.test.ts;
    // the WHAT rules (messages, priorities, activities): tests/core/gaps/what-gaps.test.ts;
    // message-near-duplicate: tests/core/gaps/near-duplicate-gaps.test.ts
    expect(Object.keys(GAP_RULES)).toEqual([
      'objective-no-measure',
      'objective-no-date',
      'priority-no-response',
      'audience-no-evidence',
      'audience-no-channel',
      'message-no-objective',
      'message-fails-check',
      'priority-not-fed-back',
      'activity-no-objective',
      'flagship-no-plan',
      'not-reviewed',
      'area-no-asset',
      'vulnerability-no-response',
      'who-is-missing',
      'audience-no-partner',
      'audience-no-live-message',
      'message-channel-not-receptive',
      'too-many-flagships',
      'message-near-duplicate',
    ]);
  });

  it('a new workbook has no gaps', async () => {
    const env = await setUp();
    expect(await env.gaps()).toEqual([]);
    env.core.closeAll();
  });

  it('objective-no-measure: an objective without a measure, until one is given', async () => {
    const env = await setUp();
    const objective = await aimWithObjective(env, { targetDate: '2028-03-31' });
    expect(await env.gaps()).toEqual([
      {
        section: 'aims',
        rule: 'objective-no-measure',
        recordType: 'objective',
        recordId: objective.id,
        message: 'Objective “Raise young people’s confidence in Riverside ward” has no measure: say how you will know it has been met.',
      },
    ]);
    await env.update('objective', objective.id, { measure: '   ' });
    expect(ofRule(await env.gaps(), 'objective-no-measure')).toHaveLength(1);
    await env.update('objective', objective.id, { measure: 'Confidence in local policing, Kent neighbourhood survey (16–24s)' });
    expect(await env.gaps()).toEqual([]);
    env.core.closeAll();
  });

  it('objective-no-date: an objective without a date to be met by, until one is given', async () => {
    const env = await setUp();
    const objective = await aimWithObjective(env, { measure: 'Confidence in local policing, Kent neighbourhood survey' });
    expect(await env.gaps()).toEqual([
      { section: 'aims', rule: 'objective-no-date', recordType: 'objective', recordId: objective.id, message: 'Objective “Raise young people’s confidence in Riverside ward” has no date: say by when it should be met.' },
    ]);
    await env.update('objective', objective.id, { targetDate: '2028-03-31' });
    expect(await env.gaps()).toEqual([]);
    await env.update('objective', objective.id, { targetDate: null });
    expect(ofRule(await env.gaps(), 'objective-no-date')).toHaveLength(1);
    env.core.closeAll();
  });

  it('audience-no-evidence: an audience needs both an evidence note and its source', async () => {
    const env = await setUp();
    // Of low priority, so the gaps of priority audiences (no channel, no partner) stay out of the way.
    const audience = await env.create('audience', { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'low' });
    expect(await env.gaps()).toEqual([
      {
        section: 'audiences',
        rule: 'audience-no-evidence',
        recordType: 'audience',
        recordId: audience.id,
        message: 'Audience “Young people in Riverside ward” has no evidence: link it to a census figure or a crime trend, or note what backs up who they are and how many, with its source.',
      },
    ]);
    await env.update('audience', audience.id, { evidenceNote: '1,850 residents aged 16–24 live in the ward.' });
    expect(ofRule(await env.gaps(), 'audience-no-evidence')).toHaveLength(1);
    await env.update('audience', audience.id, { evidenceNote: '', evidenceSource: 'ONS Census 2021, table TS007A' });
    expect(ofRule(await env.gaps(), 'audience-no-evidence')).toHaveLength(1);
    await env.update('audience', audience.id, { evidenceNote: '1,850 residents aged 16–24 live in the ward.' });
    expect(await env.gaps()).toEqual([]);
    env.core.closeAll();
  });

  it('vulnerability-no-response: a vulnerability without a planned response, until one is written', async () => {
    const env = await setUp();
    const vulnerability = await env.create('vulnerability', { name: 'Older residents of Northgate estate', kind: 'group', priority: 'high', barriers: ['digital-exclusion', 'access'] });
    expect(await env.gaps()).toEqual([
      {
        section: 'vulnerabilities',
        rule: 'vulnerability-no-response',
        recordType: 'vulnerability',
        recordId: vulnerability.id,
        message: 'Vulnerability “Older residents of Northgate estate” has no planned response: say what you will do about it, or link an activity of the action plan to it.',
      },
    ]);
    await env.update('vulnerability', vulnerability.id, { responseNote: ' \n ' });
    expect(ofRule(await env.gaps(), 'vulnerability-no-response')).toHaveLength(1);
    await env.update('vulnerability', vulnerability.id, { responseNote: 'Monthly surgery at the Northgate community centre with Age UK.' });
    expect(await env.gaps()).toEqual([]);
    // An activity of the action plan that answers it is a planned response too, written or not.
    await env.update('vulnerability', vulnerability.id, { responseNote: '' });
    expect(ofRule(await env.gaps(), 'vulnerability-no-response')).toHaveLength(1);
    const surgery = await env.create('activity', { title: 'Monthly surgery at Northgate community centre', recurrence: 'monthly', status: 'planned', vulnerabilityIds: [vulnerability.id] });
    expect(await env.gaps()).toEqual([]);
    await env.core.call('deleteRecord', { handle: env.handle, type: 'activity', id: surgery.id });
    expect(ofRule(await env.gaps(), 'vulnerability-no-response')).toHaveLength(1);
    env.core.closeAll();
  });

  it('area-no-asset: an area with no asset linked to it, until an asset is linked to the area', async () => {
    const env = await setUp();
    const ward = await env.create('area', { name: 'Riverside ward', onsCode: 'E05009317', onsLevel: 'ward' });
    const other = await env.create('area', { name: 'Bearsted ward' });
    const expected = (area: Values, name: string): Gap => ({
      section: 'areas',
      rule: 'area-no-asset',
      recordType: 'area',
      recordId: area.id,
      message: `Area “${name}” has no asset: no supportive person, group or gathering place is recorded there.`,
    });
    expect(await env.gaps()).toEqual([expected(ward, 'Riverside ward'), expected(other, 'Bearsted ward')]);

    // A place in the area is not an asset; an asset not linked to the area does not count either.
    await env.create('place', { name: 'Riverside Leisure Centre', kind: 'leisure-centre', areaId: ward.id });
    const club = await env.create('asset', { kind: 'group', name: 'Riverside Youth Football Club', relationship: 'active' });
    expect(ofRule(await env.gaps(), 'area-no-asset').map((g) => g.recordId)).toEqual([ward.id, other.id]);

    await env.update('asset', club.id, { areaIds: [ward.id] });
    expect(await env.gaps()).toEqual([expected(other, 'Bearsted ward')]);
    await env.update('asset', club.id, { areaIds: [] });
    expect(ofRule(await env.gaps(), 'area-no-asset').map((g) => g.recordId)).toEqual([ward.id, other.id]);
    await env.create('asset', { kind: 'individual', name: 'Imam, Central Mosque', relationship: 'strong', areaIds: [ward.id, other.id] });
    expect(await env.gaps()).toEqual([]);
    env.core.closeAll();
  });

  it('audience-no-partner: a priority audience (high or medium) that no partner or asset reaches, until one does', async () => {
    const env = await setUp();
    const evidence = { evidenceNote: 'Youth service figures', evidenceSource: 'Youth service, 2026' };
    const young = await env.create('audience', { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high', ...evidence });
    const faith = await env.create('audience', { name: 'Faith communities', kind: 'faith', engagementState: 'engaged', priority: 'medium', ...evidence });
    await env.create('audience', { name: 'Visitors', kind: 'visitors', engagementState: 'unknown', priority: 'low', ...evidence });
    const expected = (audience: Values, name: string): Gap => ({
      section: 'partners',
      rule: 'audience-no-partner',
      recordType: 'audience',
      recordId: audience.id,
      message: `Audience “${name}” is a priority audience that no partner or asset reaches: record who could help you reach them.`,
    });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([expected(young, 'Young people in Riverside ward'), expected(faith, 'Faith communities')]);

    // A partner who reaches them closes the gap; so does an asset.
    const council = await env.create('partner', { organisation: 'Maidstone Borough Council', sector: 'local-authority', relationship: 'active', audienceIds: [young.id] });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([expected(faith, 'Faith communities')]);
    const mosque = await env.create('asset', { kind: 'group', name: 'Central Mosque committee', relationship: 'strong', audienceIds: [faith.id] });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([]);

    // The gap follows the links and the priority as they change, and a renamed audience's gap says its new name.
    await env.update('partner', council.id, { audienceIds: [] });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([expected(young, 'Young people in Riverside ward')]);
    await env.update('audience', young.id, { name: 'Young people in Riverside' });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([expected(young, 'Young people in Riverside')]);
    await env.update('audience', young.id, { priority: 'low' });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([]);
    await expectOk(env.core, 'deleteRecord', { handle: env.handle, type: 'asset', id: mosque.id });
    expect(ofRule(await env.gaps(), 'audience-no-partner')).toEqual([expected(faith, 'Faith communities')]);
    env.core.closeAll();
  });

  it('not-reviewed: a record untouched for over 12 months, measured by the injected clock, until it is reviewed', async () => {
    const env = await setUp('2026-01-10T09:00:00.000Z');
    const aim = await env.create('aim', { title: 'Build trust and confidence among young people' });
    const statement = await env.create('goodStatement', { statement: 'Every ward has an active community contact', reviewedAt: '2025-12-01' });
    expect(await env.gaps()).toEqual([]);

    // Twelve months to the day is not yet over twelve months.
    env.time.set('2026-12-01T09:00:00.000Z');
    expect(await env.gaps()).toEqual([]);
    env.time.set('2026-12-02T09:00:00.000Z');
    expect(await env.gaps()).toEqual([
      {
        section: 'aims',
        rule: 'not-reviewed',
        recordType: 'goodStatement',
        recordId: statement.id,
        message: 'What good will look like “Every ward has an active community contact” has not been reviewed since 1 December 2025.',
      },
    ]);
    env.time.set('2027-01-10T09:00:00.000Z');
    expect(ofRule(await env.gaps(), 'not-reviewed').map((g) => g.recordId)).toEqual([statement.id]);
    env.time.set('2027-01-11T09:00:00.000Z');
    expect(await env.gaps()).toEqual([
      { section: 'aims', rule: 'not-reviewed', recordType: 'aim', recordId: aim.id, message: 'Aim “Build trust and confidence among young people” has not been reviewed since it was added on 10 January 2026.' },
      expect.objectContaining({ rule: 'not-reviewed', recordId: statement.id }),
    ]);

    // Editing a record is not reviewing it; marking it reviewed is.
    await env.update('aim', aim.id, { description: 'Revised after the youth forum.' });
    expect(ofRule(await env.gaps(), 'not-reviewed')).toHaveLength(2);
    await env.update('aim', aim.id, { reviewedAt: '2027-01-11' });
    await env.update('goodStatement', statement.id, { reviewedAt: '2027-01-04' });
    expect(await env.gaps()).toEqual([]);

    // Every record type is covered, each in its own section.
    env.time.set('2028-06-01T09:00:00.000Z');
    const area = await env.create('area', { name: 'Riverside ward', reviewedAt: '2027-01-01' });
    await env.create('asset', { kind: 'hotspot', name: 'Riverside skate park', relationship: 'new', areaIds: [area.id], reviewedAt: '2027-01-01' });
    await env.create('place', { name: 'Riverside Leisure Centre', kind: 'leisure-centre', reviewedAt: '2027-01-01' });
    const stale = ofRule(await env.gaps(), 'not-reviewed');
    expect(stale.map((g) => [g.recordType, g.section])).toEqual([
      ['aim', 'aims'],
      ['goodStatement', 'aims'],
      ['area', 'areas'],
      ['asset', 'assets'],
      ['place', 'places'],
    ]);
    env.core.closeAll();
  });

  it('works out the review cut-off as the same day a year earlier', () => {
    expect(reviewCutoff(new Date('2027-01-11T09:00:00.000Z'))).toBe('2026-01-11');
    expect(reviewCutoff(new Date('2027-03-01T00:00:00.000Z'))).toBe('2026-03-01');
    expect(reviewCutoff(new Date('2028-02-29T12:00:00.000Z'))).toBe('2027-03-01');
  });

  it('lists gaps on a workbook open read-only', async () => {
    const env = await setUp();
    await aimWithObjective(env, {});
    env.core.closeAll();
    const reader = testCore();
    const { info } = await expectOk<{ info: WorkbookInfo }>(reader, 'openWorkbook', { path: env.file, readOnly: true });
    expect((await expectOk<Gap[]>(reader, 'listGaps', { handle: info.handle })).map((g) => g.rule)).toEqual(['objective-no-measure', 'objective-no-date']);
    reader.closeAll();
  });
});

describe('section states', () => {
  it('go from Not started to In progress to Completed, with their records and gaps counted; an empty one cannot be completed', async () => {
    const env = await setUp();
    const state = async (section: string) => (await env.states()).find((s) => s.section === section);
    expect(await env.states()).toEqual(SECTION_IDS.map((section) => ({ section, status: 'Not started', records: 0, gaps: 0, completedAt: null })));

    const objective = await aimWithObjective(env, {});
    await env.create('goodStatement', { statement: 'Every ward has an active community contact' });
    expect(await state('aims')).toEqual({ section: 'aims', status: 'In progress', records: 3, gaps: 2, completedAt: null });
    await env.create('area', { name: 'Riverside ward' });
    await env.create('audience', { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'receptive', priority: 'high' });
    const states = await env.states();
    expect(states.map((s) => [s.section, s.status, s.records, s.gaps])).toEqual([
      ['aims', 'In progress', 3, 2],
      ['areas', 'In progress', 1, 1],
      ['audiences', 'In progress', 1, 1],
      ['assets', 'Not started', 0, 0],
      ['vulnerabilities', 'Not started', 0, 0],
      ['places', 'Not started', 0, 0],
      ['census', 'Not started', 0, 0],
      ['channels', 'Not started', 0, 0],
      ['receptivity', 'Not started', 0, 1],
      ['partners', 'Not started', 0, 1],
      ['events', 'Not started', 0, 0],
      ['what-works', 'Not started', 0, 0],
      ['messages', 'Not started', 0, 1],
      ['priorities', 'Not started', 0, 0],
      ['action-plan', 'Not started', 0, 0],
      ['good', 'Not started', 0, 0],
      ['crime', 'Not started', 0, 0],
      ['review', 'Not started', 0, 0],
    ]);

    env.time.set('2026-11-26T10:30:00.000Z');
    const completed = await expectWritten<SectionState>(env.core, 'setSectionCompleted', { handle: env.handle, section: 'aims', completed: true });
    // Completed is the planner's judgement: the gaps still show.
    expect(completed).toEqual({ section: 'aims', status: 'Completed', records: 3, gaps: 2, completedAt: '2026-11-26T10:30:00.000Z' });
    expect(await state('aims')).toEqual(completed);

    await env.update('objective', objective.id, { measure: 'Confidence in local policing (survey)', targetDate: '2028-03-31' });
    expect(await state('aims')).toEqual({ ...completed, gaps: 0 });

    // A section with nothing in it cannot be marked done: the status would mislead whoever reads it.
    const empty = await env.core.call('setSectionCompleted', { handle: env.handle, section: 'places', completed: true });
    expect(empty.ok ? null : empty.error).toEqual({ code: 'invalid-input', message: '“Places” has nothing in it yet: add a place before marking it completed.' });
    const noTable = await env.core.call('setSectionCompleted', { handle: env.handle, section: 'census', completed: true });
    expect(noTable.ok ? null : noTable.error.message).toBe('“Census evidence” has nothing in it yet: import a census table before marking it completed.');
    expect(await state('places')).toMatchObject({ status: 'Not started', completedAt: null });
    env.core.closeAll();
  });

  it('setSectionCompleted round trip: marked, marked again (first time kept), unmarked, kept in the file', async () => {
    const env = await setUp();
    await env.create('area', { name: 'Riverside ward' });
    const set = (completed: boolean) => expectWritten<SectionState>(env.core, 'setSectionCompleted', { handle: env.handle, section: 'areas', completed });
    const changes = async () => (await expectOk<WorkbookInfo>(env.core, 'getWorkbook', { handle: env.handle })).counts.changes;
    const base = await changes();

    const first = await set(true);
    expect(first).toMatchObject({ status: 'Completed', completedAt: '2026-11-25T09:00:00.000Z' });
    env.time.set('2026-12-01T09:00:00.000Z');
    expect(await set(true)).toEqual(first);
    expect(await changes()).toBe((base ?? 0) + 1);

    expect(await set(false)).toEqual({ section: 'areas', status: 'In progress', records: 1, gaps: 1, completedAt: null });
    expect(await set(false)).toMatchObject({ completedAt: null });
    expect(await changes()).toBe((base ?? 0) + 2);

    const again = await set(true);
    expect(again.completedAt).toBe('2026-12-01T09:00:00.000Z');
    env.core.closeAll();

    const reopened = testCore();
    const { info } = await expectOk<{ info: WorkbookInfo }>(reopened, 'openWorkbook', { path: env.file, readOnly: true });
    expect((await expectOk<SectionState[]>(reopened, 'listSectionStates', { handle: info.handle })).find((s) => s.section === 'areas')).toEqual(again);
    reopened.closeAll();
  });

  it('refuses a section that does not exist', async () => {
    const env = await setUp();
    const result = await env.core.call('setSectionCompleted', { handle: env.handle, section: 'export', completed: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.fields).toEqual({ section: 'Unknown section' });
    }
    env.core.closeAll();
  });
});
