// The shared words every workbook uses, so forces' workbooks can be compared: free text may sit
// beside these, never instead of them. Ids are stable (stored in files); labels are for people.
import { FORCES } from './forces.ts';

export interface VocabItem {
  readonly id: string;
  readonly label: string;
  /** For two-level vocabularies: the id of the group this item belongs to. */
  readonly group?: string;
  readonly hint?: string;
}

export const AUDIENCE_KIND_GROUPS: readonly VocabItem[] = [
  { id: 'place', label: 'Place-based' },
  { id: 'identity', label: 'Identity and heritage' },
  { id: 'age', label: 'Age and life stage' },
  { id: 'circumstance', label: 'Interest and circumstance' },
];

export const AUDIENCE_KINDS: readonly VocabItem[] = [
  { id: 'neighbourhood', label: 'A neighbourhood', group: 'place' },
  { id: 'estate', label: 'A housing estate', group: 'place' },
  { id: 'town-centre', label: 'A town or city centre', group: 'place' },
  { id: 'rural-villages', label: 'Rural villages', group: 'place' },
  { id: 'coastal-community', label: 'A coastal community', group: 'place' },
  { id: 'ethnic-minority', label: 'Ethnic-minority communities', group: 'identity' },
  { id: 'faith', label: 'Faith communities', group: 'identity' },
  { id: 'lgbt', label: 'LGBT+ people', group: 'identity' },
  { id: 'disabled', label: 'Disabled people', group: 'identity' },
  { id: 'deaf', label: 'Deaf and hard-of-hearing people', group: 'identity' },
  { id: 'gypsy-roma-traveller', label: 'Gypsy, Roma and Traveller communities', group: 'identity' },
  { id: 'new-arrivals', label: 'New arrivals (migrants, refugees, people seeking asylum)', group: 'identity' },
  { id: 'language', label: 'People whose first language is not English', group: 'identity' },
  { id: 'children', label: 'Children', group: 'age' },
  { id: 'young-people', label: 'Young people', group: 'age' },
  { id: 'students', label: 'Students', group: 'age' },
  { id: 'families', label: 'Parents and families', group: 'age' },
  { id: 'older-people', label: 'Older people', group: 'age' },
  { id: 'businesses', label: 'Businesses and traders', group: 'circumstance' },
  { id: 'night-time-economy', label: 'The night-time economy', group: 'circumstance' },
  { id: 'visitors', label: 'Visitors and tourists', group: 'circumstance' },
  { id: 'commuters', label: 'Commuters and travellers', group: 'circumstance' },
  { id: 'victims-witnesses', label: 'Victims and witnesses', group: 'circumstance' },
  { id: 'homelessness', label: 'People experiencing homelessness', group: 'circumstance' },
  { id: 'mental-health', label: 'People in mental-health crisis', group: 'circumstance' },
  { id: 'substance-use', label: 'People who use drugs or alcohol harmfully', group: 'circumstance' },
  { id: 'farming', label: 'Farming and rural workers', group: 'circumstance' },
  { id: 'carers', label: 'Carers', group: 'circumstance' },
  { id: 'veterans', label: 'Veterans and service families', group: 'circumstance' },
  { id: 'residents-groups', label: 'Residents and tenants groups', group: 'circumstance' },
  { id: 'other', label: 'Other (describe in notes)', group: 'circumstance' },
];

export const ENGAGEMENT_STATES: readonly VocabItem[] = [
  { id: 'engaged', label: 'Engaged', hint: 'We hear from them regularly and they take part.' },
  { id: 'receptive', label: 'Receptive', hint: 'Open to us, though not yet engaged.' },
  { id: 'hard-to-reach', label: 'Hard to reach', hint: 'Willing, but our usual ways do not reach them.' },
  { id: 'not-engaging', label: 'Not engaging', hint: 'Reached, but do not want to engage.' },
  { id: 'unknown', label: 'Unknown' },
];

export const PRIORITIES: readonly VocabItem[] = [
  { id: 'high', label: 'High' },
  { id: 'medium', label: 'Medium' },
  { id: 'low', label: 'Low' },
];

