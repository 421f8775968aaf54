// The days an activity falls on: exact dates for each recurrence, leap years, the 31st of a month,
// clock changes (which cannot matter: days are counted, not moments), spans and hostile input.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_RECURRENCES } from '../../../shared/domain/vocabularies.ts';
import {
  MAX_SPAN_MONTHS,
  RECURRENCE_IDS,
  dayFromNumber,
  dayNumber,
  daysByMonth,
  describeSchedule,
  formatCalendarDay,
  monthsOfSpan,
  occurrencesIn,
  parseCalendarDay,
  planSpan,
  weekdayOf,
  yearAfter,
} from '../../../shared/domain/recurrence.ts';

const year2028 = { first: '2028-01', last: '2028-12' };

describe('calendar day arithmetic', () => {
  it('counts days from 1970-01-01 and back, across leap days and centuries', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2000, month: 3, day: 1 })).toBe(11017);
    expect(dayNumber({ year: 1969, month: 12, day: 31 })).toBe(-1);
    for (const day of ['0001-01-01', '1600-02-29', '1900-02-28', '1900-03-01', '2000-02-29', '2028-12-31', '9999-12-31']) {
      expect(formatCalendarDay(dayFromNumber(dayNumber(parseCalendarDay(day)!)))).toBe(day);
    }
    // Every day of four years round-trips and follows the one before it.
    const previous = dayNumber({ year: 2027, month: 12, day: 31 });
    for (let n = previous + 1; n < previous + 1 + 4 * 366; n += 1) expect(dayNumber(dayFromNumber(n))).toBe(n);
    expect(dayNumber({ year: 2028, month: 1, day: 1 })).toBe(previous + 1);
  });

  it('knows the weekday (Monday 0) and which days are real', () => {
    expect(weekdayOf({ year: 2028, month: 2, day: 29 })).toBe(1); // a Tuesday
    expect(weekdayOf({ year: 2025, month: 6, day: 2 })).toBe(0); // a Monday
    expect(parseCalendarDay('2027-02-29')).toBeNull();
    expect(parseCalendarDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDay('2100-02-29')).toBeNull();
    expect(parseCalendarDay('2028-04-31')).toBeNull();
    expect(parseCalendarDay('2028-13-01')).toBeNull();
    expect(parseCalendarDay('0000-01-01')).toBeNull();
    expect(parseCalendarDay('28-02-2028')).toBeNull();
    expect(parseCalendarDay(20280229)).toBeNull();
    expect(parseCalendarDay(null)).toBeNull();
  });
});

