// Every error code the core can send has its own plain-English heading; an unknown code (from a
// newer core) falls back to the general one rather than showing nothing.
import { describe, expect, it } from 'vitest';
import { errorHeading } from '../../../renderer/src/api/error-messages.ts';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/result.ts';

const heading = (code: string) => errorHeading({ code: code as ErrorCode, message: 'detail' });

describe('errorHeading', () => {
  it('gives each error code a heading of its own, in plain words (a code left out would share the fallback)', () => {
    const headings = ERROR_CODES.map(heading);
    expect(new Set(headings).size).toBe(ERROR_CODES.length);
    for (const [index, text] of headings.entries()) {
      // A sentence for people, never the code itself.
      expect(text, ERROR_CODES[index]).toMatch(/^[A-Z][a-z]/);
      expect(text, ERROR_CODES[index]).not.toBe(ERROR_CODES[index]);
    }
  });

  it.each<[ErrorCode, string]>([
    ['invalid-input', 'Check what you entered'],
    ['not-found', 'File not found'],
    ['not-a-workbook', 'This is not a workbook'],
    ['damaged', 'This workbook is damaged'],
    ['too-new', 'This workbook needs a newer version'],
    ['in-use', 'This workbook is already open'],
    ['in-use-elsewhere', 'Someone else is editing this workbook'],
    ['read-only', 'This workbook is read-only'],
    ['already-exists', 'That file already exists'],
    ['io', 'The file could not be read or written'],
    ['not-open', 'This workbook is no longer open'],
    ['cancelled', 'Cancelled'],
    ['forbidden', 'Not allowed'],
    ['internal', 'Something went wrong'],
  ])('heads %s with "%s"', (code, text) => {
    expect(heading(code)).toBe(text);
  });

  it('heads bad input in a file being imported as the file\'s problem, not the planner\'s entry', () => {
    expect(errorHeading({ code: 'invalid-input', message: 'Row 2 has no name.' }, 'file')).toBe('Check the file');
    expect(errorHeading({ code: 'io', message: 'The file could not be read.' }, 'file')).toBe('The file could not be read or written');
  });

  it('falls back to the general heading for a code it does not know', () => {
    expect(heading('quota-exceeded')).toBe('Something went wrong');
  });
});
