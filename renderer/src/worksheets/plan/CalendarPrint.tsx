// The calendar on paper: every month of the plan from the first with an activity to the last, one
// to a page, each a plain table of weeks with every activity of each day written out in full, the
// protective marking at the top and bottom. Hidden on screen; the print style sheet shows it alone.
import { useMemo } from 'react';
import { monthOfIndex, monthTitle, monthsOfSpan, type MonthSpan } from '../../../../shared/domain/recurrence.ts';
import { monthLayout, type CalendarActivity } from './calendar-month.ts';
import { Marks } from './ActivityMarks.tsx';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

interface CalendarPrintProps {
  activities: readonly CalendarActivity[];
  span: MonthSpan;
  periodEnd: string | null;
  marking: string;
}

export function CalendarPrint({ activities, span, periodEnd, marking }: CalendarPrintProps) {
  const months = useMemo(() => {
    const all = monthsOfSpan(span).map((index) => ({ index, ...monthOfIndex(index) })).map((m) => ({ ...m, layout: monthLayout(m.year, m.month, activities, periodEnd) }));
    const busy = all.map((m) => m.layout.byDay.size > 0);
    const first = busy.indexOf(true);
    return first < 0 ? all.slice(0, 1) : all.slice(first, busy.lastIndexOf(true) + 1);
  }, [activities, span, periodEnd]);
  return (
    <div className="calendar-print">
      {months.map(({ index, layout }) => (
        <section key={index} className="calendar-print__month">
          <p className="calendar-print__marking">{marking}</p>
          <h2 className="calendar-print__title">Action plan: {monthTitle(index)}</h2>
          <table className="calendar-print__grid">
            <thead>
              <tr>
                {WEEKDAYS.map((name) => (
                  <th key={name} scope="col">{name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {layout.weeks.map((week, row) => (
                <tr key={row}>
                  {week.map((date, column) => (
                    <td key={date ?? `blank-${column}`}>
                      {date && (
                        <>
                          <span className="calendar-print__date">{Number(date.slice(8))}</span>
                          <ul>
                            {(layout.byDay.get(date) ?? []).map((activity) => (
                              <li key={activity.id} className={activity.flagship === true ? 'calendar-print__flagship' : undefined}>
                                <Marks activity={activity} />
                                {activity.title}
                                {activity.flagship === true ? ' (flagship)' : ''}
                                {activity.status === 'cancelled' ? ' (cancelled)' : ''}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="calendar-print__key">★ flagship · ↻ recurring (weekly, fortnightly, monthly or quarterly)</p>
          <p className="calendar-print__marking">{marking}</p>
        </section>
      ))}
    </div>
  );
}
