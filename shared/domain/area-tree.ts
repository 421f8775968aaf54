// The areas as a tree, laid out once in depth-first order so that "is this area inside that one"
// is two comparisons and an area's subtree is one run of the order. Walking each area's
// descendants afresh cost time in the square of the depth (a 12,000-level tree took 90 s to
// save an edit) and copying child lists cost it in the square of the breadth.
export interface AreaLink {
  id: string;
  parentId: string | null;
}

export interface AreaTree {
  /** Whether `id` is `ancestorId` or an area inside it, at any depth. */
  contains(ancestorId: string, id: string): boolean;
  /** Whether any area sits inside this one. */
  hasInside(id: string): boolean;
  /** The area and every area inside it (the area first); empty for an unknown id. */
  subtree(id: string): readonly string[];
  /** The union of `own` over the area and every area inside it, visiting only areas whose `own` is not empty. */
  gather<T>(id: string, own: (id: string) => readonly T[]): T[];
}

/** Lays the areas out. A loop in a damaged file is walked once: each area appears exactly once. */
export function areaTree(areas: readonly AreaLink[]): AreaTree {
  const known = new Set(areas.map((area) => area.id));
  const children = new Map<string, string[]>();
  for (const area of areas) {
    if (area.parentId === null || !known.has(area.parentId) || area.parentId === area.id) continue;
    const list = children.get(area.parentId);
    if (list) list.push(area.id);
    else children.set(area.parentId, [area.id]);
  }
  const order: string[] = [];
  const start = new Map<string, number>();
  const end = new Map<string, number>();
  const walk = (root: string): void => {
    // An explicit stack: a tree may be deeper than the call stack allows.
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    start.set(root, order.length);
    order.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children.get(top.id) ?? [];
      if (top.next < kids.length) {
        const child = kids[top.next]!;
        top.next += 1;
        if (start.has(child)) continue;
        start.set(child, order.length);
        order.push(child);
        stack.push({ id: child, next: 0 });
      } else {
        end.set(top.id, order.length);
        stack.pop();
      }
    }
  };
  for (const area of areas) if (area.parentId === null || !known.has(area.parentId) || area.parentId === area.id) walk(area.id);
  // What is left sits in a loop: start from the first area of each.
  for (const area of areas) if (!start.has(area.id)) walk(area.id);

  const range = (id: string): [number, number] | null => {
    const from = start.get(id);
    return from === undefined ? null : [from, end.get(id)!];
  };
  const bearingCache = new WeakMap<(id: string) => readonly unknown[], number[]>();
  const bearingOf = (own: (id: string) => readonly unknown[]): number[] => {
    let positions = bearingCache.get(own);
    if (!positions) {
      positions = [];
      for (let i = 0; i < order.length; i += 1) if (own(order[i]!).length > 0) positions.push(i);
      bearingCache.set(own, positions);
    }
    return positions;
  };
  const firstAtOrAfter = (sorted: readonly number[], value: number): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    contains(ancestorId, id) {
      const outer = range(ancestorId);
      const at = start.get(id);
      return outer !== null && at !== undefined && at >= outer[0] && at < outer[1];
    },
    hasInside(id) {
      const span = range(id);
      return span !== null && span[1] - span[0] > 1;
    },
    subtree(id) {
      const span = range(id);
      return span === null ? [] : order.slice(span[0], span[1]);
    },
    gather<T>(id: string, own: (id: string) => readonly T[]): T[] {
      const span = range(id);
      if (span === null) return [];
      const bearing = bearingOf(own);
      const found = new Set<T>();
      for (let i = firstAtOrAfter(bearing, span[0]); i < bearing.length && bearing[i]! < span[1]; i += 1) {
        for (const value of own(order[bearing[i]!]!)) found.add(value);
      }
      return [...found];
    },
  };
}
