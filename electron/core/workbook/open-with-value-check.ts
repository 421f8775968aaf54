// Opening checks the values inside the workbook: a file holding values the app cannot use (edited
// outside it, or from an older bug) is opened read-only, its check given with it, until repaired.
import type { ValueCheck } from '../../../shared/api/value-check.ts';
import { checkValues } from '../db/check-values.ts';
import type { Session, WorkbookSessions } from './workbook-sessions.ts';

export interface Opened {
  session: Session;
  notices: string[];
}

/** The value check of each session that found problems; gone with the session. */
export type ValueChecks = WeakMap<Session, ValueCheck>;

export function withValueCheck(sessions: WorkbookSessions, opened: Opened, checks: ValueChecks): Opened {
  let check: ValueCheck;
  try {
    check = checkValues(opened.session.db);
  } catch (error) {
    sessions.close(opened.session.handle);
    throw error;
  }
  if (check.total === 0) return opened;
  let { session } = opened;
  if (session.writable) {
    // Nothing more is written on top of values the app cannot read back: the lock is let go.
    const file = session.path;
    sessions.close(session.handle);
    session = sessions.openForReading(file);
  }
  // The doors show the check itself (the app a notice listing each value, `ewb info` a line),
  // so no notice is added here.
  checks.set(session, check);
  return { session, notices: opened.notices };
}
