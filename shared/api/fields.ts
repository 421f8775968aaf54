// Field schemas shared by every record and request: plain text, calendar dates, timestamps, ids, file paths.
import { z } from 'zod';

// Characters no planner types on purpose and Word refuses: C0 controls except tab, LF and CR, and U+FFFE/FFFF.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The length error says how long the text is now, so the planner knows how much to cut. */
export function tooLong(max: number, input: unknown): string {
  const now = typeof input === 'string' ? `: it is ${input.length.toLocaleString('en-GB')} now` : '';
  return `Keep this to ${max.toLocaleString('en-GB')} characters or fewer${now}`;
}

/** Free text of at most `max` characters, without control characters. */
export function plainText(max: number, missing = 'Enter text here') {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : 'Enter text here') })
    .max(max, { error: (issue) => tooLong(max, issue.input) })
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'Remove the control characters (they cannot be printed)')
    .refine((text) => text.isWellFormed(), 'Remove the broken characters (an unpaired surrogate)');
}

/** Text that must say something: trimmed length at least 1. */
export function requiredText(max: number, missing: string) {
  return plainText(max, missing).refine((text) => text.trim().length > 0, missing);
}

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD, for example 2027-03-31')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'Enter a real date, for example 2027-03-31');
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** A moment as an ISO 8601 UTC timestamp, as the core's clock writes it. */
export const TimestampSchema = z.iso.datetime({ offset: false, message: 'Expected an ISO 8601 UTC timestamp' });

/**
 * Record and workbook ids: lower-case UUIDs, so they survive sharing and merging. Ids arriving in
 * upper or mixed case (API requests, interchange files) are lower-cased, so the same UUID typed
 * twice in different cases is one id, and a repeat is caught as a repeat.
 */
export const IdSchema = z.uuid({ message: 'Expected a UUID' }).toLowerCase();

/**
 * The mark on file-path schemas. The browser host finds every field built on FilePathSchema through
 * it (shared/api/file-path-fields.ts) and confines each to its workbooks folder; schemas derived
 * from FilePathSchema (`.max()`, `.refine()`, `.describe()`) inherit the mark.
 */
export const FILE_PATHS = z.registry<{ kind: 'file-path' }>();

/** A path to a file, as the user or a dialog gave it; the doors decide where it may point. */
export const FilePathSchema = z
  .string()
  .min(1, 'Choose a file')
  .max(4096, 'That path is too long')
  .refine((text) => !text.includes('\u0000'), 'A path cannot contain a null character')
  .register(FILE_PATHS, { kind: 'file-path' });
