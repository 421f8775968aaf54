// Checks census tables against what the interchange format can carry (shared/api/interchange.ts):
// each table's details row by row, and its categories, geographies and figures with one
// aggregate query each, so a table of a million figures is scanned by SQLite, not loaded.
import type { z } from 'zod';
import { InterchangeCensusTableSchema } from '../../../shared/api/interchange.ts';
import { MAX_CENSUS_COUNT } from '../../../shared/api/census.ts';
import type { ReadDb } from './open-database.ts';
import { NOW, cleanText, count, fix, plural, printable, quoted, statement, type Emit, type Fix, type ProblemPlace } from './value-problem.ts';

/** As the interchange format allows a table. */
const MAX_CATEGORIES = 2000;
const MAX_GEOGRAPHIES = 500_000;

const DETAILS: ReadonlyArray<{ name: string; column: string; label: string; max?: number }> = [
  { name: 'id', column: 'id', label: 'Id' },
  { name: 'code', column: 'code', label: 'Table code' },
  { name: 'title', column: 'title', label: 'Title', max: 500 },
  { name: 'source', column: 'source', label: 'Source', max: 500 },
  { name: 'referenceDate', column: 'reference_date', label: 'Reference date', max: 50 },
  { name: 'geographyLevel', column: 'geography_level', label: 'Geography level' },
  { name: 'fileName', column: 'file_name', label: 'File name', max: 500 },
  { name: 'importedAt', column: 'imported_at', label: 'Imported' },
];

interface Table {
  id: string;
  place: ProblemPlace;
  links: number;
}

/** Removing a table takes its figures, and (by cascade) its categories, geographies and evidence links. */
function removeTable(table: Table): { repair: string; fix: Fix } {
  const links = table.links > 0 ? ` and the ${plural(table.links, 'evidence link')} citing it` : '';
  return {
    repair: `Remove the table${links}; import it again from its file`,
    fix: fix([statement('DELETE FROM census_value WHERE table_id = ?', table.id), statement('DELETE FROM census_table WHERE id = ?', table.id)]),
  };
}

function renameTable(from: string, to: string): Fix {
  const tables = ['census_value', 'census_geography', 'census_category', 'evidence_link'];
  return fix([statement('UPDATE census_table SET id = ? WHERE id = ?', to, from), ...tables.map((name) => statement(`UPDATE ${name} SET table_id = ? WHERE table_id = ?`, to, from))], 2);
}

function checkDetails(db: ReadDb, emit: Emit, links: Map<string, number>): Table[] {
  const shape = InterchangeCensusTableSchema.shape as Record<string, z.ZodType>;
  const tables: Table[] = [];
  for (const row of db.prepare('SELECT * FROM census_table').iterate() as Iterable<Record<string, unknown>>) {
    const id = String(row.id);
    const table: Table = { id, links: links.get(id) ?? 0, place: { recordType: 'censusTable', recordLabel: 'Census table', recordId: id, title: printable(`${String(row.code).slice(0, 60)} ${String(row.title).slice(0, 200)}`) } };
    tables.push(table);
    for (const detail of DETAILS) {
      const value = row[detail.column];
      const schema = shape[detail.name];
      const upper = detail.name === 'id' && id !== id.toLowerCase();
      const parsed = schema?.safeParse(value);
      if (parsed?.success !== false && !upper) continue;
      let repair: { repair: string; fix: Fix } | null;
      let message = `${quoted(value)} is not valid here`;
      if (detail.max !== undefined && typeof value === 'string') {
        message = `is ${count(value.length)} characters long (at most ${count(detail.max)})`;
        repair = { repair: `Cut it to ${count(detail.max)} characters`, fix: fix([statement(`UPDATE census_table SET ${detail.column} = ? WHERE id = ?`, cleanText(value, detail.max), id)]) };
      } else if (detail.name === 'geographyLevel') {
        repair = { repair: 'Set it to “other”', fix: fix([statement('UPDATE census_table SET geography_level = ? WHERE id = ?', 'other', id)]) };
      } else if (detail.name === 'importedAt') {
        repair = { repair: 'Set it to the time of the repair', fix: fix([statement('UPDATE census_table SET imported_at = ? WHERE id = ?', NOW, id)]) };
      } else if (upper && parsed?.success) {
        message = 'has capital letters (ids are lower case)';
        repair = { repair: 'Write it in lower case', fix: renameTable(id, id.toLowerCase()) };
      } else {
        repair = removeTable(table);
      }
      emit({ ...table.place, field: detail.name, fieldLabel: detail.label, message, repair: repair.repair, fix: repair.fix });
    }
  }
  return tables;
}

