// The one check before anything is written to a path a user or a page chose (a copy, a dump, an
// export, an upload, a new workbook): never over a workbook that is open or locked, never over
// the file being read, never as one of the files SQLite or the lock keep beside a workbook, and
// never something that is not a workbook over one without its own confirmation.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID, WORKBOOK_EXTENSION } from '../db/file-format.ts';
import { readFileStart } from '../fs/read-file-start.ts';
import { isSameFile, realPathOf } from '../fs/real-path.ts';
import { lockStatus, type LockIdentity } from './workbook-lock.ts';

export interface WriteIntent {
  /** What will be written: a workbook (a copy, a new one) or anything else (JSON, Word, Excel, an upload). */
  content: 'workbook' | 'other';
  /** The user confirmed, separately from "overwrite", that a workbook there may be replaced by something that is not one. */
  replaceWorkbook?: boolean;
  /** Files this write is made from: never written over. */
  sources?: readonly string[];
}

export interface WriteGuard {
  isOpenHere(file: string): boolean;
  identity: LockIdentity;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

/** True if `file` is (or is named as) a workbook: a .ewb name, or our database header. */
function looksLikeWorkbook(file: string): boolean {
  if (path.extname(file).toLowerCase() === WORKBOOK_EXTENSION) return true;
  try {
    // Only an ordinary file is read: a FIFO would block and a device never ends.
    if (!fs.statSync(file).isFile()) return false;
    const header = readFileStart(file, 100);
    return header.length === 100 && header.subarray(0, 16).equals(SQLITE_MAGIC) && header.readUInt32BE(68) === APPLICATION_ID;
  } catch {
    return false;
  }
}

/** Names the app or SQLite keep beside a workbook: writing one could plant a journal or a lock. */
function isCompanionName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('~$') || lower.endsWith('-journal') || lower.endsWith('-wal') || lower.endsWith('-shm');
}

/** Throws a clear refusal if `target` must not be written as `intent` says; otherwise returns. */
export function guardWriteTarget(target: string, intent: WriteIntent, guard: WriteGuard): void {
  const name = path.basename(target);
  if (isCompanionName(name)) {
    throw new AppError('forbidden', `"${name}" is a name Engagement Workbook keeps for its own files beside a workbook. Choose another name.`, { destination: 'Choose another name' });
  }
  const real = realPathOf(target);
  for (const source of intent.sources ?? []) {
    if (isSameFile(source, real)) {
      throw new AppError('invalid-input', `"${name}" is the workbook this is made from: writing over it would destroy it. Choose another name.`, { destination: 'Choose a different file' });
    }
  }
  if (guard.isOpenHere(real)) {
    throw new AppError('in-use', `"${name}" is a workbook open in Engagement Workbook, so it cannot be written over. Choose another name, or close it first.`, { destination: 'This workbook is open' });
  }
  const lock = lockStatus(real, guard.identity);
  if (lock && lock.state !== 'stale') {
    const who = lock.state === 'damaged' ? 'someone (its "in use" marker cannot be read)' : lock.state === 'elsewhere' ? `${lock.user} on ${lock.host}` : `${lock.user} on this computer`;
    throw new AppError(
      lock.state === 'elsewhere' ? 'in-use-elsewhere' : 'in-use',
      `"${name}" is a workbook open for editing by ${who}, so it cannot be written over. Choose another name.`,
      { destination: 'This workbook is in use' },
    );
  }
  if (intent.content === 'other' && !intent.replaceWorkbook && fs.existsSync(real) && looksLikeWorkbook(real)) {
    throw new AppError(
      'replaces-workbook',
      `"${name}" is a workbook. Writing this file there would replace the workbook and everything in it. Choose another name, or confirm that the workbook should be replaced.`,
      { destination: 'This is a workbook' },
    );
  }
}
