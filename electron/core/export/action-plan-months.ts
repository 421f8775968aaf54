// The action plan laid out by month for both deliverables: the plan's months (the strategy period,
// or the activities' own span), its activities in the order they print (flagships first, then by
// start date and title) and, for each, the days of each month it falls on — recurring activities
// expanded by shared/domain/recurrence.ts — and those that fall on no day of the plan's months.
import type { RecordValues } from '../../../shared/api/records.ts';
import { daysByMonth, formatMonth, monthsOfSpan, occurrencesIn, parseCalendarDay, planSpan, type MonthSpan } from '../../../shared/domain/recurrence.ts';

export interface PlanByMonth {
  readonly span: MonthSpan;
  /** The plan's months as YYYY-MM, in order. */
  readonly months: readonly string[];
  /** Every activity, flagships first, then by start date and title. */
  readonly activities: readonly RecordValues[];
  /** Activity id → month (YYYY-MM) → the days of that month it falls on. */
  readonly days: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Activities on no day of the plan's months: no start date, or wholly before or after them. */
  readonly offCalendar: readonly RecordValues[];
  /** How many (activity, month) pairs have days: the rows of a table by month. */
  readonly monthRows: number;
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function isFlagship(activity: RecordValues): boolean {
  return activity.flagship === true;
}

/** Flagships first, then those with a start date by it, then by title, then id: the same order every export. */
export function compareForPlan(titleOf: (activity: RecordValues) => string): (a: RecordValues, b: RecordValues) => number {
  return (a, b) => {
    const flag = Number(isFlagship(b)) - Number(isFlagship(a));
    if (flag !== 0) return flag;
    const startA = parseCalendarDay(a.startDate) ? String(a.startDate) : '\uffff';
    const startB = parseCalendarDay(b.startDate) ? String(b.startDate) : '\uffff';
    if (startA !== startB) return startA < startB ? -1 : 1;
    return COLLATOR.compare(titleOf(a), titleOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

export interface PlanPeriodOf {
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

/** `today` (YYYY-MM-DD) places the plan when neither the period nor any activity has a date. */
export function planByMonth(activities: readonly RecordValues[], meta: PlanPeriodOf, today: string, titleOf: (activity: RecordValues) => string): PlanByMonth {
  const span = planSpan(activities, { start: meta.periodStart, end: meta.periodEnd }, today);
  const months = monthsOfSpan(span).map(formatMonth);
  const ordered = [...activities].sort(compareForPlan(titleOf));
  const days = new Map<string, ReadonlyMap<string, readonly number[]>>();
  const offCalendar: RecordValues[] = [];
  let monthRows = 0;
  for (const activity of ordered) {
    const byMonth = daysByMonth(occurrencesIn(activity, span, { periodEnd: meta.periodEnd }));
    if (byMonth.size === 0) offCalendar.push(activity);
    monthRows += byMonth.size;
    days.set(activity.id, byMonth);
  }
  return { span, months, activities: ordered, days, offCalendar, monthRows };
}

/** "1, 8, 15, 22, 29". */
export function dayList(days: readonly number[] | undefined): string {
  return (days ?? []).join(', ');
}
