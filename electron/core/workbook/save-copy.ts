// Save a Copy: SQLite writes a compact copy to a temporary file in the destination folder; it is
// fsynced and quick-checked, then renamed into place. Killed midway: the source is untouched and
// the destination is either absent or a complete workbook.
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID } from '../db/file-format.ts';
import type { ReadDb } from '../db/open-database.ts';
import { readUserVersion } from '../db/run-migrations.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { fsyncFile, publishFile, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { isSameFile } from '../fs/real-path.ts';
import type { PendingTemporaries } from '../fs/temporary-files.ts';
import { checkWorkbookDestination } from './create-workbook-file.ts';

/**
 * VACUUM INTO writes only the new file, but SQLite refuses it on a connection frozen with
 * query_only (a read-only session's snapshot): lift the freeze for that one statement.
 */
function vacuumInto(db: ReadDb, file: string): void {
  const frozen = db.pragma('query_only', { simple: true }) === 1;
  if (frozen) db.pragma('query_only = OFF');
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } finally {
    if (frozen) db.pragma('query_only = ON');
  }
}

/**
 * Writes a complete, checked copy of `db` to `destination`; `prepare` may alter the copy first.
 * The temporary file is recorded in `temporaries` while it exists, so one left by a kill is
 * removed on the next start.
 */
export function saveCopy(db: ReadDb, source: string, destination: string, overwrite: boolean, prepare?: (copy: Database.Database) => void, temporaries?: PendingTemporaries): void {
  if (isSameFile(source, destination)) {
    throw new AppError('invalid-input', 'A copy cannot be saved over the workbook itself. Choose another name.', { destination: 'Choose a different file' });
  }
  checkWorkbookDestination(destination, overwrite);
  const temporary = temporaryPathBeside(destination);
  const forget = temporaries?.begin(temporary) ?? (() => {});
  try {
    vacuumInto(db, temporary);
    const copy = new Database(temporary, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
      if (prepare) {
        prepare(copy);
        copy.exec('VACUUM');
      }
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('io', `The copy did not pass its check (${String(check)}); nothing was saved.`);
      if (copy.pragma('application_id', { simple: true }) !== APPLICATION_ID || readUserVersion(copy) !== readUserVersion(db)) {
        throw new AppError('io', 'The copy did not keep the workbook identity; nothing was saved.');
      }
    } finally {
      copy.close();
    }
    fsyncFile(temporary);
    publishFile(temporary, destination, overwrite);
  } catch (error) {
    removeQuietly(temporary);
    removeQuietly(`${temporary}-journal`);
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('already-exists', `"${path.basename(destination)}" already exists. Choose another name.`, { destination: 'A file with this name already exists' });
    }
    throw fileSystemError(error, destination);
  } finally {
    forget();
  }
}
