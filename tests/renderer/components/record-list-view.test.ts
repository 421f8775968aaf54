// The record list's filter and sort made in one pass: on random records, filters and sorts it
// shows exactly what the plain index-by-index way shows, in the same order; with nothing to do it
// hands back the records themselves.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleRecords, type ListSort } from '../../../renderer/src/components/record-list-view.ts';
import type { RecordValues } from '../../../shared/api/records.ts';

/** The list's way before it was made in one pass: indexes filtered, then sorted through a map of keys. */
function plainVisible(records: RecordValues[], searchable: string[], filter: string, sort: ListSort | null): RecordValues[] {
  const needle = filter.trim().toLowerCase();
  let indexes = records.map((_, index) => index);
  if (needle) indexes = indexes.filter((index) => searchable[index]!.includes(needle));
  if (sort) {
    const keys = new Map(indexes.map((index) => [index, sort.key(records[index]!)]));
    const factor = sort.direction === 'ascending' ? 1 : -1;
    indexes.sort((a, b) => factor * keys.get(a)!.localeCompare(keys.get(b)!, 'en-GB', { numeric: true, sensitivity: 'base' }));
  }
  return indexes.map((index) => records[index]!);
}

// Few letters, digits, accents and spaces, so filters match often and sort keys tie often.
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'E', '1', '2', '10', ' ', 'River', 'side'), maxLength: 6 });
const recordsArb = fc.array(fc.record({ name: text, place: text }), { maxLength: 60 }).map((rows) =>
  rows.map((row, index): RecordValues => ({ id: `r${index}`, createdAt: '', updatedAt: '', reviewedAt: null, shareable: true, notes: '', ...row })),
);
const sortArb = fc.option(fc.record({ field: fc.constantFrom('name', 'place'), direction: fc.constantFrom('ascending' as const, 'descending' as const) }), { nil: null });

const rowText = (record: RecordValues) => `${String(record.name)} \u0000 ${String(record.place)}`.toLowerCase();

describe('visibleRecords', () => {
  it('shows the same records in the same order as the plain way, for any filter and sort', () => {
    fc.assert(
      fc.property(recordsArb, fc.oneof(text, fc.constant(''), fc.constant('  ')), sortArb, (records, filter, sortChoice) => {
        const searchable = records.map(rowText);
        const sort: ListSort | null = sortChoice ? { key: (record) => String(record[sortChoice.field]), direction: sortChoice.direction } : null;
        expect(visibleRecords(records, searchable, filter, sort).map((r) => r.id)).toEqual(plainVisible(records, searchable, filter, sort).map((r) => r.id));
      }),
      { seed: 20260101, numRuns: 500 },
    );
  });

  it('hands back the records themselves when there is nothing to filter or sort, and a new array otherwise', () => {
    const records = ['Riverside forum', 'Eastgate market'].map((name, index): RecordValues => ({ id: `r${index}`, createdAt: '', updatedAt: '', reviewedAt: null, shareable: true, notes: '', name, place: '' }));
    const searchable = records.map(rowText);
    expect(visibleRecords(records, searchable, '', null)).toBe(records);
    expect(visibleRecords(records, searchable, '   ', null)).toBe(records);
    expect(visibleRecords(records, searchable, ' RIVER ', null).map((r) => r.id)).toEqual(['r0']);
    const sorted = visibleRecords(records, searchable, '', { key: (r) => String(r.name), direction: 'ascending' });
    expect(sorted.map((r) => r.id)).toEqual(['r1', 'r0']);
    expect(records.map((r) => r.id)).toEqual(['r0', 'r1']);
  });
});
