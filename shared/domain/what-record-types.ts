// The WHAT record types: the messages the force will give (each held to the six-point check, with
// Welsh text beside the English), the community's priorities and what was done about them ("You
// said, we did"), and the activities of the action plan. Data only, like the other descriptors.
import {
  ACTIVITY_RECURRENCES,
  ACTIVITY_STATUSES,
  ENGAGEMENT_DEPTHS,
  MESSAGE_FREQUENCIES,
  MESSAGE_STATUSES,
  PRIORITY_STATUSES,
  QUALITY_CHECKS,
  RAISED_HOW,
} from './vocabularies.ts';
import type { RecordTypeDef } from './record-type-def.ts';

const OWNER_HINT = "A person's name is personal data; a role (for example, Neighbourhood Sergeant) is not.";

export const MESSAGE_TYPE: RecordTypeDef = {
  type: 'message',
  table: 'message',
  label: 'Message',
  plural: 'Messages',
  section: 'messages',
  titleField: 'text',
  print: { printer: 'messages', holds: 'the messages we will give each audience, on which channels, each held to the six-point check', sortBy: ['status'], summaryBy: ['status'] },
  fields: [
    { name: 'text', column: 'text', label: 'Message', kind: 'longText', required: true, max: 2000, hint: 'What we will say, in the words we will use: for example, Your PCSOs hold a drop-in at Riverside library every Tuesday, 10 till 12.' },
    { name: 'textWelsh', column: 'text_welsh', label: 'Message in Welsh (Neges yn Gymraeg)', kind: 'longText', max: 2000, lang: 'cy', hint: 'The Welsh version, for forces working under the Welsh Language Standards. It is printed beside the English.' },
    { name: 'status', column: 'status', label: 'Status', kind: 'enum', vocabulary: MESSAGE_STATUSES, required: true },
    { name: 'frequency', column: 'frequency', label: 'How often', kind: 'enum', vocabulary: MESSAGE_FREQUENCIES },
    { name: 'lastUsed', column: 'last_used', label: 'Last used', kind: 'date' },
    { name: 'owner', column: 'owner', label: 'Owner', kind: 'text', max: 200, personal: true, hint: OWNER_HINT },
    { name: 'qualityCheck', column: 'quality_check', label: 'The six-point check', kind: 'checklist', checks: QUALITY_CHECKS, hint: 'Hold the message to each point: pass, or not yet, with a note of why.' },
  ],
  links: [
    { name: 'objectiveIds', label: 'Objectives it serves', target: 'objective', table: 'message_objective' },
    { name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'message_audience' },
    { name: 'channelIds', label: 'Channels', target: 'channel', table: 'message_channel' },
  ],
};

export const PRIORITY_TYPE: RecordTypeDef = {
  type: 'priority',
  table: 'community_priority',
  label: 'Community priority',
  plural: 'Community priorities',
  section: 'priorities',
  titleField: 'concern',
  sheetName: 'You said, we did',
  print: { printer: 'priorities', heading: 'You said, we did', holds: 'what the community raised with us, what we did about it, and how we told them', sortBy: ['status'], summaryBy: ['status', 'raisedHow'] },
  fields: [
    { name: 'concern', column: 'concern', label: 'What the community said', kind: 'longText', required: true, max: 2000, hint: 'As the community put it: for example, Cars race along Mill Road at night.' },
    { name: 'areaId', column: 'area_id', label: 'Where', kind: 'ref', target: 'area' },
    { name: 'raisedOn', column: 'raised_on', label: 'When it was raised', kind: 'date' },
    { name: 'raisedHow', column: 'raised_how', label: 'How it was raised', kind: 'enum', vocabulary: RAISED_HOW },
    { name: 'audienceId', column: 'audience_id', label: 'Raised by (a group, never a named person)', kind: 'ref', target: 'audience' },
    { name: 'response', column: 'response', label: 'Agreed response (we did)', kind: 'longText', max: 5000, gapWhenEmpty: { rule: 'priority-no-response', title: 'A community priority has no agreed response', says: 'has no agreed response: say what we will do about it.' } },
    { name: 'feedback', column: 'feedback', label: 'What we told them', kind: 'longText', max: 5000, hint: 'The feedback given to the community: what was done, and what changed.' },
    { name: 'feedbackOn', column: 'feedback_on', label: 'When we told them', kind: 'date' },
    { name: 'status', column: 'status', label: 'Status', kind: 'enum', vocabulary: PRIORITY_STATUSES, required: true },
  ],
  links: [],
};

