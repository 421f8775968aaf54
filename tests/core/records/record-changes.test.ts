// Creating, editing and deleting worksheet records through the core's boundary, as a door would:
// values checked field by field, links checked against what exists, every acknowledged change on
// disk at once, and read-only sessions refused.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { ApiError } from '../../../shared/api/result.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { listChanges } from '../../../electron/core/changes/change-log.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, sequentialIds, testCore } from '../../helpers/test-core.ts';

type Values = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string };

const MISSING_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';

async function newWorkbook(core: AppCore, name = 'Riverside plan.ewb'): Promise<WorkbookInfo> {
  return expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), name), details: SAMPLE_DETAILS });
}

function create(core: AppCore, handle: string, type: RecordTypeName, values: Record<string, unknown>): Promise<Values> {
  return expectWritten<Values>(core, 'createRecord', { handle, type, values });
}

function update(core: AppCore, handle: string, type: RecordTypeName, id: string, changes: Record<string, unknown>): Promise<Values> {
  return expectWritten<Values>(core, 'updateRecord', { handle, type, id, changes });
}

async function list(core: AppCore, handle: string, type: RecordTypeName): Promise<Values[]> {
  return (await expectOk<{ records: Values[] }>(core, 'listRecords', { handle, type })).records;
}

async function listAll(core: AppCore, handle: string): Promise<Record<RecordTypeName, Values[]>> {
  const all = {} as Record<RecordTypeName, Values[]>;
  for (const type of RECORD_TYPE_NAMES) all[type] = await list(core, handle, type);
  return all;
}

