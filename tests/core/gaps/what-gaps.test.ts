// The gaps of WHAT and the action plan, one test per rule: each appears, then clears when the
// planner puts it right, through the same calls the screens make (so the kept-up-to-date list is
// what is checked, and a fresh computation must agree with it at the end of each test).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeGaps } from '../../../electron/core/gaps/compute-gaps.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import type { RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Gap } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

type Values = Record<string, unknown> & { id: string };

const NOW = '2026-11-25T09:00:00.000Z';
const ALL_PASS = Object.fromEntries(['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'].map((id) => [id, { pass: true, note: '' }]));

async function setUp() {
  const core = testCore({ clock: () => new Date(NOW) });
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), 'Riverside plan.ewb'), details: SAMPLE_DETAILS });
  const handle = info.handle;
  const gaps = async (rule: string) => (await expectOk<Gap[]>(core, 'listGaps', { handle })).filter((gap) => gap.rule === rule).map(({ key: _key, ...gap }) => gap);
  return {
    core,
    handle,
    create: (type: RecordTypeName, values: Record<string, unknown>) => expectWritten<Values>(core, 'createRecord', { handle, type, values }),
    update: (type: RecordTypeName, id: string, changes: Record<string, unknown>) => expectWritten<Values>(core, 'updateRecord', { handle, type, id, changes }),
    remove: (type: RecordTypeName, id: string) => expectWritten(core, 'deleteRecord', { handle, type, id }),
    gaps,
    /** The list kept up to date edit by edit equals one computed afresh from the file. */
    async agreesWithFresh() {
      const kept = await expectOk<Gap[]>(core, 'listGaps', { handle });
      const db = openReadOnly(info.path);
      try {
        expect(kept).toEqual(computeGaps(db, new Date(NOW)));
      } finally {
        db.close();
      }
      core.closeAll();
    },
  };
}

async function objective(env: Awaited<ReturnType<typeof setUp>>): Promise<Values> {
  const aim = await env.create('aim', { title: 'Build trust among young people' });
  return env.create('objective', { title: 'Raise young people’s confidence in Riverside', aimId: aim.id, measure: 'Youth survey', targetDate: '2028-03-31' });
}

