// A strategy workbook for the export tests, in the interchange format: fully filled (with personal
// data, a census table and an evidence link), with a logo, or empty; and its export data, collected
// through the core as an export would.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openReadOnly } from '../../electron/core/db/open-database.ts';
import { collectExportData, type ExportData } from '../../electron/core/export/export-data.ts';
import { EXPORT_SECTION_IDS, type ExportSectionId } from '../../shared/api/export.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { ethnicGroupTable } from './ethnic-group-table.ts';
import { tempDir } from './temp-dir.ts';
import { expectOk, testCore } from './test-core.ts';

export const T = '2026-01-01T00:00:00.000Z';
export const NOW = new Date('2026-11-25T09:00:00.000Z');
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
export const TITLE = 'Safer Riverside: community engagement strategy';

export const ID = {
  aimTrust: 'a0000000-0000-4000-8000-000000000001',
  aimRoutine: 'a0000000-0000-4000-8000-000000000002',
  objConfidence: 'b0000000-0000-4000-8000-000000000001',
  objContacts: 'b0000000-0000-4000-8000-000000000002',
  objSessions: 'b0000000-0000-4000-8000-000000000003',
  good: 'c0000000-0000-4000-8000-000000000001',
  city: 'd0000000-0000-4000-8000-000000000001',
  riverside: 'd0000000-0000-4000-8000-000000000002',
  eastgate: 'd0000000-0000-4000-8000-000000000003',
  youth: 'e0000000-0000-4000-8000-000000000001',
  families: 'e0000000-0000-4000-8000-000000000002',
  older: 'e0000000-0000-4000-8000-000000000003',
  club: 'f0000000-0000-4000-8000-000000000001',
  market: 'f0000000-0000-4000-8000-000000000002',
  imam: 'f0000000-0000-4000-8000-000000000003',
  vulnerability: '90000000-0000-4000-8000-000000000001',
  place: '80000000-0000-4000-8000-000000000001',
  table: '10000000-0000-4000-8000-000000000001',
  link: '11000000-0000-4000-8000-000000000001',
};

/** Personal data in the workbook: none of it may leave unless asked for. */
export const PERSONAL = ['Alex Planner', 'Priya Shah', 'Sam Owner', 'Yusuf Rahman', '07700 900123', 'yusuf@example.org', 'Attends Friday prayers'];

function area(id: string, name: string, lsoaCodes: string[], parentId: string | null) {
  return { id, ...COMMON, name, onsCode: '', onsLevel: lsoaCodes.length > 0 ? 'other' : null, parentId, lsoaCodes };
}

function audience(id: string, name: string, kind: string, areaIds: string[], extra: Record<string, unknown> = {}) {
  return { id, ...COMMON, name, kind, sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'receptive', priority: 'medium', whatWeKnow: '', owner: '', areaIds, ...extra };
}

