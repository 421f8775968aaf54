// Reads an interchange file as untrusted input: size-capped, parsed, its format and version named
// before its contents are validated, every problem reported with where it is.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, InterchangeSchema, type Interchange } from '../../../shared/api/interchange.ts';

/** Interchange files above this are refused before parsing (a workbook of 20,000 records is ~20 MB). */
export const MAX_INTERCHANGE_BYTES = 256 * 1024 * 1024;

function lineAndColumn(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

export function parseInterchange(text: string, name: string): Interchange {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const where = lineAndColumn(text, (error as Error).message);
    throw new AppError('invalid-input', `"${name}" is not valid JSON${where}. Interchange files are written by "ewb dump"; check it was not edited by hand or cut short.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== INTERCHANGE_FORMAT) {
    throw new AppError('invalid-input', `"${name}" is not an Engagement Workbook interchange file (it has no "format": "${INTERCHANGE_FORMAT}").`);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > INTERCHANGE_VERSION) {
    throw new AppError('too-new', `"${name}" uses interchange version ${version}; this version of Engagement Workbook reads up to version ${INTERCHANGE_VERSION}. It needs a later version of the app.`);
  }
  const parsed = InterchangeSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldsFromIssues(parsed.error.issues);
    const [where, what] = Object.entries(fields)[0] ?? ['', 'is not valid'];
    const count = parsed.error.issues.length;
    const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
    throw new AppError('invalid-input', `"${name}" has a problem at ${where}: ${what}${more}. Nothing was imported.`, fields);
  }
  return parsed.data;
}

export function readInterchangeFile(file: string): Interchange {
  const name = path.basename(file);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new AppError('invalid-input', `"${name}" is a folder, not an interchange file.`);
    if (stat.size > MAX_INTERCHANGE_BYTES) {
      throw new AppError('invalid-input', `"${name}" is too large to import (${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_INTERCHANGE_BYTES / 1048576} MB).`);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileSystemError(error, file);
  }
  return parseInterchange(text, name);
}
