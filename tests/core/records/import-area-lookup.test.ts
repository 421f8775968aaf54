// Filling areas' LSOAs from an ONS lookup CSV: columns found by header and by matching, one
// undoable change, and bad files refused with their line, nothing half-applied.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

const LOOKUP = [
  '\uFEFFLSOA21CD,LSOA21NM,WD22CD,WD22NM,LAD22CD,LAD22NM',
  'E01024133,Riverside 001A,E05009317,Riverside,E06000045,"Southampton, City of"',
  'E01024134,Riverside 001B,E05009317,Riverside,E06000045,"Southampton, City of"',
  'E01024135,Eastgate 002A,E05009318,Eastgate,E06000045,"Southampton, City of"',
  'E01099999,Elsewhere 009A,E05000001,Elsewhere,E06000001,Hartlepool',
].join('\r\n');

async function setUp(areas: Array<{ name: string; onsCode: string }>) {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
  const ids: string[] = [];
  for (const area of areas) ids.push((await expectOk<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'area', values: area })).id);
  return { dir, core, handle: info.handle, ids };
}

async function lsoasOf(core: ReturnType<typeof testCore>, handle: string): Promise<Record<string, string[]>> {
  const { records } = await expectOk<{ records: Array<{ name: string; lsoaCodes: string[] }> }>(core, 'listRecords', { handle, type: 'area' });
  return Object.fromEntries(records.map((r) => [r.name, r.lsoaCodes]));
}

describe('importing an LSOA lookup', () => {
  it('matches areas by ONS code, adds their LSOAs, and undoes as one change', async () => {
    const { dir, core, handle } = await setUp([{ name: 'Riverside ward', onsCode: 'E05009317' }, { name: 'Eastgate ward', onsCode: 'E05009318' }, { name: 'Old Town', onsCode: '' }]);
    fs.writeFileSync(path.join(dir, 'lookup.csv'), LOOKUP);
    const result = await expectWritten(core, 'importAreaLookup', { handle, source: path.join(dir, 'lookup.csv') });
    expect(result).toEqual({ lsoaColumn: 'LSOA21CD', areaColumn: 'WD22CD', matchedAreas: 2, addedCodes: 3, unmatchedAreas: ['Old Town'] });
    expect(await lsoasOf(core, handle)).toEqual({ 'Riverside ward': ['E01024133', 'E01024134'], 'Eastgate ward': ['E01024135'], 'Old Town': [] });
    expect(await expectOk(core, 'getUndoState', { handle })).toMatchObject({ undoLabel: 'Undo importing LSOAs for 2 areas from lookup.csv' });
    await expectOk(core, 'undo', { handle });
    expect(await lsoasOf(core, handle)).toEqual({ 'Riverside ward': [], 'Eastgate ward': [], 'Old Town': [] });
    await expectOk(core, 'redo', { handle });
    expect((await lsoasOf(core, handle))['Riverside ward']).toEqual(['E01024133', 'E01024134']);
    core.closeAll();
  });

  it('matches by name when areas have no codes, keeping codes already there', async () => {
    const { dir, core, handle, ids } = await setUp([{ name: 'Riverside', onsCode: '' }]);
    await expectOk(core, 'updateRecord', { handle, type: 'area', id: ids[0], changes: { lsoaCodes: ['E01024134', 'E01000001'] } });
    fs.writeFileSync(path.join(dir, 'lookup.csv'), LOOKUP);
    const result = await expectOk<{ areaColumn: string; addedCodes: number }>(core, 'importAreaLookup', { handle, source: path.join(dir, 'lookup.csv') });
    expect(result.areaColumn).toBe('WD22NM');
    expect(result.addedCodes).toBe(1);
    expect((await lsoasOf(core, handle)).Riverside).toEqual(['E01024134', 'E01000001', 'E01024133']);
    core.closeAll();
  });

  it('refuses a file without an LSOA column, a bad code (with its line), a ragged row, or no match — changing nothing', async () => {
    const { dir, core, handle } = await setUp([{ name: 'Riverside ward', onsCode: 'E05009317' }]);
    const cases: Array<[string, RegExp]> = [
      ['WD22CD,WD22NM\nE05009317,Riverside\n', /no LSOA code column/],
      ['LSOA21CD,WD22CD\nE01024133,E05009317\nNOT-A-CODE,E05009317\n', /line 3: "NOT-A-CODE" is not an LSOA code/],
      ['LSOA21CD,WD22CD\nE01024133,E05009317,extra\n', /could not be read as CSV at line 2/],
      ['LSOA21CD,WD22CD\nE01024133,E05000001\n', /None of your areas/],
      ['', /is empty/],
    ];
    for (const [text, message] of cases) {
      fs.writeFileSync(path.join(dir, 'bad.csv'), text);
      const result = await core.call('importAreaLookup', { handle, source: path.join(dir, 'bad.csv') });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await lsoasOf(core, handle)).toEqual({ 'Riverside ward': [] });
    expect(await expectOk(core, 'getUndoState', { handle })).toMatchObject({ undoLabel: expect.stringMatching(/^Undo adding area/) });
    core.closeAll();
  });
});
