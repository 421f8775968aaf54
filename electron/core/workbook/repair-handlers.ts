// `repairWorkbook`: lists the repairs of values the app cannot use, or makes them — holding the
// lock, after a checked backup copy beside the file, in one transaction — and says what is left.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { checkValues } from '../db/check-values.ts';
import { backupPathFor } from '../db/migrate-workbook.ts';
import { openReadOnly } from '../db/open-database.ts';
import { repairValues } from '../db/repair-values.ts';
import { saveCopy } from './save-copy.ts';

export function repairHandlers(ctx: AppContext): Pick<ApiHandlers, 'repairWorkbook'> {
  const { deps, sessions, now } = ctx;
  return {
    repairWorkbook: ({ path: file, apply, force }) => {
      const choices = force ? { force } : {};
      const absolute = path.resolve(file);
      const listed = () => {
        const db = openReadOnly(absolute);
        try {
          return checkValues(db, choices);
        } finally {
          db.close();
        }
      };
      if (!apply) {
        const found = listed();
        return { path: absolute, applied: false, found, remaining: found, backupName: null };
      }
      const { session } = sessions.openForEditing(absolute, false);
      try {
        const { db } = sessions.writableOf(session.handle);
        const before = checkValues(db, choices);
        if (before.repairable === 0) return { path: absolute, applied: false, found: before, remaining: before, backupName: null };
        // The file as it was stays beside it: a repair removes or shortens what it cannot keep.
        const backup = backupPathFor(absolute, deps.clock(), 'repair');
        saveCopy(db, absolute, backup, false);
        const { found, remaining } = repairValues(db, { now: now(), newId: deps.newId, who: deps.identity.user, choices });
        return { path: absolute, applied: true, found, remaining, backupName: path.basename(backup) };
      } finally {
        sessions.close(session.handle);
      }
    },
  };
}
