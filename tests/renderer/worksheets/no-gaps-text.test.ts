// With no gaps showing, the workbook says whether that is because everything recorded is sound or
// because sections have not been started, naming them (a new workbook is not "complete").
import { describe, expect, it } from 'vitest';
import { noGapsText } from '../../../renderer/src/worksheets/no-gaps-text.ts';
import type { SectionState } from '../../../shared/api/records.ts';

const state = (section: string, status: SectionState['status']): SectionState => ({ section, status, records: status === 'Not started' ? 0 : 1, gaps: 0, completedAt: status === 'Completed' ? '2026-11-01T00:00:00.000Z' : null });

describe('noGapsText', () => {
  it('says a new workbook has nothing recorded yet, naming the first sections and counting the rest', () => {
    const text = noGapsText(['aims', 'areas', 'audiences', 'assets', 'places', 'channels'].map((s) => state(s, 'Not started')));
    expect(text).toBe('No gaps yet, because nothing has been recorded yet: gaps are found in what you record. 6 sections are not started: Aims and objectives, Areas, Audiences, Assets and 2 more.');
  });

  it('says what is recorded is sound while one section waits', () => {
    expect(noGapsText([state('aims', 'Completed'), state('areas', 'In progress'), state('places', 'Not started')])).toBe('No gaps in what has been recorded so far: gaps are found in what you record. 1 section is not started: Places.');
  });

  it('says nothing is missing once every section has something in it', () => {
    expect(noGapsText([state('aims', 'Completed'), state('areas', 'In progress')])).toBe('No gaps: nothing is missing that the workbook can see.');
  });
});
