// @vitest-environment happy-dom
// The action plan's calendar on its props alone: recurring activities expanded on the right days,
// flagships marked in words as well as a star, one day in the Tab order, arrows by day and week,
// Page Up and Page Down by month (turning the page), Enter opening the day's activity or moving to
// the day's list, and every month with an activity in the printed calendar.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityCalendar, firstDay, type CalendarActivity } from '../../../../renderer/src/worksheets/plan/ActivityCalendar.tsx';

const SURGERY: CalendarActivity = { id: 'a1', title: 'Beat surgery at the library', recurrence: 'weekly', startDate: '2028-02-01', endDate: null };
const FAIR: CalendarActivity = { id: 'a2', title: 'Spring fair stall', recurrence: 'one-off', startDate: '2028-02-29' };
const FORUM: CalendarActivity = { id: 'a3', title: 'Youth forum', recurrence: 'monthly', startDate: '2028-01-31', endDate: '2028-06-30', flagship: true };
const ACTIVITIES = [SURGERY, FAIR, FORUM];

afterEach(() => cleanup());

function show(props: Partial<Parameters<typeof ActivityCalendar>[0]> = {}) {
  const onOpenActivity = vi.fn();
  render(
    <ActivityCalendar activities={ACTIVITIES} span={{ first: '2028-01', last: '2028-12' }} periodEnd="2028-12-31" today="2028-02-10" initialDay="2028-02-01" marking="OFFICIAL" onOpenActivity={onOpenActivity} {...props} />,
  );
  return { onOpenActivity, grid: screen.getByRole('grid') };
}

function cell(date: string): HTMLElement {
  const found = document.getElementById(`calendar-day-${date}`);
  if (!found) throw new Error(`No cell for ${date}`);
  return found;
}

describe('ActivityCalendar', () => {
  it('shows the month with each activity on the days it falls, flagships marked in words', () => {
    const { grid } = show();
    expect(screen.getByRole('heading', { name: 'February 2028' })).toBeTruthy();
    // February 2028 starts on a Tuesday: one blank before it; 29 days; five weeks.
    expect(within(grid).getAllByRole('row')).toHaveLength(6);
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(29);
    for (const day of ['01', '08', '15', '22', '29']) expect(cell(`2028-02-${day}`).textContent).toContain('Beat surgery at the library');
    expect(cell('2028-02-02').textContent).not.toContain('Beat surgery');
    expect(cell('2028-02-29').textContent).toContain('Spring fair stall');
    // The monthly forum of the 31st is on the 29th in a leap February, first (a flagship) and said to be one.
    const leapDay = within(cell('2028-02-29')).getAllByRole('listitem').map((li) => li.textContent);
    expect(leapDay[0]).toBe('★ Flagship: ↻ monthly: Youth forum');
    expect(cell('2028-02-29').textContent).toContain('Tuesday 29 February 2028, 3 activities');
    expect(cell('2028-02-10').getAttribute('aria-current')).toBe('date');
    expect(cell('2028-02-10').textContent).toContain('(today)');
  });

  it('keeps one day in the Tab order and moves it by day, week and month with the keys', () => {
    const { grid } = show();
    const tabbable = () => within(grid).getAllByRole('gridcell').filter((c) => c.tabIndex === 0);
    expect(tabbable().map((c) => c.id)).toEqual(['calendar-day-2028-02-01']);
    cell('2028-02-01').focus();
    fireEvent.keyDown(cell('2028-02-01'), { key: 'ArrowRight' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-02');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-09');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-13');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-07');
    expect(tabbable()).toHaveLength(1);
    // Across the month's edge the page turns.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-01-31');
    expect(screen.getByRole('heading', { name: 'January 2028' })).toBeTruthy();
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-29');
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown', shiftKey: true });
    expect(document.activeElement?.id).toBe('calendar-day-2029-02-28');
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(document.activeElement?.id).toBe('calendar-day-2029-01-28');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
  });

  it('opens the one activity of a day with Enter, and moves to the list of a busier day', () => {
    const { onOpenActivity } = show({ initialDay: '2028-02-08' });
    cell('2028-02-08').focus();
    fireEvent.keyDown(cell('2028-02-08'), { key: 'Enter' });
    expect(onOpenActivity).toHaveBeenCalledWith('a1');
    fireEvent.keyDown(cell('2028-02-08'), { key: 'ArrowDown' });
    fireEvent.keyDown(cell('2028-02-08'), { key: 'ArrowDown' });
    fireEvent.keyDown(cell('2028-02-08'), { key: 'ArrowDown' });
    expect(document.activeElement?.id).toBe('calendar-day-2028-02-29');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onOpenActivity).toHaveBeenCalledTimes(1);
    const list = screen.getByRole('region', { name: 'Tuesday 29 February 2028' });
    expect(document.activeElement).toBe(within(list).getAllByRole('button')[0]);
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      '★ Flagship: ↻ monthly: Youth forum (monthly)',
      '↻ weekly: Beat surgery at the library (weekly)',
      'Spring fair stall (one-off)',
    ]);
    fireEvent.click(within(list).getByRole('button', { name: /Spring fair/ }));
    expect(onOpenActivity).toHaveBeenLastCalledWith('a2');
    // A day with nothing says so, and Enter does nothing.
    fireEvent.click(cell('2028-02-03'));
    fireEvent.keyDown(cell('2028-02-03'), { key: 'Enter' });
    expect(onOpenActivity).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('region', { name: 'Thursday 3 February 2028' }).textContent).toContain('No activities on this day.');
  });

  it('turns the page with the buttons too, and stops a recurring activity at the end of the period', () => {
    show({ periodEnd: '2028-03-14' });
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('heading', { name: 'March 2028' })).toBeTruthy();
    expect(cell('2028-03-14').textContent).toContain('Beat surgery');
    expect(cell('2028-03-21').textContent).not.toContain('Beat surgery');
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('heading', { name: 'January 2028' })).toBeTruthy();
  });

  it('opens on the day asked for, else today while the plan runs, else the plan’s first day', () => {
    const span = { first: '2027-04', last: '2028-03' };
    expect(firstDay('2027-06-15', '2026-11-29', span)).toBe('2027-06-15');
    expect(firstDay(undefined, '2027-09-02', span)).toBe('2027-09-02');
    expect(firstDay(undefined, '2026-11-29', span)).toBe('2027-04-01');
    expect(firstDay('nonsense', '2029-01-01', span)).toBe('2027-04-01');
  });

  it('prints every month from the first with an activity to the last, each marked', () => {
    show();
    const printed = [...document.querySelectorAll('.calendar-print__month')];
    // From the forum's January to the surgery's December (it runs to the period's end).
    expect(printed.map((month) => month.querySelector('h2')?.textContent)).toEqual(
      ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `Action plan: ${m} 2028`),
    );
    expect(printed.every((month) => month.querySelectorAll('.calendar-print__marking').length === 2 && month.textContent!.includes('OFFICIAL'))).toBe(true);
    expect(printed[1]!.textContent).toContain('Youth forum (flagship)');
    expect(printed[6]!.textContent).not.toContain('Youth forum');
  });
});
