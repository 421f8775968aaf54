// The header of a police.uk street-level crime file: today's layout is found column by column;
// police.uk's other files and its earlier layouts are refused by name, so a planner who chose the
// wrong download is told which one it is rather than that "column 8 is missing".
import { parse } from 'csv-parse/sync';
import { AppError } from '../app-error.ts';

export const STREET_COLUMNS = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context'] as const;

/** Where the columns the import counts by sit in a row (police.uk's order, but found by name). */
export interface StreetLayout {
  width: number;
  month: number;
  reportedBy: number;
  lsoaCode: number;
  crimeType: number;
  /** The last column: the one a row with a value too many would spill into. */
  last: number;
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** What a header that is not today's layout is, in words, or null when nothing is recognised. */
function otherLayout(names: ReadonlySet<string>): string | null {
  if (names.has('outcome type')) return 'a police.uk outcomes file (…-outcomes.csv), not street-level crime: choose the …-street.csv files';
  if (names.has('object of search') || names.has('part of a policing operation')) return 'a police.uk stop and search file (…-stop-and-search.csv), not street-level crime: choose the …-street.csv files';
  if (names.has('easting') || names.has('northing')) {
    return "in police.uk's first street-level layout (from its start in December 2010: grid references and no LSOA codes), so its crimes cannot be placed in LSOAs. Only files with an “LSOA code” column can be imported";
  }
  if (names.has('month') && names.has('crime type') && names.has('lsoa code') && !names.has('crime id')) {
    return "in an earlier police.uk street-level layout (without the “Crime ID” and “Last outcome category” columns). Download the months again from police.uk in today's layout";
  }
  return null;
}

/** Reads the header line (BOM already removed); refuses anything but today's street-level layout. */
export function readStreetLayout(headerLine: string, fileName: string): StreetLayout {
  let cells: string[];
  try {
    cells = (parse(headerLine, { relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    cells = headerLine.split(',');
  }
  const names = cells.map(normalise);
  const present = new Set(names);
  const other = otherLayout(present);
  if (other) throw new AppError('invalid-input', `"${fileName}" is ${other}. Nothing was imported from it.`);
  const missing = STREET_COLUMNS.filter((column) => !present.has(normalise(column)));
  if (missing.length > 0) {
    const shown = cells.slice(0, 4).map((name) => `"${name.trim()}"`).join(', ');
    throw new AppError(
      'invalid-input',
      `"${fileName}" line 1: this is not a police.uk street-level crime file: it has no ${missing.map((name) => `"${name}"`).join(', ')} ${missing.length === 1 ? 'column' : 'columns'} (its header starts ${shown}${cells.length > 4 ? ', …' : ''}). Choose the …-street.csv files as police.uk publishes them. Nothing was imported from it.`,
    );
  }
  const at = (name: string) => names.indexOf(normalise(name));
  return { width: cells.length, month: at('Month'), reportedBy: at('Reported by'), lsoaCode: at('LSOA code'), crimeType: at('Crime type'), last: cells.length - 1 };
}
