// Save a Copy: SQLite writes a compact copy to a temporary file in the destination folder; it is
// fsynced and quick-checked, then renamed into place. Killed midway: the source is untouched and
// the destination is either absent or a complete workbook.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID } from '../db/file-format.ts';
import type { ReadDb } from '../db/open-database.ts';
import { readUserVersion } from '../db/run-migrations.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { fsyncFile, publishFile, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { checkWorkbookDestination } from './create-workbook-file.ts';

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Writes a complete, checked copy of `db` to `destination`; `prepare` may alter the copy first. */
export function saveCopy(db: ReadDb, source: string, destination: string, overwrite: boolean, prepare?: (copy: Database.Database) => void): void {
  if (sameFile(source, destination)) {
    throw new AppError('invalid-input', 'A copy cannot be saved over the workbook itself. Choose another name.', { destination: 'Choose a different file' });
  }
  checkWorkbookDestination(destination, overwrite);
  const temporary = temporaryPathBeside(destination);
  try {
    db.prepare('VACUUM INTO ?').run(temporary);
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
  }
}