describe('occurrencesIn', () => {
  it('puts a one-off on its start date, and on each of its days when it lasts longer', () => {
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2028-03-14' }, year2028)).toEqual(['2028-03-14']);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2028-02-28', endDate: '2028-03-01' }, year2028)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    // An end before the start is a slip: the start date alone.
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2028-03-14', endDate: '2028-03-10' }, year2028)).toEqual(['2028-03-14']);
    // Only the days inside the span, however long it lasts.
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '1900-01-01', endDate: '2900-12-31' }, { first: '2028-02', last: '2028-02' })).toHaveLength(29);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2027-12-30', endDate: '2028-01-02' }, year2028)).toEqual(['2028-01-01', '2028-01-02']);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2029-03-14' }, year2028)).toEqual([]);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2027-12-31' }, year2028)).toEqual([]);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2028-12-31' }, year2028)).toEqual(['2028-12-31']);
  });

  it('repeats weekly and fortnightly on the same weekday, across the leap day and the clock changes', () => {
    const span = { first: '2028-02', last: '2028-04' };
    // 26 March 2028 is the night the UK clocks go forward; days are days.
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-02-15', endDate: '2028-04-04' }, span)).toEqual([
      '2028-02-15', '2028-02-22', '2028-02-29', '2028-03-07', '2028-03-14', '2028-03-21', '2028-03-28', '2028-04-04',
    ]);
    expect(occurrencesIn({ recurrence: 'fortnightly', startDate: '2028-02-15', endDate: '2028-04-30' }, span)).toEqual(['2028-02-15', '2028-02-29', '2028-03-14', '2028-03-28', '2028-04-11', '2028-04-25']);
    // 29 October 2028: the clocks go back.
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-10-22', endDate: '2028-11-05' }, { first: '2028-10', last: '2028-11' })).toEqual(['2028-10-22', '2028-10-29', '2028-11-05']);
  });

  it('starts a weekly activity that began long before the span on the right weekday inside it', () => {
    // 7 January 2020 was a Tuesday; so is 2 January 2029.
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2020-01-07' }, { first: '2029-01', last: '2029-01' })).toEqual(['2029-01-02', '2029-01-09', '2029-01-16', '2029-01-23', '2029-01-30']);
    // Fortnightly from Tuesday 7 January 2020: 104 fortnights later is Tuesday 2 January 2024.
    expect(occurrencesIn({ recurrence: 'fortnightly', startDate: '2020-01-07' }, { first: '2024-01', last: '2024-01' })).toEqual(['2024-01-02', '2024-01-16', '2024-01-30']);
  });

  it('keeps the day of the month monthly, on the last day of a shorter month, without drifting', () => {
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-01-31', endDate: '2028-06-30' }, year2028)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31', '2028-06-30']);
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2027-01-31', endDate: '2027-03-31' }, { first: '2027-01', last: '2027-12' })).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-01-30', endDate: '2028-03-30' }, year2028)).toEqual(['2028-01-30', '2028-02-29', '2028-03-30']);
    // An end date of 29 June comes before the June date (the 30th, June's last day), so May's is the last.
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-01-31', endDate: '2028-06-29' }, year2028).at(-1)).toBe('2028-05-31');
  });

  it('repeats quarterly every three months from the start month', () => {
    expect(occurrencesIn({ recurrence: 'quarterly', startDate: '2027-11-30' }, year2028, { periodEnd: '2028-12-31' })).toEqual(['2028-02-29', '2028-05-30', '2028-08-30', '2028-11-30']);
    expect(occurrencesIn({ recurrence: 'quarterly', startDate: '2028-01-31', endDate: '2028-12-31' }, year2028)).toEqual(['2028-01-31', '2028-04-30', '2028-07-31', '2028-10-31']);
  });

  it('runs a recurring activity with no end date to the end of the strategy period, or of the span', () => {
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-09-15' }, year2028, { periodEnd: '2028-11-14' })).toEqual(['2028-09-15', '2028-10-15']);
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-09-15' }, year2028)).toEqual(['2028-09-15', '2028-10-15', '2028-11-15', '2028-12-15']);
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-09-15' }, year2028, { periodEnd: null })).toHaveLength(4);
    // Its own end date wins over the period's.
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '2028-09-15', endDate: '2028-12-31' }, year2028, { periodEnd: '2028-10-01' })).toHaveLength(4);
  });

  it('falls on its start date alone when it ends before it starts, and on no day without a valid start', () => {
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-05-10', endDate: '2028-05-01' }, year2028)).toEqual(['2028-05-10']);
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-05-10' }, year2028, { periodEnd: '2028-03-31' })).toEqual(['2028-05-10']);
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '' }, year2028)).toEqual([]);
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-02-30' }, year2028)).toEqual([]);
    expect(occurrencesIn({ recurrence: 'weekly' }, year2028)).toEqual([]);
    expect(occurrencesIn({ recurrence: 'weekly', startDate: '2028-05-10', endDate: 'never' }, year2028, { periodEnd: '2028-05-24' })).toEqual(['2028-05-10', '2028-05-17', '2028-05-24']);
  });

  it('treats an unknown or missing recurrence as a one-off', () => {
    expect(occurrencesIn({ recurrence: 'daily', startDate: '2028-05-10' }, year2028)).toEqual(['2028-05-10']);
    expect(occurrencesIn({ startDate: '2028-05-10' }, year2028)).toEqual(['2028-05-10']);
    expect(occurrencesIn({ recurrence: { toString: () => 'weekly' }, startDate: '2028-05-10' }, year2028)).toEqual(['2028-05-10']);
  });

  it('stays bounded by the span: a weekly activity over 200 years in a span of ten', () => {
    const span = { first: '2030-01', last: '2039-12' };
    const dates = occurrencesIn({ recurrence: 'weekly', startDate: '1900-01-01', endDate: '2100-12-31' }, span);
    // 1 January 1900 was a Monday; so is 7 January 2030, the first Monday of the span.
    expect(dates[0]).toBe('2030-01-07');
    expect(dates.at(-1)).toBe('2039-12-26');
    expect(dates).toHaveLength(521);
    expect(new Set(dates.map((d) => weekdayOf(parseCalendarDay(d)!)))).toEqual(new Set([0]));
    // A span longer than the most expanded at once is cut to it, from its first month.
    const far = occurrencesIn({ recurrence: 'weekly', startDate: '0001-01-01' }, { first: '0001-01', last: '9999-12' });
    expect(far.length).toBeLessThanOrEqual(Math.ceil((MAX_SPAN_MONTHS * 31) / 7));
    expect(far.at(-1)! < '0011-01-01').toBe(true);
    expect(occurrencesIn({ recurrence: 'monthly', startDate: '0001-01-31' }, { first: '9990-01', last: '9999-12' })).toHaveLength(120);
  });

  it('refuses spans that are not spans', () => {
    expect(monthsOfSpan({ first: '2028-05', last: '2028-04' })).toEqual([]);
    expect(monthsOfSpan({ first: '2028-13', last: '2029-01' })).toEqual([]);
    expect(monthsOfSpan({ first: 'May', last: '2029-01' })).toEqual([]);
    expect(occurrencesIn({ recurrence: 'one-off', startDate: '2028-05-10' }, { first: '2028-06', last: '2028-01' })).toEqual([]);
    expect(monthsOfSpan({ first: '2028-11', last: '2029-02' })).toHaveLength(4);
  });
});

