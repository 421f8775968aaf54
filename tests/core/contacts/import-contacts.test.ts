// Importing contact lists of partners and assets through the column-mapping step: what would happen
// first (nothing written), then one undoable change; rows matching a record already there (the same
// organisation or email, case and spacing ignored) or an earlier row are merged and said so; rows
// without a name skipped with why; a value the app cannot use refuses the whole list, naming its row.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ContactImportResult } from '../../../shared/api/contacts.ts';
import type { WriteEffects } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { listChanges } from '../../../electron/core/changes/change-log.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';

type Result = ContactImportResult & { effects: WriteEffects | null };
type Partner = Record<string, unknown> & { id: string };

const PARTNER_COLUMNS = [
  { field: 'organisation', column: 'Organisation' },
  { field: 'sector', column: 'Sector' },
  { field: 'contactName', column: 'Contact' },
  { field: 'email', column: 'E-mail' },
  { field: 'phone', column: 'Phone' },
  { field: 'lastContact', column: 'Last spoke' },
];

const LIST = [
  'Organisation,Sector,Contact,E-mail,Phone,Last spoke',
  'Maidstone Borough Council,Local authority,Priya Shah,p.shah@example.gov.uk,01632 960112,30/10/2026',
  'Age UK Maidstone,voluntary,Tom Ellis,t.ellis@example.org.uk,,2026-09-01',
  '  maidstone  borough COUNCIL ,,,,01632 960999,',
  'Riverside Mosque trust,Faith,,imam@example.org.uk,,',
  ',Health,Somebody,nobody@example.org,,',
  'Age Concern Maidstone,,,T.ELLIS@example.org.uk,01632 960500,',
].join('\n');

