// The workbook the Excel export tests read back: a little of every WHO record type with personal
// data in it, an audience per character a spreadsheet could evaluate, and a census table; its
// export data as the core collects it, and the export itself, with its progress.
import type ExcelJS from 'exceljs';
import type { ExportData } from '../../electron/core/export/export-data.ts';
import { exportExcel } from '../../electron/core/export/export-excel.ts';
import type { Progress } from '../../electron/core/jobs/job-progress.ts';
import type { ExportSectionId } from '../../shared/api/export.ts';
import { ethnicGroupTable } from './ethnic-group-table.ts';
import { loadWorkbook } from './excel-file.ts';
import { makeData } from './strategy-workbook.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: '2026-03-04T10:00:00.000Z', reviewedAt: '2026-06-01', shareable: true, notes: '' };
export const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  table: id(1, 1),
  city: id(2, 1),
  riverside: id(2, 2),
  eastgate: id(2, 3),
  youth: id(3, 1),
  aim: id(4, 1),
  objective: id(4, 2),
  good: id(4, 3),
  asset: id(5, 1),
  group: id(5, 2),
  vulnerability: id(6, 1),
  place: id(7, 1),
};

/** One audience per character a spreadsheet could evaluate, and one harmless. */
export const INJECTIONS: Array<[string, string]> = [
  ['=', '=HYPERLINK("http://evil.example","Click")'],
  ['+', '+1+1'],
  ['-', '-2+3'],
  ['@', '@SUM(A1:A2)'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1'],
  ['line feed', '\n=1+1'],
];
export const injectionId = (index: number) => id(8, index + 1);

function area(areaId: string, name: string, lsoaCodes: string[], parentId: string | null = null) {
  return { id: areaId, ...COMMON, name, onsCode: '', onsLevel: parentId ? 'ward' : 'la', parentId, lsoaCodes };
}

function audience(audienceId: string, name: string, extra: Record<string, unknown> = {}) {
  return { id: audienceId, ...COMMON, name, kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'unknown', priority: 'low', whatWeKnow: '', owner: '', areaIds: [], ...extra };
}

export function workbookJson() {
  return {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: id(0, 0), force: 'kent', title: 'Kent engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: 'Draft 2', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-01', createdAt: T, modifiedAt: T },
    records: {
      aim: [{ id: IDS.aim, ...COMMON, title: 'More people feel able to raise concerns', description: 'Confidence is lowest where we hear least.\nSecond line.' }],
      objective: [{ id: IDS.objective, ...COMMON, title: 'Fewer repeat calls from the same addresses', aimId: IDS.aim, measure: 'Repeat calls a quarter', baseline: '120 a quarter', target: '-25%', targetDate: '2028-03-31', owner: 'Sam Owner' }],
      goodStatement: [{ id: IDS.good, ...COMMON, statement: 'Every ward has an active community contact' }],
      area: [area(IDS.city, 'City', []), area(IDS.riverside, 'Riverside', ['E01000001', 'E01000002'], IDS.city), area(IDS.eastgate, 'Eastgate', ['E01000003'], IDS.city)],
      audience: [
        audience(IDS.youth, 'Young people in Riverside', { kind: 'young-people', sizeEstimate: 2400, sizeEvidence: 'Census 2021', engagementState: 'hard-to-reach', priority: 'high', owner: 'Pat Owner', areaIds: [IDS.riverside, IDS.eastgate], notes: 'Plain notes' }),
        ...INJECTIONS.map(([, text], index) => audience(injectionId(index), text, { notes: text })),
        audience(id(8, 99), 'Plain name, no formula', { notes: 'A - B = C' }),
      ],
      asset: [
        { id: IDS.asset, ...COMMON, kind: 'individual', name: 'Imam, Central Mosque', role: 'Faith leader', personName: 'Abdul Rahman', phone: '+44 7700 900123', email: 'imam@example.org', specialCategoryNote: 'Muslim faith leader', relationship: 'active', lastContact: '2026-09-12', audienceIds: [IDS.youth], areaIds: [IDS.riverside] },
        { id: IDS.group, ...COMMON, kind: 'group', name: 'Riverside Youth Forum', role: '', personName: '', phone: '', email: '', specialCategoryNote: '', relationship: 'new', lastContact: null, audienceIds: [], areaIds: [] },
      ],
      vulnerability: [{ id: IDS.vulnerability, ...COMMON, name: 'New arrivals at the Eastgate hotel', kind: 'group', barriers: ['trust', 'language'], whyItMatters: 'Isolated', priority: 'high', responseNote: 'Drop-in with an interpreter', audienceIds: [IDS.youth], areaIds: [IDS.eastgate] }],
      place: [{ id: IDS.place, ...COMMON, name: 'Central Mosque', kind: 'religious-centre', areaId: IDS.riverside, address: '1 High Street', gatheringTimes: 'Friday prayers 1pm', audienceIds: [IDS.youth] }],
      censusTables: [
        ethnicGroupTable(
          IDS.table,
          T,
          [
            { code: 'E01000001', name: 'Riverside 001A', counts: [1000, 800, 150, 120, 50] },
            { code: 'E01000002', name: 'Riverside 001B', counts: [1000, 900, 60, 10, 40] },
            { code: 'E01000003', name: 'Eastgate 002A', counts: [2000, 1960, 20, 10, 20] },
          ],
          ['Total', 'White', 'Asian', 'Asian: Bangladeshi', 'Other'],
        ),
      ],
    },
  };
}

/** Builds the workbook through the core and collects its export data. */
export function exportData(options: { sections?: ExportSectionId[]; personal: boolean }): Promise<ExportData> {
  return makeData(workbookJson(), { sections: options.sections ?? ['aims', 'who', 'evidence', 'good'], personal: options.personal });
}

/** The workbook exported to Excel, with or without personal data: the file, as ExcelJS reads it, and the progress it reported. */
export async function exportedWorkbook(personal: boolean): Promise<{ buffer: Buffer; book: ExcelJS.Workbook; progress: Progress[] }> {
  const progress: Progress[] = [];
  const buffer = await exportExcel(await exportData({ personal }), (p) => progress.push(p));
  return { buffer, book: await loadWorkbook(buffer), progress };
}