/**
 * What "a priority audience" means everywhere in the app (gaps, the grid's filter, the document):
 * an audience of high or medium priority.
 */
export const PRIORITY_AUDIENCE_LEVELS: readonly string[] = ['high', 'medium'];

export function isPriorityAudience(priority: unknown): boolean {
  return typeof priority === 'string' && PRIORITY_AUDIENCE_LEVELS.includes(priority);
}

export const ASSET_KINDS: readonly VocabItem[] = [
  { id: 'individual', label: 'Individual', hint: 'A supportive person: a community leader, a faith leader, a trusted local figure.' },
  { id: 'group', label: 'Group', hint: 'A receptive group or organisation.' },
  { id: 'hotspot', label: 'Hotspot', hint: 'Somewhere people gather, where officers can meet them.' },
];

export const RELATIONSHIPS: readonly VocabItem[] = [
  { id: 'new', label: 'New' },
  { id: 'active', label: 'Active' },
  { id: 'strong', label: 'Strong' },
  { id: 'dormant', label: 'Dormant' },
];

export const VULNERABILITY_KINDS: readonly VocabItem[] = [
  { id: 'area', label: 'An area' },
  { id: 'group', label: 'A group' },
];

export const BARRIERS: readonly VocabItem[] = [
  { id: 'trust', label: 'Trust in the police' },
  { id: 'language', label: 'Language' },
  { id: 'access', label: 'Physical access' },
  { id: 'digital-exclusion', label: 'Digital exclusion' },
  { id: 'past-experience', label: 'Past experience' },
  { id: 'other', label: 'Other (describe)' },
];

export const PLACE_KINDS: readonly VocabItem[] = [
  { id: 'religious-centre', label: 'Religious centre' },
  { id: 'leisure-centre', label: 'Leisure centre' },
  { id: 'school-college', label: 'School or college' },
  { id: 'community-centre', label: 'Community centre' },
  { id: 'market', label: 'Market' },
  { id: 'park', label: 'Park or open space' },
  { id: 'transport-hub', label: 'Transport hub' },
  { id: 'place-of-interest', label: 'Place of interest' },
  { id: 'shopping', label: 'Shopping centre or high street' },
  { id: 'health', label: 'Health centre or surgery' },
  { id: 'other', label: 'Other' },
];

export const ONS_LEVELS: readonly VocabItem[] = [
  { id: 'oa', label: 'Output area' },
  { id: 'lsoa', label: 'LSOA' },
  { id: 'msoa', label: 'MSOA' },
  { id: 'ward', label: 'Ward' },
  { id: 'la', label: 'Local authority' },
  { id: 'other', label: 'Other' },
];

// ——— How we will reach them ———

export const CHANNEL_KINDS: readonly VocabItem[] = [
  { id: 'social-media', label: 'Social-media account' },
  { id: 'local-press', label: 'Local press' },
  { id: 'radio', label: 'Radio' },
  { id: 'newsletter', label: 'Newsletter' },
  { id: 'community-messaging', label: 'Community messaging', hint: 'For example a neighbourhood alert service.' },
  { id: 'website', label: 'Website' },
  { id: 'survey', label: 'Survey' },
  { id: 'community-group', label: 'Link with a community group' },
  { id: 'event', label: 'Event' },
  { id: 'street-briefing', label: 'Street briefing or beat surgery' },
  { id: 'patrol', label: 'Face-to-face patrol' },
  { id: 'other', label: 'Other (describe in notes)' },
];

export const SOCIAL_PLATFORMS: readonly VocabItem[] = [
  { id: 'facebook', label: 'Facebook' },
  { id: 'x', label: 'X (Twitter)' },
  { id: 'instagram', label: 'Instagram' },
  { id: 'tiktok', label: 'TikTok' },
  { id: 'youtube', label: 'YouTube' },
  { id: 'nextdoor', label: 'Nextdoor' },
  { id: 'whatsapp', label: 'WhatsApp' },
  { id: 'snapchat', label: 'Snapchat' },
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'other', label: 'Other' },
];

