// Paths cross the host's API relative to the workbooks folder: requests are mapped in (and
// confined), responses mapped out (and anything outside the folder hidden). The request fields
// mapped in are found in the method's own schema: every field built on FilePathSchema.
import type { z } from 'zod';
import { rewriteFilePaths } from '../../shared/api/file-path-fields.ts';
import type { WorkbooksFolder } from './workbooks-folder.ts';

/** `request` with each file path its schema allows resolved inside the folder; throws `forbidden` for one outside. */
export function pathsIn(folder: WorkbooksFolder, schema: z.core.$ZodType, request: unknown): unknown {
  return rewriteFilePaths(schema, request, (relative) => folder.resolve(relative));
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
