// The shelf of unfinished records: kept in order, replaced by key, discarded only on purpose, read
// back after a reload from the tab's storage, and never broken by what that storage holds.
import { describe, expect, it } from 'vitest';
import { DraftShelf, typedValues, type KeptDraft, type ShelfStorage } from '../../../renderer/src/worksheets/draft-shelf.ts';

function memoryStorage(initial: Record<string, string> = {}): ShelfStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const draft = (key: string, name: string): KeptDraft => ({ key, type: 'audience', recordId: null, values: { name }, touched: ['name'] });

describe('DraftShelf', () => {
  it('keeps drafts in the order they were started, replacing one by its key in its place', () => {
    const shelf = new DraftShelf(memoryStorage(), 'drafts');
    shelf.keep(draft('new-a', 'Young people'));
    shelf.keep(draft('new-b', 'Students'));
    shelf.keep(draft('new-a', 'Young people in Riverside'));
    expect(shelf.all().map((d) => [d.key, d.values.name])).toEqual([['new-a', 'Young people in Riverside'], ['new-b', 'Students']]);
    expect(shelf.get('new-b')?.values).toEqual({ name: 'Students' });
  });

  it('tells its listeners of each change, and hands out the same list until something changes', () => {
    const shelf = new DraftShelf(null, 'drafts');
    let heard = 0;
    const stop = shelf.subscribe(() => (heard += 1));
    const before = shelf.all();
    expect(shelf.all()).toBe(before);
    shelf.keep(draft('new-a', 'A'));
    shelf.discard('new-missing');
    shelf.discard('new-a');
    stop();
    shelf.keep(draft('new-b', 'B'));
    expect(heard).toBe(2);
  });

  it('is read back from the tab\'s storage after a reload, and leaves nothing there once empty', () => {
    const storage = memoryStorage();
    const first = new DraftShelf(storage, 'ewb-drafts:h1');
    first.keep(draft('new-a', 'Young people'));
    const reloaded = new DraftShelf(storage, 'ewb-drafts:h1');
    expect(reloaded.all()).toEqual([draft('new-a', 'Young people')]);
    expect(new DraftShelf(storage, 'ewb-drafts:another-workbook').all()).toEqual([]);
    reloaded.clear();
    expect(storage.items.has('ewb-drafts:h1')).toBe(false);
  });

  it('starts empty when the storage holds something that is not a list of drafts', () => {
    for (const stored of ['not json', '{"key":"x"}', '[1, null, {"key": 2}]', 'null']) {
      expect(new DraftShelf(memoryStorage({ drafts: stored }), 'drafts').all(), stored).toEqual([]);
    }
  });

  it('still keeps drafts for the page when the storage refuses to write', () => {
    const refusing: ShelfStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const shelf = new DraftShelf(refusing, 'drafts');
    shelf.keep(draft('new-a', 'A'));
    expect(shelf.all()).toHaveLength(1);
  });
});

describe('typedValues', () => {
  it('gives the values that differ from where the form started, lists and empties compared by value', () => {
    const start = { name: '', kind: '', areaIds: [] as string[], shareable: true };
    expect(typedValues({ ...start }, start)).toEqual({});
    expect(typedValues({ ...start, name: 'Students', areaIds: ['a'] }, start)).toEqual({ name: 'Students', areaIds: ['a'] });
    expect(typedValues({ ...start, shareable: false }, start)).toEqual({ shareable: false });
  });
});
