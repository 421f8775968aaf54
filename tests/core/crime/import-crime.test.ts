// Importing police.uk street-level crime through the core's boundary: exact counts by LSOA and by
// area, a force-month imported again replacing only itself (and Undo putting back what it replaced),
// a malformed file leaving the workbook as it was, folders and zips of many months, and a
// cancelled import keeping nothing of the file under way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AreaCrime, CrimeSummary, ImportCrimeResult as Imported, LsoaCrimeCount } from '../../../shared/api/crime.ts';
import type { WriteEffects } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { streetCsv, writeLargeStreetCsv, type StreetRow } from '../../helpers/police-csv.ts';
import { buildZip } from '../imports/zip-fixtures.ts';

type Core = ReturnType<typeof testCore>;
type ImportCrimeResult = Imported & { effects: WriteEffects };

async function setUp() {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: SAMPLE_DETAILS });
  return { dir, core, handle: info.handle };
}

function write(dir: string, name: string, rows: readonly StreetRow[]): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, streetCsv(rows));
  return file;
}

const rowsOf = (month: string, force: string, spec: Record<string, Record<string, number>>): StreetRow[] =>
  Object.entries(spec).flatMap(([lsoa, types]) => Object.entries(types).flatMap(([type, n]) => Array.from({ length: n }, () => ({ month, force, lsoa, type }))));

async function lsoaCounts(core: Core, handle: string): Promise<string[]> {
  const cells = await expectOk<LsoaCrimeCount[]>(core, 'listLsoaCrimeCounts', { handle });
  return cells.map((c) => `${c.lsoaCode} ${c.month} ${c.crimeType} ${c.count}`);
}

