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
};