export const CHANNEL_STATUSES: readonly VocabItem[] = [
  { id: 'have', label: 'We have it' },
  { id: 'planned', label: 'Planned' },
  { id: 'considering', label: 'Considering' },
  { id: 'none', label: 'We do not have it' },
];

/** What a cell of the receptivity grid says: does this audience listen on this channel? */
export const RECEPTIVITY_VALUES: readonly VocabItem[] = [
  { id: 'yes', label: 'Yes', hint: 'They listen here.' },
  { id: 'partly', label: 'Partly', hint: 'Some of them, or sometimes.' },
  { id: 'no', label: 'No', hint: 'They do not listen here.' },
  { id: 'unknown', label: 'Unknown', hint: 'Not yet known.' },
];

export const PARTNER_SECTORS: readonly VocabItem[] = [
  { id: 'health', label: 'Health' },
  { id: 'education', label: 'Education' },
  { id: 'local-authority', label: 'Local authority' },
  { id: 'housing', label: 'Housing' },
  { id: 'business', label: 'Business' },
  { id: 'voluntary', label: 'Charity or voluntary' },
  { id: 'faith', label: 'Faith' },
  { id: 'fire-rescue', label: 'Fire and rescue' },
  { id: 'transport', label: 'Transport' },
  { id: 'other', label: 'Other' },
];

export const PARTNER_RELATIONSHIPS: readonly VocabItem[] = [
  { id: 'none', label: 'None yet' },
  { id: 'initial', label: 'Initial contact' },
  { id: 'active', label: 'Active' },
  { id: 'formal', label: 'Formal agreement' },
];

export const RECURRENCES: readonly VocabItem[] = [
  { id: 'one-off', label: 'One-off' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'yearly', label: 'Yearly' },
];

export const POLICE_ROLES: readonly VocabItem[] = [
  { id: 'help-out', label: 'Help out' },
  { id: 'stall', label: 'Run a stall' },
  { id: 'attend', label: 'Attend' },
  { id: 'co-host', label: 'Co-host' },
];

export const EVENT_STATUSES: readonly VocabItem[] = [
  { id: 'considering', label: 'Considering' },
  { id: 'planned', label: 'Planned' },
  { id: 'confirmed', label: 'Confirmed' },
  { id: 'attended', label: 'Attended' },
  { id: 'not-going', label: 'Not going' },
];

/** How deeply people take part: the spectrum of engagement, from being told to deciding. */
export const ENGAGEMENT_DEPTHS: readonly VocabItem[] = [
  { id: 'inform', label: 'Inform', hint: 'We tell people what is happening.' },
  { id: 'consult', label: 'Consult', hint: 'We ask for views and take them into account.' },
  { id: 'involve', label: 'Involve', hint: 'We work with people throughout, so their concerns shape what we do.' },
  { id: 'collaborate', label: 'Collaborate', hint: 'We decide together.' },
  { id: 'empower', label: 'Empower', hint: 'People decide; we carry it out.' },
];

export const PRACTICE_ORIGINS: readonly VocabItem[] = [
  { id: 'our-past', label: 'Our force, in the past' },
  { id: 'our-now', label: 'Our force, now' },
  { id: 'other-force', label: 'Another force' },
  { id: 'partner', label: 'A partner' },
];

export const PRACTICE_OUTCOMES: readonly VocabItem[] = [
  { id: 'improved', label: 'Things improved' },
  { id: 'mixed', label: 'Mixed' },
  { id: 'no-change', label: 'No change' },
  { id: 'worse', label: 'Things got worse' },
  { id: 'too-early', label: 'Too early to say' },
];

export const EVIDENCE_STRENGTHS: readonly VocabItem[] = [
  { id: 'anecdotal', label: 'Anecdotal', hint: 'What people said or saw.' },
  { id: 'monitored', label: 'Monitored', hint: 'Counted or tracked while it ran.' },
  { id: 'evaluated', label: 'Evaluated', hint: 'Measured against a baseline or a comparison.' },
];

export const VERDICTS: readonly VocabItem[] = [
  { id: 'adopt', label: 'Adopt' },
  { id: 'adapt', label: 'Adapt' },
  { id: 'avoid', label: 'Avoid' },
];

