// Importing census tables through the core's boundary: exact counts and proportions, top-level
// categories summing to each area's total, re-importing in place (same id, evidence links kept),
// malformed files refused with the workbook unchanged, removal, and the change-log entry that
// Undo leaves alone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CensusFigure, CensusTable, ImportCensusResult } from '../../../shared/api/census.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { MAX_CENSUS_BYTES } from '../../../electron/core/evidence/parse-census-csv.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';
import { sha } from '../../helpers/file-sha.ts';

const FIXTURES = path.resolve('tests/fixtures/census');
const TS021 = path.join(FIXTURES, 'census2021-ts021-lsoa.csv');
const TS007A = path.join(FIXTURES, 'census2021-ts007a-ltla.csv');

type Core = ReturnType<typeof testCore>;

async function setUp() {
  const dir = tempDir();
  const core = testCore();
  const file = path.join(dir, 'Riverside plan.ewb');
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  return { dir, core, file, handle: info.handle };
}

function importFile(core: Core, handle: string, source: string, tableCode?: string): Promise<ImportCensusResult> {
  return expectOk<ImportCensusResult>(core, 'importCensus', { handle, source, ...(tableCode ? { tableCode } : {}) });
}

function tables(core: Core, handle: string): Promise<CensusTable[]> {
  return expectOk<CensusTable[]>(core, 'listCensusTables', { handle });
}

function figures(core: Core, handle: string, tableId?: string): Promise<CensusFigure[]> {
  return expectOk<CensusFigure[]>(core, 'listCensusFigures', { handle, ...(tableId ? { tableId } : {}) });
}

function figureOf(all: CensusFigure[], geographyCode: string, category: string): CensusFigure {
  const found = all.find((f) => f.geographyCode === geographyCode && f.category === category);
  if (!found) throw new Error(`no figure for ${geographyCode} ${category}`);
  return found;
}

/** Each geography's top-level categories' proportions added up. */
function topLevelSums(table: CensusTable, all: CensusFigure[]): Map<string, number> {
  const top = new Set(table.categories.filter((c) => !c.isTotal && c.parentPosition === null).map((c) => c.name));
  const sums = new Map<string, number>();
  for (const f of all) if (f.table === table.code && top.has(f.category)) sums.set(f.geographyCode, (sums.get(f.geographyCode) ?? 0) + f.proportion);
  return sums;
}

function rawChangeLog(file: string): Array<{ record_type: string; record_id: string; action: string; before_json: string | null; after_json: string | null; state: number; who: string; target_seq: number | null }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT record_type, record_id, action, before_json, after_json, state, who, target_seq FROM change_log ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

const ETHNIC = 'Ethnic group: ';
const ASIAN = `${ETHNIC}Asian, Asian British or Asian Welsh`;
const WHITE = `${ETHNIC}White`;

