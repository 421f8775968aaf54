// Looks at a file's bytes before SQLite does: an opened workbook is untrusted input, and most
// wrong files (empty, text, another app's database, truncated, from the future) can be named
// from the 100-byte header alone without handing them to SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID } from './file-format.ts';
import { readFileStart } from '../fs/read-file-start.ts';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface HeaderInfo {
  size: number;
  pageSize: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
  wal: boolean;
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const byte of bytes) {
    if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127) || byte >= 128) printable += 1;
  }
  return printable / bytes.length > 0.95 && !bytes.includes(0);
}

/** Throws unless `file` is an ordinary file (not a folder, FIFO or device); returns its details. */
export function statOrdinaryFile(file: string, shownAs = file): fs.Stats {
  const name = path.basename(shownAs);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw fileSystemError(error, shownAs);
  }
  if (stat.isDirectory()) throw new AppError('not-a-workbook', `"${name}" is a folder, not a workbook file. Choose the .ewb file inside it.`);
  if (!stat.isFile()) throw new AppError('not-a-workbook', `"${name}" is not an ordinary file, so it cannot be a workbook.`);
  return stat;
}

/**
 * Throws an AppError naming the problem if `file` cannot be one of our workbooks. `shownAs` is the
 * name to use in messages when `file` is a private copy of it.
 */
export function inspectHeader(file: string, shownAs = file): HeaderInfo {
  const name = path.basename(shownAs);
  const stat = statOrdinaryFile(file, shownAs);
  if (stat.size === 0) {
    throw new AppError('not-a-workbook', `"${name}" is empty (0 bytes), so it holds no workbook. It may have been cut short while copying: look for an earlier copy.`);
  }
  let header: Buffer;
  try {
    header = readFileStart(file, 100);
  } catch (error) {
    throw fileSystemError(error, shownAs);
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    if (looksLikeText(header)) {
      throw new AppError('not-a-workbook', `"${name}" is a text file, not a workbook. Workbooks are saved by Engagement Workbook; to bring in a JSON export use "New from interchange file".`);
    }
    throw new AppError('not-a-workbook', `"${name}" is not an Engagement Workbook file: its contents are not a workbook database.`);
  }
  if (header.length < 100) {
    throw new AppError('damaged', `"${name}" is damaged: it is cut short (only ${stat.size} bytes). Use an earlier copy.`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const writeVersion = header[18] ?? 0;
  const readVersion = header[19] ?? 0;
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (!validPageSize || writeVersion < 1 || writeVersion > 2 || readVersion < 1 || readVersion > 2) {
    throw new AppError('damaged', `"${name}" is damaged: its file header is not valid. Use an earlier copy.`);
  }
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID) {
    throw new AppError('not-a-workbook', `"${name}" is a database made by another application, not an Engagement Workbook.`);
  }
  if (stat.size % pageSize !== 0) {
    throw new AppError('damaged', `"${name}" is damaged: it has been cut short (its size, ${stat.size} bytes, is not a whole number of ${pageSize}-byte pages). Use an earlier copy.`);
  }
  const pageCount = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const versionValidFor = header.readUInt32BE(92);
  if (changeCounter === versionValidFor && pageCount > 0 && stat.size < pageCount * pageSize) {
    throw new AppError('damaged', `"${name}" is damaged: it has been cut short (it holds ${stat.size} of the ${pageCount * pageSize} bytes it should). Use an earlier copy.`);
  }
  return {
    size: stat.size,
    pageSize,
    pageCount,
    userVersion: header.readInt32BE(60),
    applicationId,
    wal: writeVersion === 2 || readVersion === 2,
  };
}

/** A file-system error as an AppError that says what happened in plain words. */
export function fileSystemError(error: unknown, file: string): AppError {
  const name = path.basename(file);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new AppError('not-found', `There is no file "${name}" at ${path.dirname(file)}. It may have been moved or renamed.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('io', `"${name}" cannot be read: you do not have permission. Ask whoever manages that folder for access.`);
    case 'EISDIR':
      return new AppError('not-a-workbook', `"${name}" is a folder, not a workbook file.`);
    case 'ENOSPC':
      return new AppError('io', `There is no space left to write "${name}". Free some space and try again.`);
    case 'EROFS':
      return new AppError('read-only', `"${name}" is on a drive that cannot be written to.`);
    default:
      return new AppError('io', `"${name}" could not be read or written (${code ?? 'unknown error'}).`);
  }
}
