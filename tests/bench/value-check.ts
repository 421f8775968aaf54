// Checking every value of a 20,000-record workbook on opening (every record type, links, a tree
// of areas, a census table with evidence links): the median of five, beside reading the same rows
// with nothing done to them (the least any streaming check can cost), measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { checkValues } from '../../electron/core/db/check-values.ts';
import { openReadOnly } from '../../electron/core/db/open-database.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES } from '../../shared/domain/record-types.ts';
import { AUDIENCE_KINDS, BARRIERS, ENGAGEMENT_STATES, PLACE_KINDS, PRIORITIES } from '../../shared/domain/vocabularies.ts';
import { percentile, time, type BenchResult } from './bench-stats.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: 'Checked with the neighbourhood team.' };

function id(prefix: number, n: number): string {
  return `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** An interchange document of `total` records spread over every type as a large force's might be. */
export function largeWorkbookDocument(total = 20_000): Record<string, unknown> {
  const share = (fraction: number) => Math.floor(total * fraction);
  const areas = Array.from({ length: share(0.1) }, (_, n) => ({
    id: id(1, n),
    ...COMMON,
    name: `Area ${n + 1}`,
    onsCode: `E0500${String(n).padStart(4, '0')}`,
    onsLevel: 'ward',
    // A tree ten levels deep: each area inside one made before it.
    parentId: n === 0 ? null : id(1, Math.floor((n - 1) / 10)),
    lsoaCodes: [`E01${String(n * 3).padStart(6, '0')}`, `E01${String(n * 3 + 1).padStart(6, '0')}`],
  }));
  const aims = Array.from({ length: share(0.05) }, (_, n) => ({ id: id(2, n), ...COMMON, title: `Aim ${n + 1}: build confidence in policing`, description: 'Why this matters to the communities we serve.' }));
  const objectives = Array.from({ length: share(0.1) }, (_, n) => ({ id: id(3, n), ...COMMON, title: `Objective ${n + 1}`, aimId: aims[n % aims.length]!.id, measure: 'Neighbourhood survey', baseline: '48%', target: '60%', targetDate: '2028-03-31', owner: 'Neighbourhood Inspector' }));
  const audiences = Array.from({ length: share(0.45) }, (_, n) => ({
    id: id(4, n),
    ...COMMON,
    name: `Audience ${n + 1}`,
    kind: AUDIENCE_KINDS[n % AUDIENCE_KINDS.length]!.id,
    sizeEstimate: 100 + n,
    sizeEvidence: 'School rolls',
    evidenceNote: 'Census 2021 shows the group at 12 % of residents.',
    evidenceSource: 'ONS Census 2021, TS021',
    engagementState: ENGAGEMENT_STATES[n % ENGAGEMENT_STATES.length]!.id,
    priority: PRIORITIES[n % PRIORITIES.length]!.id,
    whatWeKnow: 'They meet at the community centre on Tuesdays.',
    owner: '',
    areaIds: [areas[n % areas.length]!.id, areas[(n * 7) % areas.length]!.id].filter((v, i, list) => list.indexOf(v) === i),
  }));
  const assets = Array.from({ length: share(0.15) }, (_, n) => ({ id: id(5, n), ...COMMON, kind: 'group', name: `Group ${n + 1}`, role: 'Chair', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'active', lastContact: '2026-09-12', audienceIds: [audiences[n % audiences.length]!.id], areaIds: [areas[n % areas.length]!.id] }));
  const vulnerabilities = Array.from({ length: share(0.05) }, (_, n) => ({ id: id(6, n), ...COMMON, name: `Vulnerability ${n + 1}`, kind: 'group', barriers: [BARRIERS[n % BARRIERS.length]!.id], whyItMatters: 'Low reporting.', priority: 'high', responseNote: 'Drop-in sessions.', audienceIds: [audiences[n % audiences.length]!.id], areaIds: [] }));
  const places = Array.from({ length: share(0.05) }, (_, n) => ({ id: id(7, n), ...COMMON, name: `Place ${n + 1}`, kind: PLACE_KINDS[n % PLACE_KINDS.length]!.id, areaId: areas[n % areas.length]!.id, address: '1 High Street', gatheringTimes: 'Fridays 1pm', audienceIds: [audiences[n % audiences.length]!.id] }));
  const goodStatement = Array.from({ length: total - areas.length - aims.length - objectives.length - audiences.length - assets.length - vulnerabilities.length - places.length }, (_, n) => ({ id: id(8, n), ...COMMON, statement: `Every ward has an active community contact (${n + 1}).` }));
  const categories = ['Total', 'White', 'Asian', 'Black', 'Mixed', 'Other'].map((name, i) => ({ name, label: name, parent: null, total: i === 0 }));
  const census = {
    id: id(9, 1),
    code: 'TS021',
    title: 'Ethnic group',
    source: 'ONS Census 2021',
    referenceDate: '2021',
    geographyLevel: 'ward',
    fileName: 'census2021-ts021-ward.csv',
    importedAt: T,
    categories,
    geographies: areas.map((area, n) => ({ code: area.onsCode, name: area.name, counts: [5000, 3000, 1000, 500, 300, 200].map((c) => c + n) })),
  };
  const evidenceLinks = audiences.slice(0, 500).map((audience, n) => ({ id: id(10, n), audienceId: audience.id, tableId: census.id, areaId: null, category: categories[1 + (n % 5)]!.name, createdAt: T }));
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: id(0, 0), force: 'kent', title: 'Bench strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'A. Planner', versionLabel: 'Draft', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: { area: areas, aim: aims, objective: objectives, audience: audiences, asset: assets, vulnerability: vulnerabilities, place: places, goodStatement, censusTables: [census], evidenceLinks, sectionCompletions: [], settings: [{ key: 'whoIsMissingThreshold', value: '0.05' }] },
  };
}

/** Reads every row the check reads, doing nothing with them: the floor for a streaming check. */
function readRowsAlone(db: ReturnType<typeof openReadOnly>): number {
  let rows = 0;
  const tables = ['workbook', 'section_state', 'workbook_setting', 'evidence_link', 'census_table', ...RECORD_TYPE_NAMES.map((type) => RECORD_TYPES[type].table)];
  for (const table of tables) for (const _ of db.prepare(`SELECT * FROM ${table}`).iterate()) rows += 1;
  return rows;
}

export async function benchValueCheck(runs = 5, records = 20_000): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-values-'));
  try {
    const source = path.join(dir, 'large.json');
    fs.writeFileSync(source, JSON.stringify(largeWorkbookDocument(records)));
    const silent = { error: () => {}, warn: () => {}, info: () => {} };
    const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
    const file = path.join(dir, 'large.ewb');
    const created = await core.call('createWorkbookFromInterchange', { path: file, source });
    if (!created.ok) throw new Error(created.error.message);
    if ((created.value as { needsRepair?: unknown }).needsRepair) throw new Error('The bench workbook should hold no bad values.');
    core.closeAll();
    const db = openReadOnly(file);
    const checkMs: number[] = [];
    const aloneMs: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const checked = time(() => checkValues(db));
        if (checked.value.total !== 0) throw new Error(`The check found ${checked.value.total} problems in a sound workbook.`);
        checkMs.push(checked.ms);
        aloneMs.push(time(() => readRowsAlone(db)).ms);
      }
    } finally {
      db.close();
    }
    const median = percentile(checkMs, 50);
    const baseline = percentile(aloneMs, 50);
    console.log(`  checkValues: ${checkMs.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)} ms)`);
    console.log(`  rows alone:  ${aloneMs.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${baseline.toFixed(0)} ms)`);
    return {
      bench: `Value check on opening, ${records.toLocaleString('en-GB')} records, median of ${runs}`,
      figure: `${median.toFixed(0)} ms (${(median / baseline).toFixed(1)}× reading the rows alone, ${baseline.toFixed(0)} ms)`,
      target: '< 1 s',
      met: median < 1000,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run on its own: node tests/bench/value-check.ts
if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchValueCheck());
