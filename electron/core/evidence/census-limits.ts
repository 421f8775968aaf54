// The size limits of a census (or mapped) table, worded for refusals: the same on the way in (a
// census CSV, a mapped CSV or XLSX, an interchange file) as everywhere a table is read back.
import type { GeographyLevel } from '../../../shared/api/census.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { findCensusTableId } from './census-store.ts';

/** The reason a table of `categories` categories is refused, or null when it is within the limit. */
export function tooManyCategories(categories: number): string | null {
  if (categories <= LIMITS.censusCategories) return null;
  return `the table has ${formatCount(categories)} categories, and a table may have at most ${formatCount(LIMITS.censusCategories)}. Download or save only the categories you need`;
}

/** How many rows (geographies) a table of `categories` categories may have. */
export function maxRowsFor(categories: number): number {
  return Math.min(LIMITS.censusRows, Math.floor(LIMITS.censusValues / Math.max(1, categories)));
}

/** The reason the row after `maxRowsFor(categories)` is refused. */
export function tooManyRows(categories: number): string {
  const rows = maxRowsFor(categories);
  const why =
    rows === LIMITS.censusRows
      ? `a table may have at most ${formatCount(LIMITS.censusRows)} rows (England and Wales have 188,880 output areas)`
      : `a table may hold at most ${formatCount(LIMITS.censusValues)} figures, so with ${formatCount(categories)} categories at most ${formatCount(rows)} rows`;
  return `the table has more than ${formatCount(rows)} rows of figures: ${why}. Download the table for a smaller area or a coarser geography level, or save only the rows you need`;
}

/** Refuses a new table (not one replacing the same code at the same level) once a workbook holds the most it may. */
export function checkRoomForTable(db: ReadDb, code: string, level: GeographyLevel, fileName: string): void {
  if (findCensusTableId(db, code, level) !== null) return;
  const tables = db.prepare('SELECT count(*) FROM census_table').pluck().get() as number;
  if (tables >= LIMITS.censusTables) {
    throw new AppError('invalid-input', `"${fileName}" cannot be added: this workbook already holds ${formatCount(tables)} tables of figures, the most a workbook may hold. Remove tables you no longer need first. Nothing was imported.`);
  }
}
