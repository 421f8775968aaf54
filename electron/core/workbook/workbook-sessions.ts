// The workbooks this process has open: a handle each, with its connection and (when editable)
// its lock. Opening runs every check first; an edit is acknowledged only once it is on disk.
// Files are known by their real path, so a link to a workbook reaches the same lock and session.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import { openSnapshot, openWritable, recoverUnfinishedChange, type ReadDb, type WriteDb } from '../db/open-database.ts';
import { migrateWorkbookFile } from '../db/migrate-workbook.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { statOrdinaryFile } from '../db/inspect-header.ts';
import { realPathOf } from '../fs/real-path.ts';
import { acquireLock, releaseLock, stillHoldsLock, type LockIdentity } from './workbook-lock.ts';
import type { LockOwner } from '../../../shared/api/workbook.ts';

export interface Session {
  handle: string;
  /** The path the workbook was opened by (absolute), as shown to the user. */
  path: string;
  /** Its real path (links resolved): what locks and comparisons use. */
  realPath: string;
  /** The file's own format version (a read-only older file is read through a migrated copy). */
  fileVersion: number;
  db: ReadDb;
  writable: WriteDb | null;
  lock: LockOwner | null;
  /** Which file on disk was opened for editing, to notice it being replaced or removed. */
  fileId: { dev: number; ino: number } | null;
}

export interface Opened {
  session: Session;
  notices: string[];
}

/** Why `file` must not be opened for editing although its folder allows a lock, or null. */
function writeBlockedReason(file: string, shownAs: string): string | null {
  const name = path.basename(shownAs);
  const stat = statOrdinaryFile(file, shownAs);
  let writable = (stat.mode & 0o222) !== 0;
  if (writable) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  return writable
    ? null
    : `"${name}" is read-only: its file permissions do not allow changes, so it has been opened read-only. Save a copy to edit it, or ask whoever manages the file to allow changes.`;
}

function fileIdOf(file: string): { dev: number; ino: number } | null {
  try {
    const stat = fs.statSync(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

export class WorkbookSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly identity: LockIdentity;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(identity: LockIdentity, clock: () => Date, newId: () => string) {
    this.identity = identity;
    this.clock = clock;
    this.newId = newId;
  }

  openForReading(file: string): Session {
    const shown = path.resolve(file);
    const realPath = realPathOf(file);
    const { db, fileVersion } = openSnapshot(realPath);
    return this.add({ handle: this.newId(), path: shown, realPath, fileVersion, db, writable: null, lock: null, fileId: null });
  }

  /**
   * Takes the lock (taking it over from whoever holds it when `takeOver`), undoes an unfinished
   * change after checking it on a copy, migrates an older file (after a backup), then opens it for
   * editing. A file that may not be changed (read-only permissions, or a folder where no lock can
   * be written) is opened read-only instead, and the user told why.
   */
  openForEditing(file: string, takeOver: boolean): Opened {
    const shown = path.resolve(file);
    const realPath = realPathOf(file);
    const name = path.basename(shown);
    const blocked = writeBlockedReason(realPath, shown);
    if (blocked) return { session: this.openForReading(file), notices: [blocked] };
    const notices: string[] = [];
    if (takeOver) {
      // Taking over from a window or tab of this app: its handle stops working, then the lock is free.
      const here = this.sessionsEditing(realPath);
      for (const session of here) this.close(session.handle);
      if (here.length > 0) notices.push(`"${name}" was open for editing in another window or tab of this app; that one can no longer save changes.`);
    }
    let owner: LockOwner;
    try {
      const acquired = acquireLock(realPath, this.identity, this.clock(), { takeOver });
      owner = acquired.owner;
      notices.push(...acquired.notices);
    } catch (error) {
      if (error instanceof AppError && error.code === 'read-only') {
        return { session: this.openForReading(file), notices: [`${error.message} It has been opened read-only; save a copy elsewhere to edit it.`] };
      }
      throw error;
    }
    try {
      if (recoverUnfinishedChange(realPath)) {
        notices.push(`"${name}" was not closed properly last time. Its unfinished change was checked and undone, so it is as it was when last saved.`);
      }
      const migration = migrateWorkbookFile(realPath, this.clock());
      if (migration.backupPath) {
        notices.push(`This workbook was updated to the current file format. A copy of it as it was is kept as "${path.basename(migration.backupPath)}".`);
      }
      const db = openWritable(realPath);
      const session = this.add({ handle: this.newId(), path: shown, realPath, fileVersion: LATEST_SCHEMA_VERSION, db, writable: db, lock: owner, fileId: fileIdOf(realPath) });
      return { session, notices };
    } catch (error) {
      releaseLock(realPath, owner);
      throw error;
    }
  }

  private add(session: Session): Session {
    this.sessions.set(session.handle, session);
    return session;
  }

  get(handle: string): Session {
    const session = this.sessions.get(handle);
    if (!session) throw new AppError('not-open', 'That workbook is no longer open. Open it again from the home screen.');
    return session;
  }

  /**
   * The session's writable connection, after checking nobody has taken the lock over and the file
   * on disk is still the one opened (not replaced or removed by another program).
   */
  writableOf(handle: string): { session: Session; db: WriteDb } {
    const session = this.get(handle);
    const name = path.basename(session.path);
    if (!session.writable || !session.lock) {
      throw new AppError('read-only', `"${name}" is open read-only, so it cannot be changed. Save a copy to edit it.`);
    }
    if (!stillHoldsLock(session.realPath, session.lock)) {
      throw new AppError('in-use-elsewhere', `Someone else has taken over editing "${name}", so your change was not saved. Save a copy to keep working.`);
    }
    const now = fileIdOf(session.realPath);
    if (!now || !session.fileId || now.dev !== session.fileId.dev || now.ino !== session.fileId.ino) {
      throw new AppError(
        'io',
        `"${name}" was replaced or removed by another program while it was open, so your change was not saved (and the file now there was not touched). Use Save a Copy to keep the workbook as you see it.`,
      );
    }
    return { session, db: session.writable };
  }

  close(handle: string): boolean {
    const session = this.sessions.get(handle);
    if (!session) return false;
    this.sessions.delete(handle);
    session.db.close();
    if (session.lock) releaseLock(session.realPath, session.lock);
    return true;
  }

  closeAll(): void {
    for (const handle of [...this.sessions.keys()]) this.close(handle);
  }

  /** The sessions that have the file at this real path open for editing. */
  private sessionsEditing(realPath: string): Session[] {
    return [...this.sessions.values()].filter((session) => session.writable !== null && session.realPath === realPath);
  }

  /** True if any session here has `file` open (by real path, so links count). */
  isOpenHere(file: string): boolean {
    const realPath = realPathOf(file);
    return [...this.sessions.values()].some((session) => session.realPath === realPath);
  }
}
