// Undo and redo across the whole workbook, through the core's boundary: records, their links and
// the records that point at them, workbook details and section completion; labels in words; the
// history kept in the file; and a long random sequence checked against a model of snapshots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES } from '../../../shared/domain/record-types.ts';
import type { ChangeSummary } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { scaled, suiteSeed, timeoutFor } from '../../helpers/test-scale.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, sequentialIds, testCore } from '../../helpers/test-core.ts';
import { runChange, type Op, type OpKind, type Snapshot, type Values } from '../../helpers/record-ops.ts';
import { create, list, listAll as snapshot, newWorkbook, update } from '../../helpers/record-calls.ts';

interface UndoAnswer {
  change: ChangeSummary | null;
  undoLabel: string | null;
  redoLabel: string | null;
}

function undo(core: AppCore, handle: string): Promise<UndoAnswer> {
  return expectWritten<UndoAnswer>(core, 'undo', { handle });
}

function redo(core: AppCore, handle: string): Promise<UndoAnswer> {
  return expectWritten<UndoAnswer>(core, 'redo', { handle });
}

function undoState(core: AppCore, handle: string): Promise<{ undoLabel: string | null; redoLabel: string | null }> {
  return expectOk(core, 'getUndoState', { handle });
}

/**
 * A snapshot without what undo and redo are not asked to restore exactly: the time of the last edit
 * (they stamp their own) and the order of link lists (a restored link comes back at the end).
 */
function normalised(all: Snapshot): Snapshot {
  const out = {} as Snapshot;
  for (const type of RECORD_TYPE_NAMES) {
    const linkNames = RECORD_TYPES[type].links.map((link) => link.name);
    out[type] = all[type].map(({ updatedAt: _updated, ...rest }) => {
      const copy: Record<string, unknown> = { ...rest };
      for (const name of linkNames) copy[name] = [...((copy[name] as string[] | undefined) ?? [])].sort();
      return copy as Values;
    });
  }
  return out;
}

/** A snapshot without the time of each record's last edit. */
function withoutEditTimes(all: Snapshot): Snapshot {
  const out = {} as Snapshot;
  for (const type of RECORD_TYPE_NAMES) out[type] = all[type].map(({ updatedAt: _updated, ...rest }) => rest as Values);
  return out;
}

function isEmpty(all: Snapshot): boolean {
  return RECORD_TYPE_NAMES.every((type) => all[type].length === 0);
}

