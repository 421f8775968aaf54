// A community event's next date seen from a given day: recurring events moved on by their step to
// the first date not yet past (exact dates, the 31st and 29 February included); a one-off left as
// it is and marked past once it has been held.
import { describe, expect, it } from 'vitest';
import { nextEventDate } from '../../../shared/domain/event-dates.ts';

describe('nextEventDate', () => {
  it('leaves a date still to come, and today itself, as they are', () => {
    expect(nextEventDate('2026-12-05', 'monthly', '2026-11-29')).toEqual({ date: '2026-12-05', passed: false });
    expect(nextEventDate('2026-11-29', 'yearly', '2026-11-29')).toEqual({ date: '2026-11-29', passed: false });
    expect(nextEventDate('2027-06-01', 'one-off', '2026-11-29')).toEqual({ date: '2027-06-01', passed: false });
  });

  it('moves a past yearly, monthly or weekly date on to the first one not yet past', () => {
    expect(nextEventDate('2026-07-18', 'yearly', '2026-11-29')).toEqual({ date: '2027-07-18', passed: false });
    expect(nextEventDate('2020-07-18', 'yearly', '2026-11-29')).toEqual({ date: '2027-07-18', passed: false });
    expect(nextEventDate('2026-04-08', 'monthly', '2026-11-29')).toEqual({ date: '2026-12-08', passed: false });
    expect(nextEventDate('2026-04-30', 'monthly', '2026-11-29')).toEqual({ date: '2026-11-30', passed: false });
    // Monday 2 November 2026, weekly: Monday 30 November.
    expect(nextEventDate('2026-11-02', 'weekly', '2026-11-29')).toEqual({ date: '2026-11-30', passed: false });
    expect(nextEventDate('2026-11-22', 'weekly', '2026-11-29')).toEqual({ date: '2026-11-29', passed: false });
  });

  it('keeps the day of the month where the month has it, and the last day where it does not', () => {
    expect(nextEventDate('2026-01-31', 'monthly', '2026-02-10')).toEqual({ date: '2026-02-28', passed: false });
    expect(nextEventDate('2026-01-31', 'monthly', '2026-03-01')).toEqual({ date: '2026-03-31', passed: false });
    expect(nextEventDate('2024-02-29', 'yearly', '2026-11-29')).toEqual({ date: '2027-02-28', passed: false });
    expect(nextEventDate('2024-02-29', 'yearly', '2027-03-01')).toEqual({ date: '2028-02-29', passed: false });
  });

  it('marks a one-off that has been held, and leaves what it cannot read alone', () => {
    expect(nextEventDate('2026-06-13', 'one-off', '2026-11-29')).toEqual({ date: '2026-06-13', passed: true });
    expect(nextEventDate('soon', 'monthly', '2026-11-29')).toEqual({ date: 'soon', passed: false });
    expect(nextEventDate('2026-06-13', 'monthly', 'today')).toEqual({ date: '2026-06-13', passed: false });
  });
});