describe('importCrime', () => {
  it('stores exact counts by LSOA × month × crime type, with the batch for each force-month', async () => {
    const { dir, core, handle } = await setUp();
    const file = write(dir, '2024-01-kent-street.csv', [
      ...rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3, 'Anti-social behaviour': 2 }, E01024032: { Drugs: 1 } }),
      { month: '2024-01', force: 'Kent Police', lsoa: '', type: 'Robbery' },
    ]);
    const result = await expectOk<ImportCrimeResult>(core, 'importCrime', { handle, sources: [file] });
    expect(result).toMatchObject({ rows: 7, refused: [], skipped: 0, imported: [{ fileName: '2024-01-kent-street.csv', rows: 7, rowsWithoutLsoa: 1, batches: [{ forceId: 'kent', month: '2024-01', replaced: false }] }] });
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 anti-social-behaviour 2', 'E01024031 2024-01 burglary 3', 'E01024032 2024-01 drugs 1']);
    const summary = await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle });
    expect(summary.batches).toMatchObject([{ forceId: 'kent', month: '2024-01', rows: 7, rowsWithoutLsoa: 1, cells: 3, fileName: '2024-01-kent-street.csv' }]);
    expect(summary.unplacedLsoas).toEqual([{ lsoaCode: 'E01024031', count: 5 }, { lsoaCode: 'E01024032', count: 1 }]);
    expect(result.effects.sections).toContainEqual(expect.objectContaining({ section: 'crime', status: 'In progress', records: 1 }));
  });

  it('replaces a force-month imported again and leaves other forces and months alone; Undo puts it back', async () => {
    const { dir, core, handle } = await setUp();
    const kentJan = write(dir, 'a/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3 } }));
    const kentFeb = write(dir, 'a/2024-02-kent-street.csv', rowsOf('2024-02', 'Kent Police', { E01024031: { Burglary: 5 } }));
    const essexJan = write(dir, 'a/2024-01-essex-street.csv', rowsOf('2024-01', 'Essex Police', { E01024031: { Burglary: 7 }, E01021000: { Drugs: 1 } }));
    await expectOk(core, 'importCrime', { handle, sources: [kentJan, kentFeb, essexJan] });
    const before = await lsoaCounts(core, handle);
    expect(before).toEqual(['E01021000 2024-01 drugs 1', 'E01024031 2024-01 burglary 10', 'E01024031 2024-02 burglary 5']);

    const again = write(dir, 'b/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 1, Robbery: 2 } }));
    const result = await expectOk<ImportCrimeResult>(core, 'importCrime', { handle, sources: [again] });
    expect(result.imported[0]?.batches).toEqual([{ forceId: 'kent', month: '2024-01', replaced: true }]);
    expect(await lsoaCounts(core, handle)).toEqual(['E01021000 2024-01 drugs 1', 'E01024031 2024-01 burglary 8', 'E01024031 2024-01 robbery 2', 'E01024031 2024-02 burglary 5']);

    await expectOk(core, 'undo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual(before);
    await expectOk(core, 'redo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual(['E01021000 2024-01 drugs 1', 'E01024031 2024-01 burglary 8', 'E01024031 2024-01 robbery 2', 'E01024031 2024-02 burglary 5']);
    // The first import, of three files, is one step: after the second's Undo, one more takes all three away.
    await expectOk(core, 'undo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual(before);
    await expectOk(core, 'undo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual([]);
    expect(await expectOk(core, 'getUndoState', { handle })).toEqual({ undoLabel: null, redoLabel: expect.stringContaining('3 files') });
  });

  it('imports police.uk files as they come, several forces and months in one go, as one step; a file of the wrong kind is refused by name, keeping nothing', async () => {
    const { dir, core, handle } = await setUp();
    const lsoaLess = (month: string, force: string): StreetRow[] => [{ month, force, lsoa: '', type: 'Anti-social behaviour', location: 'No location' }];
    const files = [
      write(dir, 'd/2024-01-kent-street.csv', [...rowsOf('2024-01', 'Kent Police', { E01024031: { 'Anti-social behaviour': 2, 'Violence and sexual offences': 1 } }), ...lsoaLess('2024-01', 'Kent Police')]),
      write(dir, 'd/2024-02-kent-street.csv', rowsOf('2024-02', 'Kent Police', { E01024031: { Shoplifting: 4 } })),
      write(dir, 'd/2024-01-essex-street.csv', rowsOf('2024-01', 'Essex Police', { E01021000: { Drugs: 2 } })),
      write(dir, 'd/2024-02-essex-street.csv', [...rowsOf('2024-02', 'Essex Police', { E01021000: { Robbery: 1 } }), ...lsoaLess('2024-02', 'Essex Police')]),
    ];
    const outcomes = path.join(dir, 'd/2024-01-kent-outcomes.csv');
    fs.writeFileSync(outcomes, 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\nabc,2024-01,Kent Police,Kent Police,0.5,51.2,On or near Parking Area,E01024031,Maidstone 012A,Unable to prosecute suspect\n');
    const stopSearch = path.join(dir, 'd/2024-01-kent-stop-and-search.csv');
    fs.writeFileSync(stopSearch, 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n');
    const result = await expectOk<ImportCrimeResult>(core, 'importCrime', { handle, sources: [files[0]!, outcomes, ...files.slice(1), stopSearch] });
    expect(result.imported.map((f) => [f.fileName, f.rows, f.rowsWithoutLsoa])).toEqual([['2024-01-kent-street.csv', 4, 1], ['2024-02-kent-street.csv', 4, 0], ['2024-01-essex-street.csv', 2, 0], ['2024-02-essex-street.csv', 2, 1]]);
    expect(result.refused).toEqual([
      { fileName: '2024-01-kent-outcomes.csv', message: '"2024-01-kent-outcomes.csv" is a police.uk outcomes file (…-outcomes.csv), not street-level crime: choose the …-street.csv files. Nothing was imported from it.' },
      { fileName: '2024-01-kent-stop-and-search.csv', message: expect.stringMatching(/^"2024-01-kent-stop-and-search.csv" is a police.uk stop and search file/) },
    ]);
    expect(await lsoaCounts(core, handle)).toEqual(['E01021000 2024-01 drugs 2', 'E01021000 2024-02 robbery 1', 'E01024031 2024-01 anti-social-behaviour 2', 'E01024031 2024-01 violence-and-sexual-offences 1', 'E01024031 2024-02 shoplifting 4']);
    // One import, one step, however many files and forces.
    expect((await expectOk<{ undoLabel: string }>(core, 'getUndoState', { handle })).undoLabel).toContain('4 files');
    await expectOk(core, 'undo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual([]);
    expect((await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle })).batches).toEqual([]);
    await expectOk(core, 'redo', { handle });
    expect((await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle })).batches.map((b) => `${b.forceId} ${b.month}`)).toEqual(['essex 2024-01', 'kent 2024-01', 'essex 2024-02', 'kent 2024-02']);
  });

  it('takes the same force-month twice in one import as the last one read, and Undo puts back what was there before', async () => {
    const { dir, core, handle } = await setUp();
    await expectOk(core, 'importCrime', { handle, sources: [write(dir, 'a/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 1 } }))] });
    const first = write(dir, 'b/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 2 } }));
    const second = write(dir, 'c/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3 } }));
    await expectOk(core, 'importCrime', { handle, sources: [first, second] });
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 burglary 3']);
    await expectOk(core, 'undo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 burglary 1']);
    await expectOk(core, 'redo', { handle });
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 burglary 3']);
  });

  it('refuses a malformed file with its line, keeping nothing from it and leaving the workbook as it was', async () => {
    const { dir, core, handle } = await setUp();
    await expectOk(core, 'importCrime', { handle, sources: [write(dir, '2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3 } }))] });
    const before = await lsoaCounts(core, handle);
    const undoBefore = await expectOk(core, 'getUndoState', { handle });
    const bad = path.join(dir, '2024-02-kent-street.csv');
    fs.writeFileSync(bad, `${streetCsv(rowsOf('2024-02', 'Kent Police', { E01024031: { Burglary: 40 } }))}x,2024-02,Kent Police\n`);
    const refused = await core.call('importCrime', { handle, sources: [bad] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/"2024-02-kent-street.csv" line 42: this row has 3 values where the header has 12.*Nothing was imported from it/) });
    expect(await lsoaCounts(core, handle)).toEqual(before);
    expect(await expectOk(core, 'getUndoState', { handle })).toEqual(undoBefore);
  });

  it('takes every street file from a folder of month folders and from a zip, skipping outcomes files, listing a refused file', async () => {
    const { dir, core, handle } = await setUp();
    const folder = path.join(dir, 'download');
    write(folder, '2024-01/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 1 } }));
    write(folder, '2024-02/2024-02-kent-street.csv', rowsOf('2024-02', 'Kent Police', { E01024031: { Burglary: 2 } }));
    fs.writeFileSync(path.join(folder, '2024-01/2024-01-kent-outcomes.csv'), 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n');
    fs.writeFileSync(path.join(folder, '2024-02/2024-02-kent-street.csv.bak'), 'whatever');
    const fromFolder = await expectOk<ImportCrimeResult>(core, 'importCrime', { handle, sources: [folder] });
    expect(fromFolder.imported.map((f) => f.fileName)).toEqual([path.join('download', '2024-01', '2024-01-kent-street.csv'), path.join('download', '2024-02', '2024-02-kent-street.csv')]);
    expect(fromFolder.skipped).toBe(2);

    const zip = path.join(dir, 'custom.zip');
    fs.writeFileSync(
      zip,
      buildZip([
        { name: '2024-03/', data: Buffer.alloc(0) },
        { name: '2024-03/2024-03-kent-street.csv', data: Buffer.from(streetCsv(rowsOf('2024-03', 'Kent Police', { E01024031: { Burglary: 4 } }))) },
        { name: '2024-03/2024-03-kent-stop-and-search.csv', data: Buffer.from('Type,Date\n') },
        { name: '2024-04/2024-04-kent-street.csv', data: Buffer.from(`${streetCsv([])}bad line\n`) },
      ]),
    );
    const fromZip = await expectOk<ImportCrimeResult>(core, 'importCrime', { handle, sources: [zip] });
    expect(fromZip.imported.map((f) => f.fileName)).toEqual(['custom.zip › 2024-03/2024-03-kent-street.csv']);
    expect(fromZip.refused).toEqual([{ fileName: 'custom.zip › 2024-04/2024-04-kent-street.csv', message: expect.stringMatching(/line 2: this row has 1 value/) }]);
    expect(fromZip.skipped).toBe(1);
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 burglary 1', 'E01024031 2024-02 burglary 2', 'E01024031 2024-03 burglary 4']);
  });

  it('refuses a zip whose street file is packed like a bomb, before reading any', async () => {
    const { dir, core, handle } = await setUp();
    const zip = path.join(dir, 'bomb.zip');
    fs.writeFileSync(zip, buildZip([{ name: '2024-01-kent-street.csv', data: Buffer.alloc(5_000_000, 0x20) }]));
    const refused = await core.call('importCrime', { handle, sources: [zip] });
    expect(refused.ok ? '' : refused.error.message).toMatch(/"bomb.zip" was not opened: .*unpacks from .* zip bomb/);
  });

  it('reports bytes and rows as it reads, and a cancelled import keeps nothing of the file under way', async () => {
    const { dir, core, handle } = await setUp();
    const big = path.join(dir, '2024-05-kent-street.csv');
    await writeLargeStreetCsv(big, 60_000, { month: '2024-05' });
    const jobId = '0b6a3c52-5b1e-4a86-9a66-0d2c4f1b7e11';
    const seen: Array<{ done: number; rows?: number }> = [];
    const importing = core.call('importCrime', { handle, sources: [big], jobId });
    // Polled by the clock, not by a count of turns: on a loaded machine the reader can take longer
    // than any fixed number of turns to report a second time.
    const until = Date.now() + 15_000;
    while (Date.now() < until && seen.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const progress = await expectOk<{ done: number; rows?: number } | null>(core, 'getJobProgress', { jobId });
      if (progress && (progress.rows ?? 0) > 0 && progress.done !== seen.at(-1)?.done) seen.push(progress);
    }
    expect(await expectOk(core, 'cancelJob', { jobId })).toEqual({ cancelled: true });
    const result = await importing;
    expect(result.ok ? 'finished' : result.error.code).toBe('cancelled');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[1]!.done).toBeGreaterThan(seen[0]!.done);
    expect(await lsoaCounts(core, handle)).toEqual([]);
    expect((await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle })).batches).toEqual([]);
  });

  it('cancelled part way through many files, keeps those imported before and nothing of the one under way', async () => {
    const { dir, core, handle } = await setUp();
    write(dir, 'a/2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3 } }));
    const big = path.join(dir, 'a/2024-02-kent-street.csv');
    await writeLargeStreetCsv(big, 60_000, { month: '2024-02' });
    const jobId = '1c6a3c52-5b1e-4a86-9a66-0d2c4f1b7e12';
    const importing = core.call('importCrime', { handle, sources: [path.join(dir, 'a')], jobId });
    for (let i = 0; i < 5000; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      const progress = await expectOk<{ stage: string; rows?: number } | null>(core, 'getJobProgress', { jobId });
      if (progress?.stage.includes('2024-02-kent-street.csv') && (progress.rows ?? 0) > 0) break;
    }
    expect(await expectOk(core, 'cancelJob', { jobId })).toEqual({ cancelled: true });
    const result = await importing;
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ cancelled: true, imported: [{ fileName: path.join('a', '2024-01-kent-street.csv') }] });
    expect(await lsoaCounts(core, handle)).toEqual(['E01024031 2024-01 burglary 3']);
  });

  it('rolls counts up to areas through their LSOAs (and their sub-areas’), and lists the LSOAs in no area', async () => {
    const { dir, core, handle } = await setUp();
    const town = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'area', values: { name: 'Town', lsoaCodes: ['E01024031'] } });
    const ward = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'area', values: { name: 'Ward', lsoaCodes: ['E01024032'], parentId: town.id } });
    await expectOk(core, 'importCrime', {
      handle,
      sources: [write(dir, '2024-01-kent-street.csv', rowsOf('2024-01', 'Kent Police', { E01024031: { Burglary: 3 }, E01024032: { Burglary: 1, Drugs: 2 }, E01099999: { Drugs: 9 } }))],
    });
    const townCrime = await expectOk<AreaCrime>(core, 'getAreaCrime', { handle, areaId: town.id });
    expect(townCrime).toMatchObject({ areaName: 'Town', lsoas: 2, lsoasWithData: 2, months: ['2024-01'] });
    expect(townCrime.series.map((s) => [s.crimeType, s.counts])).toEqual([['burglary', [4]], ['drugs', [2]]]);
    const wardCrime = await expectOk<AreaCrime>(core, 'getAreaCrime', { handle, areaId: ward.id });
    expect(wardCrime.series.map((s) => [s.crimeType, s.total])).toEqual([['burglary', 1], ['drugs', 2]]);
    const whole = await expectOk<AreaCrime>(core, 'getAreaCrime', { handle, areaId: null });
    expect(whole.series.map((s) => [s.crimeType, s.total])).toEqual([['burglary', 4], ['drugs', 2]]);
    const summary = await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle });
    expect(summary).toMatchObject({ unplacedLsoas: [{ lsoaCode: 'E01099999', count: 9 }], unplacedLsoaCount: 1, unplacedCount: 9 });
    expect(await expectOk(core, 'listAreaCrimeCounts', { handle })).toEqual([
      { areaId: town.id, areaName: 'Town', month: '2024-01', crimeType: 'burglary', count: 4 },
      { areaId: town.id, areaName: 'Town', month: '2024-01', crimeType: 'drugs', count: 2 },
      { areaId: ward.id, areaName: 'Ward', month: '2024-01', crimeType: 'burglary', count: 1 },
      { areaId: ward.id, areaName: 'Ward', month: '2024-01', crimeType: 'drugs', count: 2 },
    ]);
  });
});
