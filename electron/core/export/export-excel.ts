// The Excel working copy: a Summary sheet, then one sheet per record type in the method's order,
// then a matrix sheet per census table, each marked in its page header and footer and printing
// landscape fitted to the page width. Every text cell is neutralised against formula injection.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RECORD_TYPES, sheetNameOf } from '../../../shared/domain/record-types.ts';
import type { ProgressReporter } from '../jobs/job-progress.ts';
import type { ExportData } from './export-data.ts';
import { censusSheetName, uniqueSheetName, writeCensusSheet } from './excel-census.ts';
import { writeCrimeMonthsSheet, writeCrimeTrendsSheet } from './excel-crime.ts';
import { ChoiceLists, recordColumns, writeRecordSheet } from './excel-records.ts';
import { RECEPTIVITY_NOTES_SHEET, RECEPTIVITY_SHEET, writeReceptivityNotesSheet, writeReceptivitySheet } from './excel-receptivity.ts';
import { writeSummarySheet, type SheetCount } from './excel-summary.ts';
import { INDICATORS_SHEET, writeIndicatorsSheet } from './excel-indicators.ts';
import { EVIDENCE_LINKS_SHEET, writeEvidenceLinksSheet } from './excel-evidence-links.ts';
import { calendarStep } from './excel-calendar.ts';
import { forWord } from './sanitize.ts';
import { quotePrefixTextStyles } from './excel-layout.ts';
import { patchZip } from './patch-zip.ts';
import { exportedTypesOf, worksheetSectionsOf } from './exported-sections.ts';

export const EXCEL_STAGE = 'Writing the Excel workbook';

