// The indicators that read the action plan and "You said, we did", on records of known content in
// the agreed shapes of the activity and priority types: each indicator's exact value and words.
import { describe, expect, it } from 'vitest';
import { activityIndicatorsOf } from '../../../electron/core/review/activity-indicators.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { Indicator } from '../../../shared/api/review.ts';

let n = 0;
function record(values: Record<string, unknown>): RecordValues {
  n += 1;
  return { id: `r${n}`, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', reviewedAt: null, shareable: true, notes: '', ...values };
}

const young = record({ name: 'Young people', priority: 'high' });
const older = record({ name: 'Older residents', priority: 'medium' });
const traders = record({ name: 'Traders', priority: 'high' });
const walkers = record({ name: 'Dog walkers', priority: 'low' });
const activity = (values: Record<string, unknown>) => record({ status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', audienceIds: [], partnerIds: [], objectiveIds: [], ...values });

const ACTIVITIES = [
  activity({ title: 'Youth forum', depth: 'involve', recurrence: 'monthly', flagship: true, pilotPlan: 'Three months at the college', rolloutPlan: 'Every ward by 2028', audienceIds: [young.id, walkers.id], partnerIds: ['p1'], objectiveIds: ['o1'] }),
  activity({ title: 'Coffee mornings', depth: 'consult', recurrence: 'weekly', flagship: true, pilotPlan: 'St Chad’s for a term', rolloutPlan: '', audienceIds: [older.id] }),
  activity({ title: 'Leaflet drop', depth: 'inform', recurrence: 'one-off', audienceIds: [traders.id] }),
  activity({ title: 'Summer fun day', depth: 'inform', recurrence: 'one-off', objectiveIds: ['o2'], partnerIds: ['p2'] }),
  activity({ title: 'Street briefing', recurrence: 'one-off' }),
  // Cancelled: counted nowhere.
  activity({ title: 'Market stall', depth: 'collaborate', recurrence: 'weekly', status: 'cancelled', flagship: true, audienceIds: [traders.id], partnerIds: ['p3'] }),
];

const PRIORITIES = [
  record({ concern: 'Speeding on Mill Lane', response: 'Speed watch with residents', feedback: 'Told the residents’ meeting in May', status: 'fed-back' }),
  record({ concern: 'Drug dealing by the flats', response: 'Joint patrols with housing', feedback: '', status: 'in-hand' }),
  record({ concern: 'Parking at the school', response: '', feedback: '', status: 'fed-back' }),
  record({ concern: 'Graffiti', response: ' ', feedback: '', status: 'open' }),
];

function find(all: Indicator[], name: string): Indicator {
  const found = all.find((i) => i.indicator === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

describe('the indicators of the action plan and You said, we did', () => {
  const all = activityIndicatorsOf(ACTIVITIES, PRIORITIES, [young, older, traders, walkers]);

  it('counts flagships and those with both plans', () => {
    expect(find(all, 'Flagships with a pilot and a roll-out plan')).toEqual({ hallmark: 'quality', indicator: 'Flagships with a pilot and a roll-out plan', value: 0.5, numerator: 1, denominator: 2, explanation: '2 activities are flagged as flagships (one or two is the aim); 1 of them has both a pilot plan and a roll-out plan.' });
    const one = activityIndicatorsOf([activity({ flagship: true, recurrence: 'weekly', pilotPlan: 'A term', rolloutPlan: 'Every ward' })], null, []);
    expect(find(one, 'Flagships with a pilot and a roll-out plan').explanation).toBe('1 activity is flagged as a flagship (one or two is the aim); 1 of them has both a pilot plan and a roll-out plan.');
    const many = activityIndicatorsOf([1, 2, 3, 4].map(() => activity({ flagship: true, recurrence: 'weekly' })), null, []);
    expect(find(many, 'Flagships with a pilot and a roll-out plan').explanation).toBe('4 activities are flagged as flagships (one or two is the aim; more than three dilutes them); 0 of them have both a pilot plan and a roll-out plan.');
  });

  it('counts activities deeper than informing among those with a depth', () => {
    expect(find(all, 'Activities deeper than informing')).toEqual({ hallmark: 'together', indicator: 'Activities deeper than informing', value: 0.5, numerator: 2, denominator: 4, explanation: 'Of 4 activities with a depth of engagement recorded, 2 go deeper than informing people (consult, involve, collaborate or empower).' });
  });

  it('counts priorities with a response and those fed back', () => {
    expect(find(all, 'Community priorities with a response')).toEqual({ hallmark: 'together', indicator: 'Community priorities with a response', value: 0.5, numerator: 2, denominator: 4, explanation: 'Of 4 community priorities raised with us, 2 have a response recorded (what we did).' });
    expect(find(all, 'Community priorities fed back')).toEqual({ hallmark: 'together', indicator: 'Community priorities fed back', value: 0.5, numerator: 2, denominator: 4, explanation: 'Of 4 community priorities raised with us, 2 have been fed back to the people who raised them ("You said, we did": feedback recorded, or marked fed back).' });
  });

  it('counts priority audiences with a recurring activity, and one-offs serving no objective', () => {
    expect(find(all, 'Priority audiences with a recurring activity')).toEqual({ hallmark: 'regular', indicator: 'Priority audiences with a recurring activity', value: 2 / 3, numerator: 2, denominator: 3, explanation: 'Of 3 priority audiences (high or medium priority), 2 are served by at least one activity that recurs (weekly, fortnightly, monthly or quarterly).' });
    expect(find(all, 'One-off activities serving no objective')).toEqual({ hallmark: 'regular', indicator: 'One-off activities serving no objective', value: 2 / 3, numerator: 2, denominator: 3, explanation: 'Of 3 one-off activities, 2 serve no objective: a one-off belongs in a longer-term plan. Fewer is better.' });
  });

  it('counts activities run with a partner', () => {
    expect(find(all, 'Activities run with a partner')).toEqual({ hallmark: 'beyond-police', indicator: 'Activities run with a partner', value: 0.4, numerator: 2, denominator: 5, explanation: 'Of 5 activities, 2 have at least one partner linked to them.' });
  });

  it('says nothing for a type the build does not have, and null where there is nothing to count', () => {
    expect(activityIndicatorsOf(null, null, [young])).toEqual([]);
    const empty = activityIndicatorsOf([], [], []);
    expect(empty.map((i) => [i.indicator, i.value, i.numerator, i.denominator])).toEqual([
      ['Flagships with a pilot and a roll-out plan', null, 0, 0],
      ['Activities deeper than informing', null, 0, 0],
      ['Priority audiences with a recurring activity', null, 0, 0],
      ['One-off activities serving no objective', null, 0, 0],
      ['Activities run with a partner', null, 0, 0],
      ['Community priorities with a response', null, 0, 0],
      ['Community priorities fed back', null, 0, 0],
    ]);
  });
});
