// The gaps of WHAT and the action plan: messages that serve no objective, fail the six-point check
// while live, or go out on a channel their audience does not listen to; priority audiences with no
// live message; community priorities with no response or not fed back; activities that serve no
// objective; flagships without their plans, or too many of them; and vulnerabilities with neither a
// planned response nor an activity answering them.
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { MAX_FLAGSHIPS, PRIORITY_AUDIENCE_LEVELS, QUALITY_CHECKS } from '../../../shared/domain/vocabularies.ts';
import type { CheckResult, RecordValues } from '../../../shared/api/records.ts';
import type { GapDraft, RecordRule, WorkbookRule } from './gap-rules.ts';
import { titleOf } from '../records/record-store.ts';

/** "Message “Your PCSOs…”": as gap-rules.ts names a record (kept here so the two modules do not import each other). */
function quoted(type: RecordTypeName, record: Record<string, unknown>): string {
  return `${RECORD_TYPES[type].label} “${titleOf(record, type)}”`;
}

function recordGap(type: RecordTypeName, record: RecordValues, rule: string, message: string): GapDraft {
  return { section: RECORD_TYPES[type].section, rule, recordType: type, recordId: record.id, message };
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function noLinks(value: unknown): boolean {
  return !Array.isArray(value) || value.length === 0;
}

export const messageNoObjective: RecordRule = {
  rule: 'message-no-objective',
  title: 'A message serves no objective',
  types: ['message'],
  check: (type, message) => (noLinks(message.objectiveIds) ? recordGap(type, message, 'message-no-objective', `${quoted(type, message)} serves no objective: link it to the objectives it serves, or ask whether it is needed.`) : null),
};

/** "not yet specific; not checked: interesting" — the points a live message has not passed. */
function unpassed(check: unknown): string {
  const results = (typeof check === 'object' && check !== null ? check : {}) as Record<string, CheckResult | undefined>;
  const failed = QUALITY_CHECKS.filter((item) => results[item.id]?.pass === false).map((item) => item.label.toLowerCase());
  const unchecked = QUALITY_CHECKS.filter((item) => results[item.id]?.pass !== true && results[item.id]?.pass !== false).map((item) => item.label.toLowerCase());
  return [failed.length > 0 ? `not yet ${failed.join(', ')}` : '', unchecked.length > 0 ? `not checked for ${unchecked.join(', ')}` : ''].filter(Boolean).join('; ');
}

export const messageFailsCheck: RecordRule = {
  rule: 'message-fails-check',
  title: 'A live message has not passed the six-point check',
  types: ['message'],
  check(type, message) {
    if (message.status !== 'live') return null;
    const missing = unpassed(message.qualityCheck);
    return missing ? recordGap(type, message, 'message-fails-check', `${quoted(type, message)} is live but has not passed the six-point check (${missing}): rework it, or take it out of use.`) : null;
  },
};

export const priorityNotFedBack: RecordRule = {
  rule: 'priority-not-fed-back',
  title: 'A community priority is done but the community has not been told',
  types: ['priority'],
  check: (type, priority) => (priority.status === 'done' ? recordGap(type, priority, 'priority-not-fed-back', `${quoted(type, priority)} is done but not fed back: tell the community what was done, then mark it fed back.`) : null),
};

export const activityNoObjective: RecordRule = {
  rule: 'activity-no-objective',
  title: 'A one-off activity serves no objective',
  types: ['activity'],
  check: (type, activity) => (activity.recurrence === 'one-off' && noLinks(activity.objectiveIds) ? recordGap(type, activity, 'activity-no-objective', `${quoted(type, activity)} is a one-off that serves no objective: link it to the objectives it serves, or ask whether it is needed.`) : null),
};

export const flagshipNoPlan: RecordRule = {
  rule: 'flagship-no-plan',
  title: 'A flagship activity has no pilot or roll-out plan',
  types: ['activity'],
  check(type, activity) {
    if (activity.flagship !== true) return null;
    const missing = [blank(activity.pilotPlan) ? 'pilot' : '', blank(activity.rolloutPlan) ? 'roll-out' : ''].filter(Boolean);
    return missing.length > 0 ? recordGap(type, activity, 'flagship-no-plan', `${quoted(type, activity)} is a flagship with no ${missing.join(' or ')} plan: say where it will be tried first and how it will be rolled out.`) : null;
  },
};

const PRIORITY_LIST = PRIORITY_AUDIENCE_LEVELS.map(() => '?').join(', ');

export const audienceNoLiveMessage: WorkbookRule = {
  rule: 'audience-no-live-message',
  title: 'A priority audience has no live message',
  dependsOn: [{ kind: 'audience', fields: ['name', 'priority'] }, { kind: 'message', fields: ['status', 'audienceIds'] }],
  compute(db) {
    const audiences = db
      .prepare(
        `SELECT id, name FROM audience a WHERE priority IN (${PRIORITY_LIST})
           AND NOT EXISTS (SELECT 1 FROM message_audience l JOIN message m ON m.id = l.owner_id WHERE l.target_id = a.id AND m.status = 'live')
         ORDER BY created_at, id`,
      )
      .all(...PRIORITY_AUDIENCE_LEVELS) as Array<{ id: string; name: string }>;
    return audiences.map((audience) => ({ section: 'messages', rule: 'audience-no-live-message', recordType: 'audience', recordId: audience.id, message: `${quoted('audience', audience)} is a priority audience with no live message: say what we will tell them.` }));
  },
};

export const messageChannelNotReceptive: WorkbookRule = {
  rule: 'message-channel-not-receptive',
  title: 'A message goes out on a channel its audience does not listen to',
  dependsOn: [{ kind: 'message', fields: ['text', 'audienceIds', 'channelIds'] }, { kind: 'receptivity' }, { kind: 'audience', fields: ['name'] }, { kind: 'channel', fields: ['name'] }],
  compute(db) {
    const rows = db
      .prepare(
        `SELECT m.id AS id, m.text AS text, a.name AS audience, c.name AS channel
           FROM message m
           JOIN message_audience ma ON ma.owner_id = m.id
           JOIN message_channel mc ON mc.owner_id = m.id
           JOIN receptivity r ON r.audience_id = ma.target_id AND r.channel_id = mc.target_id AND r.value = 'no'
           JOIN audience a ON a.id = ma.target_id
           JOIN channel c ON c.id = mc.target_id
         ORDER BY m.created_at, m.id, a.created_at, a.id, c.created_at, c.id`,
      )
      .all() as Array<{ id: string; text: string; audience: string; channel: string }>;
    return rows.map((row) => ({
      section: 'messages',
      rule: 'message-channel-not-receptive',
      recordType: 'message',
      recordId: row.id,
      message: `${quoted('message', row)} goes out on “${row.channel}”, but the grid says “${row.audience}” do not listen there: choose another channel for them, or check the grid.`,
    }));
  },
};

export const tooManyFlagships: WorkbookRule = {
  rule: 'too-many-flagships',
  title: `More than ${MAX_FLAGSHIPS} flagship activities`,
  dependsOn: [{ kind: 'activity', fields: ['flagship'] }],
  compute(db) {
    const count = db.prepare('SELECT count(*) FROM activity WHERE flagship = 1').pluck().get() as number;
    if (count <= MAX_FLAGSHIPS) return [];
    return [{ section: 'action-plan', rule: 'too-many-flagships', recordType: null, recordId: null, message: `The action plan has ${count} flagship activities: the method says start with one or two, and no more than ${MAX_FLAGSHIPS}. Choose the ones to pilot first.` }];
  },
};

/** The vulnerability gap of the WHO worksheets: a written response or an activity answering it will do. */
export const vulnerabilityNoResponse: WorkbookRule = {
  rule: 'vulnerability-no-response',
  title: 'A vulnerability has no planned response',
  dependsOn: [{ kind: 'vulnerability', fields: ['name', 'responseNote'] }, { kind: 'activity', fields: ['vulnerabilityIds'] }],
  compute(db) {
    const rows = db
      .prepare(
        `SELECT id, name FROM vulnerability v WHERE trim(response_note, ' ' || char(9) || char(10) || char(13)) = ''
           AND NOT EXISTS (SELECT 1 FROM activity_vulnerability l WHERE l.target_id = v.id)
         ORDER BY created_at, id`,
      )
      .all() as Array<{ id: string; name: string }>;
    return rows.map((row) => ({ section: 'vulnerabilities', rule: 'vulnerability-no-response', recordType: 'vulnerability', recordId: row.id, message: `${quoted('vulnerability', row)} has no planned response: say what you will do about it, or link an activity of the action plan to it.` }));
  },
};

export const WHAT_RECORD_RULES: readonly RecordRule[] = [messageNoObjective, messageFailsCheck, priorityNotFedBack, activityNoObjective, flagshipNoPlan];
export const WHAT_WORKBOOK_RULES: readonly WorkbookRule[] = [audienceNoLiveMessage, messageChannelNotReceptive, tooManyFlagships];
