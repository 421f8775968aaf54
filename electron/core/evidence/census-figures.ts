// A census table's figures a page at a time, in geography then column order, each page starting
// after the last figure of the one before: `ewb census` prints a table of any size this way with
// flat memory (a national output-area table has millions of figures).
import type { CensusFigure } from '../../../shared/api/census.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';
import { figureOf, type FigureRow } from './census-store.ts';

/** Where the previous page ended. */
export interface FigureCursor {
  geographyCode: string;
  position: number;
}


/**
 * Up to `limit` figures of one table after `after` (from the start when null): each geography's
 * count per category (the total is not a row) and its share of the geography's total, 0 to 1.
 */
export function pageCensusFigures(db: ReadDb, tableId: string, after: FigureCursor | null, limit: number): CensusFigure[] {
  // Driven from census_value's primary key (table, geography, position), so a page costs its own
  // size whatever the table's, rather than a scan from the start; each total found by its key.
  const totalPosition = (statement(db, 'SELECT position FROM census_category WHERE table_id = ? AND is_total = 1').pluck().get(tableId) as number | undefined) ?? -1;
  const rows = statement(
    db,
    `SELECT t.code AS "table", v.geography_code AS geographyCode, g.name AS geographyName, c.name AS category, v.count AS count, tv.count AS total
       FROM census_value v
       JOIN census_table t ON t.id = v.table_id
       JOIN census_category c ON c.table_id = v.table_id AND c.position = v.position
       JOIN census_geography g ON g.table_id = v.table_id AND g.code = v.geography_code
       LEFT JOIN census_value tv ON tv.table_id = v.table_id AND tv.geography_code = v.geography_code AND tv.position = @total
       WHERE v.table_id = @table AND (v.geography_code, v.position) > (@code, @position) AND c.is_total = 0
       ORDER BY v.geography_code, v.position
       LIMIT @limit`,
  ).all({ table: tableId, total: totalPosition, code: after?.geographyCode ?? '', position: after?.position ?? -1, limit }) as FigureRow[];
  return rows.map(figureOf);
}

/**
 * Refuses to answer with every figure at once when there are more than one answer may hold (the
 * whole answer is built in memory, in the browser host too); a page at a time has no such limit.
 */
export function refuseTooManyFigures(db: ReadDb, tableId: string | undefined): void {
  // Counted from the tables' shapes, not their values: cheap however large they are.
  const figures = db
    .prepare(
      `SELECT coalesce(sum((SELECT count(*) FROM census_geography g WHERE g.table_id = t.id) * (SELECT count(*) FROM census_category c WHERE c.table_id = t.id AND c.is_total = 0)), 0)
       FROM census_table t WHERE (@id IS NULL OR t.id = @id)`,
    )
    .pluck()
    .get({ id: tableId ?? null }) as number;
  if (figures > LIMITS.figuresPerAnswer) {
    throw new AppError('invalid-input', `There are ${formatCount(figures)} census figures to list, more than the ${formatCount(LIMITS.figuresPerAnswer)} one answer may hold. Ask for one table a page at a time (tableId with limit and after), as "ewb census" does.`);
  }
}
