// A month of the calendar laid out as weeks from Monday (as UK calendars are), each day with the
// activities falling on it: the recurring ones expanded for this month only, flagships first, then
// by title. Pure, so the screen and its tests share it.
import { daysInMonth, formatCalendarDay, monthIndexOf, formatMonth, occurrencesIn, weekdayOf, type Scheduled } from '../../../../shared/domain/recurrence.ts';

/** What the calendar needs of an activity; the action plan's records have these fields. */
export interface CalendarActivity extends Scheduled {
  readonly id: string;
  readonly title: string;
  readonly flagship?: boolean;
  readonly status?: string | null;
}

export interface MonthLayout {
  /** Weeks of seven cells, Monday first; null for a day of the month before or after. */
  readonly weeks: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Each day with activities (YYYY-MM-DD) → those activities. */
  readonly byDay: ReadonlyMap<string, readonly CalendarActivity[]>;
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function compareActivities(a: CalendarActivity, b: CalendarActivity): number {
  return Number(b.flagship === true) - Number(a.flagship === true) || COLLATOR.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function monthLayout(year: number, month: number, activities: readonly CalendarActivity[], periodEnd: string | null): MonthLayout {
  const key = formatMonth(monthIndexOf(year, month));
  const byDay = new Map<string, CalendarActivity[]>();
  for (const activity of activities) {
    for (const date of occurrencesIn(activity, { first: key, last: key }, { periodEnd })) {
      const list = byDay.get(date) ?? [];
      list.push(activity);
      byDay.set(date, list);
    }
  }
  for (const list of byDay.values()) list.sort(compareActivities);
  const lead = weekdayOf({ year, month, day: 1 });
  const length = daysInMonth(year, month);
  const cells: Array<string | null> = [...Array.from({ length: lead }, () => null), ...Array.from({ length }, (_, i) => formatCalendarDay({ year, month, day: i + 1 }))];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { weeks, byDay };
}
