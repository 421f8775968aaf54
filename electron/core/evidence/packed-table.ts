// A table of figures as it crosses from the reading worker to the main thread: every count in one
// Float64Array (handed over, not copied) beside the geographies' codes and names, rather than a
// quarter of a million small arrays to clone.
import type { CensusTableData } from './census-store.ts';

export interface PackedTable extends Omit<CensusTableData, 'geographies'> {
  codes: string[];
  names: string[];
  /** Row by row: geography i's counts are counts[i × width … (i + 1) × width). */
  counts: Float64Array;
  width: number;
}

export function packTable(table: CensusTableData): PackedTable {
  const width = table.categories.length;
  const counts = new Float64Array(table.geographies.length * width);
  const codes: string[] = [];
  const names: string[] = [];
  table.geographies.forEach((geography, row) => {
    codes.push(geography.code);
    names.push(geography.name);
    for (let i = 0; i < width; i += 1) counts[row * width + i] = geography.counts[i] ?? 0;
  });
  const { geographies: _geographies, ...details } = table;
  return { ...details, codes, names, counts, width };
}

/** The table again, each geography's counts a view into the one array. */
export function unpackTable(packed: PackedTable): CensusTableData {
  const { codes, names, counts, width, ...details } = packed;
  return { ...details, geographies: codes.map((code, row) => ({ code, name: names[row]!, counts: counts.subarray(row * width, (row + 1) * width) })) };
}
