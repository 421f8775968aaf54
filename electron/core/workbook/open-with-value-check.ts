// Opening checks the values inside the workbook: a file holding values the app cannot use (edited
// outside it, or from an older bug) is opened read-only, with a notice, until it is repaired.
import path from 'node:path';
import type { ValueCheck } from '../../../shared/api/value-check.ts';
import { checkValues, summariseValueCheck } from '../db/check-values.ts';
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
  checks.set(session, check);
  const next = check.repairable === check.total ? 'Repair them to edit it' : check.repairable > 0 ? 'Repair what can be repaired; the rest cannot be repaired here' : 'They cannot be repaired here: use an earlier copy of the file to edit it';
  const notice = `"${path.basename(session.path)}" ${summariseValueCheck(check)}, so it is open read-only. ${next}.`;
  return { session, notices: [...opened.notices, notice] };
}
