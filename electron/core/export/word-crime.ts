// Crime in the strategy document (chapter 2, beside the census): where the figures come from, then
// for the whole strategy area and each area with crime counted, each crime type's trend against the
// previous three months and against a year before, with the counts behind it and who cites it; and,
// for the appendix of data sources, each force's imports: months covered, rows, files, when.
import { crimeTypeLabel } from '../../../shared/domain/crime-types.ts';
import { addMonths, monthName, trendChange, trendWord } from '../../../shared/domain/crime-trends.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { AreaCrime, CrimeBatch, CrimeTrend } from '../../../shared/api/crime.ts';
import type { ExportData } from './export-data.ts';
import { citersOf } from './crime-export-data.ts';
import { countOf, gapLine, heading, intro, para, ukDay, wholeNumber } from './word-blocks.ts';
import { table, type Column, type Row } from './word-table.ts';
import type { Part } from './word-census.ts';
import type { Block } from './word-record-printers.ts';

const span = (from: string, to: string) => `${monthName(from)}–${monthName(to)}`;

function trendCells(trend: CrimeTrend | undefined): [string, string] {
  if (!trend) return ['Not enough months', ''];
  return [`${trendWord(trend)} ${trendChange(trend)}`, `${wholeNumber(trend.recent)} against ${wholeNumber(trend.earlier)}`];
}

function areaPart(data: ExportData, view: AreaCrime): Block[] {
  const whole = view.areaId === null;
  const blocks: Block[] = [heading(whole ? 'Crime across the whole strategy area' : `Crime in ${view.areaName}`, 4)];
  const sample = view.trends.find((t) => t.comparison === 'previous');
  const yearSample = view.trends.find((t) => t.comparison === 'year-before');
  const when = [sample ? `the last three months (${span(sample.recentFrom, sample.recentTo)}) against the three before (${span(sample.earlierFrom, sample.earlierTo)})` : '', yearSample ? `against the same months a year before (${span(yearSample.earlierFrom, yearSample.earlierTo)})` : ''].filter(Boolean).join(', and ');
  blocks.push(intro(`${wholeNumber(view.series.reduce((sum, s) => sum + s.total, 0))} crimes and incidents from ${wholeNumber(view.lsoasWithData)} of ${wholeNumber(view.lsoas)} LSOAs${when ? `; ${when}` : ''}. A change within 10 % either way is steady.`));
  const columns: Column[] = [
    { title: 'Crime type', width: 22 },
    { title: 'Last 3 months against the 3 before', width: 17 },
    { title: 'Counts', width: 13, numeric: true },
    { title: 'Against a year before', width: 15 },
    { title: 'Counts', width: 13, numeric: true },
    { title: 'Cited by', width: 20 },
  ];
  const rows: Row[] = view.series.map((series) => {
    const previous = view.trends.find((t) => t.crimeType === series.crimeType && t.comparison === 'previous');
    const yearBefore = view.trends.find((t) => t.crimeType === series.crimeType && t.comparison === 'year-before');
    const citers = [previous, yearBefore].flatMap((trend) => (trend ? [citersOf(trend, view.areaId, data.crime.links, data.names)] : [])).filter(Boolean).join('; ');
    return [crimeTypeLabel(series.crimeType), ...trendCells(previous), ...trendCells(yearBefore), citers];
  });
  blocks.push(table(columns, rows));
  return blocks;
}

export function crimeParts(data: ExportData): Part[] {
  const title = heading('Crime evidence', 2);
  const { summary, views } = data.crime;
  if (summary.batches.length === 0) return [() => [title, gapLine('No police.uk crime has been imported yet.')]];
  const forces = [...new Set(summary.batches.map((b) => forceById(b.forceId)?.name ?? b.forceId))];
  const months = summary.months;
  const parts: Part[] = [
    () => [
      title,
      para(
        { text: 'Source: ', italics: true },
        { text: `police.uk street-level crime, ${forces.join(', ')}, ${monthName(months[0]!)} to ${monthName(months.at(-1)!)}; counted by LSOA and added up for each area from the LSOAs it contains (the whole strategy area counts each LSOA in any area once).`, italics: true },
      ),
      ...(summary.unplacedLsoaCount > 0 ? [gapLine(`${wholeNumber(summary.unplacedLsoaCount)} LSOAs with crime counted (${wholeNumber(summary.unplacedCount)} crimes and incidents) are in none of the workbook’s areas.`)] : []),
      ...(views.length === 0 ? [gapLine('None of the workbook’s areas has crime counted yet: give the areas their LSOA codes.')] : []),
    ],
  ];
  for (const view of views) parts.push(() => areaPart(data, view));
  return parts;
}

/** Months as runs of consecutive ones: "Jan 2023 to Jun 2023, Sep 2023". */
function monthRuns(months: readonly string[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: Array<[string, string]> = [];
  for (const month of sorted) {
    const last = runs.at(-1);
    if (last && addMonths(last[1], 1) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs.map(([from, to]) => (from === to ? monthName(from) : `${monthName(from)} to ${monthName(to)}`)).join(', ');
}

/** File names in month order; a long run of them as its first and last, with how many. */
function fileNames(batches: readonly CrimeBatch[]): string {
  const names = [...new Set(batches.map((b) => b.fileName))];
  if (names.length <= 3) return names.join('; ');
  return `${names.length} files, ${names[0]} … ${names.at(-1)}`;
}

function importedWhen(batches: readonly CrimeBatch[]): string {
  const days = [...new Set([...batches].sort((a, b) => a.importedAt.localeCompare(b.importedAt)).map((b) => ukDay(b.importedAt)))];
  return days.length === 1 ? days[0]! : `${days[0]} to ${days.at(-1)}`;
}

/** Appendix A's account of the police.uk imports: a row a force, in the order of the forces' names. */
export function crimeSourceBlocks(batches: readonly CrimeBatch[]): Block[] {
  if (batches.length === 0) return [];
  const byForce = new Map<string, CrimeBatch[]>();
  for (const batch of batches) byForce.set(batch.forceId, [...(byForce.get(batch.forceId) ?? []), batch]);
  const nameOf = (forceId: string) => forceById(forceId)?.name ?? forceId;
  const rows: Row[] = [...byForce.entries()]
    .sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)))
    .map(([forceId, list]) => {
      const inMonthOrder = [...list].sort((a, b) => a.month.localeCompare(b.month));
      const rows = list.reduce((sum, b) => sum + b.rows, 0);
      const withoutLsoa = list.reduce((sum, b) => sum + b.rowsWithoutLsoa, 0);
      return [
        nameOf(forceId),
        `${monthRuns(list.map((b) => b.month))} (${countOf(list.length, 'month')})`,
        withoutLsoa > 0 ? `${wholeNumber(rows)} (${wholeNumber(withoutLsoa)} with no LSOA)` : wholeNumber(rows),
        fileNames(inMonthOrder),
        importedWhen(list),
      ];
    });
  return [
    intro('The police.uk street-level crime files imported: for each force, the months they cover, the rows (crimes and incidents) read, the files and when they were imported.'),
    table(
      [
        { title: 'Force', width: 17 },
        { title: 'Months covered', width: 22 },
        { title: 'Rows', width: 13, numeric: true },
        { title: 'Files', width: 30 },
        { title: 'Imported', width: 18 },
      ],
      rows,
    ),
  ];
}
