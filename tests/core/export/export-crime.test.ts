// Crime in the deliverables: the Word document's chapter 2 gains "Crime evidence" (its source, then a
// table of trends for the whole strategy area and each area with the counts behind each figure and
// who cites it), and the Excel workbook gains the trends and the monthly counts. Both read back.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { collectExportData } from '../../../electron/core/export/export-data.ts';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { EXPORT_SECTION_IDS } from '../../../shared/api/export.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { loadWorkbook } from '../../helpers/excel-file.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { streetCsv, type StreetRow } from '../../helpers/police-csv.ts';

const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];

/** Six months in one LSOA: shoplifting 2 a month then 4, burglary 3 a month throughout. */
function rows(): StreetRow[] {
  return MONTHS.flatMap((month, index) => [
    ...Array.from({ length: index < 3 ? 2 : 4 }, () => ({ month, force: 'Kent Police', lsoa: 'E01024133', type: 'Shoplifting' })),
    ...Array.from({ length: 3 }, () => ({ month, force: 'Kent Police', lsoa: 'E01024133', type: 'Burglary' })),
  ]);
}

async function workbookWithCrime(): Promise<string> {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
  const area = await expectOk<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'area', values: { name: 'Riverside ward', lsoaCodes: ['E01024133'] } });
  const audience = await expectOk<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'audience', values: { name: 'High street traders', kind: 'businesses', engagementState: 'receptive', priority: 'high', areaIds: [area.id] } });
  const csv = path.join(dir, 'kent-street.csv');
  fs.writeFileSync(csv, streetCsv(rows()));
  await expectOk(core, 'importCrime', { handle: info.handle, sources: [csv] });
  await expectOk(core, 'linkCrimeTrend', { handle: info.handle, audienceId: audience.id, areaId: area.id, crimeType: 'shoplifting', comparison: 'previous' });
  core.closeAll();
  return info.path;
}

function dataOf(file: string, sections: readonly string[] = EXPORT_SECTION_IDS) {
  const db = openReadOnly(file);
  try {
    return collectExportData(db, { sections: sections as typeof EXPORT_SECTION_IDS, personal: false, now: new Date('2026-11-25T09:00:00.000Z') });
  } finally {
    db.close();
  }
}

describe('crime in the deliverables', () => {
  it('puts the trend tables, with their counts and who cites them, in chapter 2 of the Word document', async () => {
    const file = await workbookWithCrime();
    const { value: text } = await mammoth.extractRawText({ buffer: await exportWord(dataOf(file), () => {}) });
    // After the table of contents, which names the chapters too.
    const chapter2 = text.slice(text.lastIndexOf('2 Who we will engage'), text.lastIndexOf('3 How we will reach them'));
    expect(chapter2).toContain('Crime evidence');
    expect(chapter2).toContain('police.uk street-level crime, Kent Police, Jan 2023 to Jun 2023');
    expect(chapter2).toContain('Crime across the whole strategy area');
    expect(chapter2).toContain('Crime in Riverside ward');
    const riverside = chapter2.slice(chapter2.indexOf('Crime in Riverside ward'));
    expect(riverside).toMatch(/Shoplifting\s+Rising \+100%\s+12 against 6\s+Not enough months\s+audience “High street traders”/);
    expect(riverside).toMatch(/Burglary\s+Steady \+0%\s+9 against 9/);
  });

  it('says so in the document when no crime has been imported', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
    core.closeAll();
    const { value: text } = await mammoth.extractRawText({ buffer: await exportWord(dataOf(info.path), () => {}) });
    expect(text).toMatch(/Crime evidence\s+No police.uk crime has been imported yet\./);
  });

  it('adds the trends and the monthly counts to the Excel workbook', async () => {
    const file = await workbookWithCrime();
    const workbook = await loadWorkbook(await exportExcel(dataOf(file), () => {}));
    const trends = workbook.getWorksheet('Crime trends');
    expect(trends).toBeDefined();
    const values = (row: number, sheet = trends!) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1).slice(0, 10)).toEqual(['Area', 'Crime type', 'Compared with', 'Trend', 'Change', 'Recent months', 'Recent count', 'Earlier months', 'Earlier count', 'Cited by']);
    const all: unknown[][] = [];
    trends!.eachRow((row, index) => {
      if (index > 1) all.push((row.values as unknown[]).slice(1));
    });
    expect(all).toContainEqual(['Riverside ward', 'Shoplifting', 'the previous 3 months', 'Rising', 1, 'Apr 2023–Jun 2023', 12, 'Jan 2023–Mar 2023', 6, 'audience “High street traders”', expect.any(String)]);
    const months = workbook.getWorksheet('Crime by month')!;
    expect(values(1, months)).toEqual(['Area', 'Crime type', 'Jan 2023', 'Feb 2023', 'Mar 2023', 'Apr 2023', 'May 2023', 'Jun 2023', 'All months', 'Area id']);
    expect(values(2, months).slice(0, 9)).toEqual(['The whole strategy area', 'Burglary', 3, 3, 3, 3, 3, 3, 18]);
  });

  it('leaves crime out of an export without the evidence part', async () => {
    const file = await workbookWithCrime();
    const workbook = await loadWorkbook(await exportExcel(dataOf(file, ['aims', 'who']), () => {}));
    expect(workbook.getWorksheet('Crime trends')).toBeUndefined();
  });
});
