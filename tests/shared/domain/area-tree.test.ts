// The area tree answers "inside" and gathers a subtree's values the same way a plain walk does,
// for deep, wide and looped trees, without the cost growing with the square of either.
import { describe, expect, it } from 'vitest';
import { type AreaLink, areaTree } from '../../../shared/domain/area-tree.ts';

/** What a walk from each area down its children finds: the reference the tree must agree with. */
function walkedInside(areas: readonly AreaLink[], ancestorId: string): Set<string> {
  const found = new Set<string>();
  const stack = [ancestorId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    for (const area of areas) if (area.parentId === id && area.id !== id) stack.push(area.id);
  }
  return found;
}

describe('areaTree', () => {
  const areas: AreaLink[] = [
    { id: 'kent', parentId: null },
    { id: 'maidstone', parentId: 'kent' },
    { id: 'riverside', parentId: 'maidstone' },
    { id: 'harbour', parentId: 'maidstone' },
    { id: 'dover', parentId: 'kent' },
    { id: 'orphan', parentId: 'gone' },
    { id: 'medway', parentId: null },
  ];
  const tree = areaTree(areas);

  it('agrees with a plain walk for every pair of areas', () => {
    for (const outer of areas) {
      const inside = walkedInside(areas, outer.id);
      for (const inner of areas) expect(tree.contains(outer.id, inner.id), `${inner.id} in ${outer.id}`).toBe(inside.has(inner.id));
      expect(new Set(tree.subtree(outer.id))).toEqual(inside);
      expect(tree.hasInside(outer.id)).toBe(inside.size > 1);
    }
  });

  it('gathers each value once over the area and those inside it', () => {
    const codes: Record<string, string[]> = { riverside: ['E01000001', 'E01000002'], harbour: ['E01000002', 'E01000003'], dover: ['E01000009'] };
    const own = (id: string): readonly string[] => codes[id] ?? [];
    expect(tree.gather('kent', own).sort()).toEqual(['E01000001', 'E01000002', 'E01000003', 'E01000009']);
    expect(tree.gather('maidstone', own).sort()).toEqual(['E01000001', 'E01000002', 'E01000003']);
    expect(tree.gather('harbour', own)).toEqual(['E01000002', 'E01000003']);
    expect(tree.gather('medway', own)).toEqual([]);
    expect(tree.gather('nowhere', own)).toEqual([]);
  });

  it('knows nothing of an unknown area', () => {
    expect(tree.contains('kent', 'nowhere')).toBe(false);
    expect(tree.contains('nowhere', 'kent')).toBe(false);
    expect(tree.subtree('nowhere')).toEqual([]);
  });

  it('walks a loop in a damaged file once, each area appearing once', () => {
    const looped: AreaLink[] = [
      { id: 'a', parentId: 'c' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
      { id: 'self', parentId: 'self' },
    ];
    const loopTree = areaTree(looped);
    expect(new Set(loopTree.subtree('a'))).toEqual(new Set(['a', 'b', 'c']));
    expect(loopTree.subtree('self')).toEqual(['self']);
    expect(loopTree.contains('a', 'c')).toBe(true);
  });

  it('lays out a 50,000-level chain and 50,000 areas under one parent without running out of stack', () => {
    const depth = 50_000;
    const chain: AreaLink[] = Array.from({ length: depth }, (_, i) => ({ id: `level-${i}`, parentId: i === 0 ? null : `level-${i - 1}` }));
    const chainTree = areaTree(chain);
    expect(chainTree.contains('level-0', `level-${depth - 1}`)).toBe(true);
    expect(chainTree.contains(`level-${depth - 1}`, 'level-0')).toBe(false);
    const lsoa = (id: string): readonly string[] => (id === `level-${depth - 1}` ? ['E01000001'] : []);
    // Every level gathers the one code at the bottom: a walk per level would be 1.25 billion steps.
    for (const area of chain) expect(chainTree.gather(area.id, lsoa)).toEqual(['E01000001']);
    const wide: AreaLink[] = [{ id: 'force', parentId: null }, ...Array.from({ length: depth }, (_, i) => ({ id: `lsoa-${i}`, parentId: 'force' }))];
    const wideTree = areaTree(wide);
    expect(wideTree.subtree('force')).toHaveLength(depth + 1);
    expect(wideTree.contains('force', `lsoa-${depth - 1}`)).toBe(true);
  });
});
