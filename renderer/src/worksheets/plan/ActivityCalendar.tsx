// The action plan as a calendar, a month at a time (the ARIA grid pattern, as its date-picker
// example applies it): weeks from Monday down, days across; one day in the Tab order (a roving
// tabindex), the keys in calendar-keys.ts; moving past the month's edge turns the page. Each day
// lists its activities — recurring ones expanded, flagships first and marked with a star and the word
// (never colour alone) — and the chosen day's activities are listed in full below the grid, each a
// button that opens it; Enter opens the day's one activity, or moves to that list when it has more.
// Printing gives every month of the plan, one to a page (CalendarPrint).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';
import { formatMonth, monthIndexOf, monthTitle, monthsOfSpan, parseCalendarDay, weekdayOf, type MonthSpan } from '../../../../shared/domain/recurrence.ts';
import { calendarCommand, byMonths } from './calendar-keys.ts';
import { Marks, recurrenceWord } from './ActivityMarks.tsx';
import { monthLayout, type CalendarActivity } from './calendar-month.ts';
import { CalendarPrint } from './CalendarPrint.tsx';
import '../../styles/calendar.css';

export type { CalendarActivity };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** Activities named in a day's cell; the rest are counted ("+2 more") and all are in the day's list. */
const SHOWN_IN_CELL = 3;

export interface ActivityCalendarProps {
  activities: readonly CalendarActivity[];
  /** The months the plan covers (printing gives each one with an activity). */
  span: MonthSpan;
  /** Where recurring activities with no end date stop: the strategy period's last day. */
  periodEnd: string | null;
  /** Today (YYYY-MM-DD), marked on the calendar. */
  today: string;
  /** The day to show first; otherwise today while the plan runs, else the plan's first day. */
  initialDay?: string;
  /** The protective marking, at the top and bottom of each printed page. */
  marking: string;
  onOpenActivity: (id: string) => void;
  /** Told when the chosen day changes, so the screen can come back to it. */
  onDayChange?: (day: string) => void;
}

/** "Tuesday 29 February 2028". */
export function longDay(date: string): string {
  const day = parseCalendarDay(date);
  return day ? `${WEEKDAYS[weekdayOf(day)]} ${formatUkDate(date)}` : date;
}


function cellId(date: string): string {
  return `calendar-day-${date}`;
}

/** What a screen reader says for a day: its date, how many activities, and that it is today. */
function dayLabel(date: string, count: number, today: string): string {
  const what = count === 0 ? 'no activities' : count === 1 ? '1 activity' : `${count} activities`;
  return `${longDay(date)}${date === today ? ' (today)' : ''}, ${what}`;
}

/** The day chosen first: the one asked for, else today while the plan runs, else the plan's first day. */
export function firstDay(initialDay: string | undefined, today: string, span: MonthSpan): string {
  if (parseCalendarDay(initialDay)) return initialDay!;
  const months = monthsOfSpan(span);
  const day = parseCalendarDay(today);
  const inPlan = day !== null && months.includes(monthIndexOf(day.year, day.month));
  return inPlan || months.length === 0 ? (day ? today : '2000-01-01') : `${formatMonth(months[0]!)}-01`;
}

