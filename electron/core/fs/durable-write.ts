// Writing files so they survive a crash or power cut: temporary file in the destination folder,
// fsync, rename into place, fsync the folder.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or delete in `dir` durable. Some platforms cannot fsync a folder; that is not an error. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some network file systems refuse to open or sync a directory.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A hidden temporary name beside `file`, so the final rename stays on one file system. */
export function temporaryPathBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Best effort: a leftover temporary file is harmless and hidden.
  }
}

/** Creates `file` (failing with EEXIST if it is there), writes `contents` and fsyncs it. */
export function createFileSynced(file: string, contents: string | Uint8Array): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `contents` to `file` atomically and durably. */
export function writeFileDurably(file: string, contents: string | Uint8Array): void {
  const temporary = temporaryPathBeside(file);
  try {
    createFileSynced(temporary, contents);
    fs.renameSync(temporary, file);
    fsyncDirectory(path.dirname(file));
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * Moves a finished temporary file to `file`, refusing to replace an existing one unless asked.
 * A hard link is an atomic "create if absent"; where links are not supported we check, then rename.
 */
export function publishFile(temporary: string, file: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(temporary, file);
  } else {
    try {
      fs.linkSync(temporary, file);
      fs.rmSync(temporary);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      if (fs.existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
      fs.renameSync(temporary, file);
    }
  }
  fsyncDirectory(path.dirname(file));
}
