// A sound workbook made through the core (every record type, a tree of areas, a census table with
// an evidence link, a setting), and a way to edit it behind the app's back, as someone with an
// SQLite tool could: the input of the value-check tests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AppCore } from '../../electron/core/create-app-core.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { tempDir } from './temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from './test-core.ts';

export interface SoundWorkbook {
  file: string;
  dir: string;
  ids: Record<'aim' | 'objective' | 'good' | 'kent' | 'district' | 'ward' | 'youth' | 'elders' | 'club' | 'vulnerability' | 'mosque' | 'table' | 'link', string>;
}

const CSV = [
  'date,geography,geography code,Ethnic group: Total: All usual residents,Ethnic group: Asian,Ethnic group: Asian: Bangladeshi,Ethnic group: White',
  '2021,Riverside 001A,E01000001,100,40,10,60',
  '2021,Riverside 001B,E01000002,200,50,20,150',
].join('\n');

async function create(core: AppCore, handle: string, type: string, values: Record<string, unknown>): Promise<string> {
  return (await expectOk<{ id: string }>(core, 'createRecord', { handle, type, values })).id;
}

/** A workbook holding a little of everything, made and closed through the core. */
export async function soundWorkbook(name = 'Riverside plan.ewb', folder?: string): Promise<SoundWorkbook> {
  const dir = folder ?? tempDir('ewb-values-');
  const core = testCore();
  const file = path.join(dir, name);
  const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  const aim = await create(core, handle, 'aim', { title: 'Build trust among young people', description: 'Confidence is low.' });
  const objective = await create(core, handle, 'objective', { title: 'Raise confidence', aimId: aim, targetDate: '2028-03-31' });
  const good = await create(core, handle, 'goodStatement', { statement: 'Every ward has an active contact.' });
  const kent = await create(core, handle, 'area', { name: 'Kent', onsLevel: 'other' });
  const district = await create(core, handle, 'area', { name: 'Maidstone', onsLevel: 'la', parentId: kent });
  const ward = await create(core, handle, 'area', { name: 'Riverside', onsLevel: 'ward', parentId: district, lsoaCodes: ['E01000001', 'E01000002'] });
  const youth = await create(core, handle, 'audience', { name: 'Young people in Riverside', kind: 'young-people', engagementState: 'receptive', priority: 'high', areaIds: [ward], sizeEstimate: 1200 });
  const elders = await create(core, handle, 'audience', { name: 'Older residents', kind: 'older-people', engagementState: 'engaged', priority: 'medium', areaIds: [district] });
  const club = await create(core, handle, 'asset', { kind: 'group', name: 'Riverside Boxing Club', relationship: 'active', audienceIds: [youth], areaIds: [ward], lastContact: '2026-09-12' });
  const vulnerability = await create(core, handle, 'vulnerability', { name: 'Low reporting', kind: 'group', priority: 'high', barriers: ['trust', 'language'], audienceIds: [youth] });
  const mosque = await create(core, handle, 'place', { name: 'Central Mosque', kind: 'religious-centre', areaId: ward, audienceIds: [elders] });
  const csv = path.join(dir, 'census2021-ts021-lsoa.csv');
  fs.writeFileSync(csv, CSV);
  const table = (await expectOk<{ table: { id: string } }>(core, 'importCensus', { handle, source: csv })).table.id;
  const link = (await expectOk<{ id: string }>(core, 'linkEvidence', { handle, audienceId: youth, tableId: table, areaId: ward, category: 'Ethnic group: Asian' })).id;
  await expectOk(core, 'setWhoIsMissingThreshold', { handle, threshold: 0.1 });
  await expectOk(core, 'setSectionCompleted', { handle, section: 'aims', completed: true });
  core.closeAll();
  fs.rmSync(csv);
  return { file, dir, ids: { aim, objective, good, kent, district, ward, youth, elders, club, vulnerability, mosque, table, link } };
}

/** Runs statements on the file directly, as an SQLite tool would (foreign keys on, as the app keeps them). */
export function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('defer_foreign_keys = ON');
    db.transaction(() => edit(db))();
  } finally {
    db.close();
  }
}
