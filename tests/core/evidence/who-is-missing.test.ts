// The per-area census view (LSOAs rolled up to areas, beside the whole strategy area), audiences'
// evidence links, and the "who is missing" gap appearing and clearing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, expectWritten, testCore } from '../../helpers/test-core.ts';
import type { AreaCensus, EvidenceLink } from '../../../shared/api/census.ts';
import type { Gap } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';

const IDS = {
  table: '10000000-0000-4000-8000-000000000001',
  riverside: '20000000-0000-4000-8000-000000000001',
  eastgate: '20000000-0000-4000-8000-000000000002',
  city: '20000000-0000-4000-8000-000000000003',
  youth: '30000000-0000-4000-8000-000000000001',
};
const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: '2026-06-01', shareable: true, notes: '' };

function area(id: string, name: string, lsoaCodes: string[], parentId: string | null = null) {
  return { id, ...COMMON, name, onsCode: '', onsLevel: null, parentId, lsoaCodes };
}

/** Ethnic group by LSOA: Total, White, Asian (with Bangladeshi and Indian under it), Other. */
const CATEGORIES = [
  { name: 'Ethnic group: Total: All usual residents', label: 'Total', parent: null, total: true },
  { name: 'Ethnic group: White', label: 'White', parent: null, total: false },
  { name: 'Ethnic group: Asian', label: 'Asian', parent: null, total: false },
  { name: 'Ethnic group: Asian: Bangladeshi', label: 'Asian: Bangladeshi', parent: 'Ethnic group: Asian', total: false },
  { name: 'Ethnic group: Asian: Indian', label: 'Asian: Indian', parent: 'Ethnic group: Asian', total: false },
  { name: 'Ethnic group: Other', label: 'Other', parent: null, total: false },
];

function workbookJson() {
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: '00000000-0000-4000-8000-000000000000', force: 'kent', title: 'Census', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      area: [area(IDS.city, 'City', []), area(IDS.riverside, 'Riverside', ['E01000001', 'E01000002'], IDS.city), area(IDS.eastgate, 'Eastgate', ['E01000003', 'E01999999'], IDS.city)],
      audience: [{ id: IDS.youth, ...COMMON, name: 'Young people', kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'unknown', priority: 'high', whatWeKnow: '', owner: '', areaIds: [IDS.riverside] }],
      censusTables: [
        {
          id: IDS.table,
          code: 'TS021',
          title: 'Ethnic group',
          source: 'ONS Census 2021',
          referenceDate: '2021',
          geographyLevel: 'lsoa',
          fileName: 'census2021-ts021-lsoa.csv',
          importedAt: T,
          categories: CATEGORIES,
          geographies: [
            { code: 'E01000001', name: 'Riverside 001A', counts: [1000, 800, 150, 120, 30, 50] },
            { code: 'E01000002', name: 'Riverside 001B', counts: [1000, 900, 60, 10, 50, 40] },
            { code: 'E01000003', name: 'Eastgate 002A', counts: [2000, 1960, 20, 10, 10, 20] },
            { code: 'E01000004', name: 'Elsewhere 009A', counts: [500, 0, 500, 500, 0, 0] },
          ],
        },
      ],
    },
  };
}

async function setUp() {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(workbookJson()));
  const core = testCore({ clock: () => new Date('2026-11-25T09:00:00.000Z') });
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source: path.join(dir, 'in.json') });
  return { core, handle: info.handle };
}

const missing = (gaps: Gap[]) => gaps.filter((g) => g.rule === 'who-is-missing').map((g) => g.message);

