// Census tables in the workbook: writing one table's categories, geographies and counts (a new
// table, or in place of the one with the same code and geography level, keeping its id so audiences'
// evidence links survive) and reading tables and figures back. Importing and removing a table are
// changes (census-changes.ts); what undo needs is kept in census-stash.ts.
import type { CensusCategory, CensusFigure, CensusTable, GeographyLevel } from '../../../shared/api/census.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { clearCensusContents, clearCensusContentsInTurns, nextTurn } from './census-stash.ts';

/** A table to write: what the file said, and each geography's counts by category position. */
export interface CensusTableData {
  code: string;
  title: string;
  source: string;
  referenceDate: string;
  geographyLevel: GeographyLevel;
  fileName: string;
  categories: readonly CensusCategory[];
  geographies: ReadonlyArray<{ code: string; name: string; counts: ArrayLike<number> }>;
}

interface TableRow {
  id: string;
  code: string;
  title: string;
  source: string;
  referenceDate: string;
  geographyLevel: GeographyLevel;
  fileName: string;
  importedAt: string;
  geographyCount: number;
}

interface CategoryRow {
  tableId: string;
  position: number;
  name: string;
  label: string;
  parentPosition: number | null;
  isTotal: number;
}

const TABLE_COLUMNS = `t.id, t.code, t.title, t.source, t.reference_date AS referenceDate, t.geography_level AS geographyLevel,
  t.file_name AS fileName, t.imported_at AS importedAt,
  (SELECT count(*) FROM census_geography g WHERE g.table_id = t.id) AS geographyCount`;

/** Rows per multi-row INSERT: few statements, well under SQLite's limit on bound values. */
const BATCH_ROWS = 200;

