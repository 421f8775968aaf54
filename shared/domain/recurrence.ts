// When an action plan's activities happen: the days a one-off or recurring activity (weekly,
// fortnightly, monthly, quarterly) falls on within a span of months, for the calendar view and the
// Word and Excel action plans. Dates are calendar days (YYYY-MM-DD) counted as whole days with
// integer arithmetic, never as moments in a time zone, so clock changes cannot move them. However
// long an activity runs, only the days inside the span are visited, and a span is never longer than
// MAX_SPAN_MONTHS, so a weekly activity over 200 years costs no more than one over the span.
import { MONTHS, formatUkDate } from './uk-date.ts';
import { ACTIVITY_RECURRENCES, labelOf } from './vocabularies.ts';

/** The activity's "how often" vocabulary's ids, as a type (a test holds them to the vocabulary). */
export const RECURRENCE_IDS = ['one-off', 'weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type Recurrence = (typeof RECURRENCE_IDS)[number];

/** What the schedule of an activity needs: its values as they reach code (unchecked, so anything may be there). */
export interface Scheduled {
  readonly [field: string]: unknown;
  readonly recurrence?: unknown;
  readonly startDate?: unknown;
  readonly endDate?: unknown;
}

/** A span of whole months, first and last included, each as YYYY-MM. */
export interface MonthSpan {
  readonly first: string;
  readonly last: string;
}

/** The longest span expanded at once: ten years of months. A longer one is cut to this from its first month. */
export const MAX_SPAN_MONTHS = 120;

/** A calendar day as year, month (1–12) and day of the month. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2028-02-29" as a day, or null when it is not a real calendar day (2027-02-29, 2028-13-01, "soon"). */
export function parseCalendarDay(value: unknown): CalendarDay | null {
  if (typeof value !== 'string') return null;
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar. */
export function dayNumber({ year, month, day }: CalendarDay): number {
  // Counting years from March puts the leap day last, so each year's days before a month are a formula.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar day `days` after 1970-01-01. */
export function dayFromNumber(days: number): CalendarDay {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatCalendarDay({ year, month, day }: CalendarDay): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: CalendarDay): number {
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/** A month's place in a count of months from year 0, so spans are subtractions. */
export function monthIndexOf(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function monthOfIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The same day of the month `months` on (or back, when negative), the month's last day where that month is shorter. */
export function monthsOn(day: CalendarDay, months: number): CalendarDay {
  const { year, month } = monthOfIndex(monthIndexOf(day.year, day.month) + months);
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/** The same day a year on ("2026-03-31" → "2027-03-31"; 29 February becomes 28 February); anything not a calendar date as it is. */
export function yearAfter(date: string): string {
  const day = parseCalendarDay(date);
  return day ? formatCalendarDay(monthsOn(day, 12)) : date;
}

/** "2028-02" as a month index, or null. */
export function parseMonth(value: string): number | null {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && Number(match[1]) >= 1 ? monthIndexOf(Number(match[1]), month) : null;
}

export function formatMonth(index: number): string {
  const { year, month } = monthOfIndex(index);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** "February 2028". */
export function monthTitle(index: number): string {
  const { year, month } = monthOfIndex(index);
  return `${MONTHS[month - 1]} ${year}`;
}

/** The month indexes of a span in order, cut to MAX_SPAN_MONTHS; none when it is not a span. */
export function monthsOfSpan(span: MonthSpan): number[] {
  const first = parseMonth(span.first);
  const last = parseMonth(span.last);
  if (first === null || last === null || last < first) return [];
  const count = Math.min(last - first + 1, MAX_SPAN_MONTHS);
  return Array.from({ length: count }, (_, i) => first + i);
}

export function recurrenceOf(activity: Scheduled): Recurrence {
  const value = activity.recurrence;
  // Anything unrecognised happens once, on its start date, rather than not at all.
  return RECURRENCE_IDS.some((id) => id === value) ? (value as Recurrence) : 'one-off';
}

/** "Weekly", "One-off": how often, in the vocabulary's words. */
export function recurrenceLabel(activity: Scheduled): string {
  return labelOf(ACTIVITY_RECURRENCES, recurrenceOf(activity));
}

export function isRecurring(activity: Scheduled): boolean {
  return recurrenceOf(activity) !== 'one-off';
}

export interface ExpandOptions {
  /** The last day of the strategy period: where a recurring activity with no end date stops. */
  readonly periodEnd?: string | null;
}

/**
 * The days (YYYY-MM-DD, in order) an activity falls on within a span of months. A one-off falls on
 * its start date, and on every day to its end date when it lasts more than a day. A recurring one
 * falls on its start date and then every week, fortnight, month or three months until its end date,
 * or with no end date until the end of the strategy period, or of the span. Monthly and quarterly
 * dates keep the start's day of the month, on the month's last day when it is shorter (31 January,
 * 29 February in a leap year, 31 March …). An activity with no valid start date falls on no day; one
 * ending before it starts falls on its start date alone.
 */
export function occurrencesIn(activity: Scheduled, span: MonthSpan, options: ExpandOptions = {}): string[] {
  const start = parseCalendarDay(activity.startDate);
  const months = monthsOfSpan(span);
  if (!start || months.length === 0) return [];
  const first = monthOfIndex(months[0]!);
  const last = monthOfIndex(months[months.length - 1]!);
  const spanStart = dayNumber({ ...first, day: 1 });
  const spanEnd = dayNumber({ ...last, day: daysInMonth(last.year, last.month) });
  const startDay = dayNumber(start);
  const recurrence = recurrenceOf(activity);
  const within = (days: number) => days >= spanStart && days <= spanEnd;
  const ownEnd = parseCalendarDay(activity.endDate);
  if (recurrence === 'one-off') {
    // Every day from its start to its last day, those inside the span only.
    const last = Math.min(spanEnd, ownEnd ? Math.max(dayNumber(ownEnd), startDay) : startDay);
    const days: string[] = [];
    for (let day = Math.max(startDay, spanStart); day <= last; day += 1) days.push(formatCalendarDay(dayFromNumber(day)));
    return days;
  }

  const end = ownEnd ?? parseCalendarDay(options.periodEnd);
  const until = Math.min(spanEnd, end ? Math.max(dayNumber(end), startDay) : spanEnd);
  const dates: string[] = [];
  if (recurrence === 'weekly' || recurrence === 'fortnightly') {
    const step = recurrence === 'weekly' ? 7 : 14;
    // Straight to the first repeat inside the span, however long ago the activity started.
    const skip = Math.max(0, Math.ceil((spanStart - startDay) / step));
    for (let days = startDay + skip * step; days <= until; days += step) dates.push(formatCalendarDay(dayFromNumber(days)));
    return dates;
  }
  const step = recurrence === 'monthly' ? 1 : 3;
  const startMonth = monthIndexOf(start.year, start.month);
  const skip = Math.max(0, Math.ceil((months[0]! - startMonth) / step));
  for (let index = startMonth + skip * step; index <= months[months.length - 1]!; index += step) {
    const day = monthsOn(start, index - startMonth);
    const days = dayNumber(day);
    if (days > until) break;
    if (within(days)) dates.push(formatCalendarDay(day));
  }
  return dates;
}

/** "Weekly from 3 June 2025 until 31 March 2026", "One-off on 3 June 2025 (until 5 June 2025)". */
export function describeSchedule(activity: Scheduled): string {
  const recurrence = recurrenceOf(activity);
  const start = parseCalendarDay(activity.startDate);
  const end = parseCalendarDay(activity.endDate);
  const from = start ? formatUkDate(formatCalendarDay(start)) : null;
  const to = end ? formatUkDate(formatCalendarDay(end)) : null;
  if (recurrence === 'one-off') {
    if (!from) return 'One-off, date not set';
    return to && end && start && dayNumber(end) > dayNumber(start) ? `One-off, ${from} to ${to}` : `One-off on ${from}`;
  }
  const label = recurrenceLabel(activity);
  if (!from) return `${label}, start date not set`;
  return to ? `${label} from ${from} until ${to}` : `${label} from ${from}, no end date`;
}

/** The strategy period's first and last days, as the workbook details hold them (either may be unset). */
export interface PlanPeriod {
  readonly start?: string | null;
  readonly end?: string | null;
}

/**
 * The months an action plan covers: the strategy period's; where it is not set, from the first
 * activity's start to the last one's end or start, a year at least; with neither, the year from
 * `today`. Never more than MAX_SPAN_MONTHS.
 */
export function planSpan(activities: readonly Scheduled[], period: PlanPeriod, today: string): MonthSpan {
  const monthOf = (value: unknown): number | null => {
    const day = parseCalendarDay(value);
    return day ? monthIndexOf(day.year, day.month) : null;
  };
  const starts = activities.map((a) => monthOf(a.startDate)).filter((m): m is number => m !== null);
  const ends = activities.flatMap((a) => [monthOf(a.endDate), monthOf(a.startDate)]).filter((m): m is number => m !== null);
  const first = monthOf(period.start) ?? (starts.length > 0 ? Math.min(...starts) : (monthOf(today) ?? monthIndexOf(2000, 1)));
  let last = monthOf(period.end) ?? (ends.length > 0 ? Math.max(first + 11, ...ends) : first + 11);
  if (last < first) last = first;
  return { first: formatMonth(first), last: formatMonth(Math.min(last, first + MAX_SPAN_MONTHS - 1)) };
}

/** Dates grouped by their month: "2028-02" → the days of the month, in order. */
export function daysByMonth(dates: readonly string[]): Map<string, number[]> {
  const months = new Map<string, number[]>();
  for (const date of dates) {
    const key = date.slice(0, 7);
    const days = months.get(key) ?? [];
    days.push(Number(date.slice(8, 10)));
    months.set(key, days);
  }
  return months;
}
