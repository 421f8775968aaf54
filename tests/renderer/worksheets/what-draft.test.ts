// The WHAT fields in a record form: the six-point check and the flagship mark go from a saved
// record to the form and back unchanged, a change to one point is the only change an autosave
// sends, a flagship's plans show only for a flagship, and each gap of WHAT takes the planner to the
// field that closes it (the vulnerability gap, no longer a descriptor's gapWhenEmpty, still does).
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { recordInputSchema, type RecordValues } from '../../../shared/api/records.ts';
import { changedValues, draftOf, emptyDraft, isShown, validateDraft, valuesOf, type ChecklistDraft } from '../../../renderer/src/worksheets/record-draft.ts';
import { gapFieldName } from '../../../renderer/src/worksheets/gap-targets.ts';

const CHECKS = ['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'];

function saved(type: 'message' | 'activity', values: Record<string, unknown>): RecordValues {
  const input = recordInputSchema(type).parse(values) as Record<string, unknown>;
  return { ...input, id: '11111111-2222-4333-8444-555555555555', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z' } as RecordValues;
}

describe('the six-point check and the flagship mark in a form', () => {
  it('start empty: nothing checked, not a flagship', () => {
    expect(emptyDraft('message').qualityCheck).toEqual(Object.fromEntries(CHECKS.map((id) => [id, { pass: null, note: '' }])));
    expect(emptyDraft('activity').flagship).toBe(false);
    expect(validateDraft('message', { ...emptyDraft('message'), text: 'Drop-in on Tuesdays', status: 'draft' }, true)).toEqual({});
  });

  it('go from a saved record to the form and back unchanged, and one point changed is all an autosave sends', () => {
    const qualityCheck = Object.fromEntries(CHECKS.map((id, n) => [id, { pass: n % 3 === 0 ? true : n % 3 === 1 ? false : null, note: n === 4 ? 'Say which streets' : '' }]));
    const message = saved('message', { text: 'Drop-in on Tuesdays', textWelsh: 'Galw heibio ar ddydd Mawrth', status: 'live', qualityCheck });
    const draft = draftOf('message', message);
    expect(valuesOf('message', draft).qualityCheck).toEqual(qualityCheck);
    expect(valuesOf('message', draft).textWelsh).toBe('Galw heibio ar ddydd Mawrth');
    const check = draft.qualityCheck as ChecklistDraft;
    const edited = { ...draft, qualityCheck: { ...check, interesting: { pass: true, note: 'Tested at the youth forum' } } };
    expect(changedValues('message', edited, message, {})).toEqual({ qualityCheck: { ...qualityCheck, interesting: { pass: true, note: 'Tested at the youth forum' } } });

    const activity = saved('activity', { title: 'Youth cafe', recurrence: 'weekly', status: 'planned', flagship: true, pilotPlan: 'Twelve weeks' });
    expect(valuesOf('activity', draftOf('activity', activity)).flagship).toBe(true);
    expect(changedValues('activity', { ...draftOf('activity', activity), flagship: false }, activity, {})).toEqual({ flagship: false });
  });

  it('shows a flagship’s pilot and roll-out plans only for a flagship', () => {
    const pilot = RECORD_TYPES.activity.fields.find((f) => f.name === 'pilotPlan')!;
    expect(isShown(pilot, { ...emptyDraft('activity'), flagship: true })).toBe(true);
    expect(isShown(pilot, { ...emptyDraft('activity'), flagship: false })).toBe(false);
  });

  it('takes each gap to the field that closes it', () => {
    expect(gapFieldName({ rule: 'vulnerability-no-response', recordType: 'vulnerability' })).toBe('responseNote');
    expect(gapFieldName({ rule: 'priority-no-response', recordType: 'priority' })).toBe('response');
    expect(gapFieldName({ rule: 'priority-not-fed-back', recordType: 'priority' })).toBe('feedback');
    expect(gapFieldName({ rule: 'message-no-objective', recordType: 'message' })).toBe('objectiveIds');
    expect(gapFieldName({ rule: 'activity-no-objective', recordType: 'activity' })).toBe('objectiveIds');
    expect(gapFieldName({ rule: 'flagship-no-plan', recordType: 'activity' })).toBe('pilotPlan');
    // The whole message is the subject of a failed check: its heading, not one field.
    expect(gapFieldName({ rule: 'message-fails-check', recordType: 'message' })).toBeNull();
  });
});