describe('importing a census table', () => {
  it('imports the TS021-style LSOA table with exact counts and proportions', async () => {
    const { core, handle } = await setUp();
    const result = await importFile(core, handle, TS021);
    expect(result.replaced).toBe(false);
    expect(result.rows).toBe(4);
    expect(result.table).toMatchObject({
      code: 'TS021',
      title: 'Ethnic group',
      source: 'ONS Census 2021',
      referenceDate: '2021',
      geographyLevel: 'lsoa',
      fileName: 'census2021-ts021-lsoa.csv',
      geographyCount: 4,
    });
    expect(result.table.categories).toHaveLength(25);
    expect(result.table.categories[2]).toEqual({ position: 2, name: `${ASIAN}: Bangladeshi`, label: 'Asian, Asian British or Asian Welsh: Bangladeshi', parentPosition: 1, isTotal: false });
    expect(await tables(core, handle)).toEqual([result.table]);

    const all = await figures(core, handle);
    expect(all).toHaveLength(4 * 24);
    expect(all.some((f) => /Total|measures/.test(f.category))).toBe(false);
    // Ordered by geography code, then column position.
    expect([...new Set(all.map((f) => f.geographyCode))]).toEqual(['E01014485', 'E01014486', 'E01033348', 'W01001552']);
    expect(all.slice(0, 3).map((f) => f.category)).toEqual([ASIAN, `${ASIAN}: Bangladeshi`, `${ASIAN}: Chinese`]);

    expect(figureOf(all, 'E01014485', `${ASIAN}: Bangladeshi`)).toEqual({ table: 'TS021', geographyCode: 'E01014485', geographyName: 'Bristol 032A', category: `${ASIAN}: Bangladeshi`, count: 12, proportion: 12 / 1650 });
    expect(figureOf(all, 'E01014485', WHITE)).toMatchObject({ count: 1330, proportion: 1330 / 1650 });
    expect(figureOf(all, 'E01014486', `${ASIAN}: Pakistani`)).toMatchObject({ count: 230, proportion: 230 / 1700 });
    expect(figureOf(all, 'E01014486', `${ETHNIC}Black, Black British, Black Welsh, Caribbean or African: African`)).toMatchObject({ count: 210, proportion: 210 / 1700 });
    expect(figureOf(all, 'E01033348', `${ETHNIC}Other ethnic group: Arab`)).toMatchObject({ count: 10, proportion: 10 / 1720 });
    expect(figureOf(all, 'W01001552', ASIAN)).toMatchObject({ geographyName: 'Cardiff 032A', count: 0, proportion: 0 });
    expect(figureOf(all, 'W01001552', WHITE)).toMatchObject({ count: 1500, proportion: 1 });

    const sums = topLevelSums(result.table, all);
    expect(sums.size).toBe(4);
    for (const sum of sums.values()) expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    // Subgroups add up to their group, so summing every column would double-count.
    const bristolA = all.filter((f) => f.geographyCode === 'E01014485' && f.category.startsWith(`${ASIAN}: `));
    expect(bristolA.reduce((s, f) => s + f.count, 0)).toBe(110);
    core.closeAll();
  });

  it('imports the TS007A-style local-authority table: names with commas, flat categories summing to 1', async () => {
    const { core, handle } = await setUp();
    const { table } = await importFile(core, handle, TS007A);
    expect(table).toMatchObject({ code: 'TS007A', title: 'Age', geographyLevel: 'la', geographyCount: 4 });
    const all = await figures(core, handle, table.id);
    expect(all).toHaveLength(4 * 18);
    expect(figureOf(all, 'E06000023', 'Age: Aged 4 years and under')).toEqual({ table: 'TS007A', geographyCode: 'E06000023', geographyName: 'Bristol, City of', category: 'Age: Aged 4 years and under', count: 27815, proportion: 27815 / 449978 });
    expect(figureOf(all, 'E06000019', 'Age: Aged 85 years and over')).toMatchObject({ geographyName: 'Herefordshire, County of', count: 6304, proportion: 6304 / 187943 });
    expect(figureOf(all, 'E06000010', 'Age: Aged 20 to 24 years')).toMatchObject({ geographyName: 'Kingston upon Hull, City of', count: 18205, proportion: 18205 / 247751 });
    expect(figureOf(all, 'W06000015', 'Age: Aged 15 to 19 years')).toMatchObject({ geographyName: 'Cardiff', count: 24340, proportion: 24340 / 350309 });
    for (const sum of topLevelSums(table, all).values()) expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    core.closeAll();
  });

  it('lists several tables by code; the same code at another level is a table of its own', async () => {
    const { core, handle } = await setUp();
    await importFile(core, handle, TS021);
    await importFile(core, handle, TS007A);
    const { table: laLevel } = await importFile(core, handle, TS007A, 'ts021');
    expect(laLevel).toMatchObject({ code: 'TS021', title: 'Age', geographyLevel: 'la' });
    const listed = await tables(core, handle);
    expect(listed.map((t) => [t.code, t.geographyLevel, t.geographyCount])).toEqual([['TS007A', 'la', 4], ['TS021', 'la', 4], ['TS021', 'lsoa', 4]]);
    const all = await figures(core, handle);
    expect(all).toHaveLength(96 + 72 + 72);
    expect(all[0]!.table).toBe('TS007A');
    expect(all.at(-1)).toMatchObject({ table: 'TS021', geographyCode: 'W01001552', category: `${ETHNIC}Other ethnic group: Any other ethnic group` });
    core.closeAll();
  });

  it('re-importing the same table at the same level replaces it, keeping its id and the evidence links citing it', async () => {
    const { dir, core, file, handle } = await setUp();
    const first = await importFile(core, handle, TS007A);
    const audience = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'audience', values: { name: 'Young adults in Bristol', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' } });
    const raw = new Database(file);
    raw.prepare('INSERT INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at) VALUES (?, ?, ?, NULL, ?, ?)').run(
      'e0000000-0000-4000-8000-000000000001',
      audience.id,
      first.table.id,
      'Age: Aged 20 to 24 years',
      '2026-11-25T09:00:00.000Z',
    );
    raw.close();

    // The same table downloaded again: Bristol's figures revised, Cardiff gone, Swansea new.
    const lines = fs.readFileSync(TS007A, 'utf8').split('\r\n');
    const revised = [
      lines[0],
      '2021,"Bristol, City of",E06000023,100,10,10,10,10,20,5,5,5,5,5,5,5,5,0,0,0,0,0',
      ...lines.slice(2, 4),
      '2021,Swansea,W06000011,50,50,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ].join('\r\n');
    const again = path.join(dir, 'census2021-ts007a-ltla.csv');
    fs.writeFileSync(again, revised);
    const second = await importFile(core, handle, again);
    expect(second.replaced).toBe(true);
    expect(second.table.id).toBe(first.table.id);
    expect(second.table.importedAt > first.table.importedAt).toBe(true);
    expect(second.rows).toBe(4);

    const listed = await tables(core, handle);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.id).toBe(first.table.id);
    const all = await figures(core, handle);
    expect([...new Set(all.map((f) => f.geographyCode))]).toEqual(['E06000010', 'E06000019', 'E06000023', 'W06000011']);
    expect(figureOf(all, 'E06000023', 'Age: Aged 20 to 24 years')).toMatchObject({ count: 20, proportion: 0.2 });
    expect(figureOf(all, 'W06000011', 'Age: Aged 4 years and under')).toMatchObject({ geographyName: 'Swansea', count: 50, proportion: 1 });
    expect(figureOf(all, 'E06000019', 'Age: Aged 85 years and over')).toMatchObject({ count: 6304 });

    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT table_id, category_name FROM evidence_link').all()).toEqual([{ table_id: first.table.id, category_name: 'Age: Aged 20 to 24 years' }]);
    check.close();
    core.closeAll();
  });

  it('makes each import one step of undo: undoing a re-import puts the earlier table back, undoing the first removes it, redo brings each back', async () => {
    const { core, file, handle } = await setUp();
    const area = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'area', values: { name: 'Riverside ward', onsCode: 'E05009317' } });
    const first = await importFile(core, handle, TS021);
    const afterFirst = { tables: await tables(core, handle), figures: await figures(core, handle) };
    // The same table again, from a file whose first figure differs: it replaces the first import.
    const changed = path.join(path.dirname(file), 'census2021-ts021-lsoa.csv');
    const lines = fs.readFileSync(TS021, 'utf8').split(/\r?\n/);
    const cells = lines[1]!.split(',');
    cells[3] = String(Number(cells[3]) + 1000);
    fs.writeFileSync(changed, [lines[0], cells.join(','), ...lines.slice(2)].join('\n'));
    const second = await expectOk<{ table: { id: string }; replaced: boolean }>(core, 'importCensus', { handle, source: changed });
    expect(second).toMatchObject({ table: { id: first.table.id }, replaced: true });
    const afterSecond = { tables: await tables(core, handle), figures: await figures(core, handle) };
    expect(afterSecond.figures).not.toEqual(afterFirst.figures);

    const census = rawChangeLog(file).filter((e) => e.record_type === 'censusTable');
    expect(census.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(census[0]!.after_json!)).toEqual({ code: 'TS021', title: 'Ethnic group', geographyLevel: 'lsoa', source: 'ONS Census 2021', fileName: 'census2021-ts021-lsoa.csv' });
    // No rows of the table are kept in the log itself.
    expect(census.every((e) => (e.before_json ?? '').length + (e.after_json ?? '').length < 500)).toBe(true);

    expect(await expectWritten(core, 'undo', { handle })).toMatchObject({ change: { recordType: 'censusTable', description: 'Undid importing census table TS021 again' } });
    expect(await tables(core, handle)).toEqual(afterFirst.tables);
    expect(await figures(core, handle)).toEqual(afterFirst.figures);
    expect(await expectWritten(core, 'undo', { handle })).toMatchObject({ change: { description: 'Undid importing census table TS021' } });
    expect(await tables(core, handle)).toEqual([]);
    expect(await figures(core, handle)).toEqual([]);
    expect((await expectOk<{ records: unknown[] }>(core, 'listRecords', { handle, type: 'area' })).records).toHaveLength(1);

    await expectOk(core, 'redo', { handle });
    expect(await tables(core, handle)).toEqual(afterFirst.tables);
    expect(await figures(core, handle)).toEqual(afterFirst.figures);
    await expectOk(core, 'redo', { handle });
    expect(await tables(core, handle)).toEqual(afterSecond.tables);
    expect(await figures(core, handle)).toEqual(afterSecond.figures);
    expect((await expectOk<{ records: Array<{ id: string }> }>(core, 'listRecords', { handle, type: 'area' })).records.map((r) => r.id)).toEqual([area.id]);
    // Undo and redo are in the history too, each naming who and which change.
    const steps = rawChangeLog(file).filter((e) => e.action === 'undo' || e.action === 'redo');
    expect(steps.map((e) => [e.action, e.who, e.record_type])).toEqual([
      ['undo', 'planner', 'censusTable'],
      ['undo', 'planner', 'censusTable'],
      ['redo', 'planner', 'censusTable'],
      ['redo', 'planner', 'censusTable'],
    ]);
    core.closeAll();
  });

  it('refuses each malformed file with its line and reason, leaving the workbook byte for byte as it was', async () => {
    const { dir, core, file, handle } = await setUp();
    await importFile(core, handle, TS007A);
    const before = { tables: await tables(core, handle), figures: await figures(core, handle), hash: sha(file) };
    const good = fs.readFileSync(TS007A, 'utf8').split('\r\n');
    const header = good[0]!;
    const bad: Array<[string, string, RegExp]> = [
      ['census2021-ts007a-ltla.csv', [header, good[1], good[2]!.replace('9310', 'n/a')].join('\n'), /line 3: "n\/a" for "Age: Aged 5 to 9 years" is not a count/],
      ['census2021-ts007a-ltla.csv', [header, good[1], good[2]!.replace(',9310,', ',-9310,')].join('\n'), /line 3: the count -9310 .* is negative/],
      ['census2021-ts007a-ltla.csv', [header, good[1], good[2], `${good[3]},12`].join('\n'), /line 4: this row has 23 columns where the header has 22/],
      ['census2021-ts007a-ltla.csv', [header, good[1], good[2], good[1]].join('\n'), /line 4: the geography code E06000023 appears twice \(first on line 2\)/],
      ['census2021-ts007a-ltla.csv', [header.replace('geography code', 'code'), good[1]].join('\n'), /line 1: there is no "geography code" column/],
      ['census2021-ts007a-ltla.csv', [header.replace('Age: Total', 'Age: All ages'), good[1]].join('\n'), /line 1: no column is the table's total/],
      ['census2021-ts007a-ltla.csv', '', /line 1: the file is empty/],
      ['ages-by-area.csv', good.join('\n'), /does not say which census table it is/],
    ];
    for (const [name, text, message] of bad) {
      const source = path.join(dir, name);
      fs.writeFileSync(source, text);
      const result = await core.call('importCensus', { handle, source });
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toMatch(message);
        expect(result.error.message).toMatch(/Nothing was imported\.$/);
      }
      fs.rmSync(source);
    }
    expect(await tables(core, handle)).toEqual(before.tables);
    expect(await figures(core, handle)).toEqual(before.figures);
    expect(sha(file)).toBe(before.hash);
    expect(rawChangeLog(file).filter((e) => e.record_type === 'censusTable')).toHaveLength(1);
    core.closeAll();
  });

  it('refuses a missing file, a file over 500 MB, and a read-only workbook', async () => {
    const { dir, core, file, handle } = await setUp();
    const missing = await core.call('importCensus', { handle, source: path.join(dir, 'census2021-ts021-lsoa.csv') });
    expect(missing.ok || missing.error.code).toBe('not-found');

    const huge = path.join(dir, 'census2021-ts021-oa.csv');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_CENSUS_BYTES + 1);
    const tooLarge = await core.call('importCensus', { handle, source: huge });
    expect(tooLarge.ok || tooLarge.error.message).toMatch(/too large for a census table .*the limit is 500 MB/);

    await expectOk(core, 'closeWorkbook', { handle });
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file, readOnly: true });
    const readOnly = await core.call('importCensus', { handle: info.handle, source: TS021 });
    expect(readOnly.ok || readOnly.error.code).toBe('read-only');
    expect(await tables(core, info.handle)).toEqual([]);
    core.closeAll();
  });

  it('removes a table with its figures and the evidence links citing it; undo brings both back, redo removes them again', async () => {
    const { core, file, handle } = await setUp();
    const ages = await importFile(core, handle, TS007A);
    const ethnic = await importFile(core, handle, TS021);
    const audience = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'audience', values: { name: 'Older residents', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high' } });
    const link = await expectWritten(core, 'linkEvidence', { handle, audienceId: audience.id, tableId: ages.table.id, areaId: null, category: 'Age: Aged 85 years and over' });
    const before = { tables: await tables(core, handle), figures: await figures(core, handle) };

    expect(await expectWritten(core, 'deleteCensusTable', { handle, tableId: ages.table.id })).toEqual({ deleted: true });
    expect((await tables(core, handle)).map((t) => t.id)).toEqual([ethnic.table.id]);
    expect((await figures(core, handle)).every((f) => f.table === 'TS021')).toBe(true);
    const gone = await core.call('listCensusFigures', { handle, tableId: ages.table.id });
    expect(gone.ok || gone.error.code).toBe('not-found');
    expect(await expectWritten(core, 'deleteCensusTable', { handle, tableId: ages.table.id })).toEqual({ deleted: false });

    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM evidence_link').pluck().get()).toBe(0);
    expect(check.prepare('SELECT count(*) FROM census_value WHERE table_id = ?').pluck().get(ages.table.id)).toBe(0);
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();

    // Undo says what it undoes, and does it: the table, its figures and the link come back.
    expect((await expectOk<{ undoLabel: string }>(core, 'getUndoState', { handle })).undoLabel).toBe('Undo removing census table TS007A');
    expect(await expectWritten(core, 'undo', { handle })).toMatchObject({ change: { description: 'Undid removing census table TS007A' }, redoLabel: 'Redo removing census table TS007A' });
    expect(await tables(core, handle)).toEqual(before.tables);
    expect(await figures(core, handle)).toEqual(before.figures);
    expect(await expectOk(core, 'listEvidenceLinks', { handle })).toEqual([link]);
    const gaps = await expectOk<Array<{ rule: string; recordId: string }>>(core, 'listGaps', { handle });
    expect(gaps.some((g) => g.rule === 'audience-no-evidence' && g.recordId === audience.id)).toBe(false);

    await expectOk(core, 'redo', { handle });
    expect((await tables(core, handle)).map((t) => t.id)).toEqual([ethnic.table.id]);
    expect(await expectOk(core, 'listEvidenceLinks', { handle })).toEqual([]);
    const log = rawChangeLog(file).slice(-3);
    expect(log.map((e) => [e.action, e.who, e.record_type, e.record_id])).toEqual([
      ['delete', 'planner', 'censusTable', ages.table.id],
      ['undo', 'planner', 'censusTable', ages.table.id],
      ['redo', 'planner', 'censusTable', ages.table.id],
    ]);
    // Nothing is kept aside once it cannot be used: after the redo, only what undo needs.
    const stash = new Database(file, { readonly: true });
    expect(stash.prepare('SELECT purpose FROM census_stash').pluck().all()).toEqual(['undo']);
    stash.close();
    core.closeAll();
  });
});
