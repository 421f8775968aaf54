// "Who is missing": a gap for every census category that makes up at least the threshold share
// (5 % unless changed) of an area's residents while no audience counts for it there — engagement
// that only ever reaches the usual voices is the failure this catches.
//
// An audience counts for a category of an area when it cites that category (or a group the
// category belongs to) for the area or for an area inside it, and covers the area or an area
// inside it: an audience for Sparkbrook, inside Birmingham, citing Pakistani in Birmingham counts
// for Birmingham. A citation of a group covers its subgroups; a citation of a subgroup covers
// only that subgroup (citing Pakistani says nothing of the other Asian groups). Each area's
// largest group (and the largest subgroup within it) is not reported unless the planner asks: it
// is rarely the group a strategy is missing.
import type { Gap } from '../../../shared/api/records.ts';
import { areaTree } from '../../../shared/domain/area-tree.ts';
import type { ReadDb } from '../db/open-database.ts';
import { listRecords } from '../records/record-store.ts';
import { readSetting } from '../workbook/workbook-settings.ts';
import { geographiesByArea, readAreas, readCategories, sumByPosition } from './area-census.ts';
import { listEvidenceLinks, readThreshold } from './evidence-links.ts';

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

interface Category {
  position: number;
  label: string;
  parentPosition: number | null;
  isTotal: number;
}

/** The largest group among the top-level categories, then the largest subgroup within it, and so on down. */
function largestChain(categories: readonly Category[], sums: ReadonlyMap<number, number>): Set<number> {
  const chain = new Set<number>();
  let parent: number | null = null;
  for (;;) {
    const siblings = categories.filter((c) => !c.isTotal && c.parentPosition === parent && !chain.has(c.position));
    if (siblings.length === 0) return chain;
    const largest = siblings.reduce((best, c) => ((sums.get(c.position) ?? 0) > (sums.get(best.position) ?? 0) ? c : best));
    chain.add(largest.position);
    parent = largest.position;
  }
}

/** The end of a gap's message: who is missing, and what the planner can do about it. */
function whatIsMissing(areaName: string, hasAreasInside: boolean, audiencesCovering: number): string {
  const where = hasAreasInside ? `${areaName} or an area inside it` : areaName;
  if (audiencesCovering === 0) return `no audience covers ${where}: add one for them and link it to this figure.`;
  if (audiencesCovering === 1) return `the one audience covering ${where} does not cite them there: link it to this figure, or add an audience for them.`;
  return `none of the ${audiencesCovering} audiences covering ${where} cites them there: link one to this figure, or add an audience for them.`;
}

export function whoIsMissingGaps(db: ReadDb): Array<Omit<Gap, 'key'>> {
  const tables = db.prepare('SELECT id, code, title, geography_level AS level FROM census_table ORDER BY code, geography_level').all() as Array<{ id: string; code: string; title: string; level: string }>;
  if (tables.length === 0) return [];
  const threshold = readThreshold(db);
  const checkLargest = readSetting(db, 'whoIsMissingLargestGroup') === 1;
  const areas = readAreas(db);
  const tree = areaTree(areas);
  const audiences = listRecords(db, 'audience').map((a) => ({ id: a.id, areaIds: (a.areaIds as string[] | undefined) ?? [] }));
  const links = listEvidenceLinks(db);
  const gaps: Array<Omit<Gap, 'key'>> = [];
  for (const table of tables) {
    const categories = readCategories(db, table.id);
    const total = categories.find((c) => c.isTotal);
    if (!total) continue;
    const byName = new Map(categories.map((c) => [c.name, c]));
    const byPosition = new Map(categories.map((c) => [c.position, c]));
    const ancestorsAndSelf = (position: number): number[] => {
      const found: number[] = [];
      let current: number | null = position;
      while (current !== null && !found.includes(current)) {
        found.push(current);
        current = byPosition.get(current)?.parentPosition ?? null;
      }
      return found;
    };
    const tableLinks = links.filter((link) => link.tableId === table.id && link.areaId !== null);
    const byArea = geographiesByArea(db, table, areas, tree);
    for (const area of areas) {
      const codes = byArea.get(area.id) ?? [];
      if (codes.length === 0) continue;
      const sums = sumByPosition(db, table.id, codes);
      const areaTotal = sums.get(total.position) ?? 0;
      if (areaTotal <= 0) continue;
      // The audiences that cover this area or an area inside it, and what they cite here or inside it.
      const counting = new Set(audiences.filter((a) => a.areaIds.some((id) => tree.contains(area.id, id))).map((a) => a.id));
      const cited = new Set<number>();
      for (const link of tableLinks) {
        if (!counting.has(link.audienceId) || !tree.contains(area.id, link.areaId!)) continue;
        const category = byName.get(link.category);
        if (category) cited.add(category.position);
      }
      const skipped = checkLargest ? new Set<number>() : largestChain(categories, sums);
      for (const category of categories) {
        if (category.isTotal || skipped.has(category.position)) continue;
        const share = (sums.get(category.position) ?? 0) / areaTotal;
        if (share < threshold) continue;
        // Cited itself, or through a group it belongs to.
        if (ancestorsAndSelf(category.position).some((position) => cited.has(position))) continue;
        gaps.push({
          section: 'census',
          rule: 'who-is-missing',
          recordType: 'area',
          recordId: area.id,
          message: `In ${area.name}, ${percent(share)} of residents are “${category.label}” (${table.code} ${table.title}), but ${whatIsMissing(area.name, tree.hasInside(area.id), counting.size)}`,
        });
      }
    }
  }
  return gaps;
}