describe('planSpan', () => {
  it('covers the strategy period when it is set', () => {
    expect(planSpan([], { start: '2028-04-01', end: '2031-03-31' }, '2026-11-29')).toEqual({ first: '2028-04', last: '2031-03' });
  });

  it('otherwise covers the activities, a year at least, or the year from today', () => {
    const activities = [{ startDate: '2028-05-10' }, { startDate: '2028-02-01', endDate: '2029-08-31' }, { startDate: 'nonsense' }];
    expect(planSpan(activities, {}, '2026-11-29')).toEqual({ first: '2028-02', last: '2029-08' });
    expect(planSpan([{ startDate: '2028-05-10' }], { start: null, end: null }, '2026-11-29')).toEqual({ first: '2028-05', last: '2029-04' });
    expect(planSpan([], {}, '2026-11-29')).toEqual({ first: '2026-11', last: '2027-10' });
  });

  it('is never longer than the most expanded at once', () => {
    const span = planSpan([{ startDate: '1900-01-01', endDate: '2100-12-31' }], {}, '2026-11-29');
    expect(monthsOfSpan(span)).toHaveLength(MAX_SPAN_MONTHS);
    expect(span).toEqual({ first: '1900-01', last: '1909-12' });
  });
});

describe('describing and grouping', () => {
  it('knows every recurrence of the activity vocabulary, and only those', () => {
    expect(ACTIVITY_RECURRENCES.map((item) => item.id)).toEqual([...RECURRENCE_IDS]);
  });

  it('says when an activity happens in words', () => {
    expect(describeSchedule({ recurrence: 'weekly', startDate: '2028-06-03' })).toBe('Weekly from 3 June 2028, no end date');
    expect(describeSchedule({ recurrence: 'quarterly', startDate: '2028-06-03', endDate: '2029-06-02' })).toBe('Quarterly from 3 June 2028 until 2 June 2029');
    expect(describeSchedule({ recurrence: 'one-off', startDate: '2028-06-03' })).toBe('One-off on 3 June 2028');
    expect(describeSchedule({ recurrence: 'one-off', startDate: '2028-06-03', endDate: '2028-06-05' })).toBe('One-off, 3 June 2028 to 5 June 2028');
    expect(describeSchedule({ recurrence: 'one-off', startDate: '2028-06-03', endDate: '2028-06-03' })).toBe('One-off on 3 June 2028');
    expect(describeSchedule({ recurrence: 'monthly' })).toBe('Monthly, start date not set');
    expect(describeSchedule({})).toBe('One-off, date not set');
  });

  it('groups dates by month', () => {
    expect([...daysByMonth(['2028-01-31', '2028-02-29', '2028-02-01'])]).toEqual([
      ['2028-01', [31]],
      ['2028-02', [29, 1]],
    ]);
  });
});

describe('yearAfter', () => {
  it('gives the same day a year on, 29 February falling back to the 28th in a common year', () => {
    expect(yearAfter('2026-12-02')).toBe('2027-12-02');
    expect(yearAfter('2027-02-28')).toBe('2028-02-28');
    expect(yearAfter('2028-02-29')).toBe('2029-02-28');
    expect(yearAfter('2099-12-31')).toBe('2100-12-31');
    expect(yearAfter('')).toBe('');
  });
});