// ——— What we will say, and the action plan ———

export const MESSAGE_STATUSES: readonly VocabItem[] = [
  { id: 'draft', label: 'Draft' },
  { id: 'approved', label: 'Approved', hint: 'Agreed, not yet in use.' },
  { id: 'live', label: 'Live', hint: 'In use now.' },
  { id: 'retired', label: 'Retired', hint: 'No longer used.' },
];

/** How often a message is given. */
export const MESSAGE_FREQUENCIES: readonly VocabItem[] = [
  { id: 'one-off', label: 'Once' },
  { id: 'daily', label: 'Daily' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'fortnightly', label: 'Fortnightly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'quarterly', label: 'Quarterly' },
  { id: 'when-needed', label: 'When needed', hint: 'For example after an incident, or at a time of year.' },
];

/**
 * The six-point check every message is held to. The ids are the keys of a message's
 * `qualityCheck` in the API and the interchange format, so they never change.
 */
export const QUALITY_CHECKS: readonly VocabItem[] = [
  { id: 'consistent', label: 'Consistent', hint: 'Consistent with the aims and objectives of the strategy.' },
  { id: 'appropriate', label: 'Appropriate', hint: 'Appropriate to the group it is for.' },
  { id: 'challenging', label: 'Challenging', hint: 'Challenging to the force: it commits us to something.' },
  { id: 'tailored', label: 'Tailored', hint: 'Tailored to the audience: their words, their concerns, their channels.' },
  { id: 'specific', label: 'Specific', hint: 'Specific: what, where and when, not a general reassurance.' },
  { id: 'interesting', label: 'Interesting', hint: 'Interesting enough that people will read it, listen or pass it on.' },
];

/** Where a check of the six-point check stands: passed, not yet, or not looked at. */
export const CHECK_RESULTS: readonly VocabItem[] = [
  { id: 'pass', label: 'Pass' },
  { id: 'not-yet', label: 'Not yet' },
  { id: 'not-checked', label: 'Not checked' },
];

/** How a community priority reached us. */
export const RAISED_HOW: readonly VocabItem[] = [
  { id: 'meeting', label: 'A meeting', hint: 'For example a PACT or ward panel meeting.' },
  { id: 'survey', label: 'A survey' },
  { id: 'channel', label: 'One of our channels', hint: 'Social media, an alert service, the website.' },
  { id: 'event', label: 'A community event' },
  { id: 'partner', label: 'A partner' },
  { id: 'street', label: 'On the street', hint: 'A street briefing, beat surgery or patrol.' },
  { id: 'other', label: 'Other' },
];

export const PRIORITY_STATUSES: readonly VocabItem[] = [
  { id: 'open', label: 'Open', hint: 'Heard, not yet acted on.' },
  { id: 'in-hand', label: 'In hand' },
  { id: 'done', label: 'Done', hint: 'Acted on; the community has not been told yet.' },
  { id: 'fed-back', label: 'Fed back', hint: 'Done, and the community has been told what we did.' },
];

/** How often an activity of the action plan happens. */
export const ACTIVITY_RECURRENCES: readonly VocabItem[] = [
  { id: 'one-off', label: 'One-off' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'fortnightly', label: 'Fortnightly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'quarterly', label: 'Quarterly' },
];

export const ACTIVITY_STATUSES: readonly VocabItem[] = [
  { id: 'planned', label: 'Planned' },
  { id: 'under-way', label: 'Under way' },
  { id: 'done', label: 'Done' },
  { id: 'cancelled', label: 'Cancelled' },
];

/** How many flagship activities the method advises at once: start with one or two, never more than three. */
export const MAX_FLAGSHIPS = 3;

/** The UK forces, for saying where a practice came from. */
export const FORCE_CHOICES: readonly VocabItem[] = FORCES.map((force) => ({ id: force.id, label: force.name }));

export function labelOf(vocabulary: readonly VocabItem[], id: string | null | undefined): string {
  if (!id) return '';
  return vocabulary.find((item) => item.id === id)?.label ?? id;
}
