// Confines the browser host's file paths to its workbooks folder: relative paths only, no `..`,
// and no symlink that leads out. Paths cross the API relative to the folder, `/`-separated.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/index.ts';

function realpathOfDeepestExisting(target: string): { real: string; rest: string[] } {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      return { real: fs.realpathSync(current), rest };
    } catch {
      const parent = path.dirname(current);
      if (parent === current) throw new AppError('forbidden', 'That location is outside the workbooks folder.');
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export class WorkbooksFolder {
  readonly root: string;
  private readonly realRoot: string;

  constructor(root: string) {
    fs.mkdirSync(root, { recursive: true });
    this.root = path.resolve(root);
    this.realRoot = fs.realpathSync(this.root);
  }

  /** The absolute path for a relative one, or a `forbidden` error naming why it is refused. */
  resolve(relative: string): string {
    if (typeof relative !== 'string') throw new AppError('invalid-input', 'Expected a path.');
    if (relative.includes('\u0000')) throw new AppError('forbidden', 'A path cannot contain a null character.');
    const normalised = relative.replace(/\\/g, '/');
    if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised) || path.isAbsolute(relative)) {
      throw new AppError('forbidden', `"${relative}" is an absolute path; the browser host only opens files inside its workbooks folder.`);
    }
    if (normalised.split('/').some((segment) => segment === '..')) {
      throw new AppError('forbidden', `"${relative}" points outside the workbooks folder.`);
    }
    const absolute = path.resolve(this.realRoot, normalised);
    if (!isInside(this.realRoot, absolute)) throw new AppError('forbidden', `"${relative}" points outside the workbooks folder.`);
    const { real, rest } = realpathOfDeepestExisting(absolute);
    const effective = path.join(real, ...rest);
    if (!isInside(this.realRoot, effective)) {
      throw new AppError('forbidden', `"${relative}" leads outside the workbooks folder through a link, so it is refused.`);
    }
    return effective;
  }

  /** The relative form of an absolute path inside the folder, or null if it is outside. */
  relative(absolute: string): string | null {
    let real = absolute;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      try {
        real = path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
      } catch {
        // The file's folder is gone: compare as given.
      }
    }
    if (!isInside(this.realRoot, real)) return null;
    return path.relative(this.realRoot, real).split(path.sep).join('/');
  }
}
