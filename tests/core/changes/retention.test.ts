// Personal values in the history are kept only as long as undo of them is useful: 30 days unless
// the workbook says otherwise, then redacted in place — after which a deleted contact's name, phone
// and faith note are nowhere in the file's bytes. A change that can no longer be redone is redacted
// at once. Who changed what, and when, stays in the history.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { listChanges } from '../../../electron/core/changes/change-log.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A clock that moves a second each time it is read, and can be sent forward by whole days. */
function adjustableClock(start = '2026-11-25T09:00:00.000Z') {
  let t = Date.parse(start);
  return {
    clock: () => new Date((t += 1000)),
    forward: (days: number) => {
      t += days * DAY;
    },
  };
}

const PERSON = { personName: 'Zebedee Quartermaine', phone: '07700 900456', email: 'zq@example.org', specialCategoryNote: 'Attends St Brigid chapel weekly' };
const OWNER = 'Marguerite Ownership';
const AUTHOR = 'Ada Lovelace-Planner';
const SECRETS = [...Object.values(PERSON), OWNER, AUTHOR];

function stringsIn(file: string): string[] {
  const bytes = fs.readFileSync(file);
  return SECRETS.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

async function workbookWithDeletedContact() {
  const time = adjustableClock();
  const dir = tempDir();
  let seed = 1;
  const core = () => testCore({ clock: time.clock, newId: sequentialIds((seed += 1000)) });
  const first = core();
  const info = await expectOk<WorkbookInfo>(first, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: { ...SAMPLE_DETAILS, author: AUTHOR } });
  const handle = info.handle;
  const aim = await expectOk<{ id: string }>(first, 'createRecord', { handle, type: 'aim', values: { title: 'Build trust' } });
  const objective = await expectOk<{ id: string }>(first, 'createRecord', { handle, type: 'objective', values: { title: 'Contacts in every ward', aimId: aim.id, owner: OWNER } });
  await expectOk(first, 'updateRecord', { handle, type: 'objective', id: objective.id, changes: { owner: 'Neighbourhood Inspector' } });
  await expectOk(first, 'updateWorkbookDetails', { handle, changes: { author: null } });
  const asset = await expectOk<{ id: string }>(first, 'createRecord', { handle, type: 'asset', values: { kind: 'individual', name: 'Faith leader, St Brigid', relationship: 'strong', ...PERSON } });
  await expectOk(first, 'deleteRecord', { handle, type: 'asset', id: asset.id });
  return { time, file: info.path, core, first, handle, asset };
}

describe('how long the history keeps personal values', () => {
  it('within the retention period, undo brings a deleted contact back whole', async () => {
    const { first, handle, asset } = await workbookWithDeletedContact();
    expect(await expectOk(first, 'undo', { handle })).toMatchObject({ change: { description: 'Undid deleting asset “Faith leader, St Brigid”' } });
    const { records } = await expectOk<{ records: Array<Record<string, unknown>> }>(first, 'listRecords', { handle, type: 'asset' });
    expect(records).toEqual([expect.objectContaining({ id: asset.id, ...PERSON })]);
    first.closeAll();
  });

  it('after 30 days the deleted contact, the cleared owner and the cleared author are nowhere in the file, and those changes can no longer be undone', async () => {
    const { time, file, core, first } = await workbookWithDeletedContact();
    first.closeAll();
    // Without the pass, the history still holds them (so this test could fail).
    expect(stringsIn(file).sort()).toEqual([...SECRETS].sort());

    time.forward(29);
    const early = core();
    const opened = await expectOk<{ info: WorkbookInfo }>(early, 'openWorkbook', { path: file });
    expect((await expectOk<{ undoLabel: string | null }>(early, 'getUndoState', { handle: opened.info.handle })).undoLabel).toBe('Undo deleting asset “Faith leader, St Brigid”');
    early.closeAll();
    expect(stringsIn(file)).toHaveLength(SECRETS.length);

    time.forward(2);
    const later = core();
    const reopened = await expectOk<{ info: WorkbookInfo }>(later, 'openWorkbook', { path: file });
    expect(await expectOk(later, 'getUndoState', { handle: reopened.info.handle })).toEqual({ undoLabel: null, redoLabel: null });
    later.closeAll();
    expect(stringsIn(file)).toEqual([]);

    // The history still says who changed what, and when; the values are marked as removed.
    const db = openReadOnly(file);
    try {
      const changes = listChanges(db);
      expect(changes.map((c) => [c.kind, c.action, c.who])).toEqual([
        ['aim', 'create', 'planner'],
        ['objective', 'create', 'planner'],
        ['objective', 'update', 'planner'],
        ['workbook', 'update', 'planner'],
        ['asset', 'create', 'planner'],
        ['asset', 'delete', 'planner'],
      ]);
      expect(changes.filter((c) => c.kind !== 'aim').every((c) => c.redactedAt !== null && !c.personal && !c.undoable)).toBe(true);
      // A personal field is emptied whatever it held: a role and a name look alike to the app.
      expect(changes[2]).toMatchObject({ before: { owner: '' }, after: { owner: '' } });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('a shorter retention set in the workbook takes effect at the next change', async () => {
    const { time, file, first, handle } = await workbookWithDeletedContact();
    expect(await expectOk(first, 'changeSettings', { handle, changes: { changeRetentionDays: 2 } })).toMatchObject({ changeRetentionDays: 2 });
    time.forward(3);
    await expectOk(first, 'createRecord', { handle, type: 'aim', values: { title: 'Listen first' } });
    expect((await expectOk<{ undoLabel: string | null }>(first, 'getUndoState', { handle })).undoLabel).toBe('Undo adding aim “Listen first”');
    first.closeAll();
    expect(stringsIn(file)).toEqual([]);
    const refused = await first.call('changeSettings', { handle, changes: { changeRetentionDays: 0 } });
    expect(refused.ok).toBe(false);
  });

  it('a value undone and then replaced by a new change is redacted at once: it can never be redone', async () => {
    const { first, file, handle } = await workbookWithDeletedContact();
    await expectOk(first, 'undo', { handle });
    const asset = (await expectOk<{ records: Array<{ id: string }> }>(first, 'listRecords', { handle, type: 'asset' })).records[0]!;
    await expectOk(first, 'updateRecord', { handle, type: 'asset', id: asset.id, changes: { phone: '07700 900999' } });
    await expectOk(first, 'undo', { handle });
    await expectOk(first, 'createRecord', { handle, type: 'aim', values: { title: 'Listen first' } });
    first.closeAll();
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from('07700 900999'))).toBe(false);
    // The contact itself is in the workbook again (undo brought it back), so its details are too.
    expect(bytes.includes(Buffer.from(PERSON.phone))).toBe(true);
  });
});
