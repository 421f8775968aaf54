// Checks a workbook on a private copy on disk, never on the file itself and never in memory.
// SQLite verifies CHECK constraints in integrity_check only on a connection that could write, so
// the checks need a writable database; a copy gives one without any risk to the file, and a copy
// on disk keeps memory flat whatever the file's size. A file with a journal beside it (an
// unfinished change, or one crafted to look like it) is copied with its journal, so the change is
// undone and the result checked in the copy before the real file is touched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { makePrivateFolder, removeFolderQuietly } from '../fs/temporary-files.ts';
import { fileSystemError } from './inspect-header.ts';

export function journalPathFor(file: string): string {
  return `${file}-journal`;
}

/** True if a rollback journal (or something in its place) is beside `file`. */
export function hasJournal(file: string): boolean {
  try {
    fs.lstatSync(journalPathFor(file));
    return true;
  } catch {
    return false;
  }
}

/** Refuses a "journal" that is not an ordinary file: SQLite would read through a link or wait on a FIFO. */
function checkJournalIsOrdinary(file: string): void {
  const journal = journalPathFor(file);
  const stat = fs.lstatSync(journal);
  if (!stat.isFile()) {
    throw new AppError(
      'not-a-workbook',
      `"${path.basename(file)}" has something beside it called "${path.basename(journal)}" that is not an ordinary file, so it is not opened. Remove it if you did not put it there.`,
    );
  }
}

/**
 * Copies `file` to `copy` as one consistent state. Without a journal: under a SQLite read lock, so
 * no writer (in any process) can change the file while it is copied. With one: the journal first,
 * then the file — undoing the journal is idempotent, so a copy taken while another process is
 * recovering the file still gives the state before the unfinished change.
 */
function copyConsistently(file: string, copy: string): 'plain' | 'with-journal' {
  if (!hasJournal(file)) {
    const reader = new Database(file, { readonly: true, fileMustExist: true, timeout: 2000 });
    try {
      reader.exec('BEGIN');
      // The first read takes SQLite's shared lock (and fails if a journal appeared meanwhile).
      reader.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      // Copying through another descriptor: closing it drops this process's POSIX locks on the
      // file, but no other connection here holds one between synchronous calls, and ours is no
      // longer needed once the bytes are copied.
      fs.copyFileSync(file, copy);
      reader.exec('COMMIT');
      return 'plain';
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code !== 'SQLITE_READONLY_ROLLBACK' || !hasJournal(file)) throw error;
    } finally {
      reader.close();
    }
  }
  checkJournalIsOrdinary(file);
  fs.copyFileSync(journalPathFor(file), journalPathFor(copy));
  fs.copyFileSync(file, copy);
  return 'with-journal';
}

export interface WorkingCopy {
  /** The copy's path, in a private folder. */
  path: string;
  /** True if a journal came with it and has been undone in the copy. */
  recovered: boolean;
  /** Removes the copy and its folder. */
  dispose(): void;
}

/**
 * Makes a private copy of `file` (with its journal, if any, undone in the copy). The caller checks
 * and opens it; `dispose` removes it. The file and its journal are only read.
 */
export function makeWorkingCopy(file: string, tempRoot?: string): WorkingCopy {
  const folder = makePrivateFolder(tempRoot);
  const copy = path.join(folder, 'copy.ewb');
  const dispose = () => removeFolderQuietly(folder);
  try {
    const how = copyConsistently(file, copy);
    if (how === 'with-journal') {
      // Opening the copy for writing and reading it makes SQLite undo the journal, in the copy.
      const db = new Database(copy, { fileMustExist: true });
      try {
        db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      } finally {
        db.close();
      }
    }
    return { path: copy, recovered: how === 'with-journal', dispose };
  } catch (error) {
    dispose();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE')) throw error;
    if (code === 'ENOSPC') {
      throw new AppError('io', `There is not enough free space in the temporary folder to check "${path.basename(file)}" (it needs as much as the file's size). Free some space and try again.`);
    }
    throw fileSystemError(error, file);
  }
}
