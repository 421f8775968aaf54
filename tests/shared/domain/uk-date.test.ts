// One way of writing a date on every screen and in every message: "31 March 2028".
import { describe, expect, it } from 'vitest';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';

describe('formatUkDate', () => {
  it('writes a calendar date with the day, the month in words and the year', () => {
    expect(formatUkDate('2028-03-31')).toBe('31 March 2028');
    expect(formatUkDate('2027-04-01')).toBe('1 April 2027');
    expect(formatUkDate('2026-12-09')).toBe('9 December 2026');
  });

  it('leaves anything that is not a calendar date as it is, and nothing as nothing', () => {
    expect(formatUkDate('')).toBe('');
    expect(formatUkDate(null)).toBe('');
    expect(formatUkDate('2028-13-01')).toBe('2028-13-01');
    expect(formatUkDate('soon')).toBe('soon');
  });
});
