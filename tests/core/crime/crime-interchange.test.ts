// What the interchange format carries of crime: citations of crime trends survive a dump and a
// reload exactly; the crime counts themselves are deliberately left out (imported again from
// police.uk), so the reloaded workbook's trends show no data until they are.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrimeSummary } from '../../../shared/api/crime.ts';
import { INTERCHANGE_VERSION, type Interchange } from '../../../shared/api/interchange.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { streetCsv } from '../../helpers/police-csv.ts';

describe('crime in the interchange format', () => {
  it('keeps citations of crime trends through a dump and reload, and leaves the counts out', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'a.ewb'), details: SAMPLE_DETAILS });
    const handle = info.handle;
    const area = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'area', values: { name: 'Riverside ward', lsoaCodes: ['E01024133'] } });
    const audience = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'audience', values: { name: 'Traders', kind: 'businesses', engagementState: 'receptive', priority: 'high' } });
    const csv = path.join(dir, '2024-01-kent-street.csv');
    fs.writeFileSync(csv, streetCsv([{ month: '2024-01', force: 'Kent Police', lsoa: 'E01024133', type: 'Shoplifting' }]));
    await expectOk(core, 'importCrime', { handle, sources: [csv] });
    await expectOk(core, 'linkCrimeTrend', { handle, audienceId: audience.id, areaId: area.id, crimeType: 'shoplifting', comparison: 'previous' });
    await expectOk(core, 'linkCrimeTrend', { handle, citingAreaId: area.id, areaId: null, crimeType: 'burglary', comparison: 'year-before' });
    const links = await expectOk<unknown[]>(core, 'listCrimeTrendLinks', { handle });
    expect(links).toHaveLength(2);
    core.closeAll();

    const json = path.join(dir, 'a.json');
    await expectOk(core, 'dumpWorkbook', { path: info.path, destination: json, personal: false });
    const dumped = JSON.parse(fs.readFileSync(json, 'utf8')) as Interchange;
    expect(dumped.version).toBe(INTERCHANGE_VERSION);
    expect(dumped.records.crimeTrendLinks).toEqual(links);
    // The counts are not carried: the records hold every record type and these lists only.
    expect(Object.keys(dumped.records).filter((key) => /crime/i.test(key))).toEqual(['crimeTrendLinks']);

    const reloaded = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'b.ewb'), source: json });
    const opened = { info: reloaded };
    expect(await expectOk(core, 'listCrimeTrendLinks', { handle: opened.info.handle })).toEqual(links);
    expect((await expectOk<CrimeSummary>(core, 'getCrimeSummary', { handle: opened.info.handle })).batches).toEqual([]);
    // The cited audience keeps its evidence: no "no evidence" gap.
    const gaps = await expectOk<Array<{ rule: string; recordId: string | null }>>(core, 'listGaps', { handle: opened.info.handle });
    expect(gaps.filter((g) => g.rule === 'audience-no-evidence' && g.recordId === audience.id)).toEqual([]);
    core.closeAll();
  });
});
