// One name per file: paths are compared, and workbooks locked, by their real path (links and `..`
// resolved), so opening or writing through a symbolic link reaches the same lock as the file.
import fs from 'node:fs';
import path from 'node:path';

/** The real path of `file`; where it (or a link's target) does not exist, its real folder joined with its name. */
export function realPathOf(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(realPathOf(parent), path.basename(absolute));
  }
}

/** True if `a` and `b` name the same file: the same real path, or the same file on disk. */
export function isSameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
