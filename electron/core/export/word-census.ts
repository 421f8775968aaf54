// The census picture in the strategy document: for each table, its largest groups across the
// whole strategy area and in each area with figures, then who is missing in each area.
import type { AreaCensus, CensusTable } from '../../../shared/api/census.ts';
import type { ExportData } from './export-data.ts';
import { bullet, countOf, gapLine, heading, intro, para, share, wholeNumber } from './word-blocks.ts';
import { table, type Cell, type Column, type Row } from './word-table.ts';
import type { Block } from './word-record-printers.ts';

/** One step of building the document: a few blocks, built when it is its turn. */
export type Part = () => Block[];

/** How many of the largest groups each census table shows. */
const LARGEST_GROUPS = 8;

const GEOGRAPHY_WORDS: Record<string, readonly [string, string]> = {
  oa: ['output area', 'output areas'],
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  la: ['local authority', 'local authorities'],
  other: ['geography', 'geographies'],
};

/** What a table's geographies are called: one and many. */
export function geographyWords(level: string): readonly [string, string] {
  return GEOGRAPHY_WORDS[level] ?? ['geography', 'geographies'];
}

export function censusParts(data: ExportData): Part[] {
  const { views } = data.census;
  const title = heading('Census evidence', 2);
  if (data.census.tables.length === 0) return [() => [title, gapLine('To be completed: census figures for the strategy area and each of its areas, and the groups they show no audience reaches.')]];
  const parts: Part[] = [
    () => [
      title,
      para(
        'For each census table: its largest groups across the whole strategy area and in each area with figures, each share beside the whole strategy area’s; then who is missing — groups that make up a notable share of an area’s residents but that no audience covering the area is linked to.',
      ),
    ],
  ];
  for (const view of views) parts.push(() => censusTablePart(data, view.table, view.areas));
  return parts;
}

function censusTablePart(data: ExportData, censusTable: CensusTable, areas: AreaCensus[]): Block[] {
  const name = `${censusTable.code} ${censusTable.title}`;
  const [one, many] = geographyWords(censusTable.geographyLevel);
  const blocks: Block[] = [heading(name, 3), para({ text: 'Source: ', italics: true }, { text: `${censusTable.source}${censusTable.referenceDate ? `, ${censusTable.referenceDate}` : ''}; figures by ${one}.`, italics: true })];
  if (areas.length === 0) return [...blocks, gapLine(`None of the workbook’s areas has figures in this table yet: give the areas their ${many} or ONS codes.`)];
  const missing = data.gaps.filter((gap) => gap.rule === 'who-is-missing' && gap.message.includes(`(${name})`));
  for (const view of areas) {
    const whole = view.areaId === null;
    const topLevel = view.rows.filter((row) => row.depth === 0).sort((a, b) => b.count - a.count);
    const shown = topLevel.slice(0, LARGEST_GROUPS);
    const of = topLevel.length > shown.length ? ` (the ${shown.length} largest of ${topLevel.length})` : '';
    const where = whole ? 'across the whole strategy area' : `in ${view.areaName}`;
    const columns: Column[] = [
      { title: 'Group', width: whole ? 60 : 46 },
      { title: 'Count', width: whole ? 20 : 17, numeric: true },
      { title: whole ? 'Share' : `Share in ${view.areaName}`, width: whole ? 20 : 18, numeric: true },
    ];
    if (!whole) columns.push({ title: 'Whole strategy area', width: 19, numeric: true });
    const rows: Row[] = shown.map((row) => {
      const cells: Cell[] = [row.label, wholeNumber(row.count), share(row.proportion)];
      if (!whole) cells.push(share(row.strategyProportion));
      return cells;
    });
    blocks.push(heading(whole ? 'The whole strategy area' : view.areaName, 4));
    if (shown.length === 0) {
      blocks.push(gapLine(`This table has no groups to show ${where}.`));
    } else {
      const sentence = whole
        ? `The largest groups ${where}${of}: ${wholeNumber(view.total)} in all, from ${countOf(view.geographies, one, many)}.`
        : `The largest groups ${where}${of}, with each group’s share beside its share across the whole strategy area: ${wholeNumber(view.total)} in all, from ${countOf(view.geographies, one, many)}.`;
      blocks.push(intro(sentence), table(columns, rows));
    }
    if (!whole) {
      const here = missing.filter((gap) => gap.recordId === view.areaId);
      if (here.length === 0) blocks.push(gapLine(`Who is missing in ${view.areaName}: no one — every notable group has an audience linked to it.`));
      else blocks.push(intro(`Who is missing in ${view.areaName}:`), ...here.map((gap) => bullet(gap.message)));
    }
  }
  return blocks;
}
