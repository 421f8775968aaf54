// Crime in the deliverables: the Word document's chapter 2 gains "Crime evidence" (its source, then a
// table of trends for the whole strategy area and each area with the counts behind each figure and
// who cites it), and the Excel workbook gains the trends and the monthly counts. Both read back.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { collectExportData } from '../../../electron/core/export/export-data.ts';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { EXPORT_SECTION_IDS } from '../../../shared/api/export.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { loadWorkbook, sheetParts } from '../../helpers/excel-file.ts';
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
  // An area whose name starts like a formula: the sheets hold it as text.
  await expectOk(core, 'createRecord', { handle: info.handle, type: 'area', values: { name: '+Harbour ward', lsoaCodes: ['E01024133'] } });
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

  it('lists the police.uk imports among the data sources in Appendix A, whatever parts the copy holds', async () => {
    const file = await workbookWithCrime();
    for (const sections of [EXPORT_SECTION_IDS, ['aims', 'who']]) {
      const { value: text } = await mammoth.extractRawText({ buffer: await exportWord(dataOf(file, sections), () => {}) });
      const appendix = text.slice(text.lastIndexOf('Appendix A: Data sources'));
      expect(appendix, sections.join()).not.toContain('have been imported yet');
      expect(appendix).toContain('The police.uk street-level crime files imported');
      // Force, months covered, rows (6 months of 5 then 7), file name, day imported.
      expect(appendix).toMatch(/Kent Police\s+Jan 2023 to Jun 2023 \(6 months\)\s+36\s+kent-street\.csv\s+\d{1,2} \w+ \d{4}/);
    }
  });

  it('says so in the document when no crime has been imported', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
    core.closeAll();
    const { value: text } = await mammoth.extractRawText({ buffer: await exportWord(dataOf(info.path), () => {}) });
    expect(text).toMatch(/Crime evidence\s+No police.uk crime has been imported yet\./);
    expect(text.slice(text.lastIndexOf('Appendix A: Data sources'))).toMatch(/^Appendix A: Data sources\s+No census tables or other data have been imported yet\./);
  });

  it('adds the trends and the monthly counts to the Excel workbook, marked, titled and printed like every sheet', async () => {
    const file = await workbookWithCrime();
    const data = dataOf(file);
    const xlsx = await exportExcel(data, () => {});
    const workbook = await loadWorkbook(xlsx);
    // Print areas as written (ExcelJS reads some back against the wrong sheet).
    const workbookXml = (await sheetParts(xlsx)).files.get('xl/workbook.xml') ?? '';
    const trends = workbook.getWorksheet('Crime trends');
    expect(trends).toBeDefined();
    const values = (row: number, sheet = trends!) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(2).slice(0, 10)).toEqual(['Area', 'Crime type', 'Compared with', 'Trend', 'Change', 'Recent months', 'Recent count', 'Earlier months', 'Earlier count', 'Cited by']);
    const all: unknown[][] = [];
    trends!.eachRow((row, index) => {
      if (index > 2) all.push((row.values as unknown[]).slice(1));
    });
    expect(all).toContainEqual(['Riverside ward', 'Shoplifting', 'the previous 3 months', 'Rising', 1, 'Apr 2023–Jun 2023', 12, 'Jan 2023–Mar 2023', 6, 'audience “High street traders”', expect.any(String)]);
    const months = workbook.getWorksheet('Crime by month')!;
    expect(values(2, months)).toEqual(['Area', 'Crime type', 'Jan 2023', 'Feb 2023', 'Mar 2023', 'Apr 2023', 'May 2023', 'Jun 2023', 'All months', 'Area id']);
    expect(values(3, months).slice(0, 9)).toEqual(['The whole strategy area', 'Burglary', 3, 3, 3, 3, 3, 3, 18]);
    for (const [sheet, lastPrinted] of [[trends!, 'J'], [months, 'I']] as const) {
      // The marking on the first row, the header on the second, frozen and repeated on every printed page.
      expect(sheet.getCell('A1').value, sheet.name).toBe(data.meta.marking);
      expect(sheet.getCell('A1').font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
      expect(sheet.pageSetup, sheet.name).toMatchObject({ printTitlesRow: '2:2', fitToPage: true, fitToWidth: 1, orientation: 'landscape' });
      // The area ids, for matching rows, are left off the page.
      expect(workbookXml, sheet.name).toContain(`&apos;${sheet.name}&apos;!$A$1:$${lastPrinted}$${sheet.rowCount}</definedName>`);
      // A name that starts like a formula is held as text, as typed.
      const harbour: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(1).value === '+Harbour ward') harbour.push(row.getCell(1));
      });
      expect(harbour.length, sheet.name).toBeGreaterThan(0);
      for (const cell of harbour) expect(cell.numFmt, sheet.name).toBe('@');
      expect(sheet.getCell(3, 1).numFmt, sheet.name).not.toBe('@');
    }
  });

  it('leaves crime out of an export without the evidence part', async () => {
    const file = await workbookWithCrime();
    const workbook = await loadWorkbook(await exportExcel(dataOf(file, ['aims', 'who']), () => {}));
    expect(workbook.getWorksheet('Crime trends')).toBeUndefined();
  });
});