function checkContents(db: ReadDb, table: Table, emit: Emit): void {
  const report = (field: string, fieldLabel: string, message: string, repair = removeTable(table)) => emit({ ...table.place, field, fieldLabel, message, repair: repair.repair, fix: repair.fix });
  const categories = db
    .prepare(
      `SELECT count(*) AS n,
         sum(length(name) NOT BETWEEN 1 AND 500 OR length(label) > 500) AS badText,
         sum(parent_position IS NOT NULL AND NOT EXISTS (SELECT 1 FROM census_category p WHERE p.table_id = c.table_id AND p.position = c.parent_position)) AS orphans
       FROM census_category c WHERE table_id = ?`,
    )
    .get(table.id) as { n: number; badText: number | null; orphans: number | null };
  if (categories.n > MAX_CATEGORIES) report('categories', 'Categories', `has ${count(categories.n)} categories (at most ${count(MAX_CATEGORIES)})`);
  if ((categories.badText ?? 0) > 0) report('categories', 'Categories', `${plural(categories.badText ?? 0, 'category name is', 'category names are')} empty or over 500 characters`);
  if ((categories.orphans ?? 0) > 0) {
    report('categories', 'Categories', `${plural(categories.orphans ?? 0, 'category is a subgroup', 'categories are subgroups')} of a category that is not in the table`, {
      repair: 'Make them top-level categories',
      fix: fix([statement('UPDATE census_category SET parent_position = NULL WHERE table_id = ? AND parent_position IS NOT NULL AND parent_position NOT IN (SELECT position FROM census_category WHERE table_id = ?)', table.id, table.id)]),
    });
  }
  const geographies = db
    .prepare('SELECT count(*) AS n, sum(length(code) NOT BETWEEN 1 AND 20) AS badCodes, sum(length(name) > 500) AS longNames FROM census_geography WHERE table_id = ?')
    .get(table.id) as { n: number; badCodes: number | null; longNames: number | null };
  if (geographies.n > MAX_GEOGRAPHIES) report('geographies', 'Areas', `has ${count(geographies.n)} areas (at most ${count(MAX_GEOGRAPHIES)})`);
  if ((geographies.badCodes ?? 0) > 0) report('geographies', 'Areas', `${plural(geographies.badCodes ?? 0, 'area code is', 'area codes are')} empty or over 20 characters`);
  if ((geographies.longNames ?? 0) > 0) {
    report('geographies', 'Areas', `${plural(geographies.longNames ?? 0, 'area name is', 'area names are')} over 500 characters`, {
      repair: 'Cut them to 500 characters',
      fix: fix([statement('UPDATE census_geography SET name = substr(name, 1, 500) WHERE table_id = ? AND length(name) > 500', table.id)]),
    });
  }
  // NaN cannot be stored (SQLite keeps it as NULL, which the column refuses); Infinity can.
  const figures = db.prepare('SELECT count(*) AS n, max(count) AS largest FROM census_value WHERE table_id = ? AND NOT (count >= 0 AND count <= ?)').get(table.id, MAX_CENSUS_COUNT) as { n: number; largest: number | null };
  if (figures.n > 0) {
    const largest = figures.largest === null ? '' : ` (the largest ${figures.largest === Number.POSITIVE_INFINITY ? 'is infinite' : `is ${quoted(figures.largest)}`})`;
    report('counts', 'Figures', `${plural(figures.n, 'figure is', 'figures are')} not a count from 0 to ${count(MAX_CENSUS_COUNT)}${largest}`);
  }
}

/** Every census table: its details, categories, areas and figures. */
export function checkCensusValues(db: ReadDb, emit: Emit): void {
  const links = new Map((db.prepare('SELECT table_id AS id, count(*) AS n FROM evidence_link GROUP BY table_id').all() as Array<{ id: string; n: number }>).map((row) => [row.id, row.n]));
  for (const table of checkDetails(db, emit, links)) checkContents(db, table, emit);
}
