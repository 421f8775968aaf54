// ONS codes by their level: a typo is named with what the code should look like, and a code's
// level is read from its form (how a census table's level is compared with an area's codes).
import { describe, expect, it } from 'vitest';
import { ONS_CODE_FORMS, onsCodeProblem, onsLevelOfCode } from '../../../shared/domain/ons-codes.ts';

describe('onsCodeProblem', () => {
  it('takes the codes of each level, in either case', () => {
    const good: Array<[string, string]> = [['E00012345', 'oa'], ['W01000001', 'lsoa'], ['e01024133', 'lsoa'], ['E02004997', 'msoa'], ['E05009317', 'ward'], ['W05000870', 'ward'], ['E06000001', 'la'], ['E07000105', 'la'], ['E08000025', 'la'], ['E09000033', 'la'], ['W06000015', 'la'], ['S12000036', 'la']];
    for (const [code, level] of good) expect(onsCodeProblem(code, level), `${code} as ${level}`).toBeNull();
  });

  it('names a code of the wrong level or form, and says what one looks like', () => {
    expect(onsCodeProblem('E0100A123', 'lsoa')).toBe('“E0100A123” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133');
    expect(onsCodeProblem('E05009317', 'la')).toMatch(/^“E05009317” is not a local authority code: local authority codes are E06, E07, E08, E09 or W06 followed by 6 digits/);
    expect(onsCodeProblem('E08000025', 'ward')).toMatch(/^“E08000025” is not a ward code/);
    expect(onsCodeProblem('E050093170', 'ward')).toMatch(/^“E050093170” is not a ward code/);
    expect(onsCodeProblem('E10000016', 'la')).toMatch(/is not a local authority code/); // a county is not a local authority level here
  });

  it('with no level, takes any ONS code and names what is not one; with "other", takes anything', () => {
    expect(onsCodeProblem('E05009317', null)).toBeNull();
    expect(onsCodeProblem('Riverside', null)).toBe('“Riverside” is not an ONS code: ONS codes are a letter and 8 digits, for example E05009317');
    expect(onsCodeProblem('NHS-area-7', 'other')).toBeNull();
    expect(onsCodeProblem('   ', 'ward')).toBeNull();
  });
});

describe('onsLevelOfCode', () => {
  it('reads the level from the form of the code, or null', () => {
    expect(onsLevelOfCode('E05009317')).toBe('ward');
    expect(onsLevelOfCode('e01024133')).toBe('lsoa');
    expect(onsLevelOfCode('E08000025')).toBe('la');
    expect(onsLevelOfCode('X')).toBeNull();
    for (const [level, form] of Object.entries(ONS_CODE_FORMS)) expect(onsLevelOfCode(form.example), level).toBe(level);
  });
});
