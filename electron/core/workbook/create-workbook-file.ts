// Makes a new workbook file: built complete in a temporary file beside the destination, checked,
// then moved into place — so a failure leaves nothing behind and never a half-made workbook.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID, WORKBOOK_EXTENSION } from '../db/file-format.ts';
import { applyConnectionSettings, verifyWorkbook, type WriteDb } from '../db/open-database.ts';
import { runMigrations } from '../db/run-migrations.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { fsyncFile, publishFile, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import type { PendingTemporaries } from '../fs/temporary-files.ts';
import { withinWriteScope, withinWriteScopeAsync } from '../changes/write-scope.ts';

/** Refuses destinations that are not a `.ewb` path in an existing folder. */
export function checkWorkbookDestination(file: string, overwrite: boolean): void {
  const name = path.basename(file);
  if (path.extname(file).toLowerCase() !== WORKBOOK_EXTENSION) {
    throw new AppError('invalid-input', `"${name}" does not end in .ewb. Workbook files are named like "Strategy 2027.ewb".`, { path: 'The file name must end in .ewb' });
  }
  const folder = path.dirname(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AppError('not-found', `The folder ${folder} does not exist. Choose another place to save "${name}".`, { path: 'Choose a folder that exists' });
  }
  if (!stat.isDirectory()) throw new AppError('invalid-input', `${folder} is not a folder.`, { path: 'Choose a folder' });
  if (!overwrite && fs.existsSync(file)) {
    throw new AppError('already-exists', `"${name}" already exists in ${folder}. Choose another name, or open that workbook instead.`, { path: 'A file with this name already exists' });
  }
}

/** For a file built to be handed on (a share copy): may replace a file, and a last look before it is published. */
export interface CreateOptions {
  overwrite?: boolean;
  /** Runs on the finished, verified file (outside any transaction) just before it is moved into place; may throw. */
  beforePublish?: (db: WriteDb) => void;
}

/**
 * Builds a fresh workbook at `file`; `fill` writes its rows inside one transaction. The temporary
 * file is recorded in `temporaries` while it exists, so one left by a kill is removed on the next start.
 */
export function createWorkbookFile(file: string, fill: (db: WriteDb) => void, temporaries?: PendingTemporaries, options: CreateOptions = {}): void {
  checkWorkbookDestination(file, options.overwrite ?? false);
  const temporary = temporaryPathBeside(file);
  const forget = temporaries?.begin(temporary) ?? (() => {});
  let db: Database.Database | undefined;
  try {
    db = startWorkbookFile(temporary);
    // A new file is built, not edited: its first rows are not changes, so they are not logged.
    db.transaction(() => withinWriteScope(db!, () => fill(db as WriteDb))).immediate();
    finishWorkbookFile(db, temporary, file, options);
  } catch (error) {
    db?.close();
    throw creationError(error, file, temporary);
  } finally {
    forget();
  }
}

/**
 * The same, for a `fill` that reads a file as it writes (an interchange file, streamed): the
 * transaction stays open across its awaits, which is safe because nothing else can reach the
 * temporary file. `temporary` is chosen by the caller, so that it can remove it if this thread is
 * stopped part-way (a worker out of memory or time).
 */
export async function createWorkbookFileStreamed(file: string, temporary: string, fill: (db: WriteDb) => Promise<void>): Promise<void> {
  checkWorkbookDestination(file, false);
  let db: Database.Database | undefined;
  try {
    db = startWorkbookFile(temporary);
    db.exec('BEGIN IMMEDIATE');
    const opened = db;
    await withinWriteScopeAsync(opened, () => fill(opened as WriteDb));
    db.exec('COMMIT');
    finishWorkbookFile(db, temporary, file);
  } catch (error) {
    if (db?.inTransaction) db.exec('ROLLBACK');
    db?.close();
    throw creationError(error, file, temporary);
  }
}

function startWorkbookFile(temporary: string): Database.Database {
  const db = new Database(temporary);
  applyConnectionSettings(db, true);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, LATEST_SCHEMA_VERSION);
  return db;
}

function finishWorkbookFile(db: Database.Database, temporary: string, file: string, options: CreateOptions = {}): void {
  verifyWorkbook(db, file, LATEST_SCHEMA_VERSION);
  options.beforePublish?.(db as WriteDb);
  db.close();
  fsyncFile(temporary);
  publishFile(temporary, file, options.overwrite ?? false);
}

/** Removes what a failed creation left and says why it failed. */
function creationError(error: unknown, file: string, temporary: string): Error {
  removeQuietly(temporary);
  removeQuietly(`${temporary}-journal`);
  if (error instanceof AppError) return error;
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    return new AppError('already-exists', `"${path.basename(file)}" already exists. Choose another name.`, { path: 'A file with this name already exists' });
  }
  if (typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('SQLITE')) {
    return new AppError('io', `"${path.basename(file)}" could not be created (${(error as { code: string }).code}).`);
  }
  return fileSystemError(error, file);
}
