// A date typed as day, month and year: held as typed until it is a real date, and what is wrong
// said in the planner's terms — what is missing, what to type, and never a year of five digits.
import { describe, expect, it } from 'vitest';
import { dateProblem, partsOf, valueOfParts } from '../../../renderer/src/components/date-parts.ts';

describe('valueOfParts and partsOf', () => {
  it('makes a calendar date of a real day, month and year, with or without leading zeros', () => {
    expect(valueOfParts({ day: '31', month: '3', year: '2028' })).toBe('2028-03-31');
    expect(valueOfParts({ day: '01', month: '04', year: '2027' })).toBe('2027-04-01');
    expect(valueOfParts({ day: ' 9 ', month: '12', year: '2026 ' })).toBe('2026-12-09');
    expect(valueOfParts({ day: '29', month: '2', year: '2028' })).toBe('2028-02-29');
    // A month may be typed as its name or its first three letters.
    expect(valueOfParts({ day: '31', month: 'March', year: '2028' })).toBe('2028-03-31');
    expect(valueOfParts({ day: '1', month: 'sep', year: '2027' })).toBe('2027-09-01');
    expect(dateProblem('By when', '~31/Mar/2028')).toBeNull();
  });

  it('keeps what is typed, as typed, until it makes a real date; nothing typed is empty', () => {
    expect(valueOfParts({ day: '', month: '', year: '' })).toBe('');
    expect(valueOfParts({ day: '31', month: '2', year: '2028' })).toBe('~31/2/2028');
    expect(valueOfParts({ day: '31', month: '', year: '' })).toBe('~31//');
    expect(valueOfParts({ day: '1', month: '4', year: '32029' })).toBe('~1/4/32029');
    expect(partsOf('~31/2/2028')).toEqual({ day: '31', month: '2', year: '2028' });
    expect(partsOf('2027-04-01')).toEqual({ day: '1', month: '4', year: '2027' });
    expect(partsOf('')).toEqual({ day: '', month: '', year: '' });
  });
});

describe('dateProblem', () => {
  it('has nothing to say about a real date or an empty optional one; a required one must be given', () => {
    expect(dateProblem('By when', '2028-03-31')).toBeNull();
    expect(dateProblem('By when', '')).toBeNull();
    expect(dateProblem('Review date', '', true)).toBe('Enter review date: the day, month and year as numbers, for example 31 3 2028');
  });

  it('says which parts are missing', () => {
    expect(dateProblem('By when', '~31//2028')).toBe('By when must include a month: type the day, month and year as numbers, for example 31 3 2028');
    expect(dateProblem('By when', '~//2028')).toBe('By when must include a day and month: type the day, month and year as numbers, for example 31 3 2028');
  });

  it('says what to type instead of words, five-digit years, month 13 and dates that do not exist', () => {
    expect(dateProblem('By when', '~31/Smarch/2028')).toBe('By when: type the month as a number or its name, for example 31 3 2028 or 31 March 2028 (not “Smarch”)');
    expect(dateProblem('By when', '~first/3/2028')).toBe('By when: type the day as a number, for example 31 3 2028 (not “first”)');
    expect(dateProblem('By when', '~1/4/32029')).toBe('By when: the year must be 4 digits, for example 2028 (not 32029)');
    expect(dateProblem('By when', '~1/4/28')).toBe('By when: the year must be 4 digits, for example 2028 (not 28)');
    expect(dateProblem('By when', '~1/4/1066')).toBe('By when: the year must be between 1900 and 2199 (not 1066)');
    expect(dateProblem('By when', '~1/13/2028')).toBe('By when: the month must be a number from 1 to 12 (not 13)');
    expect(dateProblem('By when', '~31/2/2028')).toBe('By when must be a real date: 31 2 2028 does not exist, for example 31 3 2028');
    expect(dateProblem('By when', '~29/2/2027')).toBe('By when must be a real date: 29 2 2027 does not exist, for example 31 3 2028');
  });
});
