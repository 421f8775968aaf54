// The "in use" lock: an owner file beside the workbook, as Office does, saying who has it open for
// writing. Read-only work never takes it. A lock whose process has certainly ended on this computer
// is taken over; any other lock is taken over only when the user chooses to, after a warning. The
// lock file is read as untrusted input: never through a link, only if it is a small ordinary file.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { createFileSynced, fsyncDirectory, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { markerOwnerMayBeRunning, processStartTime } from '../fs/process-start.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import type { LockOwner, LockStatus } from '../../../shared/api/workbook.ts';

/** A lock file is a few hundred bytes; anything larger is not ours and is not read. */
const MAX_LOCK_BYTES = 4096;

const LockFileSchema = z.object({
  app: z.literal('engagement-workbook'),
  user: z.string().max(200),
  host: z.string().max(300),
  pid: z.number().int().nonnegative(),
  /** When the process started (see processStartTime); absent in locks from earlier versions. */
  started: z.string().max(100).nullable().optional(),
  since: z.string().max(40),
});

export interface LockIdentity {
  user: string;
  host: string;
  pid: number;
  /** When this process started; worked out from the pid when not given. */
  started?: string | null;
}

/** What a lock file says: its owner and when the owner's process started (null if unknown). */
export interface LockHolder extends LockOwner {
  started: string | null;
}

/** `Strategy.ewb` → `~$Strategy.ewb.lock`, in the same folder. Give it the workbook's real path. */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `~$${path.basename(file)}.lock`);
}

/**
 * The lock file's text, or null if there is none, or 'unreadable'. Opened without following a
 * link and without waiting (a FIFO would otherwise block), and read only if it is an ordinary file
 * of at most MAX_LOCK_BYTES: a link to /dev/zero or a huge file is never read.
 */
function readLockText(lockPath: string): string | null | 'unreadable' {
  try {
    // Windows has no O_NOFOLLOW: look at the entry itself first, there and everywhere.
    if (fs.lstatSync(lockPath).isSymbolicLink()) return 'unreadable';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  let fd: number;
  try {
    fd = fs.openSync(lockPath, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) return 'unreadable';
    const buffer = Buffer.alloc(MAX_LOCK_BYTES + 1);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return read > MAX_LOCK_BYTES ? 'unreadable' : buffer.subarray(0, read).toString('utf8');
  } catch {
    return 'unreadable';
  } finally {
    fs.closeSync(fd);
  }
}

export function readLock(file: string): LockHolder | 'unreadable' | null {
  const text = readLockText(lockPathFor(file));
  if (text === null || text === 'unreadable') return text;
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return 'unreadable';
    const { user, host, pid, since, started } = parsed.data;
    return { user, host, pid, since, started: started ?? null };
  } catch {
    return 'unreadable';
  }
}

function startedOf(me: LockIdentity): string | null {
  return me.started === undefined ? processStartTime(me.pid) : me.started;
}

/**
 * Who holds `file` and whether that can still be so: `mine` (this process), `here` (a process on
 * this computer that may still be running), `stale` (its process has certainly ended), `elsewhere`
 * (another computer: only its user knows), `damaged` (a lock file that cannot be read).
 */
export function lockStatus(file: string, me: LockIdentity): LockStatus | null {
  const holder = readLock(file);
  if (holder === null) return null;
  if (holder === 'unreadable') return { state: 'damaged' };
  const { user, host, pid, since } = holder;
  const described = { user, host, pid, since };
  if (host !== me.host) return { state: 'elsewhere', ...described };
  if (pid === me.pid && (holder.started === null || holder.started === startedOf(me))) return { state: 'mine', ...described };
  const running = markerOwnerMayBeRunning(pid, holder.started, new Date(since));
  return { state: running ? 'here' : 'stale', ...described };
}

