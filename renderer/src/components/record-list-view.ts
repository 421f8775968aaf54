// What a record list shows for a filter and a sort: the records whose row text holds the filter,
// in the order asked for. Runs on every keystroke over up to 20,000 records, so it makes one pass
// and allocates only the answer (no index arrays or maps between the steps).
import type { RecordValues } from '../../../shared/api/records.ts';

export interface ListSort {
  /** The column's sort key: what it shows, or what it sorts by when that differs. */
  key: (record: RecordValues) => string;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * `searchable[i]` is the lower-cased text of `records[i]`'s row. With no filter and no sort the
 * records themselves come back (the same array), so clearing the filter allocates nothing.
 */
export function visibleRecords(records: RecordValues[], searchable: string[], filter: string, sort: ListSort | null): RecordValues[] {
  const needle = filter.trim().toLowerCase();
  let shown = records;
  if (needle) {
    shown = [];
    for (let index = 0; index < records.length; index += 1) if (searchable[index]!.includes(needle)) shown.push(records[index]!);
  }
  if (!sort) return shown;
  const keys = shown.map(sort.key);
  const order = shown.map((_, index) => index);
  const factor = sort.direction === 'ascending' ? 1 : -1;
  // Array sort is stable: records with equal keys keep the list's own order, as before.
  order.sort((a, b) => factor * collator.compare(keys[a]!, keys[b]!));
  return order.map((index) => shown[index]!);
}
