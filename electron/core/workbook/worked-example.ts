// The worked example a planner can open from the home screen: a fictional neighbourhood strategy
// (resources/examples/worked-example.json, in the interchange format, written by us). Each copy is
// made current: every date in it moves by the same whole number of years, so the strategy period,
// the review date and the records' last reviews stay as recent as when it was written, relative to
// today, and the example shows only the gaps it shows on purpose whenever it is opened (the years
// its prose names move too: "the 2025 survey", "April to June 2026"); the last
// contacts with assets and partners also move on by whole months, so none goes stale with the season.
import example from '../../../resources/examples/worked-example.json' with { type: 'json' };
import { formatCalendarDay, monthsOn } from '../../../shared/domain/recurrence.ts';

/** A calendar date, or a moment, as the interchange format writes them. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)?$/;

/** A calendar date or a moment `years` later (29 February to the 28th in a year without one); anything else as it is. */
export function shiftDate(value: string, years: number): string {
  return shiftMonths(value, years * 12);
}

/**
 * The years the example's story is told in (2024 to 2027), where prose names them ("the 2025
 * survey", "April to June 2026"), moved with the dates. Only text with a space in it is prose (an id
 * or a code never has one), and the census's 2021 is not one of the story's years.
 */
const STORY_YEAR = /\b(202[4-7])\b/g;

function shiftProse(value: string, years: number): string {
  if (years === 0 || !value.includes(' ')) return value;
  return value.replace(STORY_YEAR, (year) => String(Number(year) + years));
}

function shiftAll(value: unknown, years: number): unknown {
  if (typeof value === 'string') return DATE.test(value) ? shiftDate(value, years) : shiftProse(value, years);
  if (Array.isArray(value)) return value.map((item) => shiftAll(item, years));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftAll(item, years)]));
  return value;
}

/** How many years the example moves so that its last change is as recent as possible without being after `now`. */
export function yearsToShift(now: Date, lastChanged = example.workbook.modifiedAt): number {
  let years = now.getUTCFullYear() - new Date(lastChanged).getUTCFullYear();
  if (Date.parse(shiftDate(lastChanged, years)) > now.getTime()) years -= 1;
  return years;
}

/** Whole months from the (shifted) last change to `now`: how far the contacts' dates move on. */
export function monthsSince(lastChanged: string, now: Date): number {
  const then = new Date(lastChanged);
  let months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + (now.getUTCMonth() - then.getUTCMonth());
  if (months > 0 && Date.parse(shiftMonths(lastChanged, months)) > now.getTime()) months -= 1;
  return Math.max(0, months);
}

/** A calendar date, or a moment, `months` later, the 31st falling back to the month's last day (29 February to the 28th); anything else as it is. */
export function shiftMonths(value: string, months: number): string {
  const match = DATE.exec(value);
  if (!match) return value;
  const day = monthsOn({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, months);
  return `${formatCalendarDay(day)}${match[4] ?? ''}`;
}

/** The records' last contacts, moved on by `months` (nothing else is). */
function freshenContacts(document: { records: Record<string, unknown> }, months: number): void {
  if (months === 0) return;
  for (const list of Object.values(document.records)) {
    if (!Array.isArray(list)) continue;
    for (const record of list as Array<Record<string, unknown>>) {
      if (typeof record.lastContact === 'string') record.lastContact = shiftMonths(record.lastContact, months);
    }
  }
}

/**
 * The worked example as an interchange document, its dates moved to suit `now`. Whole years keep
 * the period starting on 1 April; the last contacts with assets and partners move on by whole months
 * as well, so they are as recent today as when the example was written (a contact in touch within
 * six months counts as active in the self-assessment, and a year's move alone would let every
 * contact go stale for half of each year).
 */
export function workedExample(now: Date): unknown {
  const document = shiftAll(example, yearsToShift(now)) as { workbook: { modifiedAt: string }; records: Record<string, unknown> };
  freshenContacts(document, monthsSince(document.workbook.modifiedAt, now));
  return document;
}
