// The "in use" lock: an owner file beside the workbook, as Office does, saying who has it open for
// writing. Read-only work never takes it. A lock from a process that has died on this computer is
// taken over; one from another computer is the user's decision.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { createFileSynced, fsyncDirectory, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import type { LockOwner } from '../../../shared/api/workbook.ts';

const LockFileSchema = z.object({
  app: z.literal('engagement-workbook'),
  user: z.string().max(200),
  host: z.string().max(300),
  pid: z.number().int().nonnegative(),
  since: z.string().max(40),
});

export interface LockIdentity {
  user: string;
  host: string;
  pid: number;
}

/** `Strategy.ewb` → `~$Strategy.ewb.lock`, in the same folder. */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `~$${path.basename(file)}.lock`);
}

/** True if a process with this id exists on this computer (EPERM: it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockOwner | 'unreadable' | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPathFor(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { user: parsed.data.user, host: parsed.data.host, pid: parsed.data.pid, since: parsed.data.since } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function describeSince(since: string): string {
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return '';
  return ` since ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function lockText(owner: LockOwner): string {
  return `${JSON.stringify({ app: 'engagement-workbook', ...owner }, null, 2)}\n`;
}

/**
 * Creates the lock only if there is none, and never visibly empty: the owner is written to a
 * temporary file first and hard-linked into place (link fails if the lock exists). Where hard
 * links are not supported, falls back to an exclusive create.
 */
function writeNewLock(lockPath: string, owner: LockOwner): void {
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

function replaceLock(lockPath: string, owner: LockOwner): void {
  const temporary = temporaryPathBeside(lockPath);
  try {
    fs.writeFileSync(temporary, lockText(owner), { flag: 'wx' });
    fs.renameSync(temporary, lockPath);
    fsyncDirectory(path.dirname(lockPath));
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

export interface AcquireOptions {
  /** The user has chosen to take over a lock held on another computer. */
  takeOverForeign: boolean;
}

/**
 * Takes the lock for `file`, or throws `in-use` (alive here) / `in-use-elsewhere` (another
 * computer). Returns notices to show the user, e.g. that a stale lock was taken over.
 */
export function acquireLock(file: string, me: LockIdentity, now: Date, options: AcquireOptions): { owner: LockOwner; notices: string[] } {
  const lockPath = lockPathFor(file);
  const owner: LockOwner = { ...me, since: now.toISOString() };
  const name = path.basename(file);
  try {
    writeNewLock(lockPath, owner);
    return { owner, notices: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('read-only', `"${name}" is in a folder you cannot write to, so it can only be opened read-only.`);
    }
    if (code !== 'EEXIST') throw fileSystemError(error, lockPath);
  }
  const holder = readLock(file);
  const notices: string[] = [];
  if (holder === null) {
    // Released between our attempt and our look: try once more; if someone else got there
    // first, they hold it now.
    try {
      writeNewLock(lockPath, owner);
      return { owner, notices };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AppError('in-use', `"${name}" was opened for editing by someone else at the same moment. Try again, or open it read-only.`);
      }
      throw fileSystemError(error, lockPath);
    }
  }
  if (holder === 'unreadable') {
    notices.push(`"${name}" had a damaged "in use" marker; it was replaced.`);
  } else if (holder.host === me.host) {
    if (isProcessAlive(holder.pid)) {
      const who = holder.pid === me.pid ? 'this window or another one of yours' : `${holder.user} (process ${holder.pid})`;
      throw new AppError('in-use', `"${name}" is already open for editing on this computer by ${who}${describeSince(holder.since)}. Switch to it, or open this copy read-only.`);
    }
    notices.push(`"${name}" was left marked as in use by ${holder.user} when Engagement Workbook closed unexpectedly; that mark has been cleared and the workbook is yours to edit.`);
  } else if (!options.takeOverForeign) {
    throw new AppError(
      'in-use-elsewhere',
      `"${name}" is open for editing by ${holder.user} on ${holder.host}${describeSince(holder.since)}. Open it read-only, or — only if you are sure they have finished (their computer is off or the app closed unexpectedly) — take over editing.`,
    );
  } else {
    notices.push(`You took over editing "${name}" from ${holder.user} on ${holder.host}. Changes they make from now on will not be saved.`);
  }
  try {
    replaceLock(lockPath, owner);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new AppError('io', `"${name}" cannot be marked as in use: there is a folder called "${path.basename(lockPath)}" beside it. Remove that folder, or open the workbook read-only.`);
    }
    throw fileSystemError(error, lockPath);
  }
  const check = readLock(file);
  if (check === null || check === 'unreadable' || check.pid !== owner.pid || check.host !== owner.host || check.since !== owner.since) {
    throw new AppError('in-use', `"${name}" was opened by someone else at the same moment. Try again, or open it read-only.`);
  }
  return { owner, notices };
}

/** Removes the lock if it is still ours; a lock someone else took over is left alone. */
export function releaseLock(file: string, owner: LockOwner): void {
  const holder = readLock(file);
  if (holder && holder !== 'unreadable' && holder.pid === owner.pid && holder.host === owner.host && holder.since === owner.since) {
    removeQuietly(lockPathFor(file));
    fsyncDirectory(path.dirname(file));
  }
}

/** True if the lock on `file` is still the one we took (someone may have taken it over). */
export function stillHoldsLock(file: string, owner: LockOwner): boolean {
  const holder = readLock(file);
  return holder !== null && holder !== 'unreadable' && holder.pid === owner.pid && holder.host === owner.host && holder.since === owner.since;
}
