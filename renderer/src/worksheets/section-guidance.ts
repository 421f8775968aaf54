// The guidance that opens each worksheet section: why it matters, the questions to answer, and
// one example. In our own words, from the method in PRODUCT.md.
import type { SectionId } from '../../../shared/domain/record-types.ts';

export interface Guidance {
  why: string;
  questions: string[];
  example: string;
}

export const GUIDANCE: Partial<Record<SectionId, Guidance>> = {
  aims: {
    why: 'Aims say what the strategy is for. Objectives make each aim checkable: a measure, a starting point, a target and a date. Come back here at the end, once Who, How and What have sharpened your thinking.',
    questions: ['What should be different for communities when this strategy ends?', 'How will you know each objective has been met, and by when?', 'Who owns each objective?', 'What will "good" look like, in a sentence a resident would recognise?'],
    example: 'Aim: more people in every neighbourhood feel able to raise concerns with us. Objective: raise confidence in the neighbourhood survey from 58 % to 65 % by March 2028.',
  },
  areas: {
    why: 'Areas are the places your strategy works in: neighbourhoods, wards, towns. Give each its ONS code and the LSOAs it contains, and census and crime data will roll up to it.',
    questions: ['Which areas do your neighbourhood teams work in?', 'Which areas sit inside others?', 'Which LSOAs make up each area?'],
    example: 'Riverside ward (E05009317), part of the city; it contains LSOAs E01024133, E01024134 and E01024135.',
  },
  audiences: {
    why: 'Who do you want to engage? Start from evidence — census and local data that back up what officers know from working an area — and record where it came from. Engagement that only reaches the usual voices misses the people who need it most.',
    questions: ['Who lives, works and spends time in each area?', 'How many are there, and how do you know?', 'Which are engaged, which are receptive, and which are hard to reach or do not want to engage?', 'Which matter most for this strategy?'],
    example: 'Young people in Riverside ward: about 2,400 aged 11–18 (ONS Census 2021, TS007A); hard to reach; high priority.',
  },
  assets: {
    why: 'Assets are what you can build on: supportive individuals, receptive groups, and hotspots where people gather. A person\'s name and contact details are personal data; record a role where it will do.',
    questions: ['Who in each community already helps, or would?', 'Which groups are receptive to the police?', 'Where do people gather, and when?', 'When did you last speak to each?'],
    example: 'Group: Riverside Youth Forum, active relationship, last contact 12 September; reaches young people in Riverside ward.',
  },
  vulnerabilities: {
    why: 'Areas and groups that do not engage, are hard to hear or reach, or do not want to engage are never ignored: often they are where the strategy can do most. Name the barrier and what you will do about it.',
    questions: ['Who are you not hearing from?', 'What stands in the way: trust, language, access, digital exclusion, past experience?', 'Why does it matter here?', 'What is your planned response?'],
    example: 'Group: new arrivals housed at the Eastgate hotel; barriers: language and trust; response: drop-in with the council\'s resettlement team and an interpreter.',
  },
  census: {
    why: 'Census figures back up what officers know from working an area: who lives there, in what numbers, recorded with their source and date. Import a table, see each area beside the whole strategy area, and link audiences to the figures that describe them. Any group that makes up a notable share of an area without an audience linked to it is shown as missing.',
    questions: ['Which groups make up each area, and how does that differ from the strategy area as a whole?', 'Which of them have you not named as an audience?', 'Which audience does each figure describe?'],
    example: 'TS021 Ethnic group: in Riverside ward 12 % of residents are Bangladeshi, against 3 % across the force; the audience “Bangladeshi community in Riverside” cites that figure.',
  },
  channels: {
    why: 'Channels are the ways you can reach people: social-media accounts, local press and radio, newsletters, community messaging, surveys, links with community groups, events, street briefings and patrols. Record the ones you have and the ones you could have, how many each reaches and how you know.',
    questions: ['Which channels does the force run here, and who runs each?', 'How many people does each reach, and how was that counted?', 'Which channels are planned or worth considering?', 'What does each cost?'],
    example: 'Riverside Neighbourhood Alert: community messaging, we have it, 2,140 subscribers on 1 November 2026, free under the force licence.',
  },
  receptivity: {
    why: 'A channel only works for the audiences who listen on it. Mark, for each audience, which channels reach them — yes, partly, no or not known — and note the evidence. A priority audience with no channel marked yes is a gap: you have no reliable way to reach them yet.',
    questions: ['Which channels does each audience actually use?', 'What tells you so: a survey, a forum, what officers see?', 'Which priority audiences does no channel reach?', 'Where would a new channel, or a partner, close the gap?'],
    example: 'Young people in Riverside: Instagram yes (youth forum survey, 2026); the Neighbourhood Alert no (subscribers are mostly over 50); street briefings partly.',
  },
  partners: {
    why: 'Partners open doors the police cannot: councils, health, schools, housing, businesses, charities and faith groups. Record what each brings and whom it reaches. A contact’s name, phone and email are personal data: they stay out of exports and share copies unless you ask. You can import a contact list you already keep.',
    questions: ['Who already works with the people you want to reach?', 'What does each partner bring: venues, staff, trust, data?', 'How far has each relationship come?', 'Which priority audiences does no partner or asset reach?'],
    example: 'Maidstone Borough Council community safety team (local authority, active): CCTV data and the youth outreach van; reaches young people in Riverside.',
  },
  events: {
    why: 'Community events others already run are the cheapest way to meet people where they are: fun days, faith festivals, markets, school fairs. Note who organises each, when it happens, whom you will meet and what part you will play.',
    questions: ['Which events do your audiences go to?', 'Who organises them, and when is the next one?', 'Will you help out, run a stall, attend or co-host?', 'Who goes for you?'],
    example: 'Riverside summer fun day, organised by the council, yearly in July at the leisure centre: a stall with the neighbourhood team; families and young people.',
  },
  'what-works': {
    why: 'Record what has worked, and what has not, in this force and in others, using the shared lists for audience and channel kinds, depth of engagement and strength of evidence, so practice can be compared across forces. Free text sits beside the lists, never instead of them.',
    questions: ['What have you tried before, here or elsewhere?', 'For which audiences, through which channels, how deeply did people take part?', 'What happened, and how do you know?', 'Will you adopt it, adapt it or avoid it?'],
    example: 'Detached patrols with youth workers at the skate park (Essex Police, 2024): young people, face-to-face patrol, involve; ASB calls down a third, monitored; adapt.',
  },
  practice: {
    why: 'Other forces have tried things with the same audiences you plan for. Add their workbooks (a share copy they sent, or a whole workbook) to your practice library, then compare what each force did — neighbours first — how deeply it engaged people, what came of it and how strong the evidence is. Adopt or adapt what works; it joins your What works, saying where it came from.',
    questions: ['Which of your audiences has no force recorded practice for?', 'What do your neighbours rate well that you do not do yet?', 'How deep does each force go: informing, consulting, involving, collaborating, empowering?', 'Is the evidence for it evaluated, monitored, or only what people said?'],
    example: 'Surrey Police ran a faith leaders forum (collaborate; things improved; monitored). We adapt it for the mosques in Riverside ward.',
  },
  crime: {
    why: 'Crime is changing, and people\'s concerns with it. Street-level crime from police.uk, counted by month and crime type for each area, shows what is rising and what is falling where your audiences live — evidence to set beside what officers and communities tell you. Import the months you need (any force\'s, a neighbour\'s too), then cite a trend for the area or audience it backs up.',
    questions: ['What has risen or fallen over the last three months, here and across the strategy area?', 'Is it seasonal? Compare the same months a year before.', 'Which audiences does a change affect, and do they know what you are doing about it?', 'Which LSOAs have crime counted but belong to none of your areas?'],
    example: 'In Riverside ward, shoplifting was up 40 % (84 in Jan–Mar 2024 against 60 in Oct–Dec 2023); the audience “Businesses on Riverside high street” cites that trend.',
  },
  places: {
    why: 'Places complement the lists of people: religious centres, leisure centres, schools, markets and other points where communities meet. Knowing when people gather tells you when to be there.',
    questions: ['Where do the audiences you want to reach spend time?', 'When do people gather there?', 'Who runs each place?'],
    example: 'Central Mosque, Riverside: Friday prayers at 1pm draw several hundred people; the community centre next door hosts a Saturday youth club.',
  },
  messages: {
    why: 'Decide what the force will say, to whom and on which channel. Hold every message to the six-point check before it goes live: consistent with the aims and objectives, appropriate to the group, challenging to the force, tailored to the audience, specific and interesting. Where the force works under the Welsh Language Standards, write the Welsh beside the English.',
    questions: ['Which objective does each message serve?', 'Which audiences is it for, and do they listen on the channels you chose (see who listens where)?', 'Does it commit the force to something, or only reassure?', 'Is it specific: what, where and when?', 'Does every priority audience have a live message?'],
    example: 'Your PCSOs hold a drop-in at Riverside library every Tuesday, 10 till 12: tell us what would make the high street feel safer. For young people and older residents of Riverside, on the neighbourhood alert and the library notice board; serves “raise confidence in Riverside”.',
  },
  priorities: {
    why: 'What the community raises, and what the force did about it, is kept here and told back: "You said, we did". Record the concern in the community\'s own words, who raised it (a group, never a named person), the response agreed and when you told them what was done.',
    questions: ['What did people raise, where, and how did it reach you?', 'What did you agree to do, and which activities carry it out?', 'Has it been done, and have you told them?'],
    example: 'You said: cars race along Mill Road at night (residents\' association, PACT meeting, 14 September). We did: speed checks with Community Speedwatch two evenings a week for a month; 42 drivers stopped. We told you at the October meeting.',
  },
  'action-plan': {
    why: 'The action plan turns the strategy into activities: regular ones (weekly, fortnightly, monthly, quarterly) and one-offs, each with a date, an owner, a depth of engagement and the audiences, channels, partners, places, messages, priorities and vulnerabilities it serves. Start with one or two flagship activities, each piloted before it is rolled out.',
    questions: ['Which objective does each activity serve?', 'How deeply does it involve people: inform, consult, involve, collaborate or empower?', 'Who owns it, and when does it start and end?', 'Which vulnerabilities and community priorities does it answer?', 'Which one or two activities are your flagships, and how will you pilot and roll them out?'],
    example: 'Monthly beat surgery at Riverside library, January to December, owned by the neighbourhood sergeant; involves older residents and young people; answers the Mill Road speeding priority.',
  },
};
