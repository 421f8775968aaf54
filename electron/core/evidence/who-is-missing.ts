// "Who is missing": a gap for every census category that makes up at least the threshold share
// (5 % unless changed) of an area's residents while no audience covering that area is linked to
// it — engagement that only ever reaches the usual voices is the failure this catches.
import type { Gap } from '../../../shared/api/records.ts';
import type { ReadDb } from '../db/open-database.ts';
import { listRecords } from '../records/record-store.ts';
import { geographiesByArea, readAreas, readCategories, sumByPosition } from './area-census.ts';
import { listEvidenceLinks, readThreshold } from './evidence-links.ts';

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

export function whoIsMissingGaps(db: ReadDb): Array<Omit<Gap, 'key'>> {
  const tables = db.prepare('SELECT id, code, title, geography_level AS level FROM census_table ORDER BY code, geography_level').all() as Array<{ id: string; code: string; title: string; level: string }>;
  if (tables.length === 0) return [];
  const threshold = readThreshold(db);
  const areas = readAreas(db);
  const audiences = listRecords(db, 'audience');
  const links = listEvidenceLinks(db);
  const gaps: Array<Omit<Gap, 'key'>> = [];
  for (const table of tables) {
    const categories = readCategories(db, table.id);
    const total = categories.find((c) => c.isTotal);
    if (!total) continue;
    const byName = new Map(categories.map((c) => [c.name, c]));
    const ancestorsAndSelf = (position: number): Set<number> => {
      const set = new Set<number>();
      let current: number | null = position;
      while (current !== null && !set.has(current)) {
        set.add(current);
        current = categories.find((c) => c.position === current)?.parentPosition ?? null;
      }
      return set;
    };
    const byArea = geographiesByArea(db, table, areas);
    for (const area of areas) {
      const codes = byArea.get(area.id) ?? [];
      if (codes.length === 0) continue;
      const sums = sumByPosition(db, table.id, codes);
      const areaTotal = sums.get(total.position) ?? 0;
      if (areaTotal <= 0) continue;
      // Categories linked by an audience that covers this area (a link to a group covers its
      // subgroups, and a link to a subgroup covers its group).
      const covering = new Set(audiences.filter((a) => ((a.areaIds as string[]) ?? []).includes(area.id)).map((a) => a.id));
      const linked = new Set<number>();
      for (const link of links) {
        if (link.tableId !== table.id || !covering.has(link.audienceId)) continue;
        const category = byName.get(link.category);
        if (category) for (const position of ancestorsAndSelf(category.position)) linked.add(position);
      }
      for (const category of categories) {
        if (category.isTotal) continue;
        const share = (sums.get(category.position) ?? 0) / areaTotal;
        if (share < threshold) continue;
        const coveredBySubgroup = categories.some((c) => linked.has(c.position) && ancestorsAndSelf(c.position).has(category.position));
        if (linked.has(category.position) || coveredBySubgroup) continue;
        gaps.push({
          section: 'census',
          rule: 'who-is-missing',
          recordType: 'area',
          recordId: area.id,
          message: `In ${area.name}, ${percent(share)} of residents are “${category.label}” (${table.code} ${table.title}), but no audience covering ${area.name} is linked to them.`,
        });
      }
    }
  }
  return gaps;
}