describe('census by area', () => {
  it('rolls an area\'s LSOAs up, shows each share beside the whole strategy area, subgroups under groups', async () => {
    const { core, handle } = await setUp();
    const view = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: IDS.riverside });
    expect(view).toMatchObject({ areaName: 'Riverside', total: 2000, strategyTotal: 4000, geographies: 2 });
    const row = (label: string) => view.rows.find((r) => r.label === label)!;
    expect(row('White')).toMatchObject({ count: 1700, proportion: 0.85, strategyProportion: 3660 / 4000, depth: 0 });
    expect(row('Asian: Bangladeshi')).toMatchObject({ count: 130, proportion: 0.065, depth: 1 });
    const topLevel = view.rows.filter((r) => r.parentPosition === null).reduce((sum, r) => sum + (r.proportion ?? 0), 0);
    expect(topLevel).toBeCloseTo(1, 12);
    // A parent area covers the LSOAs of the areas inside it; codes not in the table are ignored.
    const city = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: IDS.city });
    expect(city).toMatchObject({ total: 4000, geographies: 3 });
    const whole = await expectOk<AreaCensus>(core, 'getAreaCensus', { handle, tableId: IDS.table, areaId: null });
    expect(whole).toMatchObject({ areaName: 'The whole strategy area', total: 4000 });
    core.closeAll();
  });

  it('finds who is missing, and clears it when an audience covering the area cites the figure', async () => {
    const { core, handle } = await setUp();
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([
      'In Riverside, 85 % of residents are “White” (TS021 Ethnic group), but no audience covering Riverside is linked to them.',
      'In Riverside, 11 % of residents are “Asian” (TS021 Ethnic group), but no audience covering Riverside is linked to them.',
      'In Riverside, 6.5 % of residents are “Asian: Bangladeshi” (TS021 Ethnic group), but no audience covering Riverside is linked to them.',
      'In Eastgate, 98 % of residents are “White” (TS021 Ethnic group), but no audience covering Eastgate is linked to them.',
      'In City, 92 % of residents are “White” (TS021 Ethnic group), but no audience covering City is linked to them.',
      'In City, 5.8 % of residents are “Asian” (TS021 Ethnic group), but no audience covering City is linked to them.',
    ]);
    // Young people cover Riverside: citing Bangladeshi clears it and its group Asian there.
    const link = await expectWritten<EvidenceLink>(core, 'linkEvidence', { handle, audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.riverside, category: 'Ethnic group: Asian: Bangladeshi' });
    const after = missing(await expectOk<Gap[]>(core, 'listGaps', { handle }));
    expect(after.filter((m) => m.startsWith('In Riverside'))).toEqual(['In Riverside, 85 % of residents are “White” (TS021 Ethnic group), but no audience covering Riverside is linked to them.']);
    expect(after.filter((m) => m.startsWith('In City'))).toHaveLength(2);
    // The census link also counts as the audience's evidence.
    const gaps = await expectOk<Gap[]>(core, 'listGaps', { handle });
    expect(gaps.some((g) => g.rule === 'audience-no-evidence' && g.recordId === IDS.youth)).toBe(false);
    // Undo the link: the gaps come back.
    await expectOk(core, 'undo', { handle });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(6);
    await expectOk(core, 'redo', { handle });
    expect(await expectOk<EvidenceLink[]>(core, 'listEvidenceLinks', { handle })).toEqual([link]);
    core.closeAll();
  });

  it('takes a threshold from 1 % to 50 %, undoably', async () => {
    const { core, handle } = await setUp();
    await expectOk(core, 'setWhoIsMissingThreshold', { handle, threshold: 0.5 });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(3);
    const refused = await core.call('setWhoIsMissingThreshold', { handle, threshold: 0.9 });
    expect(!refused.ok && refused.error.fields).toEqual({ threshold: 'At most 50 %' });
    await expectOk(core, 'undo', { handle });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(6);
    core.closeAll();
  });

  it('refuses links to figures, audiences or areas that are not there', async () => {
    const { core, handle } = await setUp();
    for (const [request, code] of [
      [{ audienceId: IDS.youth, tableId: IDS.table, areaId: null, category: 'Ethnic group: Martian' }, 'not-found'],
      [{ audienceId: IDS.youth, tableId: IDS.table, areaId: null, category: 'Ethnic group: Total: All usual residents' }, 'not-found'],
      [{ audienceId: IDS.city, tableId: IDS.table, areaId: null, category: 'Ethnic group: White' }, 'not-found'],
      [{ audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.youth, category: 'Ethnic group: White' }, 'not-found'],
    ] as const) {
      const result = await core.call('linkEvidence', { handle, ...request });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    }
    core.closeAll();
  });
});
