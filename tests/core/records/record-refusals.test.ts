// What the core refuses when worksheet records are created and edited, and how it says so: values
// checked field by field with each problem keyed by its field, typos caught with the bad value
// named, links checked against what exists, no area inside itself, no aim deleted from under its
// objectives, and all of it in plain English.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { changeCount, create, list, newWorkbook, refusal, update } from '../../helpers/record-calls.ts';
import { expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

const MISSING_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';

describe('worksheet records: refusals', () => {
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
  });});
