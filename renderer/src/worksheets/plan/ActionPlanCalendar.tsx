// The action plan's records on the calendar: each activity record becomes a calendar entry, the
// plan's months follow the strategy period (or the activities), and the chosen day is kept for the
// tab so a reload comes back to it.
import { useCallback, useMemo } from 'react';
import type { RecordValues } from '../../../../shared/api/records.ts';
import { planSpan } from '../../../../shared/domain/recurrence.ts';
import { ActivityCalendar, type CalendarActivity } from './ActivityCalendar.tsx';

interface ActionPlanCalendarProps {
  handle: string;
  records: readonly RecordValues[];
  titleOf: (record: RecordValues) => string;
  period: { start: string | null; end: string | null };
  marking: string;
  onOpenActivity: (id: string) => void;
}

/** Today on the planner's own calendar. */
export function localToday(now = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function toCalendarActivity(record: RecordValues, title: string): CalendarActivity {
  return {
    id: record.id,
    title: title.trim() === '' ? 'Untitled activity' : title,
    recurrence: record.recurrence,
    startDate: record.startDate,
    endDate: record.endDate,
    flagship: record.flagship === true,
    status: typeof record.status === 'string' ? record.status : null,
  };
}

function keptDay(handle: string): string | undefined {
  try {
    return sessionStorage.getItem(`ewb-calendar-day:${handle}`) ?? undefined;
  } catch {
    return undefined;
  }
}

export function ActionPlanCalendar({ handle, records, titleOf, period, marking, onOpenActivity }: ActionPlanCalendarProps) {
  const activities = useMemo(() => records.map((record) => toCalendarActivity(record, titleOf(record))), [records, titleOf]);
  const today = localToday();
  const span = useMemo(() => planSpan(activities, period, today), [activities, period, today]);
  const keep = useCallback(
    (day: string) => {
      try {
        sessionStorage.setItem(`ewb-calendar-day:${handle}`, day);
      } catch {
        // Not kept: after a reload the calendar opens on today's month.
      }
    },
    [handle],
  );
  return <ActivityCalendar activities={activities} span={span} periodEnd={period.end} today={today} initialDay={keptDay(handle)} marking={marking} onOpenActivity={onOpenActivity} onDayChange={keep} />;
}