const YOUNG_PEOPLE = { name: 'Young people in Riverside ward', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' };

describe('undo and redo', () => {
  it('with nothing done, undo and redo change nothing and say so', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    expect(await undoState(core, handle)).toEqual({ undoLabel: null, redoLabel: null });
    expect(await undo(core, handle)).toEqual({ change: null, undoLabel: null, redoLabel: null });
    expect(await redo(core, handle)).toEqual({ change: null, undoLabel: null, redoLabel: null });
    core.closeAll();
  });

  it('undoes and redoes adding a record, naming it in the labels', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const audience = await create(core, handle, 'audience', { ...YOUNG_PEOPLE, sizeEstimate: 1850 });
    expect(await undoState(core, handle)).toEqual({ undoLabel: 'Undo adding audience “Young people in Riverside ward”', redoLabel: null });

    const undone = await undo(core, handle);
    expect(undone).toEqual({
      change: { recordType: 'audience', recordId: audience.id, action: 'create', description: 'Undid adding audience “Young people in Riverside ward”' },
      undoLabel: null,
      redoLabel: 'Redo adding audience “Young people in Riverside ward”',
    });
    expect(await list(core, handle, 'audience')).toEqual([]);

    const redone = await redo(core, handle);
    expect(redone).toEqual({
      change: { recordType: 'audience', recordId: audience.id, action: 'create', description: 'Redid adding audience “Young people in Riverside ward”' },
      undoLabel: 'Undo adding audience “Young people in Riverside ward”',
      redoLabel: null,
    });
    // The same record comes back: same id, same times.
    expect(await list(core, handle, 'audience')).toEqual([audience]);
    expect(await redo(core, handle)).toMatchObject({ change: null });
    core.closeAll();
  });

  it('undoes and redoes an edit of fields and links', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsCode: 'E05009317' });
    const mill = await create(core, handle, 'area', { name: 'Mill Lane ward' });
    const audience = await create(core, handle, 'audience', { ...YOUNG_PEOPLE, areaIds: [ward.id] });
    const edited = await update(core, handle, 'audience', audience.id, { name: 'Young people in Riverside and Mill Lane', engagementState: 'receptive', sizeEstimate: 2400, areaIds: [mill.id, ward.id] });
    expect((await undoState(core, handle)).undoLabel).toBe('Undo editing audience “Young people in Riverside and Mill Lane”');

    const undone = await undo(core, handle);
    expect(undone.change).toEqual({ recordType: 'audience', recordId: audience.id, action: 'update', description: 'Undid editing audience “Young people in Riverside and Mill Lane”' });
    expect(undone.undoLabel).toBe('Undo adding audience “Young people in Riverside ward”');
    expect(undone.redoLabel).toBe('Redo editing audience “Young people in Riverside ward”');
    const [back] = await list(core, handle, 'audience');
    expect(back).toEqual({ ...audience, updatedAt: back?.updatedAt });
    expect(back?.areaIds).toEqual([ward.id]);

    const redone = await redo(core, handle);
    expect(redone.change?.description).toBe('Redid editing audience “Young people in Riverside and Mill Lane”');
    const [again] = await list(core, handle, 'audience');
    expect(again).toEqual({ ...edited, updatedAt: again?.updatedAt });
    expect(again?.areaIds).toEqual([mill.id, ward.id]);

    // Clearing a link list and a field, then undoing, puts both back.
    await update(core, handle, 'audience', audience.id, { areaIds: [], sizeEstimate: null, notes: 'Merged into the ward audience' });
    await undo(core, handle);
    expect((await list(core, handle, 'audience'))[0]).toMatchObject({ areaIds: [mill.id, ward.id], sizeEstimate: 2400, notes: '' });
    core.closeAll();
  });

  it('undoes a deletion: the record, its own links, and other records’ refs and links to it come back; redo removes them again', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const district = await create(core, handle, 'area', { name: 'Maidstone district', onsLevel: 'la' });
    const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsLevel: 'ward', parentId: district.id, lsoaCodes: ['E01024133', 'W01000001'] });
    const street = await create(core, handle, 'area', { name: 'Mill Lane LSOA', onsLevel: 'lsoa', parentId: ward.id });
    const other = await create(core, handle, 'area', { name: 'Bearsted ward' });
    const audience = await create(core, handle, 'audience', { ...YOUNG_PEOPLE, areaIds: [ward.id, other.id] });
    const asset = await create(core, handle, 'asset', { kind: 'hotspot', name: 'Riverside skate park', relationship: 'new', audienceIds: [audience.id], areaIds: [ward.id] });
    const vulnerability = await create(core, handle, 'vulnerability', { name: 'Young people who distrust the police', kind: 'group', priority: 'high', barriers: ['trust'], audienceIds: [audience.id], areaIds: [other.id, ward.id] });
    const place = await create(core, handle, 'place', { name: 'Riverside Leisure Centre', kind: 'leisure-centre', areaId: ward.id, audienceIds: [audience.id] });
    const before = await snapshot(core, handle);

    await expectOk(core, 'deleteRecord', { handle, type: 'area', id: ward.id });
    const deleted = await snapshot(core, handle);
    expect(deleted.area.map((a) => a.id)).toEqual([district.id, street.id, other.id]);
    expect(deleted.area.find((a) => a.id === street.id)?.parentId).toBeNull();
    expect(deleted.place[0]?.areaId).toBeNull();
    expect(deleted.audience[0]?.areaIds).toEqual([other.id]);
    expect(deleted.asset[0]?.areaIds).toEqual([]);
    expect(deleted.vulnerability[0]).toMatchObject({ id: vulnerability.id, areaIds: [other.id] });
    expect((await undoState(core, handle)).undoLabel).toBe('Undo deleting area “Riverside ward”');

    const undone = await undo(core, handle);
    expect(undone.change).toEqual({ recordType: 'area', recordId: ward.id, action: 'delete', description: 'Undid deleting area “Riverside ward”' });
    expect(undone.redoLabel).toBe('Redo deleting area “Riverside ward”');
    const restored = await snapshot(core, handle);
    expect(restored.area.find((a) => a.id === ward.id)).toEqual(ward);
    expect(restored.area.find((a) => a.id === street.id)?.parentId).toBe(ward.id);
    expect(restored.place[0]).toMatchObject({ id: place.id, areaId: ward.id, audienceIds: [audience.id] });
    expect([...(restored.audience[0]?.areaIds as string[])].sort()).toEqual([ward.id, other.id].sort());
    expect(restored.asset[0]).toMatchObject({ id: asset.id, areaIds: [ward.id], audienceIds: [audience.id] });
    expect([...(restored.vulnerability[0]?.areaIds as string[])].sort()).toEqual([other.id, ward.id].sort());
    expect(normalised(restored)).toEqual(normalised(before));

    await redo(core, handle);
    expect(normalised(await snapshot(core, handle))).toEqual(normalised(deleted));
    await undo(core, handle);

    // Deleting an audience: its own links to areas and the assets', vulnerabilities' and places' links to it.
    const beforeAudienceDeleted = await snapshot(core, handle);
    await expectOk(core, 'deleteRecord', { handle, type: 'audience', id: audience.id });
    const noAudience = await snapshot(core, handle);
    expect([noAudience.asset[0]?.audienceIds, noAudience.vulnerability[0]?.audienceIds, noAudience.place[0]?.audienceIds]).toEqual([[], [], []]);
    await undo(core, handle);
    expect(normalised(await snapshot(core, handle))).toEqual(normalised(before));
    // The deleted record itself comes back exactly, its own links in their order.
    expect((await list(core, handle, 'audience'))[0]).toEqual(beforeAudienceDeleted.audience[0]);
    core.closeAll();
  });

  it('undoing a deletion puts other records’ links back where they were in their lists', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const ward = await create(core, handle, 'area', { name: 'Riverside ward' });
    const other = await create(core, handle, 'area', { name: 'Bearsted ward' });
    const audience = await create(core, handle, 'audience', { ...YOUNG_PEOPLE, areaIds: [ward.id, other.id] });
    await expectOk(core, 'deleteRecord', { handle, type: 'area', id: ward.id });
    await undo(core, handle);
    expect((await list(core, handle, 'audience'))[0]?.areaIds).toEqual(audience.areaIds);
    core.closeAll();
  });

  it('undoes and redoes an edit of the workbook details', async () => {
    const core = testCore();
    const { handle, meta } = await newWorkbook(core);
    await expectOk(core, 'updateWorkbookDetails', { handle, changes: { title: 'Riverside engagement plan 2027–2030', marking: 'OFFICIAL' } });
    expect(await undoState(core, handle)).toEqual({ undoLabel: 'Undo editing the workbook details', redoLabel: null });
    const undone = await undo(core, handle);
    expect(undone).toMatchObject({ change: { recordType: 'workbook', recordId: meta.id, action: 'update', description: 'Undid editing the workbook details' }, undoLabel: null, redoLabel: 'Redo editing the workbook details' });
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle })).meta).toMatchObject({ title: SAMPLE_DETAILS.title, marking: SAMPLE_DETAILS.marking });
    await redo(core, handle);
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle })).meta).toMatchObject({ title: 'Riverside engagement plan 2027–2030', marking: 'OFFICIAL' });
    core.closeAll();
  });

  it('undoes and redoes marking a section completed', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    await create(core, handle, 'aim', { title: 'Build trust among young people' });
    const completed = await expectOk<{ status: string; completedAt: string | null }>(core, 'setSectionCompleted', { handle, section: 'aims', completed: true });
    expect(completed.status).toBe('Completed');
    expect(await undoState(core, handle)).toEqual({ undoLabel: 'Undo marking “Aims and objectives” completed', redoLabel: null });

    const undone = await undo(core, handle);
    expect(undone.change).toEqual({ recordType: 'section', recordId: 'aims', action: 'update', description: 'Undid marking “Aims and objectives” completed' });
    const states = () => expectOk<Array<{ section: string; status: string; completedAt: string | null }>>(core, 'listSectionStates', { handle });
    expect((await states()).find((s) => s.section === 'aims')).toMatchObject({ status: 'In progress', completedAt: null });
    await redo(core, handle);
    expect((await states()).find((s) => s.section === 'aims')).toMatchObject({ status: 'Completed', completedAt: completed.completedAt });

    await expectOk(core, 'setSectionCompleted', { handle, section: 'aims', completed: false });
    expect((await undoState(core, handle)).undoLabel).toBe('Undo marking “Aims and objectives” not completed');
    await undo(core, handle);
    expect((await states()).find((s) => s.section === 'aims')).toMatchObject({ status: 'Completed', completedAt: completed.completedAt });
    core.closeAll();
  });

  it('a new change after an undo ends the chance to redo', async () => {
    const core = testCore();
    const { handle } = await newWorkbook(core);
    const aim = await create(core, handle, 'aim', { title: 'Build trust among young people' });
    await create(core, handle, 'aim', { title: 'Hear from every community' });
    await undo(core, handle);
    expect((await undoState(core, handle)).redoLabel).toBe('Redo adding aim “Hear from every community”');
    const third = await create(core, handle, 'aim', { title: 'Reach older residents online' });
    expect(await undoState(core, handle)).toEqual({ undoLabel: 'Undo adding aim “Reach older residents online”', redoLabel: null });
    expect((await redo(core, handle)).change).toBeNull();
    expect((await list(core, handle, 'aim')).map((a) => a.id)).toEqual([aim.id, third.id]);
    // Undo walks back past the discarded step: it never returns.
    await undo(core, handle);
    expect((await undoState(core, handle)).undoLabel).toBe('Undo adding aim “Build trust among young people”');
    await undo(core, handle);
    expect(await list(core, handle, 'aim')).toEqual([]);
    expect((await undo(core, handle)).change).toBeNull();
    // A section edit and a details edit end it too.
    await redo(core, handle);
    await expectOk(core, 'setSectionCompleted', { handle, section: 'aims', completed: true });
    expect((await undoState(core, handle)).redoLabel).toBeNull();
    await undo(core, handle);
    await expectOk(core, 'updateWorkbookDetails', { handle, changes: { versionLabel: 'Draft 2' } });
    expect((await undoState(core, handle)).redoLabel).toBeNull();
    core.closeAll();
  });

  it('keeps undo and redo across closing and reopening the workbook', async () => {
    const first = testCore();
    const { handle, path: file } = await newWorkbook(first);
    const ward = await create(first, handle, 'area', { name: 'Riverside ward' });
    await update(first, handle, 'area', ward.id, { name: 'Riverside and Mill ward' });
    await expectOk(first, 'closeWorkbook', { handle });

    // Each core gets its own ids, as separate runs of the app would (undo and redo are logged too).
    const second = testCore({ newId: sequentialIds(1000) });
    const reopened = (await expectOk<{ info: WorkbookInfo }>(second, 'openWorkbook', { path: file })).info.handle;
    expect(await undoState(second, reopened)).toEqual({ undoLabel: 'Undo editing area “Riverside and Mill ward”', redoLabel: null });
    await undo(second, reopened);
    expect((await list(second, reopened, 'area'))[0]?.name).toBe('Riverside ward');
    second.closeAll();

    const third = testCore({ newId: sequentialIds(2000) });
    const again = (await expectOk<{ info: WorkbookInfo }>(third, 'openWorkbook', { path: file })).info.handle;
    expect(await undoState(third, again)).toEqual({ undoLabel: 'Undo adding area “Riverside ward”', redoLabel: 'Redo editing area “Riverside ward”' });
    await redo(third, again);
    expect((await list(third, again, 'area'))[0]?.name).toBe('Riverside and Mill ward');
    await undo(third, again);
    await undo(third, again);
    expect(await list(third, again, 'area')).toEqual([]);
    third.closeAll();
  });
});