function describeSince(since: string): string {
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return '';
  return ` since ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function lockText(owner: LockHolder): string {
  return `${JSON.stringify({ app: 'engagement-workbook', ...owner }, null, 2)}\n`;
}

/**
 * Creates the lock only if there is none, and never visibly empty: the owner is written to a
 * temporary file first and hard-linked into place (link fails if the lock exists). Where hard
 * links are not supported, falls back to an exclusive create.
 */
function writeNewLock(lockPath: string, owner: LockHolder): void {
  const temporary = temporaryPathBeside(lockPath);
  try {
    createFileSynced(temporary, lockText(owner));
    try {
      fs.linkSync(temporary, lockPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw error;
      createFileSynced(lockPath, lockText(owner));
    }
  } finally {
    removeQuietly(temporary);
  }
  fsyncDirectory(path.dirname(lockPath));
}

/** Replaces whatever is at the lock path (a file, a link, a FIFO) by renaming over it. */
function replaceLock(lockPath: string, owner: LockHolder): void {
  const temporary = temporaryPathBeside(lockPath);
  try {
    createFileSynced(temporary, lockText(owner));
    fs.renameSync(temporary, lockPath);
    fsyncDirectory(path.dirname(lockPath));
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

export interface AcquireOptions {
  /** The user has been warned and chose to take over a lock someone else may still hold. */
  takeOver: boolean;
}

/** The refusal for a lock that may still be held, telling the user they may take it over. */
function heldError(name: string, status: LockStatus, me: LockIdentity): AppError {
  const since = describeSince(status.since ?? '');
  if (status.state === 'elsewhere') {
    return new AppError(
      'in-use-elsewhere',
      `"${name}" is open for editing by ${status.user} on ${status.host}${since}. Open it read-only, or — only if you are sure they have finished (their computer is off or the app closed unexpectedly) — take over editing.`,
    );
  }
  const who = status.state === 'mine' || status.pid === me.pid ? 'this app (another window or tab)' : `${status.user} (process ${status.pid})`;
  return new AppError(
    'in-use',
    `"${name}" is already open for editing on this computer by ${who}${since}. Switch to it, or open this copy read-only. If you are sure it is no longer being edited there, you can take over editing.`,
  );
}

/**
 * Takes the lock for `file` (its real path), or throws `in-use` (this computer) /
 * `in-use-elsewhere` (another computer) unless `takeOver`. Returns notices for the user, e.g. that a
 * stale lock was cleared.
 */
export function acquireLock(file: string, me: LockIdentity, now: Date, options: AcquireOptions): { owner: LockOwner; notices: string[] } {
  const lockPath = lockPathFor(file);
  const holder: LockHolder = { user: me.user, host: me.host, pid: me.pid, started: startedOf(me), since: now.toISOString() };
  const owner: LockOwner = { user: holder.user, host: holder.host, pid: holder.pid, since: holder.since };
  const name = path.basename(file);
  try {
    writeNewLock(lockPath, holder);
    return { owner, notices: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('read-only', `"${name}" is in a folder you cannot write to, so it can only be opened read-only.`);
    }
    if (code !== 'EEXIST') throw fileSystemError(error, lockPath);
  }
  const status = lockStatus(file, me);
  const notices: string[] = [];
  if (status === null) {
    // Released between our attempt and our look: try once more; if someone else got there
    // first, they hold it now.
    try {
      writeNewLock(lockPath, holder);
      return { owner, notices };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AppError('in-use', `"${name}" was opened for editing by someone else at the same moment. Try again, or open it read-only.`);
      }
      throw fileSystemError(error, lockPath);
    }
  }
  if (status.state === 'damaged') {
    notices.push(`"${name}" had a damaged "in use" marker; it was replaced.`);
  } else if (status.state === 'stale') {
    notices.push(`"${name}" was left marked as in use by ${status.user} when Engagement Workbook closed unexpectedly; that mark has been cleared and the workbook is yours to edit.`);
  } else if (!options.takeOver) {
    throw heldError(name, status, me);
  } else if (status.state === 'elsewhere') {
    notices.push(`You took over editing "${name}" from ${status.user} on ${status.host}. Changes they make from now on will not be saved.`);
  } else {
    const who = status.state === 'mine' ? 'another window or tab of this app' : `${status.user} (process ${status.pid})`;
    notices.push(`You took over editing "${name}" from ${who} on this computer. Changes made there from now on will not be saved.`);
  }
  try {
    replaceLock(lockPath, holder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new AppError('io', `"${name}" cannot be marked as in use: there is a folder called "${path.basename(lockPath)}" beside it. Remove that folder, or open the workbook read-only.`);
    }
    throw fileSystemError(error, lockPath);
  }
  if (!stillHoldsLock(file, owner)) {
    throw new AppError('in-use', `"${name}" was opened by someone else at the same moment. Try again, or open it read-only.`);
  }
  return { owner, notices };
}

function isOwnedBy(holder: LockHolder | 'unreadable' | null, owner: LockOwner): boolean {
  return holder !== null && holder !== 'unreadable' && holder.pid === owner.pid && holder.host === owner.host && holder.since === owner.since;
}

/** Removes the lock if it is still ours; a lock someone else took over is left alone. */
export function releaseLock(file: string, owner: LockOwner): void {
  if (isOwnedBy(readLock(file), owner)) {
    removeQuietly(lockPathFor(file));
    fsyncDirectory(path.dirname(file));
  }
}

/** True if the lock on `file` is still the one we took (someone may have taken it over). */
export function stillHoldsLock(file: string, owner: LockOwner): boolean {
  return isOwnedBy(readLock(file), owner);
}

/**
 * Removes a lock that nobody can still hold (its process has ended on this computer) or that is
 * damaged; refuses any other, since its owner may be editing (they are taken over on opening).
 */
export function clearStaleLock(file: string, me: LockIdentity): { cleared: boolean } {
  const status = lockStatus(file, me);
  if (status === null) return { cleared: false };
  if (status.state !== 'stale' && status.state !== 'damaged') {
    throw heldError(path.basename(file), status, me);
  }
  removeQuietly(lockPathFor(file));
  fsyncDirectory(path.dirname(file));
  return { cleared: true };
}
