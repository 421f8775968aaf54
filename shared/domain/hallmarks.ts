// The five hallmarks of good engagement the strategy is judged against at the end of the method
// (the self-assessment in "What good looks like"), in our own words: an id, a short name and what
// it asks of the strategy.
import type { VocabItem } from './vocabularies.ts';

export const HALLMARKS = [
  { id: 'quality', label: 'Quality over quantity', hint: 'One or two flagship initiatives that make a real difference, piloted and then rolled out.' },
  { id: 'network', label: 'A wide, active network', hint: 'Contacts who are active and recently in touch, reaching every part of the community.' },
  { id: 'together', label: 'Solving problems together', hint: 'Working on problems with the community, not only informing it, and telling people what was done.' },
  { id: 'regular', label: 'Regular activity', hint: 'Engagement that recurs; one-off events only as part of a longer-term plan.' },
  { id: 'beyond-police', label: 'Beyond the police', hint: 'Health, education, business and the charity or voluntary sector involved, not the police alone.' },
] as const satisfies readonly VocabItem[];

export type HallmarkId = (typeof HALLMARKS)[number]['id'];

export const HALLMARK_IDS = HALLMARKS.map((h) => h.id) as HallmarkId[];

/** The ratings a planner gives a hallmark, 1 (far from it) to 5 (we do this well). */
export const RATING_WORDS: Readonly<Record<number, string>> = { 1: 'far from it', 2: 'some way to go', 3: 'partly there', 4: 'mostly there', 5: 'we do this well' };
