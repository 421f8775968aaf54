// Record types on rails: a throwaway record type, added in memory to the descriptors and to nothing
// else, reaches every part of the app that handles records — the task list, validation and storage,
// undo, the gaps and section states, the interchange format, and the Word and Excel exports. If a
// part had to be told about it by hand, this test would show the type missing there.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it, vi } from 'vitest';
import type * as Descriptors from '../../../shared/domain/record-type-descriptors.ts';
import type { WriteDb } from '../../../electron/core/db/open-database.ts';

vi.mock('../../../shared/domain/record-type-descriptors.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Descriptors>();
  const { PRIORITIES } = await import('../../../shared/domain/vocabularies.ts');
  const widget = {
    type: 'widget',
    table: 'widget',
    label: 'Widget',
    plural: 'Widgets',
    section: 'review',
    titleField: 'name',
    fields: [
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'priority', column: 'priority', label: 'Priority', kind: 'enum', vocabulary: PRIORITIES, required: true },
      { name: 'dueDate', column: 'due_date', label: 'Due', kind: 'date', gapWhenEmpty: { rule: 'widget-no-due-date', title: 'A widget has no due date', says: 'has no due date: say when it is due.' } },
      { name: 'keeper', column: 'keeper', label: 'Keeper', kind: 'text', max: 200, personal: true },
    ],
    links: [{ name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'widget_audience' }],
  };
  return { ...original, RECORD_TYPE_NAMES: [...original.RECORD_TYPE_NAMES, 'widget'], RECORD_TYPES: { ...original.RECORD_TYPES, widget } };
});

// Imported after the mock, so every module sees the throwaway type.
const { SECTIONS } = await import('../../../renderer/src/app/sections.ts');
const { isSectionAvailable } = await import('../../../shared/domain/sections.ts');
const { EXPORT_SECTION_IDS } = await import('../../../shared/api/export.ts');
const { InterchangeSchema } = await import('../../../shared/api/interchange.ts');
const { RECORD_TYPES } = await import('../../../shared/domain/record-types.ts');
const { runMigrations } = await import('../../../electron/core/db/run-migrations.ts');
const { withinWriteScope } = await import('../../../electron/core/changes/write-scope.ts');
const { insertWorkbookRow } = await import('../../../electron/core/workbook/workbook-store.ts');
const { createRecord, updateRecord } = await import('../../../electron/core/records/record-changes.ts');
const { listRecords } = await import('../../../electron/core/records/record-store.ts');
const { undoLast } = await import('../../../electron/core/changes/undo-redo.ts');
const { computeGaps, sectionStates } = await import('../../../electron/core/gaps/compute-gaps.ts');
const { dumpWorkbook } = await import('../../../electron/core/interchange/dump-workbook.ts');
const { loadInterchangeRecords } = await import('../../../electron/core/interchange/load-interchange.ts');
const { collectExportData } = await import('../../../electron/core/export/export-data.ts');
const { exportWord } = await import('../../../electron/core/export/export-word.ts');
const { exportExcel } = await import('../../../electron/core/export/export-excel.ts');
const { stripForSharing } = await import('../../../electron/core/share/strip-for-sharing.ts');
const { tableSqlFor } = await import('../../helpers/descriptor-tables.ts');
const { SAMPLE_DETAILS, sequentialIds, steppingClock } = await import('../../helpers/test-core.ts');

type Db = WriteDb;

/** A workbook in memory at the latest format, plus the throwaway type's tables built from its descriptor. */
function workbookInMemory(): Db {
  const db = new Database(':memory:') as Db;
  db.pragma('foreign_keys = ON');
  runMigrations(db);
  db.exec(tableSqlFor(RECORD_TYPES['widget' as never]));
  withinWriteScope(db, () => insertWorkbookRow(db, { id: '11111111-1111-4111-8111-111111111111', details: SAMPLE_DETAILS, appVersion: '0.5.0', createdAt: '2026-11-25T09:00:00.000Z', modifiedAt: '2026-11-25T09:00:00.000Z' }));
  return db;
}

const WIDGET = 'widget' as never;
const clock = steppingClock('2026-11-25T09:00:00.000Z');
const ctx = { now: () => clock().toISOString(), newId: sequentialIds(7), who: 'planner' };

