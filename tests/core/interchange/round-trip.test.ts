// The interchange format round-trips losslessly: JSON → workbook → JSON gives the same JSON.
// Every record type a later feature adds must be generated in interchange-arbitraries.ts too.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InterchangeSchema, type Interchange } from '../../../shared/api/interchange.ts';
import { expectedSchema } from '../../../electron/core/db/expected-schema.ts';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import { interchangeDocument } from '../../helpers/interchange-arbitraries.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES } from '../../../shared/domain/record-types.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

const RUNS = process.env.EWB_LONG === '1' ? 500 : 40;

async function roundTrip(doc: Interchange, keepId: boolean, personal: boolean): Promise<Interchange> {
  const dir = tempDir();
  const source = path.join(dir, 'in.json');
  fs.writeFileSync(source, JSON.stringify(doc));
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source, keepId });
  core.closeAll();
  const out = path.join(dir, 'out.json');
  await expectOk(core, 'dumpWorkbook', { path: info.path, destination: out, personal });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Interchange;
}

describe('interchange round trip', () => {
  it('with --keep-id and --personal, a document comes back identical', async () => {
    await fc.assert(
      fc.asyncProperty(interchangeDocument(true), async (doc) => {
        expect(InterchangeSchema.safeParse(doc).success).toBe(true);
        expect(await roundTrip(doc, true, true)).toEqual(doc);
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  });

  it('without --keep-id only the workbook id changes; without --personal personal fields stay out', async () => {
    await fc.assert(
      fc.asyncProperty(interchangeDocument(false), async (doc) => {
        const back = await roundTrip(doc, false, false);
        expect(back.workbook.id).not.toBe(doc.workbook.id);
        expect({ ...back, workbook: { ...back.workbook, id: doc.workbook.id } }).toEqual(doc);
        expect(back.workbook).not.toHaveProperty('author');
      }),
      { numRuns: RUNS, seed: 1125 },
    );
  });

  it('dump → new --from → dump of a real workbook is the same JSON, ids aside', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'a.ewb'), details: SAMPLE_DETAILS });
    await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'Changed once' } });
    core.closeAll();
    await expectOk(core, 'dumpWorkbook', { path: info.path, destination: path.join(dir, 'a.json'), personal: true });
    await expectOk(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'b.ewb'), source: path.join(dir, 'a.json') });
    core.closeAll();
    await expectOk(core, 'dumpWorkbook', { path: path.join(dir, 'b.ewb'), destination: path.join(dir, 'b.json'), personal: true });
    const a = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')) as Interchange;
    const b = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as Interchange;
    expect(b.workbook.id).not.toBe(a.workbook.id);
    expect({ ...b, workbook: { ...b.workbook, id: a.workbook.id } }).toEqual(a);
    expect(a.workbook.author).toBe('A. Planner');
  });

  it('covers every table: each is either in the format or deliberately left out', () => {
    // When a migration adds a table, add its record type to the interchange format and its
    // round-trip generator — or list it here with the reason it never leaves the workbook.
    const inFormat = new Set(['workbook', 'section_state', 'census_table', 'census_category', 'census_geography', 'census_value', 'evidence_link', 'receptivity', 'crime_trend_link', 'workbook_setting', 'library_entry', 'library_practice', 'library_practice_kind', ...RECORD_TYPE_NAMES.flatMap((type) => [RECORD_TYPES[type].table, ...RECORD_TYPES[type].links.map((l) => l.table)])]);
    const leftOut = new Map([
      ['change_log', 'history: never part of the interchange format'],
      ...['crime_batch', 'crime_count'].map((table) => [table, 'crime counts: imported again from police.uk files, and national in size (README, "The interchange format")'] as const),
      ...['crime_stash_batch', 'crime_stash_count'].map((table) => [table, 'kept only for undo and redo, like the change log'] as const),
      ...['census_stash', 'census_stash_category', 'census_stash_geography', 'census_stash_value', 'census_stash_link', 'logo_stash'].map((table) => [table, 'kept only for undo and redo, like the change log'] as const),
    ]);
    const tables = expectedSchema(LATEST_SCHEMA_VERSION).filter((e) => e.type === 'table').map((e) => e.name);
    for (const table of tables) expect(inFormat.has(table) || leftOut.has(table), `table ${table} is neither in the interchange format nor left out on purpose`).toBe(true);
    expect(Object.keys(InterchangeSchema.shape.records.shape).sort()).toEqual([...RECORD_TYPE_NAMES, 'sectionCompletions', 'censusTables', 'evidenceLinks', 'receptivity', 'crimeTrendLinks', 'libraryEntries', 'settings'].sort());
  });
});
