// How an activity is marked wherever the calendar names it: a star for a flagship and an arrow for a
// recurring activity, each with its words for a screen reader (never a symbol or a colour alone).
import { isRecurring, recurrenceLabel } from '../../../../shared/domain/recurrence.ts';
import type { CalendarActivity } from './calendar-month.ts';

export function recurrenceWord(activity: CalendarActivity): string {
  return recurrenceLabel(activity).toLowerCase();
}

/** A flagship's star and a recurring activity's arrow, each with its words for a screen reader. */
export function Marks({ activity }: { activity: CalendarActivity }) {
  return (
    <>
      {activity.flagship === true && (
        <>
          <span aria-hidden="true">★ </span>
          <span className="visually-hidden">Flagship: </span>
        </>
      )}
      {isRecurring(activity) && (
        <>
          <span aria-hidden="true">↻ </span>
          <span className="visually-hidden">{`${recurrenceWord(activity)}: `}</span>
        </>
      )}
      {activity.status === 'cancelled' && <span className="visually-hidden">Cancelled: </span>}
    </>
  );
}
