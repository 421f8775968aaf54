// What each section not built yet will hold, in our own words from the method (PRODUCT.md), so a
// planner opening it knows what is coming and can read its guidance meanwhile.
export const SECTION_PREVIEWS: Readonly<Record<string, string>> = {
  channels: 'The ways you can reach people: social media accounts, local media, newsletters, meetings and the community groups you already have links with, and the gaps between them.',
  receptivity: 'A grid of audiences against channels: for each pair, whether that audience would be receptive to hearing from you that way.',
  partners: 'Local service providers, businesses, charities and organisations, and health, education and other public services you work with or could.',
  events: 'Regular events and activities run by community groups where officers could help or show a friendly face.',
  'what-works': 'What has worked for you before, what works now, and what neighbouring forces and partners have done.',
  messages: 'What you will say, to whom and on which channel: consistent with your aims, tailored to each audience, and interesting.',
  'action-plan': 'The activities that carry the strategy out: who does what, for which audience, through which channel, by when.',
  good: 'A self-assessment against the five hallmarks of good engagement: quality over quantity, a wide network, solving problems together, regular activity, and working with other agencies.',
  crime: 'Crime figures for your areas from police.uk, by category and month, so that "crime is changing" can be seen rather than asserted.',
  practice: 'Other forces\' shared workbooks as a library of prior practice: for an audience, what each force did, through which channel, how deeply, and with what result.',
  review: 'When each part of the strategy was last looked at, what is due for review, and a log of what changed and why.',
};

/** Guidance for sections not built yet: why each matters and what to ask yourself meanwhile. */
export const PREVIEW_GUIDANCE: Readonly<Record<string, { why: string; questions: string[] }>> = {
  channels: { why: 'People want to be spoken to in more ways than ever. Knowing which channels you have, and which each audience would welcome, shows where the gaps that matter are.', questions: ['Which accounts, contacts and groups do you already use?', 'Who manages each, and how often is it used?', 'Which audiences does each reach?'] },
  receptivity: { why: 'A channel is only worth having if the audience would listen on it. Judging gaps against receptivity stops effort going where it will not land.', questions: ['Would this audience welcome hearing from the police this way?', 'What do you know, and what are you guessing?'] },
  partners: { why: 'No one size fits all: partners reach people the police cannot, and engagement that involves them lasts longer.', questions: ['Which organisations already work with the audiences you want to reach?', 'Which sectors does nobody cover yet?'] },
  events: { why: 'Piggy-backing on what communities already run puts officers where people are, on their terms.', questions: ['What runs regularly in each area, and who organises it?', 'Where could officers help rather than only attend?'] },
  'what-works': { why: 'What worked before, here or nearby, is the best evidence of what will work next.', questions: ['What has worked for you, and how do you know?', 'What have neighbouring forces tried with the same audiences?'] },
  messages: { why: 'Messages should be consistent with the aims on every channel, and still feel made for each audience.', questions: ['What does each audience need to hear from you?', 'Would it be interesting, or the same old output?'] },
  'action-plan': { why: 'A strategy becomes real through activities with owners and dates.', questions: ['Who will do what, and by when?', 'Which objective does each activity serve?'] },
  good: { why: 'The hallmarks say what good engagement looks like; rating yourself against them shows where to put effort.', questions: ['Are one or two flagship initiatives making a real difference?', 'Is your network wide and active in every part of the community?', 'Are you solving problems with communities, not only informing them?'] },
  crime: { why: 'Crime and people\'s worries change: figures by area and month show how, and back up what officers see.', questions: ['Which crimes are rising or falling in each area?', 'Which audiences are most affected?'] },
  practice: { why: 'Comparing your approach with other forces\' shows what you could adopt or adapt, neighbours first.', questions: ['What did other forces do for the audiences you find hardest to reach?', 'What came of it?'] },
  review: { why: 'A strategy is never finished: communities move on, and the review is when you look again at who you engage and how.', questions: ['What has changed since the last review?', 'What is no longer true, and what is new?'] },
};
