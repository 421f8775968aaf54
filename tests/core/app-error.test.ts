// Errors as the user sees them: an AppError's message with any control characters it quotes from a
// damaged or hostile file shown as visible symbols, line breaks kept; anything else hidden behind a
// message that says what to do.
import { describe, expect, it } from 'vitest';
import { AppError, printableMessage, toApiError } from '../../electron/core/app-error.ts';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };

describe('errors shown to the user', () => {
  it('shows control characters a message quotes as visible symbols, keeping line breaks and tabs', () => {
    expect(printableMessage('the month "\u0000\u001b[31m2024" is not a month')).toBe('the month "\u2400\u241b[31m2024" is not a month');
    expect(printableMessage('bell\u0007 and delete\u007f')).toBe('bell\u2407 and delete\u2421');
    expect(printableMessage('line one\nline two\tand a tab')).toBe('line one\nline two\tand a tab');
    expect(toApiError(new AppError('invalid-input', '"crime.csv" line 2: "\u0001Burglary" is not a police.uk crime type', { file: 'x' }), quiet)).toEqual({
      code: 'invalid-input',
      message: '"crime.csv" line 2: "\u2401Burglary" is not a police.uk crime type',
      fields: { file: 'x' },
    });
  });

  it('hides an unexpected error behind a message that says what to do', () => {
    const logged: unknown[] = [];
    const error = toApiError(new TypeError('x is undefined'), { ...quiet, error: (_message: string, detail?: unknown) => void logged.push(detail) });
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('undefined');
    expect(logged).toHaveLength(1);
  });
});
