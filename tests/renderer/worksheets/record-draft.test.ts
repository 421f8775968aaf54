// A record form's draft: inputs to API values and back, the same checks as the core, and the
// changes an autosave sends (only valid fields that differ from what is saved).
import { describe, expect, it } from 'vitest';
import { RECORD_TYPE_NAMES, RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { PLACE_KINDS } from '../../../shared/domain/vocabularies.ts';
import { recordInputSchema, type RecordValues } from '../../../shared/api/records.ts';
import { changedValues, draftOf, emptyDraft, isShown, missingPrerequisite, splitCodes, startDraft, validateDraft, valuesOf, withArticle } from '../../../renderer/src/worksheets/record-draft.ts';

const AREA_ID = '0b9f6c1e-5a43-4d7c-9a51-6f2f0d3e8b11';
const OTHER_AREA_ID = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function saved(type: keyof typeof RECORD_TYPES, values: Record<string, unknown>): RecordValues {
  const input = recordInputSchema(type).parse(values) as Record<string, unknown>;
  return { ...input, id: '11111111-2222-4333-8444-555555555555', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z' } as RecordValues;
}

describe('withArticle', () => {
  it('puts "an" before a vowel and "a" before anything else', () => {
    expect(['asset', 'audience', 'objective', 'partner', 'community event'].map(withArticle)).toEqual(['an asset', 'an audience', 'an objective', 'a partner', 'a community event']);
  });
});

describe('splitCodes', () => {
  it('splits on spaces, commas, semicolons and new lines, trims and upper-cases', () => {
    expect(splitCodes(' e01024133, W01000001;E01000002\n\n e01000003 ')).toEqual(['E01024133', 'W01000001', 'E01000002', 'E01000003']);
    expect(splitCodes('  \n ,; ')).toEqual([]);
  });
});

describe('emptyDraft and valuesOf', () => {
  it('gives every field, link and common value of every record type an empty input', () => {
    for (const type of RECORD_TYPE_NAMES) {
      const def = RECORD_TYPES[type];
      const draft = emptyDraft(type);
      expect(Object.keys(draft).sort(), type).toEqual(['notes', 'reviewedAt', 'shareable', ...def.fields.map((f) => f.name), ...def.links.map((l) => l.name)].sort());
      expect(draft.shareable, type).toBe(true);
      for (const link of def.links) expect(draft[link.name], `${type}.${link.name}`).toEqual([]);
    }
  });

  it('turns an empty draft into the values a new record would default to', () => {
    expect(valuesOf('area', emptyDraft('area'))).toEqual({ reviewedAt: null, shareable: true, notes: '', name: '', onsCode: '', onsLevel: null, parentId: null, lsoaCodes: [] });
  });

  it('turns typed text into API values by kind: numbers, code lists, choices, dates', () => {
    const draft = { ...emptyDraft('audience'), name: 'Students', kind: 'students', sizeEstimate: ' 12,500 ', engagementState: 'engaged', priority: 'high', areaIds: [AREA_ID], reviewedAt: '2026-02-01', shareable: false };
    const values = valuesOf('audience', draft);
    expect(values).toMatchObject({ name: 'Students', kind: 'students', sizeEstimate: 12500, engagementState: 'engaged', priority: 'high', areaIds: [AREA_ID], reviewedAt: '2026-02-01', shareable: false });
    expect(valuesOf('audience', { ...draft, sizeEstimate: '' }).sizeEstimate).toBeNull();
    // Text that is not a number is passed on as text, so the schema names the problem.
    expect(valuesOf('audience', { ...draft, sizeEstimate: 'about 40' }).sizeEstimate).toBe('about 40');
    expect(valuesOf('area', { ...emptyDraft('area'), lsoaCodes: 'e01024133 E01000002' }).lsoaCodes).toEqual(['E01024133', 'E01000002']);
  });

  it('round-trips a saved record through its draft', () => {
    const record = saved('vulnerability', { name: 'Riverside flats', kind: 'area', barriers: ['trust', 'language'], priority: 'high', whyItMatters: 'Low reporting.', areaIds: [AREA_ID], reviewedAt: '2026-03-01', notes: 'n' });
    const draft = draftOf('vulnerability', record);
    expect(draft.barriers).toEqual(['trust', 'language']);
    expect(draft.reviewedAt).toBe('2026-03-01');
    const values = valuesOf('vulnerability', draft);
    for (const [name, value] of Object.entries(values)) expect(value, name).toEqual(record[name]);
  });

  it('shows a code list as one code a line and a number as its digits', () => {
    const area = draftOf('area', saved('area', { name: 'Central ward', lsoaCodes: ['E01024133', 'E01000002'] }));
    expect(area.lsoaCodes).toBe('E01024133\nE01000002');
    const audience = draftOf('audience', saved('audience', { name: 'Students', kind: 'students', engagementState: 'engaged', priority: 'high', sizeEstimate: 4000 }));
    expect(audience.sizeEstimate).toBe('4000');
  });
});

describe('validateDraft', () => {
  it('names each missing required field of a new record in plain words', () => {
    const errors = validateDraft('audience', emptyDraft('audience'), true);
    expect(Object.keys(errors).sort()).toEqual(['engagementState', 'kind', 'name', 'priority']);
    expect(errors.kind).toBe('Choose kind of audience from the list');
  });

  it('accepts a complete new record', () => {
    const draft = { ...emptyDraft('audience'), name: 'Students', kind: 'students', engagementState: 'engaged', priority: 'high' };
    expect(validateDraft('audience', draft, true)).toEqual({});
  });

  it('marks a bad number, a bad date (in day, month and year terms) and a bad code (naming it) on their fields', () => {
    expect(validateDraft('audience', { ...emptyDraft('audience'), sizeEstimate: 'about 40' }, false).sizeEstimate).toBe('Enter a whole number');
    expect(validateDraft('audience', { ...emptyDraft('audience'), reviewedAt: '~31/3/' }, false).reviewedAt).toBe('Last reviewed must include a year: type the day, month and year as numbers, for example 31 3 2028');
    expect(validateDraft('objective', { ...emptyDraft('objective'), targetDate: '~31/2/2028' }, false).targetDate).toBe('By when must be a real date: 31 2 2028 does not exist, for example 31 3 2028');
    expect(validateDraft('area', { ...emptyDraft('area'), name: 'Central ward', lsoaCodes: 'E01024133 E0100A123' }, false)).toEqual({ lsoaCodes: '“E0100A123” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133' });
  });
});

describe('changedValues', () => {
  const record = saved('audience', { name: 'Students', kind: 'students', engagementState: 'engaged', priority: 'high', areaIds: [AREA_ID] });

  it('sends nothing when the draft is what is saved, empty numbers, choices and dates included', () => {
    expect(record.sizeEstimate).toBeNull();
    expect(changedValues('audience', draftOf('audience', record), record, {})).toEqual({});
    const place = saved('place', { name: 'Market square', kind: PLACE_KINDS[0]!.id });
    expect(place.areaId).toBeNull();
    expect(changedValues('place', draftOf('place', place), place, {})).toEqual({});
  });

  it('sends a number or choice that has been emptied as null', () => {
    const sized = { ...record, sizeEstimate: 4000 };
    expect(changedValues('audience', { ...draftOf('audience', sized), sizeEstimate: ' ' }, sized, {})).toEqual({ sizeEstimate: null });
  });

  it('sends only the fields that differ', () => {
    const draft = { ...draftOf('audience', record), priority: 'low', areaIds: [AREA_ID, OTHER_AREA_ID], sizeEstimate: '300' };
    expect(changedValues('audience', draft, record, {})).toEqual({ priority: 'low', areaIds: [AREA_ID, OTHER_AREA_ID], sizeEstimate: 300 });
  });

  it('holds back fields with errors and sends the rest', () => {
    const draft = { ...draftOf('audience', record), name: 'University students', sizeEstimate: 'lots' };
    const errors = validateDraft('audience', draft, false);
    expect(Object.keys(errors)).toEqual(['sizeEstimate']);
    expect(changedValues('audience', draft, record, errors)).toEqual({ name: 'University students' });
  });

  it('treats a cleared review date as a change only when one was saved', () => {
    const reviewed = { ...record, reviewedAt: '2026-01-01' };
    const { reviewedAt: _never, ...withoutDate } = record;
    expect(changedValues('audience', draftOf('audience', record), withoutDate as RecordValues, {})).toEqual({});
    expect(changedValues('audience', { ...draftOf('audience', reviewed), reviewedAt: '' }, reviewed, {})).toEqual({ reviewedAt: null });
  });
});

describe('isShown', () => {
  it('shows a field that depends on another only for the values it names', () => {
    const personName = RECORD_TYPES.asset.fields.find((f) => f.name === 'personName')!;
    const name = RECORD_TYPES.asset.fields.find((f) => f.name === 'name')!;
    expect(isShown(personName, { ...emptyDraft('asset'), kind: 'individual' })).toBe(true);
    expect(isShown(personName, { ...emptyDraft('asset'), kind: 'group' })).toBe(false);
    expect(isShown(personName, emptyDraft('asset'))).toBe(false);
    expect(isShown(name, emptyDraft('asset'))).toBe(true);
  });
});

describe('missingPrerequisite and startDraft', () => {
  const none = Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, []])) as unknown as Record<(typeof RECORD_TYPE_NAMES)[number], RecordValues[]>;
  const oneAim = { ...none, aim: [saved('aim', { title: 'Every neighbourhood heard' })] };
  const twoAims = { ...none, aim: [saved('aim', { title: 'A' }), { ...saved('aim', { title: 'B' }), id: AREA_ID }] };

  it('says an objective needs an aim first while there is none, and nothing once there is one', () => {
    expect(missingPrerequisite('objective', none)).toBe('Add an aim first: each objective needs one (Aim it serves).');
    expect(missingPrerequisite('objective', oneAim)).toBeNull();
    // Optional choices (a place's area) never stand in the way.
    for (const type of RECORD_TYPE_NAMES.filter((t) => t !== 'objective')) expect(missingPrerequisite(type, none), type).toBeNull();
  });

  it('chooses the aim for a new objective when there is only one, and leaves the choice to the planner otherwise', () => {
    expect(startDraft('objective', oneAim).aimId).toBe(oneAim.aim[0]!.id);
    expect(startDraft('objective', twoAims).aimId).toBe('');
    expect(startDraft('objective', none).aimId).toBe('');
    // An optional choice is never made for the planner.
    expect(startDraft('place', { ...none, area: [saved('area', { name: 'Riverside' })] }).areaId).toBe('');
  });
});

