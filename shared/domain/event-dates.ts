// When a community event next happens, seen from a given day: a recurring event's recorded date
// moved on by its step (a week, a month, a year) to the first one not yet past, so a document made
// in November never calls July's fun day "next"; a one-off's date stays as it is, marked past or not.
import { dayFromNumber, dayNumber, formatCalendarDay, monthsOn, parseCalendarDay } from './recurrence.ts';

/**
 * The event's next date on or after `today` (both YYYY-MM-DD) for a weekly, monthly or yearly
 * event; for a one-off, or a date that cannot be read, the date as recorded. `passed` says the
 * answer is before `today` (a one-off that has been held).
 */
export function nextEventDate(date: string, recurrence: string, today: string): { date: string; passed: boolean } {
  const start = parseCalendarDay(date);
  const now = parseCalendarDay(today);
  if (!start || !now) return { date, passed: false };
  const behind = dayNumber(now) - dayNumber(start);
  if (behind <= 0) return { date, passed: false };
  if (recurrence === 'weekly') return { date: formatCalendarDay(dayFromNumber(dayNumber(start) + Math.ceil(behind / 7) * 7)), passed: false };
  const step = recurrence === 'monthly' ? 1 : recurrence === 'yearly' ? 12 : 0;
  if (step === 0) return { date, passed: true };
  // A first guess from the months between, then on a step at a time (at most one or two).
  let months = Math.max(0, Math.floor(((now.year - start.year) * 12 + (now.month - start.month)) / step) * step - step);
  let next = monthsOn(start, months);
  while (dayNumber(next) < dayNumber(now)) {
    months += step;
    next = monthsOn(start, months);
  }
  return { date: formatCalendarDay(next), passed: false };
}
