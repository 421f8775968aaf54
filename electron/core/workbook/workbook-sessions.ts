// The workbooks this process has open: a handle each, with its connection and (when editable)
// its lock. Opening runs every check first; an edit is acknowledged only once it is on disk.
import path from 'node:path';
import { AppError } from '../app-error.ts';
import { inspectWorkbookFile, openReadOnly, openWritable, type ReadDb, type WriteDb } from '../db/open-database.ts';
import { migrateWorkbookFile } from '../db/migrate-workbook.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { acquireLock, releaseLock, stillHoldsLock, type LockIdentity } from './workbook-lock.ts';
import type { LockOwner } from '../../../shared/api/workbook.ts';

export interface Session {
  handle: string;
  path: string;
  /** The file's own format version (a read-only older file is read through a migrated copy). */
  fileVersion: number;
  db: ReadDb;
  writable: WriteDb | null;
  lock: LockOwner | null;
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
    const absolute = path.resolve(file);
    const fileVersion = inspectWorkbookFile(absolute).header.userVersion;
    const db = openReadOnly(absolute);
    return this.add({ handle: this.newId(), path: absolute, fileVersion, db, writable: null, lock: null });
  }

  /** Takes the lock, migrates an older file (after a backup), then opens it for editing. */
  openForEditing(file: string, takeOverForeign: boolean): { session: Session; notices: string[] } {
    const absolute = path.resolve(file);
    inspectWorkbookFile(absolute);
    const { owner, notices } = acquireLock(absolute, this.identity, this.clock(), { takeOverForeign });
    try {
      const migration = migrateWorkbookFile(absolute, this.clock());
      if (migration.backupPath) {
        notices.push(`This workbook was updated to the current file format. A copy of it as it was is kept as "${path.basename(migration.backupPath)}".`);
      }
      const db = openWritable(absolute);
      const session = this.add({ handle: this.newId(), path: absolute, fileVersion: LATEST_SCHEMA_VERSION, db, writable: db, lock: owner });
      return { session, notices };
    } catch (error) {
      releaseLock(absolute, owner);
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

  /** The session's writable connection, after checking nobody has taken the lock over. */
  writableOf(handle: string): { session: Session; db: WriteDb } {
    const session = this.get(handle);
    if (!session.writable || !session.lock) {
      throw new AppError('read-only', `"${path.basename(session.path)}" is open read-only, so it cannot be changed. Save a copy to edit it.`);
    }
    if (!stillHoldsLock(session.path, session.lock)) {
      throw new AppError('in-use-elsewhere', `Someone else has taken over editing "${path.basename(session.path)}", so your change was not saved. Save a copy to keep working.`);
    }
    return { session, db: session.writable };
  }

  close(handle: string): boolean {
    const session = this.sessions.get(handle);
    if (!session) return false;
    this.sessions.delete(handle);
    session.db.close();
    if (session.lock) releaseLock(session.path, session.lock);
    return true;
  }

  closeAll(): void {
    for (const handle of [...this.sessions.keys()]) this.close(handle);
  }

  isOpenHere(file: string): boolean {
    const absolute = path.resolve(file);
    return [...this.sessions.values()].some((session) => session.path === absolute);
  }
}
