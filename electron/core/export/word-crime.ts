// Crime in the strategy document (chapter 2, beside the census): where the figures come from, then
// for the whole strategy area and each area with crime counted, each crime type's trend against the
// previous three months and against a year before, with the counts behind it and who cites it.
import { crimeTypeLabel } from '../../../shared/domain/crime-types.ts';
import { monthName, trendChange, trendWord } from '../../../shared/domain/crime-trends.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { AreaCrime, CrimeTrend } from '../../../shared/api/crime.ts';
import type { ExportData } from './export-data.ts';
import { citersOf } from './crime-export-data.ts';
import { gapLine, heading, intro, para, wholeNumber } from './word-blocks.ts';
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