export function ActivityCalendar({ activities, span, periodEnd, today, initialDay, marking, onOpenActivity, onDayChange }: ActivityCalendarProps) {
  const [focused, setFocused] = useState(() => firstDay(initialDay, today, span));
  /** Whether the focus should follow the chosen day into the grid (after a key or a button, not on first showing). */
  const wantsFocus = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const day = parseCalendarDay(focused)!;
  const layout = useMemo(() => monthLayout(day.year, day.month, activities, periodEnd), [day.year, day.month, activities, periodEnd]);
  const title = monthTitle(monthIndexOf(day.year, day.month));
  const chosen = layout.byDay.get(focused) ?? [];

  useEffect(() => {
    onDayChange?.(focused);
    if (!wantsFocus.current) return;
    wantsFocus.current = false;
    gridRef.current?.querySelector<HTMLElement>(`#${cellId(focused)}`)?.focus();
  }, [focused, onDayChange]);

  function move(to: string, focus: boolean): void {
    wantsFocus.current = focus;
    setFocused(to);
  }

  function open(): void {
    if (chosen.length === 1) onOpenActivity(chosen[0]!.id);
    else if (chosen.length > 1) listRef.current?.querySelector<HTMLElement>('button')?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    const command = calendarCommand(event, focused);
    if (command.kind === 'none') return;
    event.preventDefault();
    if (command.kind === 'move') move(command.to, true);
    else open();
  }

  return (
    <div className="calendar">
      <div className="calendar__bar">
        <button type="button" className="button button--secondary button--small" onClick={() => move(byMonths(day, -1), false)}>
          <span aria-hidden="true">‹ </span>Previous month
        </button>
        <h4 className="calendar__title" id="calendar-title" aria-live="polite">{title}</h4>
        <button type="button" className="button button--secondary button--small" onClick={() => move(byMonths(day, 1), false)}>
          Next month<span aria-hidden="true"> ›</span>
        </button>
        <button type="button" className="button button--secondary button--small calendar__print-button" onClick={() => window.print()}>
          Print the calendar
        </button>
      </div>
      <p className="field__hint" id="calendar-keys">
        Arrow keys move by day and week, Page Up and Page Down by month; Enter opens the day’s activities. <span aria-hidden="true">★</span> marks a flagship, <span aria-hidden="true">↻</span> a recurring activity.
      </p>
      <table ref={gridRef} role="grid" className="calendar__grid" aria-labelledby="calendar-title" aria-describedby="calendar-keys" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS.map((name) => (
              <th key={name} scope="col" abbr={name} className="calendar__weekday">
                <span aria-hidden="true">{name.slice(0, 3)}</span>
                <span className="visually-hidden">{name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.weeks.map((week, index) => (
            <tr key={week.find((d) => d !== null) ?? index}>
              {week.map((date, column) => {
                if (date === null) return <td key={`blank-${column}`} className="calendar__blank" />;
                const items = layout.byDay.get(date) ?? [];
                const flagships = items.filter((a) => a.flagship === true).length;
                return (
                  <td
                    key={date}
                    id={cellId(date)}
                    role="gridcell"
                    tabIndex={date === focused ? 0 : -1}
                    aria-selected={date === focused}
                    aria-current={date === today ? 'date' : undefined}
                    className={`calendar__day${date === focused ? ' calendar__day--chosen' : ''}${date === today ? ' calendar__day--today' : ''}${items.length > 0 ? ' calendar__day--busy' : ''}`}
                    onClick={() => move(date, true)}
                  >
                    <span className="visually-hidden">{dayLabel(date, items.length, today)}</span>
                    <span className="calendar__date" aria-hidden="true">{Number(date.slice(8))}</span>
                    {items.length > 0 && (
                      <span className="calendar__count" aria-hidden="true">
                        {flagships > 0 ? '★ ' : ''}
                        {items.length}
                      </span>
                    )}
                    <ul className="calendar__items">
                      {items.slice(0, SHOWN_IN_CELL).map((activity) => (
                        <li key={activity.id} className={`calendar__item${activity.flagship === true ? ' calendar__item--flagship' : ''}${activity.status === 'cancelled' ? ' calendar__item--cancelled' : ''}`}>
                          <Marks activity={activity} />
                          {activity.title}
                        </li>
                      ))}
                      {items.length > SHOWN_IN_CELL && <li className="calendar__more">+{items.length - SHOWN_IN_CELL} more</li>}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="calendar__agenda" aria-labelledby="calendar-agenda-title">
        <h5 className="calendar__agenda-title" id="calendar-agenda-title">
          {longDay(focused)}
          {focused === today ? ' (today)' : ''}
        </h5>
        {chosen.length === 0 ? (
          <p className="calendar__none">No activities on this day.</p>
        ) : (
          <ul ref={listRef} className="calendar__agenda-list">
            {chosen.map((activity) => (
              <li key={activity.id}>
                <button type="button" className="link-button calendar__open" onClick={() => onOpenActivity(activity.id)}>
                  <Marks activity={activity} />
                  {activity.title}
                  <span className="calendar__how">
                    {' '}
                    ({recurrenceWord(activity)}
                    {activity.status === 'cancelled' ? ', cancelled' : ''})
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <CalendarPrint activities={activities} span={span} periodEnd={periodEnd} marking={marking} />
    </div>
  );
}
