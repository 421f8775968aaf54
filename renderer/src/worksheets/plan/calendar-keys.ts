// The calendar's keyboard, as a pure function of the key and the focused day (the ARIA grid pattern
// as its date-picker example applies it): arrows move a day or a week, Home and End to the start or
// end of the week, Page Up and Page Down a month (with Shift a year, keeping the day of the month or
// the month's last day), Ctrl+Home and Ctrl+End to the month's first and last day; Enter or Space
// opens the activities of the day.
import { dayFromNumber, dayNumber, daysInMonth, formatCalendarDay, monthIndexOf, monthsOn, parseCalendarDay, weekdayOf, type CalendarDay } from '../../../../shared/domain/recurrence.ts';

export type CalendarCommand = { kind: 'move'; to: string } | { kind: 'open' } | { kind: 'none' };

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The calendar stays within the years a date field can hold. */
const FIRST = dayNumber({ year: 1, month: 1, day: 1 });
const LAST = dayNumber({ year: 9999, month: 12, day: 31 });

function byDays(day: CalendarDay, days: number): string {
  return formatCalendarDay(dayFromNumber(Math.max(FIRST, Math.min(LAST, dayNumber(day) + days))));
}

/** The same day `months` months on, or that month's last day when it is shorter. */
export function byMonths(day: CalendarDay, months: number): string {
  const from = monthIndexOf(day.year, day.month);
  const to = Math.max(monthIndexOf(1, 1), Math.min(monthIndexOf(9999, 12), from + months));
  return formatCalendarDay(monthsOn(day, to - from));
}

export function calendarCommand(event: KeyLike, focused: string): CalendarCommand {
  const day = parseCalendarDay(focused);
  if (!day || event.altKey) return { kind: 'none' };
  const control = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowRight':
      return { kind: 'move', to: byDays(day, 1) };
    case 'ArrowLeft':
      return { kind: 'move', to: byDays(day, -1) };
    case 'ArrowDown':
      return { kind: 'move', to: byDays(day, 7) };
    case 'ArrowUp':
      return { kind: 'move', to: byDays(day, -7) };
    case 'Home':
      return { kind: 'move', to: control ? formatCalendarDay({ ...day, day: 1 }) : byDays(day, -weekdayOf(day)) };
    case 'End':
      return { kind: 'move', to: control ? formatCalendarDay({ ...day, day: daysInMonth(day.year, day.month) }) : byDays(day, 6 - weekdayOf(day)) };
    case 'PageDown':
      return { kind: 'move', to: byMonths(day, event.shiftKey ? 12 : 1) };
    case 'PageUp':
      return { kind: 'move', to: byMonths(day, event.shiftKey ? -12 : -1) };
    case 'Enter':
    case ' ':
    case 'Spacebar':
      return control ? { kind: 'none' } : { kind: 'open' };
    default:
      return { kind: 'none' };
  }
}
