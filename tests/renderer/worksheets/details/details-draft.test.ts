// The details form's draft: blanks become "not set", the shared schema's messages, and only the
// valid fields that differ are sent (the period's two ends together or not at all).
import { describe, expect, it } from 'vitest';
import type { WorkbookDetails } from '../../../../shared/api/workbook.ts';
import { FORCES } from '../../../../shared/domain/forces.ts';
import { detailsFromDraft, draftOf, saveableChanges, validateDraft } from '../../../../renderer/src/worksheets/details/details-draft.ts';

const DETAILS: WorkbookDetails = {
  force: FORCES[0]!.id,
  title: 'Community engagement strategy',
  periodStart: '2026-04-01',
  periodEnd: '2029-03-31',
  author: null,
  versionLabel: 'Draft 1',
  marking: 'OFFICIAL',
  reviewDate: null,
  owner: null,
  approver: null,
};

describe('draftOf and detailsFromDraft', () => {
  it('shows "not set" as an empty input and turns blanks back into "not set"', () => {
    const draft = draftOf(DETAILS);
    expect(draft.author).toBe('');
    expect(draft.reviewDate).toBe('');
    expect(detailsFromDraft(draft)).toEqual(DETAILS);
  });

  it('treats a blank of spaces as "not set" only for the fields that can be unset', () => {
    const values = detailsFromDraft({ ...draftOf(DETAILS), author: '   ', periodStart: ' ', versionLabel: '' });
    expect(values.author).toBeNull();
    expect(values.periodStart).toBeNull();
    expect(values.versionLabel).toBe('');
  });
});

describe('validateDraft', () => {
  it('accepts saved details as they are', () => {
    expect(validateDraft(draftOf(DETAILS))).toEqual({});
  });

  it('names the field at fault in plain words', () => {
    expect(validateDraft({ ...draftOf(DETAILS), title: '  ' })).toEqual({ title: 'Enter a title for the strategy' });
    expect(validateDraft({ ...draftOf(DETAILS), reviewDate: '2027-02-31' }).reviewDate).toBeTruthy();
    expect(validateDraft({ ...draftOf(DETAILS), periodStart: '2030-01-01' })).toEqual({ periodEnd: 'The strategy period must end after it starts' });
  });
});

describe('saveableChanges', () => {
  const saved = draftOf(DETAILS);

  it('sends nothing when nothing differs', () => {
    expect(saveableChanges(saved, saved, {})).toEqual({});
  });

  it('sends only the fields that differ, a cleared field as null', () => {
    const draft = { ...saved, versionLabel: 'Draft 2', periodStart: '', author: 'A. Planner' };
    expect(saveableChanges(draft, saved, validateDraft(draft))).toEqual({ versionLabel: 'Draft 2', periodStart: null, author: 'A. Planner' });
  });

  it('holds back an invalid field and sends the valid ones beside it', () => {
    const draft = { ...saved, title: '', versionLabel: 'Draft 2' };
    expect(saveableChanges(draft, saved, validateDraft(draft))).toEqual({ versionLabel: 'Draft 2' });
  });

  it('holds back both ends of a period that ends before it starts, even the end that is valid alone', () => {
    const draft = { ...saved, periodStart: '2030-01-01', periodEnd: '2029-12-31', versionLabel: 'Draft 2' };
    const errors = validateDraft(draft);
    expect(Object.keys(errors)).toEqual(['periodEnd']);
    expect(saveableChanges(draft, saved, errors)).toEqual({ versionLabel: 'Draft 2' });
  });
});