export const ACTIVITY_TYPE: RecordTypeDef = {
  type: 'activity',
  table: 'activity',
  label: 'Activity',
  plural: 'Activities',
  section: 'action-plan',
  titleField: 'title',
  sheetName: 'Action plan',
  print: { heading: 'Action plan', printer: 'activities', holds: 'the activities that deliver the objectives: what will be done, by whom, with which audiences, and by when', columns: ['title', 'recurrence', 'startDate', 'endDate', 'status', 'flagship'], links: ['objectiveIds', 'audienceIds'], sortBy: ['startDate', 'title'], summaryBy: ['status', 'recurrence'] },
  fields: [
    { name: 'title', column: 'title', label: 'Activity', kind: 'text', required: true, max: 200, hint: 'For example: Monthly beat surgery at Riverside library.' },
    { name: 'description', column: 'description', label: 'What will be done', kind: 'longText', max: 5000 },
    { name: 'depth', column: 'depth', label: 'Depth of engagement', kind: 'enum', vocabulary: ENGAGEMENT_DEPTHS },
    { name: 'recurrence', column: 'recurrence', label: 'How often', kind: 'enum', vocabulary: ACTIVITY_RECURRENCES, required: true },
    { name: 'startDate', column: 'start_date', label: 'Starts (or the date of a one-off)', kind: 'date' },
    { name: 'endDate', column: 'end_date', label: 'Ends', kind: 'date', hint: 'For a recurring activity, the last date it runs; for a one-off lasting more than a day, its last day.' },
    { name: 'owner', column: 'owner', label: 'Owner', kind: 'text', max: 200, personal: true, hint: OWNER_HINT },
    { name: 'status', column: 'status', label: 'Status', kind: 'enum', vocabulary: ACTIVITY_STATUSES, required: true },
    { name: 'flagship', column: 'flagship', label: 'A flagship activity', kind: 'boolean', hint: 'A flagship is piloted, then rolled out. The method says start with one or two.' },
    { name: 'pilotPlan', column: 'pilot_plan', label: 'Pilot plan', kind: 'longText', max: 5000, showWhen: { field: 'flagship', oneOf: ['true'] }, hint: 'Where and when it will be tried first, and how you will know it worked.' },
    { name: 'rolloutPlan', column: 'rollout_plan', label: 'Roll-out plan', kind: 'longText', max: 5000, showWhen: { field: 'flagship', oneOf: ['true'] }, hint: 'How it will be taken to other areas once the pilot has worked.' },
  ],
  links: [
    { name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'activity_audience' },
    { name: 'channelIds', label: 'Channels', target: 'channel', table: 'activity_channel' },
    { name: 'partnerIds', label: 'Partners', target: 'partner', table: 'activity_partner' },
    { name: 'placeIds', label: 'Places', target: 'place', table: 'activity_place' },
    { name: 'eventIds', label: 'Community events', target: 'communityEvent', table: 'activity_event' },
    { name: 'messageIds', label: 'Messages', target: 'message', table: 'activity_message' },
    { name: 'priorityIds', label: 'Community priorities it answers', target: 'priority', table: 'activity_priority' },
    { name: 'vulnerabilityIds', label: 'Vulnerabilities it responds to', target: 'vulnerability', table: 'activity_vulnerability' },
    { name: 'objectiveIds', label: 'Objectives it serves', target: 'objective', table: 'activity_objective' },
  ],
};
