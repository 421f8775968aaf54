// The validation of worksheet records, built from the descriptors: every rule, for every record type,
// through the schemas the core checks writes with and the renderer's forms use.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { recordChangesSchema, recordInputSchema, recordSchema, emptyValue } from '../../../shared/api/records.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';

const AIM_ID = '0b7c6f0e-3c1a-4d0a-9a55-6f1e2d3c4b5a';
const AREA_ID = '5f0f2a8e-8b9c-4e3d-8f7a-1b2c3d4e5f60';
const OTHER_AREA_ID = '7d3e9c1b-2a4f-4b6d-8e0c-9a8b7c6d5e4f';

/** The least a planner must give for each kind of record, with realistic content. */
const MINIMAL: Record<RecordTypeName, Record<string, unknown>> = {
  aim: { title: 'Build trust and confidence in policing among young people' },
  objective: { title: 'Raise confidence in local policing in Riverside ward', aimId: AIM_ID },
  goodStatement: { statement: 'Every ward in Kent has an active community contact' },
  area: { name: 'Riverside ward' },
  audience: { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' },
  asset: { kind: 'group', name: 'Riverside Youth Football Club', relationship: 'active' },
  vulnerability: { name: 'Older residents of Northgate estate', kind: 'group', priority: 'medium' },
  place: { name: 'Riverside Leisure Centre', kind: 'leisure-centre' },
  channel: { name: 'Riverside Neighbourhood Alert', kind: 'community-messaging', status: 'have' },
  partner: { organisation: 'Maidstone Borough Council', sector: 'local-authority', relationship: 'active' },
  communityEvent: { name: 'Riverside summer fun day', recurrence: 'yearly', status: 'planned' },
  practice: { title: 'Pop-up cafe after Friday prayers', origin: 'our-now' },
  message: { text: 'Your PCSOs hold a drop-in at Riverside library every Tuesday, 10 till 12.', status: 'draft' },
  priority: { concern: 'Cars race along Mill Road at night', status: 'open' },
  activity: { title: 'Monthly beat surgery at Riverside library', recurrence: 'monthly', status: 'planned' },
  hallmarkRating: { hallmark: 'regular' },
  reviewEntry: { reviewedOn: '2026-11-20', summary: 'The youth audiences are reached; older residents are not yet.' },
};

/** The field-by-field messages a value gets, or null when it is accepted. */
function problems(schema: z.ZodType, value: unknown): Record<string, string> | null {
  const result = schema.safeParse(value);
  return result.success ? null : fieldsFromIssues(result.error.issues);
}

function parsed(schema: z.ZodType, value: unknown): Record<string, unknown> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`refused: ${JSON.stringify(fieldsFromIssues(result.error.issues))}`);
  return result.data as Record<string, unknown>;
}

/** Every (type, field) pair whose field is of one of `kinds`. */
function fieldsOfKind(...kinds: FieldDef['kind'][]): Array<[RecordTypeName, FieldDef]> {
  return RECORD_TYPE_NAMES.flatMap((type) => RECORD_TYPES[type].fields.filter((field) => kinds.includes(field.kind)).map((field) => [type, field] as [RecordTypeName, FieldDef]));
}

/** Checks `value` for one field both in a new record and in an edit, expecting the same answer. */
function expectField(type: RecordTypeName, field: string, value: unknown, message: string | null | ReturnType<typeof expect.any>): void {
  const where = `${type}.${field} = ${JSON.stringify(value)?.slice(0, 60)}`;
  const created = problems(recordInputSchema(type), { ...MINIMAL[type], [field]: value });
  const edited = problems(recordChangesSchema(type), { [field]: value });
  if (message === null) {
    expect(created, where).toBeNull();
    expect(edited, where).toBeNull();
  } else {
    const fieldMessage = (found: Record<string, string> | null) => found && (found[field] ?? Object.entries(found).find(([key]) => key.startsWith(`${field}.`))?.[1]);
    expect(fieldMessage(created), where).toEqual(message);
    expect(fieldMessage(edited), where).toEqual(message);
  }
}

