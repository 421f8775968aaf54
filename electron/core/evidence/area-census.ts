// A census table seen from the workbook's areas: each area's geographies (its LSOAs and those of
// the areas inside it, or its own ONS code), each category's count and share of the area's
// residents, beside the whole strategy area's share.
import type { AreaCensus } from '../../../shared/api/census.ts';
import { type AreaTree, areaTree } from '../../../shared/domain/area-tree.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';
import { listRecords } from '../records/record-store.ts';
import { geographiesOutside, whyNoFigures } from './census-coverage.ts';

interface AreaRow {
  id: string;
  name: string;
  onsCode: string;
  parentId: string | null;
  lsoaCodes: string[];
}

export interface TableInfo {
  id: string;
  code: string;
  title: string;
  level: string;
}

export function tableInfo(db: ReadDb, tableId: string): TableInfo {
  const row = db.prepare('SELECT id, code, title, geography_level AS level FROM census_table WHERE id = ?').get(tableId) as TableInfo | undefined;
  if (!row) throw new AppError('not-found', 'That census table is no longer in the workbook: it may have been removed.');
  return row;
}

export function readAreas(db: ReadDb): AreaRow[] {
  return listRecords(db, 'area').map((a) => ({
    id: a.id,
    name: String(a.name),
    onsCode: String(a.onsCode ?? '').trim().toUpperCase(),
    parentId: (a.parentId as string | null) ?? null,
    lsoaCodes: (a.lsoaCodes as string[]) ?? [],
  }));
}

/** The table's geographies that make up each area: its own and those of every area inside it. */
export function geographiesByArea(db: ReadDb, table: TableInfo, areas: readonly AreaRow[], tree: AreaTree = areaTree(areas)): Map<string, string[]> {
  // Only the codes the areas name are looked up: reading all of a table's (250,000 output areas)
  // for each view took tens of MB of memory that a 2 GB workbook's export could not spare.
  const named = new Set<string>();
  for (const area of areas) {
    if (table.level === 'lsoa') for (const code of area.lsoaCodes) named.add(code);
    else if (area.onsCode) named.add(area.onsCode);
  }
  const present = new Set(named.size === 0 ? [] : (db.prepare('SELECT code FROM census_geography WHERE table_id = ? AND code IN (SELECT value FROM json_each(?))').pluck().all(table.id, JSON.stringify([...named])) as string[]));
  const ownCodes = new Map<string, string[]>();
  for (const area of areas) {
    ownCodes.set(area.id, table.level === 'lsoa' ? area.lsoaCodes.filter((code) => present.has(code)) : area.onsCode && present.has(area.onsCode) ? [area.onsCode] : []);
  }
  const own = (id: string): readonly string[] => ownCodes.get(id) ?? [];
  const result = new Map<string, string[]>();
  for (const area of areas) result.set(area.id, tree.gather(area.id, own));
  return result;
}

interface CategoryRow {
  position: number;
  name: string;
  label: string;
  parentPosition: number | null;
  isTotal: number;
}

export function readCategories(db: ReadDb, tableId: string): CategoryRow[] {
  return db.prepare('SELECT position, name, label, parent_position AS parentPosition, is_total AS isTotal FROM census_category WHERE table_id = ? ORDER BY position').all(tableId) as CategoryRow[];
}

/** Sums each category over a set of geographies. */
export function sumByPosition(db: ReadDb, tableId: string, codes: readonly string[]): Map<number, number> {
  const rows = statement(db, 'SELECT position, SUM(count) AS total FROM census_value WHERE table_id = ? AND geography_code IN (SELECT value FROM json_each(?)) GROUP BY position')
    .all(tableId, JSON.stringify(codes)) as Array<{ position: number; total: number }>;
  return new Map(rows.map((row) => [row.position, row.total]));
}

export function areaCensus(db: ReadDb, tableId: string, areaId: string | null): AreaCensus {
  const table = tableInfo(db, tableId);
  const areas = readAreas(db);
  const tree = areaTree(areas);
  const byArea = geographiesByArea(db, table, areas, tree);
  const strategyCodes = [...new Set([...byArea.values()].flat())];
  let codes = strategyCodes;
  let areaName = 'The whole strategy area';
  let inView = areas;
  if (areaId !== null) {
    const area = areas.find((a) => a.id === areaId);
    if (!area) throw new AppError('not-found', 'That area is no longer in the workbook.');
    codes = byArea.get(areaId) ?? [];
    areaName = area.name;
    inView = areas.filter((a) => tree.contains(areaId, a.id));
  }
  // A parent known only through the areas inside it is not unmatched while they have figures.
  const unmatched = inView.filter((a) => (byArea.get(a.id) ?? []).length === 0).map((a) => ({ areaId: a.id, areaName: a.name, why: whyNoFigures(a, table) }));
  const categories = readCategories(db, tableId);
  const totalPosition = categories.find((c) => c.isTotal)?.position;
  const sums = sumByPosition(db, tableId, codes);
  const strategySums = sumByPosition(db, tableId, strategyCodes);
  const total = totalPosition === undefined ? 0 : (sums.get(totalPosition) ?? 0);
  const strategyTotal = totalPosition === undefined ? 0 : (strategySums.get(totalPosition) ?? 0);
  const depthOf = (category: CategoryRow): number => {
    let depth = 0;
    let parent = category.parentPosition;
    while (parent !== null && depth < 20) {
      depth += 1;
      parent = categories.find((c) => c.position === parent)?.parentPosition ?? null;
    }
    return depth;
  };
  return {
    tableId,
    areaId,
    areaName,
    total,
    strategyTotal,
    geographies: codes.length,
    unmatched,
    outside: areaId === null ? geographiesOutside(db, tableId, strategyCodes) : null,
    rows: categories
      .filter((c) => !c.isTotal)
      .map((c) => {
        const count = sums.get(c.position) ?? 0;
        const strategyCount = strategySums.get(c.position) ?? 0;
        return {
          position: c.position,
          name: c.name,
          label: c.label,
          parentPosition: c.parentPosition,
          depth: depthOf(c),
          count,
          proportion: total > 0 ? count / total : null,
          strategyProportion: strategyTotal > 0 ? strategyCount / strategyTotal : null,
        };
      }),
  };
}
