// The host's own answers to the shell contract: a file browser over the workbooks folder (showing
// who holds each workbook's "in use" marker) and uploads into it, standing in for the native
// dialogs Electron has. An upload passes the core's write guard like every other write.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, APPLICATION_ID, createFileSynced, publishFile, removeQuietly, temporaryPathBeside, fileSystemError, type WriteIntent } from '../core/index.ts';
import type { FolderEntry } from '../../shared/api/shell-contract.ts';
import type { LockStatus } from '../../shared/api/workbook.ts';
import type { WorkbooksFolder } from './workbooks-folder.ts';

/** What the host's file methods need from the core. */
export interface HostFileServices {
  lockOf(file: string): LockStatus | null;
  guardWrite(target: string, intent: WriteIntent): void;
  beginTemporary(file: string): () => void;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

function isWorkbookContent(bytes: Buffer): boolean {
  return bytes.length >= 100 && bytes.subarray(0, 16).equals(SQLITE_MAGIC) && bytes.readUInt32BE(68) === APPLICATION_ID;
}

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const SAFE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+$/;

export function listFolder(folder: WorkbooksFolder, relative: string, services: Pick<HostFileServices, 'lockOf'>): { folder: string; entries: FolderEntry[] } {
  const absolute = folder.resolve(relative);
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    throw fileSystemError(error, absolute);
  }
  const entries: FolderEntry[] = [];
  for (const dirent of names) {
    // Hidden files, lock files and temporary files are not listed; a lock is shown on its workbook.
    if (dirent.name.startsWith('.') || dirent.name.startsWith('~$')) continue;
    const full = path.join(absolute, dirent.name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    const rel = folder.relative(full);
    if (rel === null) continue; // a link out of the folder is not shown
    const entry: FolderEntry = { name: dirent.name, path: rel, kind: stat.isDirectory() ? 'folder' : 'file', size: stat.isDirectory() ? 0 : stat.size, modified: stat.mtime.toISOString() };
    const lock = entry.kind === 'file' && dirent.name.toLowerCase().endsWith('.ewb') ? services.lockOf(full) : null;
    entries.push(lock ? { ...entry, lock } : entry);
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  return { folder: folder.relative(absolute) ?? '', entries };
}

function alreadyThere(name: string): AppError {
  return new AppError('already-exists', `"${name}" is already in the workbooks folder. Rename the file, or replace the existing one.`, { name: 'A file with this name already exists' });
}

export function uploadFile(
  folder: WorkbooksFolder,
  request: { folder: string; name: string; contentBase64: string; overwrite: boolean; replaceWorkbook: boolean },
  services: Pick<HostFileServices, 'guardWrite' | 'beginTemporary'>,
): { path: string } {
  if (!SAFE_NAME.test(request.name) || request.name === '.' || request.name === '..' || request.name.startsWith('.')) {
    throw new AppError('invalid-input', `"${request.name}" cannot be used as a file name. Use letters, numbers, spaces and dashes.`, { name: 'Choose another file name' });
  }
  const target = folder.resolve(request.folder ? `${request.folder}/${request.name}` : request.name);
  const bytes = Buffer.from(request.contentBase64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('invalid-input', `"${request.name}" is too large to upload (the limit is 64 MB).`);
  // Not asked to replace: say the file exists before asking anything about what it is.
  if (!request.overwrite && fs.existsSync(target)) throw alreadyThere(request.name);
  services.guardWrite(target, { content: isWorkbookContent(bytes) ? 'workbook' : 'other', replaceWorkbook: request.replaceWorkbook });
  const temporary = temporaryPathBeside(target);
  const forget = services.beginTemporary(temporary);
  try {
    createFileSynced(temporary, bytes);
    publishFile(temporary, target, request.overwrite);
  } catch (error) {
    removeQuietly(temporary);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyThere(request.name);
    throw fileSystemError(error, target);
  } finally {
    forget();
  }
  return { path: folder.relative(target) ?? request.name };
}