/** Calls the core expecting a refusal, and returns it. */
async function refusal(core: AppCore, method: string, request: unknown): Promise<ApiError> {
  const result = await core.call(method, request);
  if (result.ok) throw new Error(`${method} was expected to be refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

async function changeCount(core: AppCore, handle: string): Promise<number> {
  return (await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle })).counts.changes ?? -1;
}

/** A realistic small workbook of every record type, linked as a planner would link them. */
async function riverside(core: AppCore, handle: string) {
  const aim = await create(core, handle, 'aim', { title: 'Build trust and confidence in policing among young people', description: 'The 2026 survey showed confidence among 16–24s at 48%, against 71% across Kent.' });
  const objective = await create(core, handle, 'objective', {
    title: 'Raise young people’s confidence in local policing in Riverside ward',
    aimId: aim.id,
    measure: 'Confidence in local policing, Kent neighbourhood survey (16–24s)',
    baseline: '48% (2026)',
    target: '60%',
    targetDate: '2028-03-31',
    owner: 'Insp. Sarah Collins',
  });
  const good = await create(core, handle, 'goodStatement', { statement: 'Every secondary school in Riverside has a named schools officer young people know by name' });
  const district = await create(core, handle, 'area', { name: 'Maidstone district', onsCode: 'E07000110', onsLevel: 'la' });
  const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsCode: 'E05009317', onsLevel: 'ward', parentId: district.id, lsoaCodes: ['E01024133', 'E01024134'] });
  const audience = await create(core, handle, 'audience', {
    name: 'Young people in Riverside ward',
    kind: 'young-people',
    sizeEstimate: 1850,
    sizeEvidence: 'Census 2021, ages 16–24, ward total',
    evidenceNote: '1,850 residents aged 16–24; anti-social behaviour reports peak on Friday evenings.',
    evidenceSource: 'ONS Census 2021, table TS007A, published 2022',
    engagementState: 'hard-to-reach',
    priority: 'high',
    whatWeKnow: 'Gather at the skate park and the leisure centre after school.',
    owner: 'PC Tom Reid',
    areaIds: [ward.id],
  });
  const asset = await create(core, handle, 'asset', {
    kind: 'individual',
    name: 'Youth worker, Riverside Youth Club',
    role: 'Detached youth worker',
    personName: 'Jordan Mensah',
    phone: '01632 960481',
    email: 'j.mensah@example.org.uk',
    specialCategoryNote: '',
    relationship: 'active',
    lastContact: '2026-10-14',
    audienceIds: [audience.id],
    areaIds: [ward.id],
  });
  const vulnerability = await create(core, handle, 'vulnerability', {
    name: 'Young people who distrust the police after stop and search',
    kind: 'group',
    barriers: ['trust', 'past-experience'],
    whyItMatters: 'They are most at risk of exploitation and least likely to report it.',
    priority: 'high',
    responseNote: 'Monthly drop-in at the youth club with the youth worker, no uniform.',
    audienceIds: [audience.id],
    areaIds: [ward.id],
  });
  const place = await create(core, handle, 'place', {
    name: 'Riverside Leisure Centre',
    kind: 'leisure-centre',
    areaId: ward.id,
    address: 'Mill Lane, Maidstone ME14 1AA',
    gatheringTimes: 'Weekday evenings 4–8pm; Saturday mornings',
    audienceIds: [audience.id],
  });
  const channel = await create(core, handle, 'channel', {
    name: 'Riverside Neighbourhood Alert',
    kind: 'community-messaging',
    status: 'have',
    owner: 'PS Dana Okafor',
    reach: 2140,
    reachMeasure: 'Subscribers on 1 November 2026',
    cost: 'Free (force licence)',
  });
  const partner = await create(core, handle, 'partner', {
    organisation: 'Maidstone Borough Council community safety team',
    sector: 'local-authority',
    contactName: 'Priya Shah',
    contactRole: 'Community Safety Manager',
    phone: '01632 960112',
    email: 'p.shah@example.gov.uk',
    relationship: 'active',
    lastContact: '2026-10-30',
    whatTheyBring: 'CCTV data, the youth outreach van, rooms at the Hub',
    audienceIds: [audience.id],
  });
  const communityEvent = await create(core, handle, 'communityEvent', {
    name: 'Riverside summer fun day',
    organiserPartnerId: partner.id,
    recurrence: 'yearly',
    nextDate: '2027-07-17',
    placeId: place.id,
    policeRole: 'stall',
    status: 'planned',
    owner: 'PC Tom Reid',
    audienceIds: [audience.id],
  });
  const practice = await create(core, handle, 'practice', {
    title: 'Detached patrols with youth workers at the skate park',
    description: 'A PCSO walked with the detached youth workers on Friday evenings for ten weeks.',
    audienceKinds: ['young-people'],
    channelKinds: ['patrol'],
    depth: 'involve',
    origin: 'other-force',
    originForce: 'essex',
    year: 2024,
    outcome: 'improved',
    outcomeNote: 'ASB calls down a third over the summer; young people asked for it to continue.',
    evidenceStrength: 'monitored',
    verdict: 'adapt',
  });
  const message = await create(core, handle, 'message', {
    text: 'Your PCSOs hold a drop-in at Riverside Leisure Centre every Friday, 4 till 6: come and tell us what would make the skate park feel safer.',
    textWelsh: 'Mae eich SCCH yn cynnal sesiwn galw heibio yng Nghanolfan Hamdden Glan yr Afon bob dydd Gwener, 4 tan 6.',
    status: 'approved',
    frequency: 'weekly',
    lastUsed: '2026-11-13',
    owner: 'PC Tom Reid',
    qualityCheck: {
      consistent: { pass: true, note: 'Serves the confidence objective' },
      appropriate: { pass: true, note: '' },
      challenging: { pass: false, note: 'Commits us to nothing we would not do anyway' },
      tailored: { pass: true, note: 'Written with the youth forum' },
      specific: { pass: true, note: 'Place, day and time' },
      interesting: { pass: null, note: '' },
    },
    objectiveIds: [objective.id],
    audienceIds: [audience.id],
    channelIds: [channel.id],
  });
  const priority = await create(core, handle, 'priority', {
    concern: 'Motorbikes ride through the skate park at night and younger children are scared to use it.',
    areaId: ward.id,
    raisedOn: '2026-10-02',
    raisedHow: 'meeting',
    audienceId: audience.id,
    response: 'Joint evening patrols with the council wardens for six weeks; the council to fit a barrier at the Mill Lane entrance.',
    status: 'in-hand',
  });
  const activity = await create(core, handle, 'activity', {
    title: 'Friday drop-in at Riverside Leisure Centre',
    description: 'Two PCSOs and the detached youth worker, no uniform jackets, tea and a games console.',
    depth: 'involve',
    recurrence: 'weekly',
    startDate: '2027-01-08',
    endDate: '2027-07-30',
    owner: 'PS Dana Okafor',
    status: 'planned',
    flagship: true,
    pilotPlan: 'Run at Riverside for twelve weeks; count visits and ask at the youth forum.',
    rolloutPlan: 'If visits hold above ten a week, take it to Shepway and Park Wood in the autumn.',
    audienceIds: [audience.id],
    channelIds: [channel.id],
    partnerIds: [partner.id],
    placeIds: [place.id],
    eventIds: [communityEvent.id],
    messageIds: [message.id],
    priorityIds: [priority.id],
    vulnerabilityIds: [vulnerability.id],
    objectiveIds: [objective.id],
  });
  const hallmarkRating = await create(core, handle, 'hallmarkRating', { hallmark: 'network', rating: 3, evidence: 'Contacts in every ward but two; half not spoken to since the spring.' });
  const reviewEntry = await create(core, handle, 'reviewEntry', { reviewedOn: '2026-11-20', reviewer: 'PS 1234 Jane Doe', summary: 'Youth audiences reached; older residents still hard to reach.', decisions: 'Add a coffee morning at the library.' });
  return { aim, objective, good, district, ward, audience, asset, vulnerability, place, channel, partner, communityEvent, practice, message, priority, activity, hallmarkRating, reviewEntry };
}

/** One realistic edit per record type. */
const EDITS: Record<RecordTypeName, Record<string, unknown>> = {
  aim: { title: 'Build trust and confidence among young people and their families' },
  objective: { target: '65%', targetDate: '2029-03-31' },
  goodStatement: { statement: 'Every secondary school in Riverside has a schools officer pupils know' },
  area: { lsoaCodes: ['E01024133', 'E01024134', 'E01024135'], reviewedAt: '2026-11-20' },
  audience: { engagementState: 'receptive', sizeEstimate: 1900, notes: 'Updated after the October youth forum' },
  asset: { relationship: 'strong', lastContact: '2026-11-18' },
  vulnerability: { barriers: ['trust'], priority: 'medium' },
  place: { gatheringTimes: 'Weekday evenings 4–9pm', shareable: false },
  channel: { status: 'planned', reach: 2300, platform: null },
  partner: { relationship: 'formal', lastContact: '2026-11-19' },
  communityEvent: { status: 'confirmed', nextDate: '2027-07-24' },
  practice: { verdict: 'adopt', evidenceStrength: 'evaluated' },
  message: { status: 'live', textWelsh: 'Dewch i siarad â ni bob dydd Gwener.', qualityCheck: { consistent: { pass: true, note: '' }, appropriate: { pass: true, note: '' }, challenging: { pass: true, note: 'We now promise a reply within a week' }, tailored: { pass: true, note: '' }, specific: { pass: true, note: '' }, interesting: { pass: true, note: 'Tested at the youth forum' } } },
  priority: { status: 'fed-back', feedback: 'Barrier fitted on 20 November; patrols found no bikes after week three.', feedbackOn: '2026-11-24' },
  activity: { flagship: false, recurrence: 'fortnightly', channelIds: [] },
  hallmarkRating: { rating: 4, evidence: 'Active contacts in every ward since the autumn.' },
  reviewEntry: { decisions: 'Add a coffee morning at the library; drop the leaflet drop.' },
};

describe('worksheet records', () => {
  it('creates, edits and deletes a record of every type, each change read back exactly and logged', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const made = await riverside(core, handle);
    const byType: Record<RecordTypeName, Values> = {
      aim: made.aim,
      objective: made.objective,
      goodStatement: made.good,
      area: made.ward,
      audience: made.audience,
      asset: made.asset,
      vulnerability: made.vulnerability,
      place: made.place,
      channel: made.channel,
      partner: made.partner,
      communityEvent: made.communityEvent,
      practice: made.practice,
      message: made.message,
      priority: made.priority,
      activity: made.activity,
      hallmarkRating: made.hallmarkRating,
      reviewEntry: made.reviewEntry,
    };
    expect(await changeCount(core, handle)).toBe(18);

    for (const type of RECORD_TYPE_NAMES) {
      const record = byType[type];
      expect(record.id, type).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(record.createdAt, type).toBe(record.updatedAt);
      expect(record, type).toMatchObject({ shareable: true, reviewedAt: null });
      expect((await list(core, handle, type)).find((r) => r.id === record.id), type).toEqual(record);

      const before = await changeCount(core, handle);
      const edited = await update(core, handle, type, record.id, EDITS[type]);
      expect(edited, type).toEqual({ ...record, ...EDITS[type], updatedAt: edited.updatedAt });
      expect(edited.updatedAt > record.updatedAt, type).toBe(true);
      expect((await list(core, handle, type)).find((r) => r.id === record.id), type).toEqual(edited);
      expect(await changeCount(core, handle), type).toBe(before + 1);

      // The same values again change nothing and log nothing.
      expect(await update(core, handle, type, record.id, EDITS[type]), type).toEqual(edited);
      expect(await changeCount(core, handle), type).toBe(before + 1);
    }

    // Delete in an order nothing depends on: what points at a record goes before it.
    for (const type of ['activity', 'priority', 'message', 'practice', 'communityEvent', 'partner', 'channel', 'place', 'vulnerability', 'asset', 'audience', 'area', 'goodStatement', 'objective', 'aim'] as const) {
      const record = byType[type];
      expect(await expectWritten(core, 'deleteRecord', { handle, type, id: record.id }), type).toEqual({ deleted: true });
      expect((await list(core, handle, type)).map((r) => r.id), type).not.toContain(record.id);
      expect(await expectWritten(core, 'deleteRecord', { handle, type, id: record.id }), type).toEqual({ deleted: false });
      const gone = await refusal(core, 'updateRecord', { handle, type, id: record.id, changes: { notes: 'x' } });
      expect(gone.code, type).toBe('not-found');
      expect(gone.message, type).toContain(RECORD_TYPES[type].label.toLowerCase());
    }
    expect((await list(core, handle, 'area')).map((r) => r.name)).toEqual(['Maidstone district']);
    core.closeAll();
  });

  it('stamps creation and edits with the injected clock and logs who did what', async () => {
    const core = testCore({ newId: sequentialIds(100) });
    const { handle, path: file } = await newWorkbook(core);
    const area = await create(core, handle, 'area', { name: 'Riverside ward' });
    expect(area.createdAt).toMatch(/^2026-11-25T09:00:\d\d\.000Z$/);
    await update(core, handle, 'area', area.id, { name: 'Riverside and Mill ward' });
    await expectWritten(core, 'deleteRecord', { handle, type: 'area', id: area.id });
    core.closeAll();
    const db = openReadOnly(file);
    const log = listChanges(db);
    db.close();
    expect(log.map((e) => [e.who, e.kind, e.recordId, e.action])).toEqual([
      ['planner', 'area', area.id, 'create'],
      ['planner', 'area', area.id, 'update'],
      ['planner', 'area', area.id, 'delete'],
    ]);
    expect(log[1]).toMatchObject({ before: { name: 'Riverside ward' }, after: { name: 'Riverside and Mill ward' } });
  });

  it('answers invalid values with fields keyed by field name and a message naming the field, saving nothing', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const changes = await changeCount(core, handle);

    const bad = await refusal(core, 'createRecord', { handle, type: 'audience', values: { name: '   ', kind: 'teenagers', engagementState: 'receptive', priority: 'high', sizeEstimate: -5 } });
    expect(bad.code).toBe('invalid-input');
    expect(bad.fields).toEqual({ name: 'Enter name', kind: 'Choose kind of audience from the list', sizeEstimate: 'Enter a number of 0 or more' });
    expect(bad.message).toMatch(/^The audience was not saved: Name: Enter name/);

    const audience = await create(core, handle, 'audience', { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'receptive', priority: 'high' });
    const size = await refusal(core, 'updateRecord', { handle, type: 'audience', id: audience.id, changes: { sizeEstimate: 12.5 } });
    expect(size.fields).toEqual({ sizeEstimate: 'Enter a whole number' });
    expect(size.message).toContain('Size estimate (people)');
    const date = await refusal(core, 'createRecord', { handle, type: 'asset', values: { kind: 'group', name: 'Riverside Residents Association', relationship: 'new', lastContact: '2027-02-30' } });
    expect(date.fields).toEqual({ lastContact: 'Enter a real date, for example 2027-03-31' });
    expect(date.message).toContain('Last contact');
    const codes = await refusal(core, 'createRecord', { handle, type: 'area', values: { name: 'Riverside ward', lsoaCodes: ['E01024133', 'E01024133'] } });
    expect(codes.fields).toEqual({ lsoaCodes: 'Each code only once' });
    expect(codes.message).toContain('LSOAs it contains');
    const barriers = await refusal(core, 'createRecord', { handle, type: 'vulnerability', values: { name: 'Northgate estate', kind: 'area', priority: 'high', barriers: ['trust', 'trust'] } });
    expect(barriers.fields).toEqual({ barriers: 'Each choice only once' });
    expect(barriers.message).toContain('Barriers');
    const unknown = await refusal(core, 'createRecord', { handle, type: 'aim', values: { title: 'Build trust', colour: 'blue' } });
    expect(unknown.code).toBe('invalid-input');
    expect(unknown.message).toContain('colour');
    const id = await refusal(core, 'createRecord', { handle, type: 'aim', values: { title: 'Build trust', id: MISSING_ID } });
    expect(id.code).toBe('invalid-input');
    const type = await refusal(core, 'createRecord', { handle, type: 'slogan', values: { title: 'x' } });
    expect(type.fields).toEqual({ type: 'Unknown kind of record' });

    expect(await changeCount(core, handle)).toBe(changes + 1);
    expect((await list(core, handle, 'audience')).map((a) => a.sizeEstimate)).toEqual([null]);
    expect(await list(core, handle, 'asset')).toEqual([]);
    expect(await list(core, handle, 'area')).toEqual([]);
    core.closeAll();
  });

  it('keys a problem inside a list by the list’s field name, and names the field in the message', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const cases: Array<[RecordTypeName, Record<string, unknown>, string, string]> = [
      ['area', { name: 'Riverside ward', lsoaCodes: ['E01024133', 'S01006506'] }, 'lsoaCodes', 'LSOAs it contains'],
      ['vulnerability', { name: 'Northgate estate', kind: 'area', priority: 'high', barriers: ['trust', 'fear of reprisal'] }, 'barriers', 'Barriers'],
      ['audience', { name: 'Young people', kind: 'young-people', engagementState: 'receptive', priority: 'high', areaIds: ['riverside-ward'] }, 'areaIds', 'Areas'],
    ];
    for (const [type, values, field, label] of cases) {
      const refused = await refusal(core, 'createRecord', { handle, type, values });
      expect(refused.code, type).toBe('invalid-input');
      expect(Object.keys(refused.fields ?? {}), type).toEqual([field]);
      expect(refused.message, type).toContain(`: ${label}: `);
      expect(refused.message, type).not.toMatch(/\.\d+:/);
    }
    core.closeAll();
  });

  it('catches typos as they come in, naming the bad value: ONS codes for their level, LSOA codes, e-mail addresses and phone numbers', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const cases: Array<[RecordTypeName, Record<string, unknown>, string, string]> = [
      ['area', { name: 'Riverside ward', lsoaCodes: ['E01024133', 'E0100A123'] }, 'lsoaCodes', '“E0100A123” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133'],
      ['area', { name: 'Riverside ward', onsCode: 'E0500931', onsLevel: 'ward' }, 'onsCode', '“E0500931” is not a ward code: ward codes are E05 or W05 followed by 6 digits (S13 in Scotland, N08 in Northern Ireland), for example E05009317'],
      ['area', { name: 'Birmingham', onsCode: 'E05000025', onsLevel: 'la' }, 'onsCode', '“E05000025” is not a local authority code: local authority codes are E06, E07, E08, E09 or W06 followed by 6 digits (S12 in Scotland, N09 in Northern Ireland), for example E08000025'],
      ['area', { name: 'Somewhere', onsCode: 'Riverside' }, 'onsCode', '“Riverside” is not an ONS code: ONS codes are a letter and 8 digits, for example E05009317'],
      ['asset', { kind: 'individual', name: 'Imam', relationship: 'strong', email: 'y.ahmed@example' }, 'email', '“y.ahmed@example” is not an e-mail address: it should look like name@example.org'],
      ['asset', { kind: 'individual', name: 'Imam', relationship: 'strong', phone: '01632 9601' }, 'phone', '“01632 9601” is not a phone number: use 10 to 15 digits, with spaces if you like, for example 01632 960123 or +44 1632 960123'],
    ];
    const changes = await changeCount(core, handle);
    for (const [type, values, field, message] of cases) {
      const refused = await refusal(core, 'createRecord', { handle, type, values });
      expect(refused.fields, `${type} ${field}`).toEqual({ [field]: message });
    }
    expect(await changeCount(core, handle)).toBe(changes);

    // Right values of each kind are taken, in either case and with the usual ways of writing a number.
    await create(core, handle, 'area', { name: 'Birmingham', onsCode: 'e08000025', onsLevel: 'la' });
    await create(core, handle, 'area', { name: 'Cardiff ward', onsCode: 'W05000870', onsLevel: 'ward' });
    await create(core, handle, 'area', { name: 'Neighbourhood', onsCode: 'anything at all', onsLevel: 'other' });
    for (const phone of ['01632 960123', '+44 (0)1632 960123', '01632-960-123 ext 45', '07700900123']) {
      await create(core, handle, 'asset', { kind: 'individual', name: `Contact ${phone}`, relationship: 'strong', phone, email: 'a.contact@example.org.uk' });
    }
    core.closeAll();
  });

  it('checks an area\'s code again when its level changes, but lets an old value stand in the way of no other edit', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsCode: 'E05009317', onsLevel: 'ward' });
    const changed = await refusal(core, 'updateRecord', { handle, type: 'area', id: ward.id, changes: { onsLevel: 'la' } });
    expect(changed.fields).toEqual({ onsCode: expect.stringMatching(/^“E05009317” is not a local authority code/) });
    // A value the app wrote before these checks (here planted straight in the file) does not block renaming.
    const db = new Database(((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle })).path));
    db.prepare("UPDATE area SET ons_code = 'E0500931' WHERE id = ?").run(ward.id);
    db.close();
    expect((await update(core, handle, 'area', ward.id, { name: 'Riverside' })).name).toBe('Riverside');
    core.closeAll();
  });

  it('refuses refs and links to records that do not exist, naming the field', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const aim = await create(core, handle, 'aim', { title: 'Build trust among young people' });
    const ward = await create(core, handle, 'area', { name: 'Riverside ward' });

    const objective = await refusal(core, 'createRecord', { handle, type: 'objective', values: { title: 'Raise confidence', aimId: MISSING_ID } });
    expect(objective.code).toBe('invalid-input');
    expect(Object.keys(objective.fields ?? {})).toEqual(['aimId']);
    expect(objective.message).toContain('Aim it serves');
    // A record of another type is not an aim either.
    const wrongType = await refusal(core, 'createRecord', { handle, type: 'objective', values: { title: 'Raise confidence', aimId: ward.id } });
    expect(Object.keys(wrongType.fields ?? {})).toEqual(['aimId']);

    const place = await refusal(core, 'createRecord', { handle, type: 'place', values: { name: 'Riverside Leisure Centre', kind: 'leisure-centre', areaId: MISSING_ID } });
    expect(Object.keys(place.fields ?? {})).toEqual(['areaId']);
    expect(place.message).toContain('Area');

    const links = await refusal(core, 'createRecord', { handle, type: 'audience', values: { name: 'Young people', kind: 'young-people', engagementState: 'receptive', priority: 'high', areaIds: [ward.id, MISSING_ID] } });
    expect(links.fields).toEqual({ areaIds: expect.stringMatching(/^1 of the linked areas no longer exist/) });
    expect(links.message).toContain('Areas');

    const audience = await create(core, handle, 'audience', { name: 'Young people', kind: 'young-people', engagementState: 'receptive', priority: 'high', areaIds: [ward.id] });
    const assetLinks = await refusal(core, 'createRecord', { handle, type: 'asset', values: { kind: 'group', name: 'Youth club', relationship: 'new', audienceIds: [audience.id], areaIds: [audience.id] } });
    expect(Object.keys(assetLinks.fields ?? {})).toEqual(['areaIds']);
    const edit = await refusal(core, 'updateRecord', { handle, type: 'audience', id: audience.id, changes: { areaIds: [MISSING_ID] } });
    expect(Object.keys(edit.fields ?? {})).toEqual(['areaIds']);
    const parent = await refusal(core, 'updateRecord', { handle, type: 'area', id: ward.id, changes: { parentId: aim.id } });
    expect(Object.keys(parent.fields ?? {})).toEqual(['parentId']);

    expect((await list(core, handle, 'audience'))[0]?.areaIds).toEqual([ward.id]);
    expect(await list(core, handle, 'objective')).toEqual([]);
    expect(await list(core, handle, 'place')).toEqual([]);
    expect(await list(core, handle, 'asset')).toEqual([]);
    core.closeAll();
  });

  it('will not put an area inside itself, directly or through other areas', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const kent = await create(core, handle, 'area', { name: 'Kent', onsLevel: 'other' });
    const district = await create(core, handle, 'area', { name: 'Maidstone district', onsLevel: 'la', parentId: kent.id });
    const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsLevel: 'ward', parentId: district.id });

    const direct = await refusal(core, 'updateRecord', { handle, type: 'area', id: ward.id, changes: { parentId: ward.id } });
    expect(direct.code).toBe('invalid-input');
    expect(Object.keys(direct.fields ?? {})).toEqual(['parentId']);
    expect(direct.fields?.parentId).toMatch(/cannot sit inside itself/);
    expect(direct.message).toContain('Part of');

    const oneStep = await refusal(core, 'updateRecord', { handle, type: 'area', id: district.id, changes: { parentId: ward.id } });
    expect(oneStep.fields?.parentId).toMatch(/cannot sit inside itself/);
    const twoSteps = await refusal(core, 'updateRecord', { handle, type: 'area', id: kent.id, changes: { parentId: ward.id } });
    expect(twoSteps.fields?.parentId).toMatch(/cannot sit inside itself/);

    expect((await list(core, handle, 'area')).map((a) => a.parentId)).toEqual([null, kent.id, district.id]);
    // Moving a branch elsewhere in the tree is fine.
    const swale = await create(core, handle, 'area', { name: 'Swale district', onsLevel: 'la', parentId: kent.id });
    expect((await update(core, handle, 'area', ward.id, { parentId: swale.id })).parentId).toBe(swale.id);
    expect((await update(core, handle, 'area', district.id, { parentId: null })).parentId).toBeNull();
    core.closeAll();
  });

  it('refuses to delete an aim that still has objectives, saying how many', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const aim = await create(core, handle, 'aim', { title: 'Build trust among young people' });
    const other = await create(core, handle, 'aim', { title: 'Hear from every community' });
    const first = await create(core, handle, 'objective', { title: 'Raise confidence in Riverside ward', aimId: aim.id });
    const second = await create(core, handle, 'objective', { title: 'Double attendance at youth forums', aimId: aim.id });
    await create(core, handle, 'objective', { title: 'A contact in every faith community', aimId: other.id });

    const refused = await refusal(core, 'deleteRecord', { handle, type: 'aim', id: aim.id });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toContain('Build trust among young people');
    expect(refused.message).toMatch(/\b2 objectives\b/);
    expect(refused.message).toMatch(/Move them to another aim or delete them first/);
    expect((await list(core, handle, 'aim')).map((a) => a.id)).toEqual([aim.id, other.id]);

    await update(core, handle, 'objective', second.id, { aimId: other.id });
    await expectWritten(core, 'deleteRecord', { handle, type: 'objective', id: first.id });
    expect(await expectWritten(core, 'deleteRecord', { handle, type: 'aim', id: aim.id })).toEqual({ deleted: true });
    expect((await list(core, handle, 'objective')).map((o) => o.aimId)).toEqual([other.id, other.id]);
    core.closeAll();
  });

  it('deleting an area clears places’ area and sub-areas’ parent, and removes every link to it', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const made = await riverside(core, handle);
    const north = await create(core, handle, 'area', { name: 'Northgate ward', parentId: made.ward.id });
    const other = await create(core, handle, 'area', { name: 'Bearsted ward' });
    await update(core, handle, 'audience', made.audience.id, { areaIds: [made.ward.id, other.id] });
    await update(core, handle, 'asset', made.asset.id, { areaIds: [other.id, made.ward.id] });

    expect(await expectWritten(core, 'deleteRecord', { handle, type: 'area', id: made.ward.id })).toEqual({ deleted: true });
    const after = await listAll(core, handle);
    expect(after.place.find((p) => p.id === made.place.id)).toMatchObject({ areaId: null, name: 'Riverside Leisure Centre', audienceIds: [made.audience.id] });
    expect(after.area.find((a) => a.id === north.id)?.parentId).toBeNull();
    expect(after.audience.find((a) => a.id === made.audience.id)?.areaIds).toEqual([other.id]);
    expect(after.asset.find((a) => a.id === made.asset.id)).toMatchObject({ areaIds: [other.id], audienceIds: [made.audience.id] });
    expect(after.vulnerability.find((v) => v.id === made.vulnerability.id)).toMatchObject({ areaIds: [], audienceIds: [made.audience.id] });
    expect(after.area.map((a) => a.name).sort()).toEqual(['Bearsted ward', 'Maidstone district', 'Northgate ward']);

    // Deleting an audience removes the links to it in the same way.
    await expectWritten(core, 'deleteRecord', { handle, type: 'audience', id: made.audience.id });
    const later = await listAll(core, handle);
    expect(later.asset[0]?.audienceIds).toEqual([]);
    expect(later.vulnerability[0]?.audienceIds).toEqual([]);
    expect(later.place[0]?.audienceIds).toEqual([]);
    core.closeAll();
  });

  it('makes every acknowledged create, edit and delete visible to a second, read-only connection at once', async () => {
    const writer = testCore();
    const { handle, path: file } = await newWorkbook(writer);
    // A second connection kept open all along, as another process would hold it.
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    const rows = (table: string) => raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Array<Record<string, unknown>>;
    // And the API's own read-only view (a snapshot as of opening), opened afresh after each change.
    const reader = testCore();
    const seen = async (type: RecordTypeName) => {
      const { info } = await expectOk<{ info: WorkbookInfo }>(reader, 'openWorkbook', { path: file, readOnly: true });
      const records = await list(reader, info.handle, type);
      await expectOk(reader, 'closeWorkbook', { handle: info.handle });
      return records;
    };

    const ward = await create(writer, handle, 'area', { name: 'Riverside ward', onsCode: 'E05009317' });
    expect(rows('area')).toMatchObject([{ id: ward.id, name: 'Riverside ward', ons_code: 'E05009317' }]);
    expect(await seen('area')).toEqual([ward]);
    const audience = await create(writer, handle, 'audience', { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high', areaIds: [ward.id] });
    expect(rows('audience')).toMatchObject([{ id: audience.id, engagement_state: 'hard-to-reach' }]);
    expect(rows('audience_area')).toEqual([{ owner_id: audience.id, target_id: ward.id }]);
    expect(await seen('audience')).toEqual([audience]);
    const edited = await update(writer, handle, 'audience', audience.id, { engagementState: 'receptive', areaIds: [] });
    expect(rows('audience')).toMatchObject([{ id: audience.id, engagement_state: 'receptive', updated_at: edited.updatedAt }]);
    expect(rows('audience_area')).toEqual([]);
    expect(await seen('audience')).toEqual([edited]);
    await expectOk(writer, 'deleteRecord', { handle, type: 'area', id: ward.id });
    expect(rows('area')).toEqual([]);
    expect(await seen('area')).toEqual([]);
    await expectOk(writer, 'undo', { handle });
    expect(rows('area')).toMatchObject([{ id: ward.id }]);
    expect(await seen('area')).toEqual([ward]);
    await expectOk(writer, 'setSectionCompleted', { handle, section: 'areas', completed: true });
    expect(rows('section_state')).toMatchObject([{ section: 'areas' }]);
    raw.close();

    // A read-only session is refused every kind of write, and the file is left as it was.
    const { info } = await expectOk<{ info: WorkbookInfo }>(reader, 'openWorkbook', { path: file, readOnly: true });
    expect(info.readOnly).toBe(true);
    expect((await expectOk<Array<{ section: string; status: string }>>(reader, 'listSectionStates', { handle: info.handle })).find((s) => s.section === 'areas')?.status).toBe('Completed');
    for (const [method, request] of [
      ['createRecord', { handle: info.handle, type: 'aim', values: { title: 'Build trust' } }],
      ['updateRecord', { handle: info.handle, type: 'area', id: ward.id, changes: { name: 'Renamed' } }],
      ['deleteRecord', { handle: info.handle, type: 'area', id: ward.id }],
      ['undo', { handle: info.handle }],
      ['redo', { handle: info.handle }],
      ['setSectionCompleted', { handle: info.handle, section: 'aims', completed: true }],
      ['updateWorkbookDetails', { handle: info.handle, changes: { title: 'Renamed' } }],
    ] as const) {
      const refused = await refusal(reader, method, request);
      expect(refused.code, method).toBe('read-only');
      expect(refused.message, method).toContain('Riverside plan.ewb');
    }
    expect(await expectOk(reader, 'getUndoState', { handle: info.handle })).toEqual({ undoLabel: null, redoLabel: null });
    reader.closeAll();
    expect(await list(writer, handle, 'area')).toEqual([ward]);
    expect(await list(writer, handle, 'aim')).toEqual([]);
    writer.closeAll();
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['Riverside plan.ewb']);
  });

  it('has the personal fields the descriptors name, kept by the core and left out of a dump without --personal', async () => {
    expect(Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, personalFields(type)]))).toEqual({
      aim: [],
      objective: ['owner'],
      goodStatement: [],
      area: [],
      audience: ['owner'],
      asset: ['personName', 'phone', 'email', 'specialCategoryNote'],
      vulnerability: [],
      place: [],
      channel: ['owner'],
      partner: ['contactName', 'phone', 'email'],
      communityEvent: ['owner'],
      practice: [],
      message: ['owner'],
      priority: [],
      activity: ['owner'],
      hallmarkRating: [],
      reviewEntry: ['reviewer'],
    });
    const special = RECORD_TYPE_NAMES.flatMap((type) => RECORD_TYPES[type].fields.filter((f) => f.specialCategory).map((f) => `${type}.${f.name}`));
    expect(special).toEqual(['asset.specialCategoryNote']);
    for (const field of RECORD_TYPES.asset.fields.filter((f) => f.personal)) expect(field.showWhen, field.name).toEqual({ field: 'kind', oneOf: ['individual'] });

    const core = testCore();
    const { handle, path: file } = await newWorkbook(core);
    const made = await riverside(core, handle);
    const imam = await create(core, handle, 'asset', { kind: 'individual', name: 'Imam, Central Mosque', personName: 'Yusuf Ahmed', phone: '01632 960123', email: 'y.ahmed@example.org.uk', specialCategoryNote: 'Leads Friday prayers; Muslim', relationship: 'strong' });
    expect((await list(core, handle, 'asset')).find((a) => a.id === imam.id)).toMatchObject({ personName: 'Yusuf Ahmed', phone: '01632 960123', email: 'y.ahmed@example.org.uk', specialCategoryNote: 'Leads Friday prayers; Muslim' });
    expect((await list(core, handle, 'objective'))[0]?.owner).toBe('Insp. Sarah Collins');
    core.closeAll();

    const dir = path.dirname(file);
    await expectOk(core, 'dumpWorkbook', { path: file, destination: path.join(dir, 'shared.json') });
    await expectOk(core, 'dumpWorkbook', { path: file, destination: path.join(dir, 'personal.json'), personal: true });
    const shared = JSON.parse(fs.readFileSync(path.join(dir, 'shared.json'), 'utf8')) as { records: Record<string, Array<Record<string, unknown>>> };
    const personal = JSON.parse(fs.readFileSync(path.join(dir, 'personal.json'), 'utf8')) as { records: Record<string, Array<Record<string, unknown>>> };
    for (const type of RECORD_TYPE_NAMES) {
      for (const [index, record] of (personal.records[type] ?? []).entries()) {
        const without = shared.records[type]?.[index] ?? {};
        const dropped = Object.keys(record).filter((key) => !(key in without));
        expect(dropped.sort(), type).toEqual([...personalFields(type)].sort());
      }
    }
    const text = fs.readFileSync(path.join(dir, 'shared.json'), 'utf8');
    for (const name of ['Yusuf Ahmed', '01632 960123', 'Jordan Mensah', 'Insp. Sarah Collins', 'PC Tom Reid', 'Muslim', 'PS Dana Okafor', 'Priya Shah', '01632 960112', 'p.shah@example.gov.uk']) expect(text, name).not.toContain(name);
    expect(text).toContain(made.audience.name as string);
  });

  it('speaks plain English in its refusals: “an aim”, “an area”, “1 objective”', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const aim = await create(core, handle, 'aim', { title: 'Build trust among young people' });
    await create(core, handle, 'objective', { title: 'Raise confidence in Riverside ward', aimId: aim.id });
    const ward = await create(core, handle, 'area', { name: 'Riverside ward' });

    const missingAim = await refusal(core, 'createRecord', { handle, type: 'objective', values: { title: 'Raise confidence', aimId: MISSING_ID } });
    expect(missingAim.fields?.aimId).toBe('Choose an aim that exists');
    const missingArea = await refusal(core, 'createRecord', { handle, type: 'place', values: { name: 'Riverside Leisure Centre', kind: 'leisure-centre', areaId: MISSING_ID } });
    expect(missingArea.fields?.areaId).toBe('Choose an area that exists');
    const cycle = await refusal(core, 'updateRecord', { handle, type: 'area', id: ward.id, changes: { parentId: ward.id } });
    expect(cycle.fields?.parentId).toBe('An area cannot sit inside itself');
    const one = await refusal(core, 'deleteRecord', { handle, type: 'aim', id: aim.id });
    expect(one.message).toMatch(/still has 1 objective under it\./);
    core.closeAll();
  });
});
