// Paths cross the host's API relative to the workbooks folder: requests are mapped in (and
// confined), responses mapped out (and anything outside the folder hidden).
import { PATH_FIELDS } from '../../shared/api/contract.ts';
import type { WorkbooksFolder } from './workbooks-folder.ts';

export function pathsIn(folder: WorkbooksFolder, request: unknown): unknown {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return request;
  const copy: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  for (const field of PATH_FIELDS) {
    if (typeof copy[field] === 'string') copy[field] = folder.resolve(copy[field]);
  }
  return copy;
}

/** Replaces every `path` string in a response with its relative form; drops list items outside. */
export function pathsOut(folder: WorkbooksFolder, value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string' && folder.relative((item as { path: string }).path) === null))
      .map((item) => pathsOut(folder, item));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === 'path' && typeof inner === 'string' ? (folder.relative(inner) ?? '(outside the workbooks folder)') : pathsOut(folder, inner);
    }
    return out;
  }
  return value;
}
