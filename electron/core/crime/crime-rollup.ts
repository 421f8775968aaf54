// Crime counts seen from the workbook's areas: each area is its LSOAs and those of the areas inside
// it; the whole strategy area is every area's LSOAs once. Counts are summed by SQLite over the
// LSOAs' index, a month and crime type at a time, so a national import is never loaded to be read.
import type { AreaCrime, AreaCrimeCount, CrimeSummary, LsoaCrimeCount } from '../../../shared/api/crime.ts';
import { areaTree } from '../../../shared/domain/area-tree.ts';
import { CRIME_TYPES, crimeTypeLabel } from '../../../shared/domain/crime-types.ts';
import { monthRange, trendOf } from '../../../shared/domain/crime-trends.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';
import { readAreas } from '../evidence/area-census.ts';
import { listCrimeBatches } from './crime-store.ts';

export interface AreaLsoas {
  id: string;
  name: string;
  lsoas: string[];
}

/** Each area with its own LSOAs and those of every area inside it (a loop in the hierarchy is walked once). */
export function areaLsoas(db: ReadDb): AreaLsoas[] {
  const areas = readAreas(db);
  const tree = areaTree(areas);
  const ownCodes = new Map(areas.map((area) => [area.id, area.lsoaCodes.map((code) => code.trim().toUpperCase())]));
  const own = (id: string): readonly string[] => ownCodes.get(id) ?? [];
  return areas.map((area) => ({ id: area.id, name: area.name, lsoas: tree.gather(area.id, own) }));
}

/** Every LSOA in any area, once. */
export function strategyLsoas(areas: readonly AreaLsoas[]): string[] {
  return [...new Set(areas.flatMap((area) => area.lsoas))];
}

/** The first and last month with crime data, or null when there is none. */
export function monthSpan(db: ReadDb): { first: string; last: string } | null {
  const row = statement(db, 'SELECT min(month) AS first, max(month) AS last FROM crime_batch').get() as { first: string | null; last: string | null };
  return row.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Counts by month and crime type over a set of LSOAs. */
export function countsOver(db: ReadDb, lsoas: readonly string[]): Array<{ month: string; crimeType: string; count: number }> {
  if (lsoas.length === 0) return [];
  return statement(
    db,
    `SELECT b.month AS month, c.crime_type AS crimeType, sum(c.count) AS count
     FROM crime_count c JOIN crime_batch b ON b.id = c.batch_id
     WHERE c.lsoa_code IN (SELECT value FROM json_each(?))
     GROUP BY b.month, c.crime_type ORDER BY b.month, c.crime_type`,
  ).all(JSON.stringify(lsoas)) as Array<{ month: string; crimeType: string; count: number }>;
}

function lsoasWithData(db: ReadDb, lsoas: readonly string[]): number {
  if (lsoas.length === 0) return 0;
  return statement(db, 'SELECT count(DISTINCT lsoa_code) FROM crime_count WHERE lsoa_code IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(lsoas)) as number;
}

const TYPE_ORDER = new Map(CRIME_TYPES.map((type, index) => [type.id, index]));

/** An area's (null: the whole strategy area's) monthly counts by crime type over every month with data, and their trends. */
export function areaCrime(db: ReadDb, areaId: string | null): AreaCrime {
  const areas = areaLsoas(db);
  const area = areaId === null ? null : areas.find((a) => a.id === areaId);
  if (areaId !== null && !area) throw new AppError('not-found', 'That area is no longer in the workbook.');
  const lsoas = area ? area.lsoas : strategyLsoas(areas);
  const span = monthSpan(db);
  const months = span ? monthRange(span.first, span.last) : [];
  const at = new Map(months.map((month, index) => [month, index]));
  const series = new Map<string, number[]>();
  for (const row of countsOver(db, lsoas)) {
    let counts = series.get(row.crimeType);
    if (!counts) {
      counts = new Array<number>(months.length).fill(0);
      series.set(row.crimeType, counts);
    }
    counts[at.get(row.month)!] = row.count;
  }
  const types = [...series.keys()].sort((a, b) => (TYPE_ORDER.get(a) ?? 99) - (TYPE_ORDER.get(b) ?? 99) || a.localeCompare(b));
  return {
    areaId,
    areaName: area ? area.name : 'The whole strategy area',
    lsoas: lsoas.length,
    lsoasWithData: lsoasWithData(db, lsoas),
    months,
    series: types.map((crimeType) => {
      const counts = series.get(crimeType)!;
      return { crimeType, label: crimeTypeLabel(crimeType), counts, total: counts.reduce((sum, n) => sum + n, 0) };
    }),
    trends: types.flatMap((crimeType) => (['previous', 'year-before'] as const).flatMap((comparison) => trendOf(crimeType, months, series.get(crimeType)!, comparison) ?? [])),
  };
}

/** Unplaced LSOAs listed on the screen: the busiest first. */
const UNPLACED_LISTED = 500;

export function crimeSummary(db: ReadDb): CrimeSummary {
  const placed = JSON.stringify(strategyLsoas(areaLsoas(db)));
  const span = monthSpan(db);
  const unplaced = statement(
    db,
    `SELECT lsoa_code AS lsoaCode, sum(count) AS count FROM crime_count
     WHERE lsoa_code NOT IN (SELECT value FROM json_each(?)) GROUP BY lsoa_code ORDER BY count DESC, lsoa_code`,
  ).all(placed) as Array<{ lsoaCode: string; count: number }>;
  return {
    batches: listCrimeBatches(db),
    months: span ? monthRange(span.first, span.last) : [],
    unplacedLsoas: unplaced.slice(0, UNPLACED_LISTED),
    unplacedLsoaCount: unplaced.length,
    unplacedCount: unplaced.reduce((sum, row) => sum + row.count, 0),
  };
}

/**
 * The non-zero cells (summed over forces) of the next `lsoaLimit` LSOAs after `afterLsoa`, by LSOA,
 * month and crime type: the LSOAs come off their index in order, so reading page after page stays
 * linear however many counts the workbook holds.
 */
export function pageLsoaCounts(db: ReadDb, afterLsoa: string | null, lsoaLimit: number): LsoaCrimeCount[] {
  const lsoas = statement(db, 'SELECT DISTINCT lsoa_code FROM crime_count WHERE lsoa_code > ? ORDER BY lsoa_code LIMIT ?').pluck().all(afterLsoa ?? '', lsoaLimit) as string[];
  if (lsoas.length === 0) return [];
  return statement(
    db,
    `SELECT c.lsoa_code AS lsoaCode, b.month AS month, c.crime_type AS crimeType, sum(c.count) AS count
     FROM crime_count c JOIN crime_batch b ON b.id = c.batch_id
     WHERE c.lsoa_code IN (SELECT value FROM json_each(?))
     GROUP BY c.lsoa_code, b.month, c.crime_type ORDER BY c.lsoa_code, b.month, c.crime_type`,
  ).all(JSON.stringify(lsoas)) as LsoaCrimeCount[];
}

/** Every non-zero cell rolled up to each area, in the areas' order. */
export function listAreaCounts(db: ReadDb): AreaCrimeCount[] {
  return areaLsoas(db).flatMap((area) => countsOver(db, area.lsoas).map((row) => ({ areaId: area.id, areaName: area.name, month: row.month, crimeType: row.crimeType, count: row.count })));
}