// ---------------------------------------------------------------------------------------------
// A long random sequence of creates, edits and deletes, built from the descriptors.

function opsArbitrary(maxLength: number, withUndo: boolean): fc.Arbitrary<Op[]> {
  const kinds: Array<{ weight: number; arbitrary: fc.Arbitrary<OpKind> }> = [
    { weight: 5, arbitrary: fc.constant('create') },
    { weight: 4, arbitrary: fc.constant('update') },
    { weight: 2, arbitrary: fc.constant('delete') },
  ];
  if (withUndo) kinds.push({ weight: 2, arbitrary: fc.constant('undo') }, { weight: 1, arbitrary: fc.constant('redo') });
  const op = fc.record({ kind: fc.oneof(...kinds), type: fc.constantFrom(...RECORD_TYPE_NAMES), seed: fc.integer({ min: 0, max: 0x7fffffff }) });
  return fc.array(op, { minLength: Math.ceil(maxLength / 2), maxLength });
}

const SEQUENCE_RUNS = scaled(10, 60);
const SEQUENCE_LENGTH = scaled(40, 200);

describe('undo and redo over a long random sequence (seeded; EWB_LONG=1 for more and longer)', () => {
  it(
    'every undo returns the records to the snapshot before that change, every redo to the one after',
    async () => {
      await fc.assert(
        fc.asyncProperty(opsArbitrary(SEQUENCE_LENGTH, true), async (ops) => {
          const core = testCore();
          const { handle } = await newWorkbook(core);
          try {
            const undoStack: Snapshot[] = [];
            const redoStack: Snapshot[] = [];
            let current = await snapshot(core, handle);
            for (const op of ops) {
              const before = current;
              if (op.kind === 'undo' || op.kind === 'redo') {
                const answer = op.kind === 'undo' ? await undo(core, handle) : await redo(core, handle);
                current = await snapshot(core, handle);
                const [from, to] = op.kind === 'undo' ? [undoStack, redoStack] : [redoStack, undoStack];
                const expected = from.pop();
                if (expected === undefined) {
                  expect(answer.change, op.kind).toBeNull();
                  expect(current).toEqual(before);
                } else {
                  expect(answer.change, op.kind).not.toBeNull();
                  expect(normalised(current), op.kind).toEqual(normalised(expected));
                  to.push(before);
                }
                continue;
              }
              const changed = await runChange(core, handle, op, before);
              current = await snapshot(core, handle);
              if (changed && JSON.stringify(current) !== JSON.stringify(before)) {
                undoStack.push(before);
                redoStack.length = 0;
              } else {
                expect(current).toEqual(before);
              }
            }
            const state = await undoState(core, handle);
            expect(state.undoLabel === null).toBe(undoStack.length === 0);
            expect(state.redoLabel === null).toBe(redoStack.length === 0);

            // Redo what is left to redo, then undo everything, then redo everything.
            while (redoStack.length > 0) {
              await redo(core, handle);
              expect(normalised(await snapshot(core, handle))).toEqual(normalised(redoStack.pop()!));
            }
            const full = await snapshot(core, handle);
            for (let steps = 0; (await undo(core, handle)).change !== null; steps += 1) expect(steps).toBeLessThan(ops.length);
            expect(isEmpty(await snapshot(core, handle))).toBe(true);
            for (let steps = 0; (await redo(core, handle)).change !== null; steps += 1) expect(steps).toBeLessThan(ops.length);
            expect(normalised(await snapshot(core, handle))).toEqual(normalised(full));
          } finally {
            core.closeAll();
          }
        }),
        { numRuns: SEQUENCE_RUNS, seed: suiteSeed(20261201) },
      );
    },
    timeoutFor(SEQUENCE_RUNS * SEQUENCE_LENGTH, 40),
  );

  it(
    'after creates, edits and deletes, undo-all empties the workbook and redo-all gives back exactly the same records',
    async () => {
      await fc.assert(
        fc.asyncProperty(opsArbitrary(SEQUENCE_LENGTH, false), async (ops) => {
          const core = testCore();
          const { handle } = await newWorkbook(core);
          try {
            for (const op of ops) await runChange(core, handle, op, await snapshot(core, handle));
            const before = await snapshot(core, handle);
            for (let steps = 0; (await undo(core, handle)).change !== null; steps += 1) expect(steps).toBeLessThan(ops.length);
            expect(isEmpty(await snapshot(core, handle))).toBe(true);
            expect(await undoState(core, handle)).toMatchObject({ undoLabel: null });
            for (let steps = 0; (await redo(core, handle)).change !== null; steps += 1) expect(steps).toBeLessThan(ops.length);
            expect(await undoState(core, handle)).toMatchObject({ redoLabel: null });
            const after = await snapshot(core, handle);
            expect(withoutEditTimes(after)).toEqual(withoutEditTimes(before));
            // The same listRecords output, edit times included: redo puts back the state it was.
            expect(after).toEqual(before);
          } finally {
            core.closeAll();
          }
        }),
        { numRuns: SEQUENCE_RUNS, seed: suiteSeed(20261202) },
      );
    },
    timeoutFor(SEQUENCE_RUNS * SEQUENCE_LENGTH, 40),
  );
});
