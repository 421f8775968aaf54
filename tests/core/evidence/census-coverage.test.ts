// Census figures a planner can trust: an area with no figures in a table is told why and what to
// import instead (a ward against a local-authority table above all), and the table's geographies
// outside every area are counted and named rather than silently dropped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';
import type { AreaCensus } from '../../../shared/api/census.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { whyNoFigures } from '../../../electron/core/evidence/census-coverage.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: '2026-06-01', shareable: true, notes: '' };
const IDS = {
  table: '10000000-0000-4000-8000-000000000001',
  birmingham: '20000000-0000-4000-8000-000000000001',
  sparkbrook: '20000000-0000-4000-8000-000000000002',
  solihull: '20000000-0000-4000-8000-000000000003',
};

function area(id: string, name: string, onsCode: string, onsLevel: string | null, parentId: string | null = null, lsoaCodes: string[] = []) {
  return { id, ...COMMON, name, onsCode, onsLevel, parentId, lsoaCodes };
}

async function laTableWorkbook() {
  const json = {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: '00000000-0000-4000-8000-000000000000', force: 'west-midlands', title: 'Coverage', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      area: [
        area(IDS.birmingham, 'Birmingham', 'E08000025', 'la'),
        area(IDS.sparkbrook, 'Sparkbrook and Balsall Heath East', 'E05011123', 'ward', IDS.birmingham),
        area(IDS.solihull, 'Solihull', 'E08000029', 'la'),
      ],
      censusTables: [
        {
          id: IDS.table, code: 'TS021', title: 'Ethnic group', source: 'ONS Census 2021', referenceDate: '2021', geographyLevel: 'la', fileName: 'census2021-ts021-ltla.csv', importedAt: T,
          categories: [
            { name: 'Ethnic group: Total: All usual residents', label: 'Total', parent: null, total: true },
            { name: 'Ethnic group: White', label: 'White', parent: null, total: false },
            { name: 'Ethnic group: Asian', label: 'Asian', parent: null, total: false },
          ],
          geographies: [
            { code: 'E08000025', name: 'Birmingham', counts: [1000, 500, 500] },
            { code: 'E08000026', name: 'Coventry', counts: [400, 300, 100] },
            { code: 'E08000027', name: 'Dudley', counts: [300, 280, 20] },
          ],
        },
      ],
    },
  };
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(json));
  const core = testCore({ clock: () => new Date('2026-11-25T09:00:00.000Z') });
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source: path.join(dir, 'in.json') });
  return { core, handle: info.handle };
}

const WARD_AGAINST_LA = 'it is a ward (E05011123) and this table is by local authority: import TS021 by ward instead, or import TS021 by LSOA (census2021-ts021-lsoa.csv in the nomis bulk download) and list the LSOAs it contains in Areas.';

describe('census coverage', () => {
  it('says a ward area has no figures in a local-authority table, and what to import instead', async () => {
    const { core, handle } = await laTableWorkbook();
    const ward = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: IDS.sparkbrook });
    expect(ward).toMatchObject({ geographies: 0, total: 0, outside: null });
    expect(ward.unmatched).toEqual([{ areaId: IDS.sparkbrook, areaName: 'Sparkbrook and Balsall Heath East', why: WARD_AGAINST_LA }]);
    // Birmingham has its figures; the ward inside it is named as having none.
    const city = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: IDS.birmingham });
    expect(city).toMatchObject({ geographies: 1, total: 1000 });
    expect(city.unmatched.map((u) => u.areaName)).toEqual(['Sparkbrook and Balsall Heath East']);
    core.closeAll();
  });

  it('counts and names the geographies in the file that are outside every area, and an area whose code is not in it', async () => {
    const { core, handle } = await laTableWorkbook();
    const whole = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: null });
    expect(whole.outside).toEqual({ count: 2, first: [{ code: 'E08000026', name: 'Coventry' }, { code: 'E08000027', name: 'Dudley' }] });
    expect(whole.unmatched).toEqual([
      { areaId: IDS.sparkbrook, areaName: 'Sparkbrook and Balsall Heath East', why: WARD_AGAINST_LA },
      { areaId: IDS.solihull, areaName: 'Solihull', why: 'E08000029 is not in this table: check the code in Areas, or import the table for the region it is in.' },
    ]);
    core.closeAll();
  });

  it('says what to do for every other way an area can miss a table', () => {
    const lsoaTable = { id: 't', code: 'TS021', title: 'Ethnic group', level: 'lsoa' };
    const laTable = { ...lsoaTable, level: 'la' };
    const bare = { id: 'a', name: 'A', onsCode: '', lsoaCodes: [] as string[] };
    expect(whyNoFigures({ ...bare, lsoaCodes: ['E01000001', 'E01000002'] }, lsoaTable)).toBe('none of its 2 LSOAs are in this table: check them in Areas, or import the table for the region they are in.');
    expect(whyNoFigures({ ...bare, onsCode: 'E05011123' }, lsoaTable)).toBe('it is a ward (E05011123) and this table is by LSOA: list the LSOAs it contains in Areas and the figures add up to it, or import TS021 by ward.');
    expect(whyNoFigures(bare, lsoaTable)).toBe('this table is by LSOA and it has no LSOAs listed: list the LSOAs it contains in Areas and the figures add up to it.');
    expect(whyNoFigures({ ...bare, lsoaCodes: ['E01000001'] }, laTable)).toBe('it is given by its LSOAs and this table is by local authority: import TS021 by LSOA (census2021-ts021-lsoa.csv in the nomis bulk download) to see its figures.');
    expect(whyNoFigures(bare, laTable)).toBe('it has no ONS code or LSOAs yet: give it its local authority code in Areas, or list its LSOAs and import TS021 by LSOA (census2021-ts021-lsoa.csv in the nomis bulk download).');
    expect(whyNoFigures({ ...bare, onsCode: 'E05011123', lsoaCodes: ['E01000001'] }, laTable)).toBe('it is a ward (E05011123) and this table is by local authority: import TS021 by ward instead, or use TS021 by LSOA (census2021-ts021-lsoa.csv in the nomis bulk download): its LSOAs add up to it.');
    // A table code that is not a Census 2021 topic summary gets no file name it cannot have.
    expect(whyNoFigures(bare, { ...laTable, code: 'MYTABLE' })).toBe('it has no ONS code or LSOAs yet: give it its local authority code in Areas, or list its LSOAs and import MYTABLE by LSOA.');
  });
});