async function setUp(): Promise<{ core: AppCore; handle: string; file: string; dir: string }> {
  const core = testCore();
  const dir = tempDir();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Contacts.ewb'), details: SAMPLE_DETAILS });
  return { core, handle: info.handle, file: info.path, dir };
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function partners(core: AppCore, handle: string): Promise<Partner[]> {
  return (await expectOk<{ records: Partner[] }>(core, 'listRecords', { handle, type: 'partner' })).records;
}

function named(records: Partner[], organisation: string): Partner | undefined {
  return records.find((record) => record.organisation === organisation);
}

/** Orders two organisations as the list does records made at the same moment: by id. */
function byId(records: Partner[], a: string, b: string): number {
  return String(named(records, a)?.id).localeCompare(String(named(records, b)?.id));
}

async function refused(core: AppCore, request: unknown): Promise<{ message: string; fields?: Record<string, string> }> {
  const result = await core.call('importContacts', request);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe('invalid-input');
  return result.error;
}

describe('importing a contact list of partners', () => {
  it('says first what would happen (writing nothing), then adds, merges and skips as one undoable change', async () => {
    const { core, handle, dir } = await setUp();
    const existing = await expectWritten<Partner>(core, 'createRecord', { handle, type: 'partner', values: { organisation: 'Maidstone Borough Council', sector: 'local-authority', relationship: 'active', whatTheyBring: 'CCTV and the youth van' } });
    const source = write(dir, 'partners.csv', LIST);

    const check = await expectOk<Result>(core, 'importContacts', { handle, source, target: 'partner', columns: PARTNER_COLUMNS });
    expect(check).toMatchObject({ applied: false, added: 2, merged: 2, skipped: 2, effects: null, fileName: 'partners.csv' });
    expect(await partners(core, handle)).toEqual([existing]);
    expect(await expectOk(core, 'getUndoState', { handle })).toMatchObject({ undoLabel: 'Undo adding partner “Maidstone Borough Council”' });

    const done = await expectOk<Result>(core, 'importContacts', { handle, source, target: 'partner', columns: PARTNER_COLUMNS, apply: true });
    expect(done).toMatchObject({ applied: true, added: 2, merged: 2, skipped: 2 });
    expect(done.addedNames).toEqual(['Age UK Maidstone', 'Riverside Mosque trust']);
    expect(done.merges).toEqual([
      { row: 2, name: 'Maidstone Borough Council', into: 'Maidstone Borough Council', fields: ['Contact name', 'Email', 'Phone', 'Last contact'] },
      // Another name with an email already in the list (case aside): the same partner.
      { row: 7, name: 'Age Concern Maidstone', into: 'Age UK Maidstone', fields: ['Phone'] },
    ]);
    expect(done.skips).toEqual([
      // The same organisation again, case and spacing aside, with nothing the earlier row had not filled in.
      { row: 4, reason: 'already in the workbook as “Maidstone Borough Council”, with nothing new' },
      { row: 6, reason: 'no organisation' },
    ]);
    expect(done.effects?.undo.undoLabel).toBe('Undo importing 2 partners (and 2 merged) from partners.csv');

    // Records added in one change share its time: in a list they follow the one already there, in any order.
    const after = await partners(core, handle);
    expect(after.map((p) => p.organisation)).toEqual(['Maidstone Borough Council', ...['Age UK Maidstone', 'Riverside Mosque trust'].sort((a, b) => byId(after, a, b))]);
    // What was recorded is kept; only empty fields are filled in.
    expect(after[0]).toMatchObject({ id: existing.id, sector: 'local-authority', relationship: 'active', whatTheyBring: 'CCTV and the youth van', contactName: 'Priya Shah', email: 'p.shah@example.gov.uk', phone: '01632 960112', lastContact: '2026-10-30' });
    // A new partner without a sector or relationship column gets the defaults; sectors by label or id.
    expect(named(after, 'Age UK Maidstone')).toMatchObject({ sector: 'voluntary', relationship: 'none', contactName: 'Tom Ellis', email: 't.ellis@example.org.uk', phone: '01632 960500', lastContact: '2026-09-01' });
    expect(named(after, 'Riverside Mosque trust')).toMatchObject({ sector: 'faith', contactName: '', email: 'imam@example.org.uk' });

    // One step of undo takes the whole import back, merged fields included; redo brings it again.
    await expectOk(core, 'undo', { handle });
    expect(await partners(core, handle)).toEqual([existing]);
    await expectOk(core, 'redo', { handle });
    expect((await partners(core, handle)).map((p) => p.organisation).sort()).toEqual(['Age UK Maidstone', 'Maidstone Borough Council', 'Riverside Mosque trust']);
    core.closeAll();
  });

  it('merges a row repeated within the list into the first, and says which fields it filled in', async () => {
    const { core, handle, dir } = await setUp();
    const source = write(dir, 'repeats.csv', ['Organisation,Sector,E-mail,Phone', 'Riverside Residents Association,other,chair@riverside.example,', 'RIVERSIDE RESIDENTS ASSOCIATION,housing,,01632 960777'].join('\n'));
    const done = await expectOk<Result>(core, 'importContacts', { handle, source, target: 'partner', columns: PARTNER_COLUMNS.filter((c) => ['organisation', 'sector', 'email', 'phone'].includes(c.field)), apply: true });
    expect(done).toMatchObject({ added: 1, merged: 1, skipped: 0 });
    expect(done.merges).toEqual([{ row: 3, name: 'RIVERSIDE RESIDENTS ASSOCIATION', into: 'Riverside Residents Association', fields: ['Phone'] }]);
    expect(await partners(core, handle)).toEqual([expect.objectContaining({ organisation: 'Riverside Residents Association', sector: 'other', email: 'chair@riverside.example', phone: '01632 960777' })]);
    core.closeAll();
  });

  it('skips a row that repeats one already recorded with nothing new, and says so', async () => {
    const { core, handle, dir } = await setUp();
    await expectWritten(core, 'createRecord', { handle, type: 'partner', values: { organisation: 'Age UK Maidstone', sector: 'voluntary', relationship: 'active', email: 't.ellis@example.org.uk' } });
    const source = write(dir, 'same.csv', 'Organisation,E-mail\nAge UK Maidstone,t.ellis@example.org.uk\n');
    const done = await expectOk<Result>(core, 'importContacts', { handle, source, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }, { field: 'email', column: 'E-mail' }], apply: true });
    expect(done).toMatchObject({ added: 0, merged: 0, skipped: 1, skips: [{ row: 2, reason: 'already in the workbook as “Age UK Maidstone”, with nothing new' }], effects: expect.objectContaining({ gaps: { added: [], removed: [] } }) });
    core.closeAll();
  });

  it('refuses a value it cannot use, naming the row and the column, and imports nothing', async () => {
    const { core, handle, dir } = await setUp();
    const sector = write(dir, 'sector.csv', 'Organisation,Sector\nMaidstone Borough Council,Local authority\nKent Fire and Rescue,Emergency services\n');
    expect((await refused(core, { handle, source: sector, target: 'partner', columns: PARTNER_COLUMNS.slice(0, 2), apply: true })).message).toBe(
      [
        '"sector.csv" has 1 row with values the workbook cannot use. Put it right in the list (or leave the column out) and check it again. Nothing was imported.',
        'Line 3, column "Sector": "Emergency services" is not a sector the workbook knows; use one of: Health, Education, Local authority, Housing, Business, Charity or voluntary, Faith, Fire and rescue, Transport, Other.',
      ].join('\n'),
    );
    const date = write(dir, 'date.csv', 'Organisation,Last spoke\nAge UK,31/02/2026\n');
    expect((await refused(core, { handle, source: date, target: 'partner', columns: [PARTNER_COLUMNS[0], { field: 'lastContact', column: 'Last spoke' }], apply: true })).message).toContain('\nLine 2, column "Last spoke": "31/02/2026" is not a date');
    const long = write(dir, 'long.csv', `Organisation,Role\nAge UK,${'x'.repeat(201)}\n`);
    expect((await refused(core, { handle, source: long, target: 'partner', columns: [PARTNER_COLUMNS[0], { field: 'contactRole', column: 'Role' }], apply: true })).message).toMatch(/\nLine 2, column "Role": the contact's role cannot be used \(Keep this to 200 characters or fewer: it is 201 now\)/);
    expect(await partners(core, handle)).toEqual([]);
    core.closeAll();
  });

  it('checks e-mail addresses and phone numbers as the form does, naming every bad row at once (the first 25), and imports nothing', async () => {
    const { core, handle, file, dir } = await setUp();
    const rows = ['Organisation,E-mail,Phone'];
    for (let n = 1; n <= 60; n += 1) rows.push(`Partner ${n},${n % 2 === 0 ? `partner${n}@example` : `partner${n}@example.org`},${n === 3 ? '0121 496 00' : '01632 960123'}`);
    // A row without an organisation is skipped, whatever its e-mail address.
    rows.push(',not-an-address,');
    const source = write(dir, 'bad-contacts.csv', rows.join('\n'));
    for (const apply of [false, true]) {
      const message = (await refused(core, { handle, source, target: 'partner', columns: [PARTNER_COLUMNS[0], PARTNER_COLUMNS[3], PARTNER_COLUMNS[4]], apply })).message;
      const lines = message.split('\n');
      expect(lines[0]).toBe('"bad-contacts.csv" has 31 rows with values the workbook cannot use. Put them right in the list (or leave the column out) and check it again. Nothing was imported.');
      expect(lines[1]).toBe('Line 3, column "E-mail": “partner2@example” is not an e-mail address: it should look like name@example.org.');
      expect(lines[2]).toMatch(/^Line 4, column "Phone": “0121 496 00” is not a phone number/);
      expect(lines).toHaveLength(1 + 25 + 1);
      expect(lines.at(-1)).toBe('… and 6 more.');
      expect(message).not.toContain('not-an-address');
    }
    expect(await partners(core, handle)).toEqual([]);
    core.closeAll();
    const db = openReadOnly(file);
    expect(listChanges(db).filter((change) => change.kind === 'batch')).toEqual([]);
    db.close();
  });

  it('refuses a mapping without the name, with a column not in the list, or with one column twice', async () => {
    const { core, handle, dir } = await setUp();
    const source = write(dir, 'partners.csv', LIST);
    const noName = await refused(core, { handle, source, target: 'partner', columns: [{ field: 'email', column: 'E-mail' }] });
    expect(noName.message).toMatch(/^Choose the column that holds each partner's organisation/);
    expect(noName.fields).toEqual({ organisation: 'Choose the column with the organisation' });
    expect((await refused(core, { handle, source, target: 'partner', columns: [{ field: 'organisation', column: 'Company' }] })).message).toMatch(/The column chosen for organisation, "Company", is not in "partners.csv"; its columns are "Organisation", "Sector"/);
    expect((await refused(core, { handle, source, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }, { field: 'contactName', column: 'Organisation' }] })).message).toBe('The column "Organisation" is chosen both for Organisation and for Contact name. Each column can fill one field. Nothing was imported.');
    expect((await refused(core, { handle, source, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }, { field: 'kind', column: 'Sector' }] })).message).toContain('has no field "kind"');
    core.closeAll();
  });

  it('keeps contacts personal: the import’s change holds personal values, and a header called __proto__ is only text', async () => {
    const { core, handle, file, dir } = await setUp();
    const source = write(dir, 'proto.csv', '__proto__,Organisation,constructor\npolluted,Age UK,x\n');
    await expectOk(core, 'importContacts', { handle, source, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }, { field: 'contactName', column: '__proto__' }], apply: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await partners(core, handle)).toEqual([expect.objectContaining({ organisation: 'Age UK', contactName: 'polluted' })]);
    core.closeAll();
    const db = openReadOnly(file);
    expect(listChanges(db).at(-1)).toMatchObject({ kind: 'batch', personal: true });
    db.close();
  });
});

