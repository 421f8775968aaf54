// The Excel export of a 20,000-audience workbook (target < 3 s), beside ExcelJS alone writing one
// plain table of the same size (its streaming writer, no styles: the library's own minimum),
// measured in the same run.
import { keyed } from '../../electron/core/gaps/gap-rules.ts';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportData } from '../../electron/core/export/export-data.ts';
import { exportExcel } from '../../electron/core/export/export-excel.ts';
import { recordColumns } from '../../electron/core/export/excel-records.ts';
import type { Gap } from '../../shared/api/records.ts';
import { AUDIENCE_KINDS, ENGAGEMENT_STATES, PRIORITIES } from '../../shared/domain/vocabularies.ts';
import { benchExportShell, emptyRecords } from './bench-export-shell.ts';
import { listTimings, timeBesideBaseline, type BenchResult } from './bench-stats.ts';

const T = '2026-01-01T00:00:00.000Z';
const uuid = (group: number, n: number) => `${String(group).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Export data for a workbook of `audiences` audiences over 50 areas, every one of them a gap. */
export function largeExportData(audiences = 20_000): ExportData {
  const records = emptyRecords();
  const names = new Map<string, string>();
  const common = { createdAt: T, updatedAt: T, reviewedAt: '2026-06-01', shareable: true, notes: '' };
  for (let n = 0; n < 50; n += 1) {
    const id = uuid(2, n);
    records.area.push({ id, ...common, name: `Area ${n + 1}`, onsCode: `E050${String(n).padStart(5, '0')}`, onsLevel: 'ward', parentId: null, lsoaCodes: [] });
    names.set(id, `Area ${n + 1}`);
  }
  const gaps: Gap[] = [];
  for (let n = 0; n < audiences; n += 1) {
    const id = uuid(3, n);
    const name = `Audience ${n + 1}: ${AUDIENCE_KINDS[n % AUDIENCE_KINDS.length]!.label.toLowerCase()} in area ${(n % 50) + 1}`;
    records.audience.push({
      id,
      ...common,
      name,
      kind: AUDIENCE_KINDS[n % AUDIENCE_KINDS.length]!.id,
      sizeEstimate: 100 + (n % 5000),
      sizeEvidence: 'ONS Census 2021',
      evidenceNote: n % 3 === 0 ? 'What officers know from working the area, backed by the figures the council publishes each year.' : '',
      evidenceSource: n % 3 === 0 ? 'Council ward profile, 2025' : '',
      engagementState: ENGAGEMENT_STATES[n % ENGAGEMENT_STATES.length]!.id,
      priority: PRIORITIES[n % PRIORITIES.length]!.id,
      whatWeKnow: n % 4 === 0 ? 'Meets on Tuesday evenings at the community centre; prefers WhatsApp to email.\nSome distrust after a stop-and-search incident.' : '',
      areaIds: [uuid(2, n % 50), uuid(2, (n + 7) % 50)],
    });
    names.set(id, name);
    gaps.push(keyed({ section: 'audiences', rule: 'audience-no-evidence', recordType: 'audience', recordId: id, message: `Audience “${name}” has no evidence.` }));
  }
  return benchExportShell(
    { id: uuid(0, 0), title: 'Bench', marking: 'OFFICIAL-SENSITIVE', appVersion: '0.0.0' },
    {
      records,
      names,
      gaps,
      sectionStates: [
        { section: 'areas', status: 'In progress', records: 50, gaps: 0, completedAt: null },
        { section: 'audiences', status: 'In progress', records: audiences, gaps: audiences, completedAt: null },
      ],
      census: { tables: [], views: [] },
    },
  );
}

/** ExcelJS alone at its fastest: one unstyled sheet of the same rows and columns, streamed to memory. */
async function excelJsAlone(data: ExportData): Promise<number> {
  const columns = recordColumns('audience', data);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Audiences');
  sheet.addRow(columns.map((c) => c.header)).commit();
  for (const record of data.records.audience) sheet.addRow(columns.map((c) => c.value(record) ?? undefined)).commit();
  sheet.commit();
  await workbook.commit();
  return bytes;
}

export async function benchExportExcel(runs = 3, audiences = 20_000): Promise<BenchResult> {
  const data = largeExportData(audiences);
  const timed = await timeBesideBaseline(runs, () => exportExcel(data, () => {}), () => excelJsAlone(data));
  const median = timed.median;
  const baseline = timed.baselineMedian;
  console.log(`  exportExcel:   ${listTimings(timed.ms, median, `${(timed.bytes / 1e6).toFixed(1)} MB`)}`);
  console.log(`  ExcelJS alone: ${listTimings(timed.baselineMs, baseline)}`);
  return {
    bench: `Excel export, ${audiences.toLocaleString('en-GB')} audiences, median of ${runs}`,
    figure: `${median.toFixed(0)} ms (${(median / baseline).toFixed(1)}× ExcelJS alone writing the same table, ${baseline.toFixed(0)} ms)`,
    target: '< 3 s',
    met: median < 3000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchExportExcel();
  console.log(`${result.met ? 'MET ' : 'MISS'}  ${result.bench}  ${result.figure}  (target: ${result.target})`);
}
