// Plain-English headings for each error code, in one place. The core's message says the detail.
import type { ApiError, ErrorCode } from '../../../shared/api/result.ts';

const HEADINGS: Record<ErrorCode, string> = {
  'invalid-input': 'Check what you entered',
  'not-found': 'File not found',
  'not-a-workbook': 'This is not a workbook',
  damaged: 'This workbook is damaged',
  'too-new': 'This workbook needs a newer version',
  'in-use': 'This workbook is already open',
  'in-use-elsewhere': 'Someone else is editing this workbook',
  'read-only': 'This workbook is read-only',
  'already-exists': 'That file already exists',
  'replaces-workbook': 'That would replace a workbook',
  io: 'The file could not be read or written',
  'not-open': 'This workbook is no longer open',
  cancelled: 'Cancelled',
  forbidden: 'Not allowed',
  internal: 'Something went wrong',
};

/** `about` is what the planner gave: a form's entries, or a file being imported (whose problems are in the file, not in anything typed). */
export function errorHeading(error: ApiError, about: 'entry' | 'file' = 'entry'): string {
  if (error.code === 'invalid-input' && about === 'file') return 'Check the file';
  return HEADINGS[error.code] ?? HEADINGS.internal;
}