describe('a throwaway record type, added only to the descriptors', () => {
  it('opens its section in the task list and brings its part into the exports', () => {
    expect(SECTIONS.find((s) => s.id === 'review')).toMatchObject({ title: 'Review', available: true });
    // A section with neither a record type nor a screen of its own stays unavailable (every real one now has one or the other).
    expect(isSectionAvailable({ id: 'nothing-here', title: 'Nothing here', part: null })).toBe(false);
    expect(EXPORT_SECTION_IDS).toContain('review');
  });

  it('is validated, stored, undone, and has its gaps and section state', () => {
    const db = workbookInMemory();
    const audience = createRecord(db, ctx, 'audience', { name: 'Young people', kind: 'young-people', engagementState: 'receptive', priority: 'high' });
    expect(() => createRecord(db, ctx, WIDGET, { name: '', priority: 'high' })).toThrow(/The widget was not saved: Name/);
    const widget = createRecord(db, ctx, WIDGET, { name: 'Ward newsletter', priority: 'high', keeper: 'Pat Keeper', audienceIds: [audience.id] });
    expect(listRecords(db, WIDGET)).toEqual([widget]);
    const gaps = computeGaps(db, new Date('2026-11-26T00:00:00Z'));
    expect(gaps.filter((g) => g.recordType === 'widget')).toEqual([expect.objectContaining({ section: 'review', rule: 'widget-no-due-date', message: 'Widget “Ward newsletter” has no due date: say when it is due.' })]);
    expect(sectionStates(db, gaps).find((s) => s.section === 'review')).toMatchObject({ status: 'In progress', records: 1, gaps: 1 });
    updateRecord(db, ctx, WIDGET, widget.id, { dueDate: '2027-01-31' });
    expect(computeGaps(db, new Date('2026-11-26T00:00:00Z')).filter((g) => g.recordType === 'widget')).toEqual([]);
    expect(undoLast(db, ctx, '0.5.0')?.description).toBe('Undid editing widget “Ward newsletter”');
    expect(listRecords(db, WIDGET)[0]).toMatchObject({ dueDate: null });
    db.close();
  });

  it('goes out in the interchange format (personal fields only when asked for) and comes back in', () => {
    const db = workbookInMemory();
    const widget = createRecord(db, ctx, WIDGET, { name: 'Ward newsletter', priority: 'low', keeper: 'Pat Keeper' });
    const plain = InterchangeSchema.parse(JSON.parse(JSON.stringify(dumpWorkbook(db, { personal: false }))));
    expect((plain.records as Record<string, unknown[]>).widget).toEqual([expect.not.objectContaining({ keeper: expect.anything() })]);
    const full = InterchangeSchema.parse(JSON.parse(JSON.stringify(dumpWorkbook(db, { personal: true }))));
    const copy = workbookInMemory();
    withinWriteScope(copy, () => loadInterchangeRecords(copy, full.records, 'widgets.json'));
    expect(listRecords(copy, WIDGET)).toEqual([widget]);
    db.close();
    copy.close();
  });

  it('goes into a share copy without its personal fields, or at all when unticked', () => {
    const db = workbookInMemory();
    withinWriteScope(db, () => {
      createRecord(db, ctx, WIDGET, { name: 'Ward newsletter', priority: 'low', keeper: 'Pat Keeper', notes: 'Ask Pat first' });
      createRecord(db, ctx, WIDGET, { name: 'Private widget', priority: 'low', shareable: false });
    });
    const { content, summary } = stripForSharing(dumpWorkbook(db, { personal: true }), []);
    const widgets = (content.records as unknown as Record<string, Array<Record<string, unknown>>>).widget!;
    expect(widgets).toEqual([expect.objectContaining({ name: 'Ward newsletter', notes: '' })]);
    expect(widgets[0]).not.toHaveProperty('keeper');
    expect(summary.leftOut.personal).toContainEqual({ recordType: 'widget', label: 'Widgets', fields: ['Keeper'], values: 1 });
    expect(summary.leftOut.records).toEqual([expect.objectContaining({ recordType: 'widget', title: 'Private widget', why: 'unticked' })]);
  });

  it('prints in the Word document, under its chapter, and has its own Excel sheet', async () => {
    const db = workbookInMemory();
    createRecord(db, ctx, WIDGET, { name: 'Ward newsletter', priority: 'high', dueDate: '2027-01-31', keeper: 'Pat Keeper' });
    const data = collectExportData(db, { sections: EXPORT_SECTION_IDS, personal: false, now: new Date('2026-11-26T09:00:00Z') });
    const word = (await mammoth.extractRawText({ buffer: await exportWord(data, () => {}) })).value;
    // The last mention: the first is the table of contents.
    const chapter = word.lastIndexOf('7 Review');
    expect(chapter).toBeGreaterThan(0);
    const after = word.slice(chapter);
    expect(after).toContain('Widgets');
    expect(after).toContain('Ward newsletter');
    expect(after).toContain('31 January 2027');
    expect(word).not.toContain('Pat Keeper');

    const workbook = new ExcelJS.Workbook();
    // Its drop-downs reach Excel's last row, which ExcelJS would expand cell by cell: read without them.
    await workbook.xlsx.load((await exportExcel(data, () => {})) as never, { ignoreNodes: ['dataValidations'] });
    const sheet = workbook.getWorksheet('Widgets');
    expect(sheet).toBeDefined();
    // Row 1 is the marking's; the header row is row 2.
    const header = (sheet!.getRow(2).values as unknown[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(['Name', 'Priority', 'Due', 'Audiences']));
    expect(header).not.toContain('Keeper');
    expect(sheet!.getRow(3).getCell(1).value).toBe('Ward newsletter');
    db.close();
  });
});