/** Inserts rows of `width` values through one prepared multi-row statement per full batch. */
function batchInserter(db: WriteDb, into: string, width: number): { add(...values: unknown[]): void; flush(): void } {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const statementFor = (rows: number) => db.prepare(`INSERT INTO ${into} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
  const full = statementFor(BATCH_ROWS);
  let pending: unknown[] = [];
  return {
    add(...values) {
      pending.push(...values);
      if (pending.length === BATCH_ROWS * width) {
        full.run(pending);
        pending = [];
      }
    },
    flush() {
      if (pending.length > 0) statementFor(pending.length / width).run(pending);
      pending = [];
    },
  };
}

/** The id of the table imported with this code at this geography level, if there is one. */
export function findCensusTableId(db: ReadDb, code: string, level: GeographyLevel): string | null {
  return (db.prepare('SELECT id FROM census_table WHERE code = ? AND geography_level = ?').pluck().get(code, level) as string | undefined) ?? null;
}

/**
 * Writes a table under `id`: a new row, or the existing one's details and contents replaced (the id
 * and so any evidence links stay). Call inside a change (writeChange).
 */
export function writeCensusTable(db: WriteDb, id: string, importedAt: string, data: CensusTableData): void {
  requireWriteScope(db, 'A census table');
  if (writeDetails(db, id, importedAt, data)) clearCensusContents(db, id);
  for (const _ of writeContents(db, id, data)) {
    // Written all in one turn.
  }
}

/** The same, a slice at a time with turns of the event loop between (inside writeChangeInTurns). */
export async function writeCensusTableInTurns(db: WriteDb, id: string, importedAt: string, data: CensusTableData): Promise<void> {
  requireWriteScope(db, 'A census table');
  if (writeDetails(db, id, importedAt, data)) await clearCensusContentsInTurns(db, id);
  for (const _ of writeContents(db, id, data)) await nextTurn();
}

/** Writes the table's row; true when it replaced one whose contents must be cleared first. */
function writeDetails(db: WriteDb, id: string, importedAt: string, data: CensusTableData): boolean {
  const details = [data.code, data.title, data.source, data.referenceDate, data.geographyLevel, data.fileName, importedAt];
  const exists = db.prepare('SELECT 1 FROM census_table WHERE id = ?').get(id) !== undefined;
  if (exists) {
    db.prepare('UPDATE census_table SET code = ?, title = ?, source = ?, reference_date = ?, geography_level = ?, file_name = ?, imported_at = ? WHERE id = ?').run(...details, id);
  } else {
    db.prepare('INSERT INTO census_table (id, code, title, source, reference_date, geography_level, file_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, ...details);
  }
  return exists;
}

/** Figures written per slice: a few tens of milliseconds of work. */
const VALUES_PER_SLICE = 40_000;

/** Writes the categories, geographies and figures, pausing (yielding) after each slice of figures. */
function* writeContents(db: WriteDb, id: string, data: CensusTableData): Generator<void> {
  const categories = batchInserter(db, 'census_category (table_id, position, name, label, parent_position, is_total)', 6);
  for (const c of data.categories) categories.add(id, c.position, c.name, c.label, c.parentPosition, c.isTotal ? 1 : 0);
  categories.flush();

  const geographies = batchInserter(db, 'census_geography (table_id, code, name)', 3);
  for (const g of data.geographies) geographies.add(id, g.code, g.name);
  geographies.flush();

  const values = batchInserter(db, 'census_value (table_id, geography_code, position, count)', 4);
  const positions = data.categories.map((c) => c.position);
  let written = 0;
  for (const g of data.geographies) {
    for (let i = 0; i < positions.length; i += 1) values.add(id, g.code, positions[i], g.counts[i]);
    written += positions.length;
    if (written >= VALUES_PER_SLICE) {
      written = 0;
      yield;
    }
  }
  values.flush();
}

function categoriesByTable(db: ReadDb, tableId?: string): Map<string, CensusCategory[]> {
  const rows = db
    .prepare(
      `SELECT table_id AS tableId, position, name, label, parent_position AS parentPosition, is_total AS isTotal
       FROM census_category WHERE (@id IS NULL OR table_id = @id) ORDER BY table_id, position`,
    )
    .all({ id: tableId ?? null }) as CategoryRow[];
  const byTable = new Map<string, CensusCategory[]>();
  for (const row of rows) {
    const list = byTable.get(row.tableId) ?? [];
    list.push({ position: row.position, name: row.name, label: row.label, parentPosition: row.parentPosition, isTotal: row.isTotal === 1 });
    byTable.set(row.tableId, list);
  }
  return byTable;
}

function tableFrom(row: TableRow, categories: CensusCategory[]): CensusTable {
  return { ...row, categories };
}

/** Every census table in the workbook, by code then geography level, with its categories. */
export function listCensusTables(db: ReadDb): CensusTable[] {
  const rows = db.prepare(`SELECT ${TABLE_COLUMNS} FROM census_table t ORDER BY t.code, t.geography_level`).all() as TableRow[];
  const categories = categoriesByTable(db);
  return rows.map((row) => tableFrom(row, categories.get(row.id) ?? []));
}

export function getCensusTable(db: ReadDb, id: string): CensusTable | null {
  const row = db.prepare(`SELECT ${TABLE_COLUMNS} FROM census_table t WHERE t.id = ?`).get(id) as TableRow | undefined;
  return row ? tableFrom(row, categoriesByTable(db, id).get(id) ?? []) : null;
}

export interface FigureRow {
  table: string;
  geographyCode: string;
  geographyName: string;
  category: string;
  count: number;
  total: number | null;
}

/** A figure from its row: the count, and its share of the geography's total (0 where the total is 0). */
export function figureOf(row: FigureRow): CensusFigure {
  return { table: row.table, geographyCode: row.geographyCode, geographyName: row.geographyName, category: row.category, count: row.count, proportion: row.total ? row.count / row.total : 0 };
}

/**
 * Each geography's count per category (the total is not a row) and its share of the geography's
 * total, 0 to 1 (0 where the total is 0); by table, then geography code, then column position.
 */
export function listCensusFigures(db: ReadDb, tableId?: string): CensusFigure[] {
  const rows = db
    .prepare(
      `SELECT t.code AS "table", v.geography_code AS geographyCode, g.name AS geographyName, c.name AS category, v.count AS count, tv.count AS total
       FROM census_table t
       JOIN census_category c ON c.table_id = t.id AND c.is_total = 0
       JOIN census_value v ON v.table_id = t.id AND v.position = c.position
       JOIN census_geography g ON g.table_id = t.id AND g.code = v.geography_code
       LEFT JOIN census_category tc ON tc.table_id = t.id AND tc.is_total = 1
       LEFT JOIN census_value tv ON tv.table_id = t.id AND tv.geography_code = v.geography_code AND tv.position = tc.position
       WHERE (@id IS NULL OR t.id = @id)
       ORDER BY t.code, t.geography_level, v.geography_code, v.position`,
    )
    .all({ id: tableId ?? null }) as FigureRow[];
  return rows.map(figureOf);
}
