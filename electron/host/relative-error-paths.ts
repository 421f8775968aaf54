// The core's error messages name files as it sees them, by absolute path. Through the host a page
// knows only paths relative to the workbooks folder, so before an error leaves, the folder's own
// location is taken out of its message and field messages: "sub/plan.ewb", "the workbooks folder".
import fs from 'node:fs';
import path from 'node:path';
import type { ApiError } from '../../shared/api/result.ts';
import type { WorkbooksFolder } from './workbooks-folder.ts';

function rootsOf(folder: WorkbooksFolder): string[] {
  const roots = new Set([folder.root]);
  try {
    roots.add(fs.realpathSync(folder.root));
  } catch {
    // The folder has gone: its given path is all there is to hide.
  }
  // Longest first, so a root inside another is not half replaced.
  return [...roots].sort((a, b) => b.length - a.length);
}

export function relativeErrorPaths(folder: WorkbooksFolder, error: ApiError): ApiError {
  const roots = rootsOf(folder);
  const rewrite = (text: string): string => {
    let out = text;
    for (const root of roots) {
      // Inside the folder a path loses its root (and uses `/`, as the host's paths do); the folder itself gets a name.
      out = out.split(`${root}${path.sep}`).map((part, index) => (index === 0 ? part : part.replace(/^[^\s"“”]*/, (rest) => rest.split(path.sep).join('/')))).join('');
      out = out.split(root).join('the workbooks folder');
    }
    return out;
  };
  const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key, rewrite(message)])) : undefined;
  return { ...error, message: rewrite(error.message), ...(fields ? { fields } : {}) };
}