describe('record validation', () => {
  it('accepts the minimal record of every type, and every record type has one', () => {
    expect(Object.keys(MINIMAL).sort()).toEqual([...RECORD_TYPE_NAMES].sort());
    for (const type of RECORD_TYPE_NAMES) expect(problems(recordInputSchema(type), MINIMAL[type]), type).toBeNull();
  });

  it('fills in defaults on create: shareable, no review date, empty notes, text, choices and lists', () => {
    for (const type of RECORD_TYPE_NAMES) {
      const def = RECORD_TYPES[type];
      const values = parsed(recordInputSchema(type), MINIMAL[type]);
      expect(values, type).toMatchObject({ shareable: true, reviewedAt: null, notes: '' });
      for (const field of def.fields) {
        if (field.name in MINIMAL[type]) continue;
        expect(values[field.name], `${type}.${field.name}`).toEqual(emptyValue(field));
      }
      for (const link of def.links) expect(values[link.name], `${type}.${link.name}`).toEqual([]);
      const expectedKeys = ['reviewedAt', 'shareable', 'notes', ...def.fields.map((f) => f.name), ...def.links.map((l) => l.name)];
      expect(Object.keys(values).sort(), type).toEqual(expectedKeys.sort());
    }
    // The empty values themselves: '' for text, [] for lists, null otherwise.
    expect(parsed(recordInputSchema('area'), MINIMAL.area)).toMatchObject({ onsCode: '', onsLevel: null, parentId: null, lsoaCodes: [] });
    expect(parsed(recordInputSchema('audience'), MINIMAL.audience)).toMatchObject({ sizeEstimate: null, evidenceNote: '', owner: '', areaIds: [] });
    expect(parsed(recordInputSchema('vulnerability'), MINIMAL.vulnerability)).toMatchObject({ barriers: [], responseNote: '', audienceIds: [], areaIds: [] });
    expect(parsed(recordInputSchema('objective'), MINIMAL.objective)).toMatchObject({ targetDate: null, measure: '' });
  });

  it('keeps what is given instead of the defaults', () => {
    const values = parsed(recordInputSchema('audience'), { ...MINIMAL.audience, shareable: false, notes: 'Met at the youth forum', reviewedAt: '2026-10-01', sizeEstimate: 1850, areaIds: [AREA_ID] });
    expect(values).toMatchObject({ shareable: false, notes: 'Met at the youth forum', reviewedAt: '2026-10-01', sizeEstimate: 1850, areaIds: [AREA_ID] });
  });

  it('an edit may change any one field alone, or nothing', () => {
    for (const type of RECORD_TYPE_NAMES) {
      expect(parsed(recordChangesSchema(type), {}), type).toEqual({});
      expect(parsed(recordChangesSchema(type), { notes: 'Checked at the March review' }), type).toEqual({ notes: 'Checked at the March review' });
    }
  });

  it('refuses a required text field left empty or only spaces, with what to enter', () => {
    const required = fieldsOfKind('text', 'longText').filter(([, field]) => field.required);
    expect(required.map(([type, field]) => `${type}.${field.name}`)).toEqual([
      'aim.title',
      'objective.title',
      'goodStatement.statement',
      'area.name',
      'audience.name',
      'asset.name',
      'vulnerability.name',
      'place.name',
      'channel.name',
      'partner.organisation',
      'communityEvent.name',
      'practice.title',
      'message.text',
      'priority.concern',
      'activity.title',
      'reviewEntry.summary',
    ]);
    for (const [type, field] of required) {
      const message = `Enter ${field.label.toLowerCase()}`;
      for (const blank of ['', ' ', '   ', '\t\n ', '\r\n']) expectField(type, field.name, blank, message);
      expectField(type, field.name, ' x ', null);
    }
    expect(problems(recordInputSchema('audience'), { ...MINIMAL.audience, name: '  ' })).toEqual({ name: 'Enter name' });
    expect(problems(recordInputSchema('aim'), { title: '' })).toEqual({ title: 'Enter aim' });
  });

  it('refuses a required text field left out of a new record with the same words as an empty one', () => {
    for (const [type, field] of fieldsOfKind('text', 'longText').filter(([, f]) => f.required)) {
      const { [field.name]: _left, ...rest } = MINIMAL[type];
      expect(problems(recordInputSchema(type), rest)?.[field.name], `${type}.${field.name}`).toBe(`Enter ${field.label.toLowerCase()}`);
    }
  });

  it('leaves optional text optional: empty or spaces are fine', () => {
    for (const [type, field] of fieldsOfKind('text', 'longText').filter(([, f]) => !f.required)) {
      expectField(type, field.name, '', null);
      expectField(type, field.name, '   ', null);
    }
  });

  it('refuses text over each field’s maximum length, and accepts it at the maximum', () => {
    const fields = fieldsOfKind('text', 'longText');
    expect(fields.every(([, field]) => typeof field.max === 'number')).toBe(true);
    for (const [type, field] of fields) {
      const max = field.max ?? 1000;
      expectField(type, field.name, 'a'.repeat(max), null);
      expectField(type, field.name, 'a'.repeat(max + 1), `Keep this to ${max.toLocaleString('en-GB')} characters or fewer: it is ${(max + 1).toLocaleString('en-GB')} now`);
    }
    for (const type of RECORD_TYPE_NAMES) {
      expect(problems(recordChangesSchema(type), { notes: 'n'.repeat(10_000) }), type).toBeNull();
      expect(problems(recordChangesSchema(type), { notes: 'n'.repeat(10_001) }), type).toEqual({ notes: 'Keep this to 10,000 characters or fewer: it is 10,001 now' });
    }
  });

  it('refuses control characters and broken characters in every text field and the notes, but keeps tabs and new lines', () => {
    const control = 'Remove the control characters (they cannot be printed)';
    for (const [type, field] of fieldsOfKind('text', 'longText')) {
      for (const bad of ['\u0000', '\u0007', '\u000B', '\u000C', '\u001B', '\u001F', '\uFFFE', '\uFFFF']) {
        expectField(type, field.name, `Riverside${bad}ward`, control);
      }
      expectField(type, field.name, 'Riverside\uD800ward', 'Remove the broken characters (an unpaired surrogate)');
      expectField(type, field.name, 'A\tb\r\nc — ŵ ŷ 👍', null);
    }
    for (const type of RECORD_TYPE_NAMES) expect(problems(recordChangesSchema(type), { notes: 'bell\u0007' }), type).toEqual({ notes: control });
  });

  it('refuses a choice that is not in the field’s list; optional choices may be cleared, required ones not', () => {
    const enums = fieldsOfKind('enum');
    expect(enums.length).toBeGreaterThan(0);
    for (const [type, field] of enums) {
      const message = `Choose ${field.label.toLowerCase()} from the list`;
      for (const item of field.vocabulary ?? []) expectField(type, field.name, item.id, null);
      for (const bad of ['not-a-kind', '', 'Young people', field.vocabulary?.[0]?.label ?? 'x', 3]) expectField(type, field.name, bad, message);
      if (field.required) expectField(type, field.name, null, message);
      else expectField(type, field.name, null, null);
    }
    expect(problems(recordInputSchema('audience'), { ...MINIMAL.audience, kind: 'teenagers' })).toEqual({ kind: 'Choose kind of audience from the list' });
  });

  it('refuses a required choice left out of a new record, naming the list to choose from', () => {
    for (const [type, field] of fieldsOfKind('enum').filter(([, f]) => f.required)) {
      const { [field.name]: _left, ...rest } = MINIMAL[type];
      expect(problems(recordInputSchema(type), rest), `${type}.${field.name}`).toEqual({ [field.name]: `Choose ${field.label.toLowerCase()} from the list` });
    }
  });

  it('refuses a list of choices with one twice or one not in the list', () => {
    const lists = fieldsOfKind('enumList');
    expect(lists.map(([type, field]) => `${type}.${field.name}`)).toEqual(['vulnerability.barriers', 'practice.audienceKinds', 'practice.channelKinds']);
    for (const [type, field] of lists) {
      const ids = (field.vocabulary ?? []).map((item) => item.id);
      const [first, second] = ids as [string, string];
      expectField(type, field.name, [], null);
      expectField(type, field.name, ids, null);
      expectField(type, field.name, [first, second], null);
      expectField(type, field.name, [first, first], 'Each choice only once');
      expectField(type, field.name, [first, 'fear of reprisal'], `Choose ${field.label.toLowerCase()} from the list`);
      expectField(type, field.name, first, expect.any(String));
      expect(problems(recordChangesSchema(type), { [field.name]: null }), `${type}.${field.name}`).not.toBeNull();
    }
  });

  it('takes whole numbers from 0 to 100,000,000 and refuses negatives, fractions, text and larger numbers', () => {
    const integers = fieldsOfKind('integer').filter(([, field]) => field.min === undefined && field.max === undefined);
    expect(integers.map(([type, field]) => `${type}.${field.name}`)).toEqual(['audience.sizeEstimate', 'channel.reach']);
    for (const [type, field] of integers) {
      for (const good of [0, 1, 1850, 100_000_000, null]) expectField(type, field.name, good, null);
      expectField(type, field.name, -1, 'Enter a number of 0 or more');
      expectField(type, field.name, -0.5, expect.stringMatching(/whole number|0 or more/));
      expectField(type, field.name, 1.5, 'Enter a whole number');
      expectField(type, field.name, 100_000_001, 'That number is too large');
      expectField(type, field.name, 1e20, expect.stringMatching(/too large|whole number/));
      expectField(type, field.name, '1850', 'Enter a whole number');
      expectField(type, field.name, Number.NaN, 'Enter a whole number');
      expectField(type, field.name, Number.POSITIVE_INFINITY, expect.any(String));
    }
  });

  it('takes whole numbers within a field’s own bounds where it has them (a year)', () => {
    const bounded = fieldsOfKind('integer').filter(([, field]) => field.min !== undefined || field.max !== undefined);
    expect(bounded.map(([type, field]) => `${type}.${field.name}`)).toEqual(['practice.year', 'hallmarkRating.rating']);
    expectField('practice', 'year', 1990, null);
    expectField('practice', 'year', 2024, null);
    expectField('practice', 'year', 2100, null);
    expectField('practice', 'year', 1989, 'Enter a number of 1990 or more');
    expectField('practice', 'year', 2101, 'Enter a number of 2100 or less');
    expectField('practice', 'year', 2024.5, 'Enter a whole number');
    expectField('hallmarkRating', 'rating', 1, null);
    expectField('hallmarkRating', 'rating', 5, null);
    expectField('hallmarkRating', 'rating', 0, 'Enter a number of 1 or more');
    expectField('hallmarkRating', 'rating', 6, 'Enter a number of 5 or less');
  });

  it('takes real calendar dates only: not 30 February, not other layouts', () => {
    const dates = fieldsOfKind('date');
    expect(dates.map(([type, field]) => `${type}.${field.name}`)).toEqual(['objective.targetDate', 'asset.lastContact', 'partner.lastContact', 'communityEvent.nextDate', 'message.lastUsed', 'priority.raisedOn', 'priority.feedbackOn', 'activity.startDate', 'activity.endDate', 'reviewEntry.reviewedOn']);
    for (const [type, field] of dates) {
      for (const good of ['2027-03-31', '2028-02-29', '2030-12-31']) expectField(type, field.name, good, null);
      expectField(type, field.name, null, field.required ? `Enter a date for “${field.label}”` : null);
      for (const impossible of ['2027-02-30', '2027-02-29', '2027-04-31', '2027-13-01', '2027-00-10']) expectField(type, field.name, impossible, 'Enter a real date, for example 2027-03-31');
      for (const layout of ['31/03/2027', '2027-3-31', '2027-03-31T00:00:00Z', '', 'next March']) expectField(type, field.name, layout, 'Enter a date as YYYY-MM-DD, for example 2027-03-31');
    }
    for (const type of RECORD_TYPE_NAMES) {
      expect(problems(recordChangesSchema(type), { reviewedAt: '2027-02-30' }), type).toEqual({ reviewedAt: 'Enter a real date, for example 2027-03-31' });
      expect(problems(recordChangesSchema(type), { reviewedAt: null }), type).toBeNull();
    }
  });

  it('takes LSOA codes of England and Wales only, each once', () => {
    const codeLists = fieldsOfKind('codeList');
    expect(codeLists.map(([type, field]) => `${type}.${field.name}`)).toEqual(['area.lsoaCodes']);
    for (const [type, field] of codeLists) {
      expectField(type, field.name, [], null);
      expectField(type, field.name, ['E01024133'], null);
      expectField(type, field.name, ['E01024133', 'W01000001'], null);
      // The message names the bad code, so it can be found in a long list.
      for (const bad of ['S01000001', 'E02000001', 'E0102413', 'E010241333', 'e01024133', ' E01024133', 'E01024133 ', 'E01 024133', '']) {
        expectField(type, field.name, ['E01024133', bad], `“${bad.trim()}” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133`);
      }
      expectField(type, field.name, ['E01024133', 'W01000001', 'E01024133'], 'Each code only once');
      expect(problems(recordChangesSchema(type), { [field.name]: 'E01024133' }), type).not.toBeNull();
    }
  });

  it('takes refs as UUIDs: a required one cannot be cleared, an optional one can', () => {
    const refs = fieldsOfKind('ref');
    expect(refs.map(([type, field]) => `${type}.${field.name}`)).toEqual(['objective.aimId', 'area.parentId', 'place.areaId', 'communityEvent.organiserAssetId', 'communityEvent.organiserPartnerId', 'communityEvent.placeId', 'practice.originPartnerId', 'priority.areaId', 'priority.audienceId']);
    for (const [type, field] of refs) {
      expectField(type, field.name, AREA_ID, null);
      for (const bad of ['riverside-ward', '', '5f0f2a8e8b9c4e3d8f7a1b2c3d4e5f60', `${AREA_ID}x`, 42]) expectField(type, field.name, bad, 'Expected a UUID');
      if (field.required) expectField(type, field.name, null, 'Expected a UUID');
      else expectField(type, field.name, null, null);
    }
  });

  it('takes a yes/no mark as true or false only, no by default', () => {
    const marks = fieldsOfKind('boolean');
    expect(marks.map(([type, field]) => `${type}.${field.name}`)).toEqual(['activity.flagship']);
    for (const [type, field] of marks) {
      expectField(type, field.name, true, null);
      expectField(type, field.name, false, null);
      for (const bad of [null, 1, 'yes', 'true']) expectField(type, field.name, bad, 'Choose yes or no');
      expect(parsed(recordInputSchema(type), MINIMAL[type])[field.name], type).toBe(false);
    }
  });

  it('takes the six-point check as one result for each of its six points, nothing checked by default', () => {
    const checklists = fieldsOfKind('checklist');
    expect(checklists.map(([type, field]) => `${type}.${field.name}`)).toEqual(['message.qualityCheck']);
    const full = (pass: boolean | null) => Object.fromEntries(['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'].map((id) => [id, { pass, note: '' }]));
    const fresh = parsed(recordInputSchema('message'), MINIMAL.message).qualityCheck;
    expect(fresh).toEqual(full(null));
    // Each new record has its own empty check, not one object shared by all.
    expect(parsed(recordInputSchema('message'), MINIMAL.message).qualityCheck).not.toBe(fresh);
    expectField('message', 'qualityCheck', full(true), null);
    expectField('message', 'qualityCheck', { ...full(null), specific: { pass: false, note: 'Say which streets' } }, null);
    const missing: Record<string, unknown> = full(true);
    delete missing.interesting;
    expect(problems(recordChangesSchema('message'), { qualityCheck: missing })).not.toBeNull();
    expect(problems(recordChangesSchema('message'), { qualityCheck: { ...full(true), memorable: { pass: true, note: '' } } })).not.toBeNull();
    expectField('message', 'qualityCheck', { ...full(true), tailored: { pass: 'yes', note: '' } }, 'Choose pass, not yet or not checked');
    expectField('message', 'qualityCheck', { ...full(true), tailored: { pass: true, note: 'x'.repeat(2001) } }, expect.any(String));
  });

  it('takes links as lists of distinct UUIDs', () => {
    for (const type of RECORD_TYPE_NAMES) {
      for (const link of RECORD_TYPES[type].links) {
        expectField(type, link.name, [], null);
        expectField(type, link.name, [AREA_ID, OTHER_AREA_ID], null);
        expectField(type, link.name, [AREA_ID, 'riverside-ward'], 'Expected a UUID');
        expectField(type, link.name, [AREA_ID, OTHER_AREA_ID, AREA_ID], 'Each link only once');
        expect(problems(recordChangesSchema(type), { [link.name]: AREA_ID }), `${type}.${link.name}`).not.toBeNull();
        expect(problems(recordChangesSchema(type), { [link.name]: null }), `${type}.${link.name}`).not.toBeNull();
      }
    }
  });

  it('refuses fields a record type does not have, and the ones the core sets itself', () => {
    for (const type of RECORD_TYPE_NAMES) {
      for (const extra of [{ colour: 'blue' }, { id: AREA_ID }, { createdAt: '2026-11-25T09:00:00.000Z' }, { updatedAt: '2026-11-25T09:00:00.000Z' }, { __proto__x: 1 }]) {
        expect(problems(recordInputSchema(type), { ...MINIMAL[type], ...extra }), `${type} ${Object.keys(extra)[0]}`).not.toBeNull();
        expect(problems(recordChangesSchema(type), extra), `${type} ${Object.keys(extra)[0]}`).not.toBeNull();
      }
    }
    // A field of another type is unknown here: an aim has no kind, a place no barriers.
    expect(problems(recordChangesSchema('aim'), { kind: 'young-people' })).not.toBeNull();
    expect(problems(recordChangesSchema('place'), { barriers: ['trust'] })).not.toBeNull();
    expect(problems(recordChangesSchema('area'), { areaIds: [] })).not.toBeNull();
    // And the message names the unknown field.
    expect(JSON.stringify(problems(recordChangesSchema('aim'), { colour: 'blue' }))).toContain('colour');
  });

  it('refuses shareable and notes of the wrong kind', () => {
    for (const type of RECORD_TYPE_NAMES) {
      for (const bad of [{ shareable: 'yes' }, { shareable: null }, { shareable: 1 }, { notes: null }, { notes: 42 }]) {
        expect(problems(recordChangesSchema(type), bad), `${type} ${JSON.stringify(bad)}`).not.toBeNull();
      }
    }
  });

  it('a whole record carries id and times, and without personal data loses exactly the personal fields', () => {
    const full: Record<string, unknown> = {
      id: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:01.000Z',
      ...parsed(recordInputSchema('asset'), { ...MINIMAL.asset, kind: 'individual', name: 'Imam, Central Mosque', personName: 'Yusuf Ahmed', phone: '01632 960123', email: 'y.ahmed@example.org.uk', specialCategoryNote: 'Muslim faith leader' }),
    };
    expect(problems(recordSchema('asset'), full)).toBeNull();
    expect(problems(recordSchema('asset', { personal: false }), full)).not.toBeNull();
    const { personName: _n, phone: _p, email: _e, specialCategoryNote: _s, ...shared } = full;
    expect(problems(recordSchema('asset', { personal: false }), shared)).toBeNull();
    expect(problems(recordSchema('asset'), { ...full, createdAt: '25/11/2026' })).not.toBeNull();
  });
});