interface Step {
  sheet: SheetCount;
  write: (workbook: ExcelJS.Workbook) => ExcelJS.Worksheet;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function exportExcel(data: ExportData, report: ProgressReporter): Promise<Buffer> {
  const marking = data.meta.marking;
  const sections = worksheetSectionsOf(data.sections);
  const lists = new ChoiceLists();
  const steps: Step[] = [];
  const taken = new Set<string>(['Summary', ChoiceLists.SHEET]);

  const types = exportedTypesOf(data.sections);
  for (const type of types) {
    const name = sheetNameOf(type);
    taken.add(name);
    const records = data.records[type];
    steps.push({
      sheet: { name, rows: records.length, what: RECORD_TYPES[type].plural },
      write: (workbook) => writeRecordSheet(workbook, name, recordColumns(type, data), records, marking, lists),
    });
    if (type === 'activity') steps.push(calendarStep(data, taken));
    // The census figures audiences cite, as the document prints them beneath each (when any does).
    if (type === 'audience' && data.evidenceLinks.length > 0) {
      taken.add(EVIDENCE_LINKS_SHEET);
      steps.push({ sheet: { name: EVIDENCE_LINKS_SHEET, rows: data.evidenceLinks.length, what: 'The census figures each audience cites as evidence' }, write: (workbook) => writeEvidenceLinksSheet(workbook, data, marking) });
    }
    // The grid reads best straight after the channels it is about.
    if (type === 'channel' && sections.includes('receptivity')) {
      taken.add(RECEPTIVITY_SHEET).add(RECEPTIVITY_NOTES_SHEET);
      steps.push(
        { sheet: { name: RECEPTIVITY_SHEET, rows: data.records.audience.length, what: 'Who listens where: audiences by channel' }, write: (workbook) => writeReceptivitySheet(workbook, data, marking, lists) },
        { sheet: { name: RECEPTIVITY_NOTES_SHEET, rows: data.receptivity.filter((c) => c.note.trim() !== '').length, what: 'The evidence noted in the grid' }, write: (workbook) => writeReceptivityNotesSheet(workbook, data, marking) },
      );
    }
    // The figures read best straight after the ratings they stand beside.
    if (type === 'hallmarkRating') {
      taken.add(INDICATORS_SHEET);
      steps.push({ sheet: { name: INDICATORS_SHEET, rows: data.assessment.indicators.length, what: 'The hallmarks in figures, worked out from the workbook' }, write: (workbook) => writeIndicatorsSheet(workbook, data, marking) });
    }
  }
  if (sections.includes('census')) {
    for (const { table, areas } of data.census.views) {
      const name = censusSheetName(table, taken);
      taken.add(name);
      steps.push({
        sheet: { name, rows: areas.length, what: `${table.code} ${table.title}: residents by area and category` },
        write: (workbook) => writeCensusSheet(workbook, name, table, areas, marking),
      });
    }
  }

  if (sections.includes('crime') && data.crime.summary.batches.length > 0) {
    const trends = uniqueSheetName('Crime trends', taken, 'Crime');
    taken.add(trends);
    const months = uniqueSheetName('Crime by month', taken, 'Crime');
    taken.add(months);
    const rows = data.crime.views.reduce((sum, view) => sum + view.series.length, 0);
    steps.push(
      { sheet: { name: trends, rows: data.crime.views.reduce((sum, view) => sum + view.trends.length, 0), what: 'police.uk crime: each area’s trends against the previous 3 months and a year before' }, write: (workbook) => writeCrimeTrendsSheet(workbook, trends, data, marking) },
      { sheet: { name: months, rows, what: 'police.uk crime: counts by area, crime type and month' }, write: (workbook) => writeCrimeMonthsSheet(workbook, months, data, marking) },
    );
  }

  const total = steps.length + 2;
  let done = 0;
  report({ stage: EXCEL_STAGE, done, total });
  // The streaming writer serialises each sheet when it is committed, through native zlib: about
  // twice as fast as the in-memory workbook for 20,000 rows, and the rows are not all held twice.
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const generated = new Date(data.generatedAt);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Engagement Workbook';
  workbook.lastModifiedBy = 'Engagement Workbook';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = forWord(data.meta.title);
  workbook.subject = forWord(`${data.forceName}: community engagement strategy`);
  workbook.keywords = marking;
  workbook.description = `Protective marking: ${marking}`;
  workbook.views = [{ x: 0, y: 0, width: 28800, height: 17000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  writeSummarySheet(workbook, data, sections, steps.map((s) => s.sheet)).commit();
  report({ stage: EXCEL_STAGE, done: (done += 1), total });
  for (const step of steps) {
    await nextTurn();
    step.write(workbook).commit();
    report({ stage: EXCEL_STAGE, done: (done += 1), total });
  }
  if (!lists.empty) lists.write(workbook, marking).commit();
  await nextTurn();
  await workbook.commit();
  const bytes = await finishXlsx(Buffer.concat(chunks), marking);
  report({ stage: EXCEL_STAGE, done: total, total });
  return bytes;
}

const CUSTOM_PROPERTIES = 'docProps/custom.xml';
const CUSTOM_PROPERTIES_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPERTIES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Print areas as absolute references: ExcelJS writes `$A1:$K20`, which Excel takes but LibreOffice
 * ignores (printing the id columns the area leaves out).
 */
export function absolutePrintAreas(workbookXml: string): string {
  return workbookXml.replace(/(<definedName name="_xlnm\.Print_Area"[^>]*>[^<]*!\$[A-Z]+)(\d+):(\$[A-Z]+)(\d+)</g, '$1$$$2:$3$$$4<');
}

/**
 * What ExcelJS cannot write, added to its file: the quote prefix on the text style (so a cell that
 * starts like a formula shows as typed and is never evaluated), print areas every reader honours,
 * and the marking as a custom `Classification` document property, as the Word document has, for
 * labelling tools.
 */
function finishXlsx(xlsx: Buffer, marking: string): Promise<Buffer> {
  const value = escapeXml(forWord(marking));
  return patchZip(xlsx, {
    'xl/styles.xml': (xml) => quotePrefixTextStyles(xml ?? ''),
    'xl/workbook.xml': (xml) => absolutePrintAreas(xml ?? ''),
    [CUSTOM_PROPERTIES]: () =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`,
    '[Content_Types].xml': (xml) => (xml ?? '').replace('</Types>', `<Override PartName="/${CUSTOM_PROPERTIES}" ContentType="${CUSTOM_PROPERTIES_TYPE}"/></Types>`),
    '_rels/.rels': (xml) => (xml ?? '').replace('</Relationships>', `<Relationship Id="rIdClassification" Type="${CUSTOM_PROPERTIES_REL}" Target="${CUSTOM_PROPERTIES}"/></Relationships>`),
  });
}
