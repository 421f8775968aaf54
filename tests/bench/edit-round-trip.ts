// One edit on a 20,000-record workbook, two ways, each against a raw better-sqlite3 durable insert
// measured in the same run: the whole round trip through the core's boundary (API call → durable →
// the answer carrying the changed section states, gap changes and undo state), and the edit path
// alone (the store's validated, logged write, without working out its effects).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { openWritable } from '../../electron/core/db/open-database.ts';
import { updateRecord } from '../../electron/core/records/record-changes.ts';
import { describeSamples, percentile, time, timeAsync, type BenchResult } from './bench-stats.ts';

const silent = { error: () => {}, warn: () => {}, info: () => {} };
const T = '2026-01-01T00:00:00.000Z';

function id(kind: number, n: number): string {
  return `0000000${kind}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function common(kind: number, n: number) {
  return { id: id(kind, n), createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n % 1000)).toISOString(), updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
}

/** 20,000 records across the types, linked as a real workbook would be. */
function workbookOf20k(): unknown {
  const areas = Array.from({ length: 1000 }, (_, n) => ({ ...common(1, n), name: `Ward ${n}`, onsCode: '', onsLevel: 'ward', parentId: null, lsoaCodes: [] }));
  const audiences = Array.from({ length: 10_000 }, (_, n) => ({ ...common(2, n), name: `Audience ${n}`, kind: ['young-people', 'faith', 'older-people', 'businesses'][n % 4], sizeEstimate: n, sizeEvidence: '', evidenceNote: n % 3 ? 'Census' : '', evidenceSource: n % 3 ? 'ONS' : '', engagementState: 'engaged', priority: 'medium', whatWeKnow: '', owner: '', areaIds: [id(1, n % 1000)] }));
  const assets = Array.from({ length: 5000 }, (_, n) => ({ ...common(3, n), kind: 'group', name: `Group ${n}`, role: '', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'active', lastContact: null, audienceIds: [id(2, n)], areaIds: n % 2 ? [id(1, n % 1000)] : [] }));
  const aims = Array.from({ length: 100 }, (_, n) => ({ ...common(4, n), title: `Aim ${n}`, description: '' }));
  const objectives = Array.from({ length: 1900 }, (_, n) => ({ ...common(5, n), title: `Objective ${n}`, aimId: id(4, n % 100), measure: n % 2 ? 'Survey' : '', baseline: '', target: '', targetDate: null, owner: '' }));
  const vulnerabilities = Array.from({ length: 1000 }, (_, n) => ({ ...common(6, n), name: `Vulnerability ${n}`, kind: 'group', barriers: [], whyItMatters: '', priority: 'high', responseNote: '', audienceIds: [id(2, n)], areaIds: [] }));
  const places = Array.from({ length: 1000 }, (_, n) => ({ ...common(7, n), name: `Place ${n}`, kind: 'other', areaId: id(1, n), address: '', gatheringTimes: '', audienceIds: [] }));
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: '11111111-1111-4111-8111-111111111111', force: 'kent', title: 'Twenty thousand records', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: { area: areas, audience: audiences, asset: assets, aim: aims, objective: objectives, vulnerability: vulnerabilities, place: places },
  };
}

function rawInsertMs(dir: string, count: number, name: string): number[] {
  const raw = new Database(path.join(dir, `${name}.db`));
  raw.pragma('journal_mode = DELETE');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO t (body) VALUES (?)');
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) ms.push(time(() => insert.run(`edit ${i}`)).ms);
  raw.close();
  return ms;
}

export async function benchEditRoundTrip(edits: number): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-round-trip-'));
  try {
    fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(workbookOf20k()));
    const file = path.join(dir, 'big.ewb');
    const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
    const made = await core.call('createWorkbookFromInterchange', { path: file, source: path.join(dir, 'big.json') });
    if (!made.ok) throw new Error(made.error.message);
    const handle = (made.value as { handle: string }).handle;
    // The screen's first look works out every gap once; edits then keep them up to date.
    const first = await timeAsync(() => core.call('listGaps', { handle }));
    console.log(`  first look at the gaps of 20,000 records: ${first.ms.toFixed(0)} ms`);

    const rawRoundTrip = rawInsertMs(dir, edits, 'raw-1');
    const roundTrip: number[] = [];
    for (let i = 0; i < edits; i += 1) {
      const audience = id(2, (i * 7919) % 10_000);
      const { ms, value } = await timeAsync(() => core.call('updateRecord', { handle, type: 'audience', id: audience, changes: { name: `Audience renamed ${i}` } }));
      if (!value.ok) throw new Error(value.error.message);
      if (!(value.value as { effects?: unknown }).effects) throw new Error('the edit answered without its effects');
      roundTrip.push(ms);
    }
    core.closeAll();

    const db = openWritable(file);
    let seq = 0;
    const ctx = { now: () => new Date().toISOString(), newId: () => `99999999-0000-4000-8000-${String((seq += 1)).padStart(12, '0')}`, who: 'bench' };
    const rawPath = rawInsertMs(dir, edits, 'raw-2');
    const pathAlone: number[] = [];
    for (let i = 0; i < edits; i += 1) {
      const audience = id(2, (i * 104729) % 10_000);
      pathAlone.push(time(() => updateRecord(db, ctx, 'audience', audience, { name: `Audience edited ${i}` })).ms);
    }
    db.close();

    console.log(`  ${describeSamples({ name: 'raw durable insert', ms: rawRoundTrip })}`);
    console.log(`  ${describeSamples({ name: 'updateRecord round trip with effects', ms: roundTrip })}`);
    console.log(`  ${describeSamples({ name: 'raw durable insert', ms: rawPath })}`);
    console.log(`  ${describeSamples({ name: 'edit path alone', ms: pathAlone })}`);
    const rawP99 = percentile(rawRoundTrip, 99);
    const tripP99 = percentile(roundTrip, 99);
    const pathRatio = percentile(pathAlone, 99) / percentile(rawPath, 99);
    return [
      {
        bench: 'edit round trip with effects, 20,000 records, p99',
        figure: `${tripP99.toFixed(1)} ms = ${(tripP99 / rawP99).toFixed(2)}× raw (${rawP99.toFixed(1)} ms)`,
        target: '≤ 2 × raw + 5 ms',
        met: tripP99 <= 2 * rawP99 + 5,
      },
      { bench: 'edit path alone, 20,000 records, p99 vs raw insert', figure: `${pathRatio.toFixed(2)}×`, target: '≤ 2×', met: pathRatio <= 2 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