describe('the gaps of WHAT and the action plan', () => {
  it('message-no-objective: a message that serves no objective, until it is linked to one', async () => {
    const env = await setUp();
    const message = await env.create('message', { text: 'Your PCSOs are at the skate park on Fridays.', status: 'draft' });
    expect(await env.gaps('message-no-objective')).toEqual([
      { section: 'messages', rule: 'message-no-objective', recordType: 'message', recordId: message.id, message: 'Message “Your PCSOs are at the skate park on Fridays.” serves no objective: link it to the objectives it serves, or ask whether it is needed.' },
    ]);
    const served = await objective(env);
    await env.update('message', message.id, { objectiveIds: [served.id] });
    expect(await env.gaps('message-no-objective')).toEqual([]);
    // Deleting the objective takes the link away, and the gap comes back.
    await env.remove('objective', served.id);
    expect(await env.gaps('message-no-objective')).toHaveLength(1);
    await env.agreesWithFresh();
  });

  it('message-fails-check: a live message that has not passed every point, naming the points', async () => {
    const env = await setUp();
    const message = await env.create('message', { text: 'We are here for you.', status: 'draft', qualityCheck: { ...ALL_PASS, specific: { pass: false, note: 'Where? When?' }, interesting: { pass: null, note: '' } } });
    expect(await env.gaps('message-fails-check')).toEqual([]);
    await env.update('message', message.id, { status: 'live' });
    expect((await env.gaps('message-fails-check')).map((gap) => gap.message)).toEqual(['Message “We are here for you.” is live but has not passed the six-point check (not yet specific; not checked for interesting): rework it, or take it out of use.']);
    await env.update('message', message.id, { qualityCheck: ALL_PASS });
    expect(await env.gaps('message-fails-check')).toEqual([]);
    await env.update('message', message.id, { qualityCheck: { ...ALL_PASS, challenging: { pass: false, note: '' } }, status: 'retired' });
    expect(await env.gaps('message-fails-check')).toEqual([]);
    await env.agreesWithFresh();
  });

  it('audience-no-live-message: a high or medium priority audience no live message is for', async () => {
    const env = await setUp();
    const young = await env.create('audience', { name: 'Young people in Riverside', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' });
    await env.create('audience', { name: 'Visitors', kind: 'visitors', engagementState: 'unknown', priority: 'low' });
    expect(await env.gaps('audience-no-live-message')).toEqual([
      { section: 'messages', rule: 'audience-no-live-message', recordType: 'audience', recordId: young.id, message: 'Audience “Young people in Riverside” is a priority audience with no live message: say what we will tell them.' },
    ]);
    const message = await env.create('message', { text: 'Drop-in on Fridays.', status: 'approved', audienceIds: [young.id] });
    expect(await env.gaps('audience-no-live-message')).toHaveLength(1);
    await env.update('message', message.id, { status: 'live' });
    expect(await env.gaps('audience-no-live-message')).toEqual([]);
    await env.update('message', message.id, { audienceIds: [] });
    expect(await env.gaps('audience-no-live-message')).toHaveLength(1);
    await env.update('audience', young.id, { priority: 'low' });
    expect(await env.gaps('audience-no-live-message')).toEqual([]);
    await env.agreesWithFresh();
  });

  it('message-channel-not-receptive: a message on a channel the grid says its audience does not listen to', async () => {
    const env = await setUp();
    const older = await env.create('audience', { name: 'Older residents', kind: 'older-people', engagementState: 'receptive', priority: 'low' });
    const tiktok = await env.create('channel', { name: 'Riverside TikTok', kind: 'social-media', platform: 'tiktok', status: 'have' });
    const message = await env.create('message', { text: 'Doorstep scams are back: never hand over your card.', status: 'draft', audienceIds: [older.id], channelIds: [tiktok.id] });
    expect(await env.gaps('message-channel-not-receptive')).toEqual([]);
    await expectWritten(env.core, 'setReceptivity', { handle: env.handle, audienceId: older.id, channelId: tiktok.id, value: 'no' });
    expect(await env.gaps('message-channel-not-receptive')).toEqual([
      {
        section: 'messages',
        rule: 'message-channel-not-receptive',
        recordType: 'message',
        recordId: message.id,
        message: 'Message “Doorstep scams are back: never hand over your card.” goes out on “Riverside TikTok”, but the grid says “Older residents” do not listen there: choose another channel for them, or check the grid.',
      },
    ]);
    await expectWritten(env.core, 'setReceptivity', { handle: env.handle, audienceId: older.id, channelId: tiktok.id, value: 'partly' });
    expect(await env.gaps('message-channel-not-receptive')).toEqual([]);
    await expectWritten(env.core, 'setReceptivity', { handle: env.handle, audienceId: older.id, channelId: tiktok.id, value: 'no' });
    await env.update('message', message.id, { channelIds: [] });
    expect(await env.gaps('message-channel-not-receptive')).toEqual([]);
    await env.agreesWithFresh();
  });

  it('priority-no-response and priority-not-fed-back: a concern with no agreed response; one done but not told back', async () => {
    const env = await setUp();
    const priority = await env.create('priority', { concern: 'Cars race along Mill Road at night.', status: 'open' });
    expect((await env.gaps('priority-no-response')).map((gap) => gap.message)).toEqual(['Community priority “Cars race along Mill Road at night.” has no agreed response: say what we will do about it.']);
    await env.update('priority', priority.id, { response: 'Speed checks with Community Speedwatch, two evenings a week for a month.', status: 'in-hand' });
    expect(await env.gaps('priority-no-response')).toEqual([]);
    expect(await env.gaps('priority-not-fed-back')).toEqual([]);
    await env.update('priority', priority.id, { status: 'done' });
    expect(await env.gaps('priority-not-fed-back')).toEqual([
      { section: 'priorities', rule: 'priority-not-fed-back', recordType: 'priority', recordId: priority.id, message: 'Community priority “Cars race along Mill Road at night.” is done but not fed back: tell the community what was done, then mark it fed back.' },
    ]);
    await env.update('priority', priority.id, { status: 'fed-back', feedback: '42 drivers stopped; two summonsed.', feedbackOn: '2026-11-20' });
    expect(await env.gaps('priority-not-fed-back')).toEqual([]);
    await env.agreesWithFresh();
  });

  it('activity-no-objective: a one-off activity that serves no objective (a recurring one is judged by the plan as a whole)', async () => {
    const env = await setUp();
    const fete = await env.create('activity', { title: 'Stall at the Riverside fete', recurrence: 'one-off', status: 'planned', startDate: '2027-06-12' });
    await env.create('activity', { title: 'Weekly beat surgery', recurrence: 'weekly', status: 'planned' });
    expect((await env.gaps('activity-no-objective')).map((gap) => gap.recordId)).toEqual([fete.id]);
    const served = await objective(env);
    await env.update('activity', fete.id, { objectiveIds: [served.id] });
    expect(await env.gaps('activity-no-objective')).toEqual([]);
    await env.agreesWithFresh();
  });

  it('flagship-no-plan and too-many-flagships: a flagship needs both plans; more than three is too many', async () => {
    const env = await setUp();
    const first = await env.create('activity', { title: 'Youth cafe', recurrence: 'weekly', status: 'planned', flagship: true, pilotPlan: 'Twelve weeks at Riverside.' });
    expect((await env.gaps('flagship-no-plan')).map((gap) => gap.message)).toEqual(['Activity “Youth cafe” is a flagship with no roll-out plan: say where it will be tried first and how it will be rolled out.']);
    await env.update('activity', first.id, { rolloutPlan: 'Shepway and Park Wood in the autumn.' });
    expect(await env.gaps('flagship-no-plan')).toEqual([]);
    const others = [];
    for (const title of ['Farm watch', 'Street briefings', 'Schools week']) others.push(await env.create('activity', { title, recurrence: 'monthly', status: 'planned', flagship: true, pilotPlan: 'Pilot', rolloutPlan: 'Roll-out' }));
    expect(await env.gaps('too-many-flagships')).toEqual([
      { section: 'action-plan', rule: 'too-many-flagships', recordType: null, recordId: null, message: 'The action plan has 4 flagship activities: the method says start with one or two, and no more than 3. Choose the ones to pilot first.' },
    ]);
    await env.update('activity', others[0]!.id, { flagship: false });
    expect(await env.gaps('too-many-flagships')).toEqual([]);
    // An activity that is not a flagship needs no plans.
    await env.update('activity', others[1]!.id, { flagship: false, pilotPlan: '', rolloutPlan: '' });
    expect(await env.gaps('flagship-no-plan')).toEqual([]);
    await env.agreesWithFresh();
  });
});
