// What the deliverables show of crime: the force-months imported, each area's (and the whole
// strategy area's) trends with the counts behind them, and who cites each trend.
import type { AreaCrime, CrimeSummary, CrimeTrend, CrimeTrendLink } from '../../../shared/api/crime.ts';
import type { ReadDb } from '../db/open-database.ts';
import { areaCrime, areaLsoas, crimeSummary } from '../crime/crime-rollup.ts';
import { listCrimeTrendLinks } from '../crime/crime-trend-links.ts';
import { listCrimeBatches } from '../crime/crime-store.ts';

export interface CrimeExport {
  summary: CrimeSummary;
  /** The whole strategy area first, then each area with crime counted. */
  views: AreaCrime[];
  links: CrimeTrendLink[];
}

/** For a workbook without crime (and the benchmarks). */
export const NO_CRIME: CrimeExport = Object.freeze({ summary: { batches: [], months: [], unplacedLsoas: [], unplacedLsoaCount: 0, unplacedCount: 0 }, views: [], links: [] });

/**
 * For a deliverable without the evidence part: only the imports, which the appendix of data sources
 * lists whatever the copy holds (as it lists the census tables).
 */
export function crimeSourcesOnly(db: ReadDb): CrimeExport {
  return { ...NO_CRIME, summary: { ...NO_CRIME.summary, batches: listCrimeBatches(db) } };
}

export function collectCrimeExport(db: ReadDb): CrimeExport {
  const summary = crimeSummary(db);
  if (summary.batches.length === 0) return { summary, views: [], links: listCrimeTrendLinks(db) };
  const views = [areaCrime(db, null), ...areaLsoas(db).map((area) => areaCrime(db, area.id))].filter((view) => view.series.length > 0);
  return { summary, views, links: listCrimeTrendLinks(db) };
}

/** Who cites a trend, by name: "audience “Traders”; area “Riverside ward”". */
export function citersOf(trend: CrimeTrend, areaId: string | null, links: readonly CrimeTrendLink[], names: ReadonlyMap<string, string>): string {
  return links
    .filter((link) => link.areaId === areaId && link.crimeType === trend.crimeType && link.comparison === trend.comparison)
    .map((link) => (link.audienceId ? `audience “${names.get(link.audienceId) ?? link.audienceId}”` : `area “${names.get(link.citingAreaId ?? '') ?? link.citingAreaId}”`))
    .join('; ');
}
