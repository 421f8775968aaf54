// The per-area census view (LSOAs rolled up to areas, beside the whole strategy area), audiences'
// evidence links, and the "who is missing" gap appearing and clearing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ethnicGroupTable } from '../../helpers/ethnic-group-table.ts';
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
        ethnicGroupTable(IDS.table, T, [
          { code: 'E01000001', name: 'Riverside 001A', counts: [1000, 800, 150, 120, 30, 50] },
          { code: 'E01000002', name: 'Riverside 001B', counts: [1000, 900, 60, 10, 50, 40] },
          { code: 'E01000003', name: 'Eastgate 002A', counts: [2000, 1960, 20, 10, 10, 20] },
          { code: 'E01000004', name: 'Elsewhere 009A', counts: [500, 0, 500, 500, 0, 0] },
        ]),
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

  const gap = (area: string, share: string, label: string, rest: string) => `In ${area}, ${share} of residents are “${label}” (TS021 Ethnic group), but ${rest}`;
  const RIVERSIDE_REST = 'the one audience covering Riverside does not cite them there: link it to this figure, or add an audience for them.';
  const CITY_REST = 'the one audience covering City or an area inside it does not cite them there: link it to this figure, or add an audience for them.';

  it('finds who is missing, leaving out each area’s largest group, and says what to do', async () => {
    const { core, handle } = await setUp();
    // White is the largest group everywhere: not reported. Eastgate's other groups are under 5 %.
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([
      gap('Riverside', '11 %', 'Asian', RIVERSIDE_REST),
      gap('Riverside', '6.5 %', 'Asian: Bangladeshi', RIVERSIDE_REST),
      gap('City', '5.8 %', 'Asian', CITY_REST),
    ]);
    core.closeAll();
  });

  it('a citation of a subgroup covers only that subgroup, and only in the area it is for and those around it', async () => {
    const { core, handle } = await setUp();
    const link = await expectWritten<EvidenceLink>(core, 'linkEvidence', { handle, audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.riverside, category: 'Ethnic group: Asian: Bangladeshi' });
    // Bangladeshi is cited; its group Asian is not (citing one Asian group says nothing of the others),
    // in Riverside or in City around it.
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([gap('Riverside', '11 %', 'Asian', RIVERSIDE_REST), gap('City', '5.8 %', 'Asian', CITY_REST)]);
    // The census link also counts as the audience's evidence.
    const gaps = await expectOk<Gap[]>(core, 'listGaps', { handle });
    expect(gaps.some((g) => g.rule === 'audience-no-evidence' && g.recordId === IDS.youth)).toBe(false);
    // Undo the link: the gap comes back; redo puts the link back.
    await expectOk(core, 'undo', { handle });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(3);
    await expectOk(core, 'redo', { handle });
    expect(await expectOk<EvidenceLink[]>(core, 'listEvidenceLinks', { handle })).toEqual([link]);
    core.closeAll();
  });

  it('a citation of a group covers its subgroups, in its area and in the areas around it', async () => {
    const { core, handle } = await setUp();
    await expectWritten(core, 'linkEvidence', { handle, audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.riverside, category: 'Ethnic group: Asian' });
    // Young people cover Riverside, inside City, and cite Asian there: that counts for City too.
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([]);
    core.closeAll();
  });

  it('an audience covering a sub-area counts for the area around it when it cites the figure for that area', async () => {
    const { core, handle } = await setUp();
    // Young people cover Riverside and cite Asian for City (as one covering Sparkbrook might cite Birmingham's figures).
    await expectWritten(core, 'linkEvidence', { handle, audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.city, category: 'Ethnic group: Asian' });
    // City's gap closes; Riverside's stay, as nothing is cited for Riverside itself.
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([gap('Riverside', '11 %', 'Asian', RIVERSIDE_REST), gap('Riverside', '6.5 %', 'Asian: Bangladeshi', RIVERSIDE_REST)]);
    core.closeAll();
  });

  it('a citation by an audience that covers neither the area nor one inside it does not count', async () => {
    const { core, handle } = await setUp();
    // The audience now covers Eastgate only; its citation of Asian in Riverside counts for City (Eastgate is
    // inside City, Riverside too) but not for Riverside.
    await expectWritten(core, 'updateRecord', { handle, type: 'audience', id: IDS.youth, changes: { areaIds: [IDS.eastgate] } });
    await expectWritten(core, 'linkEvidence', { handle, audienceId: IDS.youth, tableId: IDS.table, areaId: IDS.riverside, category: 'Ethnic group: Asian' });
    const none = 'no audience covers Riverside: add one for them and link it to this figure.';
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toEqual([gap('Riverside', '11 %', 'Asian', none), gap('Riverside', '6.5 %', 'Asian: Bangladeshi', none)]);
    core.closeAll();
  });

  it('reports the largest group, and the largest subgroup within it, when the planner asks, undoably', async () => {
    const { core, handle } = await setUp();
    const settings = await expectWritten<{ whoIsMissingLargestGroup: number }>(core, 'changeSettings', { handle, changes: { whoIsMissingLargestGroup: 1 } });
    expect(settings.whoIsMissingLargestGroup).toBe(1);
    const all = missing(await expectOk<Gap[]>(core, 'listGaps', { handle }));
    expect(all.filter((m) => m.includes('“White”'))).toEqual([
      gap('Riverside', '85 %', 'White', RIVERSIDE_REST),
      gap('Eastgate', '98 %', 'White', 'no audience covers Eastgate: add one for them and link it to this figure.'),
      gap('City', '92 %', 'White', CITY_REST),
    ]);
    expect(all).toHaveLength(6);
    const refused = await core.call('changeSettings', { handle, changes: { whoIsMissingLargestGroup: 2 } });
    expect(refused.ok).toBe(false);
    await expectOk(core, 'undo', { handle });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(3);
    core.closeAll();
  });

  it('leaves out the largest subgroup of the largest group too, and nothing else', async () => {
    const core = testCore({ clock: () => new Date('2026-11-25T09:00:00.000Z') });
    // An area that is all Asian, nearly all of them Bangladeshi: Asian and Bangladeshi are the majority, not missing;
    // Indian (a smaller subgroup of the largest group) is still reported.
    const json = workbookJson();
    const geography = json.records.censusTables[0]!.geographies[3]!;
    geography.counts = [500, 0, 500, 400, 100, 0];
    const dir = tempDir();
    json.records.area.push(area('20000000-0000-4000-8000-000000000009', 'Northside', ['E01000004']));
    fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(json));
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'n.ewb'), source: path.join(dir, 'in.json') });
    const northside = missing(await expectOk<Gap[]>(core, 'listGaps', { handle: info.handle })).filter((m) => m.startsWith('In Northside'));
    expect(northside).toEqual([gap('Northside', '20 %', 'Asian: Indian', 'no audience covers Northside: add one for them and link it to this figure.')]);
    core.closeAll();
  });

  it('takes a threshold from 1 % to 50 %, undoably', async () => {
    const { core, handle } = await setUp();
    await expectOk(core, 'setWhoIsMissingThreshold', { handle, threshold: 0.06 });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(2);
    const refused = await core.call('setWhoIsMissingThreshold', { handle, threshold: 0.9 });
    expect(!refused.ok && refused.error.fields).toEqual({ threshold: 'At most 50 %' });
    await expectOk(core, 'undo', { handle });
    expect(missing(await expectOk<Gap[]>(core, 'listGaps', { handle }))).toHaveLength(3);
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
