// The indicators that read the action plan and "You said, we did": flagships and their plans, the
// depth of activities, community priorities answered and fed back, regular activity for priority
// audiences, one-offs serving no objective, and activities run with a partner. Cancelled activities
// are left out of every count. They follow the activity and priority record types: a build
// without them has nothing to count here, and says nothing rather than 0.
import type { ReadDb } from '../db/open-database.ts';
import type { Indicator } from '../../../shared/api/review.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { isRecordTypeName, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { isPriorityAudience } from '../../../shared/domain/vocabularies.ts';
import { listRecords } from '../records/record-store.ts';
import { count, indicator } from './assess-workbook-words.ts';

function recordsOf(db: ReadDb, type: string): RecordValues[] | null {
  return isRecordTypeName(type) ? listRecords(db, type as RecordTypeName) : null;
}

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const ids = (record: RecordValues, link: string) => (Array.isArray(record[link]) ? (record[link] as string[]) : []);
const has = (n: number, one: string, many: string) => (n === 1 ? one : many);

function flagshipIndicator(activities: RecordValues[]): Indicator {
  const flagships = activities.filter((a) => a.flagship === true);
  const planned = flagships.filter((a) => filled(a.pilotPlan) && filled(a.rolloutPlan));
  const aim = flagships.length > 3 ? 'one or two is the aim; more than three dilutes them' : 'one or two is the aim';
  return indicator('quality', 'Flagships with a pilot and a roll-out plan', planned.length, flagships.length, `${count(flagships.length, 'activity is flagged as a flagship', 'activities are flagged as flagships')} (${aim}); ${planned.length} of them ${has(planned.length, 'has', 'have')} both a pilot plan and a roll-out plan.`);
}

function depthIndicator(activities: RecordValues[]): Indicator {
  const withDepth = activities.filter((a) => filled(a.depth));
  const deeper = withDepth.filter((a) => a.depth !== 'inform');
  return indicator('together', 'Activities deeper than informing', deeper.length, withDepth.length, `Of ${count(withDepth.length, 'activity', 'activities')} with a depth of engagement recorded, ${deeper.length} ${has(deeper.length, 'goes', 'go')} deeper than informing people (consult, involve, collaborate or empower).`);
}

function priorityIndicators(priorities: RecordValues[]): Indicator[] {
  const answered = priorities.filter((p) => filled(p.response));
  const fedBack = priorities.filter((p) => filled(p.feedback) || p.status === 'fed-back');
  const of = `Of ${count(priorities.length, 'community priority', 'community priorities')} raised with us`;
  return [
    indicator('together', 'Community priorities with a response', answered.length, priorities.length, `${of}, ${answered.length} ${has(answered.length, 'has', 'have')} a response recorded (what we did).`),
    indicator('together', 'Community priorities fed back', fedBack.length, priorities.length, `${of}, ${fedBack.length} ${has(fedBack.length, 'has', 'have')} been fed back to the people who raised ${has(priorities.length, 'it', 'them')} ("You said, we did": feedback recorded, or marked fed back).`),
  ];
}

function regularIndicators(activities: RecordValues[], audiences: RecordValues[]): Indicator[] {
  const priority = audiences.filter((a) => isPriorityAudience(a.priority));
  const recurring = activities.filter((a) => filled(a.recurrence) && a.recurrence !== 'one-off');
  const served = new Set(recurring.flatMap((a) => ids(a, 'audienceIds')));
  const regular = priority.filter((a) => served.has(a.id));
  const oneOffs = activities.filter((a) => a.recurrence === 'one-off');
  const aimless = oneOffs.filter((a) => ids(a, 'objectiveIds').length === 0);
  return [
    indicator('regular', 'Priority audiences with a recurring activity', regular.length, priority.length, `Of ${count(priority.length, 'priority audience', 'priority audiences')} (high or medium priority), ${regular.length} ${has(regular.length, 'is', 'are')} served by at least one activity that recurs (weekly, fortnightly, monthly or quarterly).`),
    indicator('regular', 'One-off activities serving no objective', aimless.length, oneOffs.length, `Of ${count(oneOffs.length, 'one-off activity', 'one-off activities')}, ${aimless.length} ${has(aimless.length, 'serves', 'serve')} no objective: a one-off belongs in a longer-term plan. Fewer is better.`),
  ];
}

function partnerIndicator(activities: RecordValues[]): Indicator {
  const withPartner = activities.filter((a) => ids(a, 'partnerIds').length > 0);
  return indicator('beyond-police', 'Activities run with a partner', withPartner.length, activities.length, `Of ${count(activities.length, 'activity', 'activities')}, ${withPartner.length} ${has(withPartner.length, 'has', 'have')} at least one partner linked to ${has(withPartner.length, 'it', 'them')}.`);
}

/** The indicators from records already read: null for a type this build does not have. */
export function activityIndicatorsOf(all: RecordValues[] | null, priorities: RecordValues[] | null, audiences: RecordValues[]): Indicator[] {
  const out: Indicator[] = [];
  if (all) {
    const activities = all.filter((a) => a.status !== 'cancelled');
    out.push(flagshipIndicator(activities), depthIndicator(activities), ...regularIndicators(activities, audiences), partnerIndicator(activities));
  }
  if (priorities) out.push(...priorityIndicators(priorities));
  return out;
}

export function activityIndicators(db: ReadDb): Indicator[] {
  return activityIndicatorsOf(recordsOf(db, 'activity'), recordsOf(db, 'priority'), listRecords(db, 'audience'));
}