describe('importing a contact list of assets from Excel', () => {
  it('reads the chosen sheet, takes kinds and relationships by their labels, and merges by email', async () => {
    const { core, handle, dir } = await setUp();
    await expectWritten(core, 'createRecord', { handle, type: 'asset', values: { kind: 'individual', name: 'Imam, Central Mosque', relationship: 'strong', email: 'imam@central.example' } });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Exported from the neighbourhood team’s contacts']);
    const sheet = workbook.addWorksheet('Assets');
    sheet.addRow(['Name', 'Type', 'Relationship', 'Email', 'Person', 'Last contact']);
    sheet.addRow(['Riverside Youth Forum', 'Group', 'Active', 'forum@riverside.example', '', new Date(Date.UTC(2026, 9, 14))]);
    sheet.addRow(['Central Mosque imam', 'individual', 'strong', 'IMAM@central.example', 'A. Rahman', null]);
    sheet.addRow(['Eastgate skate park', 'Hotspot', 'New', '', '', null]);
    const source = path.join(dir, 'assets.xlsx');
    await workbook.xlsx.writeFile(source);

    const columns = [
      { field: 'name', column: 'Name' },
      { field: 'kind', column: 'Type' },
      { field: 'relationship', column: 'Relationship' },
      { field: 'email', column: 'Email' },
      { field: 'personName', column: 'Person' },
      { field: 'lastContact', column: 'Last contact' },
    ];
    const done = await expectOk<Result>(core, 'importContacts', { handle, source, sheet: 'Assets', target: 'asset', columns, apply: true });
    expect(done).toMatchObject({ added: 2, merged: 1, skipped: 0, merges: [{ row: 3, name: 'Central Mosque imam', into: 'Imam, Central Mosque', fields: ["Person's name"] }] });
    const assets = (await expectOk<{ records: Partner[] }>(core, 'listRecords', { handle, type: 'asset' })).records;
    expect(assets.map((a) => [a.name, a.kind, a.relationship, a.lastContact]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Eastgate skate park', 'hotspot', 'new', null],
      ['Imam, Central Mosque', 'individual', 'strong', null],
      ['Riverside Youth Forum', 'group', 'active', '2026-10-14'],
    ]);
    const wrongSheet = await refused(core, { handle, source, sheet: 'Contacts', target: 'asset', columns });
    expect(wrongSheet.message).toContain('has no sheet called "Contacts"; its sheets are "Notes", "Assets"');
    core.closeAll();
  });

  it('refuses a file that is not really a spreadsheet before reading it', async () => {
    const { core, handle, dir } = await setUp();
    const fake = write(dir, 'contacts.xlsx', 'Organisation,Email\nAge UK,x@example.org\n');
    const error = await refused(core, { handle, source: fake, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }] });
    expect(error.message).toMatch(/contacts\.xlsx/);
    const xls = write(dir, 'contacts.xls', 'x');
    expect((await refused(core, { handle, source: xls, target: 'partner', columns: [{ field: 'organisation', column: 'Organisation' }] })).message).toContain('older Excel 97–2003 format');
    core.closeAll();
  });
});
