// Creating, editing and deleting worksheet records through the core's boundary, as a door would:
// every change read back exactly and logged, deletes that take their links with them, every
// acknowledged change on disk at once, read-only sessions refused, and personal fields kept apart.
// What the core refuses, and how it says so, is in record-refusals.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { listChanges } from '../../../electron/core/changes/change-log.ts';
import { changeCount, create, list, listAll, newWorkbook, refusal, update } from '../../helpers/record-calls.ts';
import type { Values } from '../../helpers/record-ops.ts';
import { riverside } from '../../helpers/riverside-records.ts';
import { expectOk, expectWritten, sequentialIds, testCore } from '../../helpers/test-core.ts';

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
});