/** A fully filled workbook, with personal data, as the interchange format carries it. */
export function fullWorkbookJson() {
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: '00000000-0000-4000-8000-000000000000', force: 'kent', title: TITLE, periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: 'Draft 2', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-01', createdAt: T, modifiedAt: T },
    records: {
      aim: [
        { id: ID.aimTrust, ...COMMON, title: 'Build trust with communities we rarely hear from', description: 'Confidence is lowest where we engage least.\nWe start there.' },
        { id: ID.aimRoutine, ...COMMON, title: 'Make engagement part of every team’s week', description: '' },
      ],
      objective: [
        { id: ID.objConfidence, ...COMMON, title: 'Raise confidence in local policing', aimId: ID.aimTrust, measure: 'Neighbourhood survey', baseline: '48 %', target: '60 %', targetDate: '2029-03-31', owner: 'Insp. Priya Shah' },
        { id: ID.objContacts, ...COMMON, title: 'A community contact in every ward', aimId: ID.aimTrust, measure: 'Contacts recorded', baseline: '3 of 9 wards', target: '9 of 9 wards', targetDate: '2028-03-31', owner: 'Neighbourhood Inspector' },
        { id: ID.objSessions, ...COMMON, title: 'Monthly drop-in sessions', aimId: ID.aimRoutine, measure: 'Sessions held', baseline: 'None', target: '12 a year', targetDate: null, owner: 'Sam Owner' },
      ],
      goodStatement: [{ id: ID.good, ...COMMON, statement: 'Every ward has an active community contact.' }],
      area: [area(ID.city, 'City', [], null), area(ID.riverside, 'Riverside', ['E01000001', 'E01000002'], ID.city), area(ID.eastgate, 'Eastgate', ['E01000003'], ID.city)],
      audience: [
        audience(ID.youth, 'Young people', 'young-people', [ID.riverside], { priority: 'high', engagementState: 'hard-to-reach', sizeEstimate: 3400, sizeEvidence: 'school rolls', evidenceNote: 'Youth workers report low trust.', evidenceSource: 'Youth service survey 2026', whatWeKnow: 'They meet at the skate park after school.' }),
        audience(ID.families, 'Bangladeshi families', 'ethnic-minority', [ID.riverside]),
        audience(ID.older, 'Older residents', 'older-people', [ID.eastgate], { priority: 'low', engagementState: 'engaged', owner: 'Sam Owner' }),
      ],
      asset: [
        { id: ID.club, ...COMMON, kind: 'group', name: 'Riverside Youth Club', role: 'Youth charity', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'active', lastContact: '2026-10-14', audienceIds: [ID.youth], areaIds: [ID.riverside] },
        { id: ID.market, ...COMMON, kind: 'hotspot', name: 'Eastgate market square', role: '', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'new', lastContact: null, audienceIds: [ID.older], areaIds: [ID.eastgate] },
        { id: ID.imam, ...COMMON, kind: 'individual', name: 'Imam, Central Mosque', role: 'Faith leader', personName: 'Yusuf Rahman', phone: '07700 900123', email: 'yusuf@example.org', specialCategoryNote: 'Attends Friday prayers', relationship: 'strong', lastContact: '2026-11-01', audienceIds: [ID.families], areaIds: [ID.riverside] },
      ],
      vulnerability: [{ id: ID.vulnerability, ...COMMON, name: 'Isolated older residents', kind: 'group', barriers: ['digital-exclusion', 'access'], whyItMatters: 'Targeted by doorstep fraud.', priority: 'high', responseNote: 'Visits with the fire service.', audienceIds: [ID.older], areaIds: [ID.eastgate] }],
      place: [{ id: ID.place, ...COMMON, name: 'Central Mosque', kind: 'religious-centre', areaId: ID.riverside, address: '1 Mill Lane', gatheringTimes: 'Friday prayers 1pm', audienceIds: [ID.families] }],
      censusTables: [
        ethnicGroupTable(ID.table, T, [
          { code: 'E01000001', name: 'Riverside 001A', counts: [1000, 800, 150, 120, 30, 50] },
          { code: 'E01000002', name: 'Riverside 001B', counts: [1000, 900, 60, 10, 50, 40] },
          { code: 'E01000003', name: 'Eastgate 002A', counts: [2000, 1960, 20, 10, 10, 20] },
        ]),
      ],
      evidenceLinks: [{ id: ID.link, audienceId: ID.families, tableId: ID.table, areaId: ID.riverside, category: 'Ethnic group: Asian: Bangladeshi', createdAt: T }],
    },
  };
}

/** A PNG of one colour, made here so the test needs no image file. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

export const LOGO = png(240, 120, [31, 56, 100]);

export function withLogo(json: ReturnType<typeof fullWorkbookJson>) {
  return { ...json, workbook: { ...json.workbook, logo: { mediaType: 'image/png', base64: LOGO.toString('base64') } } };
}

/** An empty workbook: only its details. */
export function emptyWorkbookJson() {
  const json = fullWorkbookJson();
  return { ...json, personal: false, workbook: { ...json.workbook, author: null, marking: 'OFFICIAL' }, records: {} };
}

export async function makeData(json: unknown, options: { sections?: readonly ExportSectionId[]; personal?: boolean } = {}): Promise<ExportData> {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(json));
  const core = testCore();
  const file = path.join(dir, 'w.ewb');
  await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: file, source: path.join(dir, 'in.json') });
  core.closeAll();
  const db = openReadOnly(file);
  try {
    return collectExportData(db, { sections: options.sections ?? EXPORT_SECTION_IDS, personal: options.personal ?? false, now: NOW });
  } finally {
    db.close();
  }
}
