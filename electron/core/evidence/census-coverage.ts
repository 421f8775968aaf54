// Why an area has no figures in a census table, in words that say what to do: its codes are at
// another geography level (a ward against a local-authority table), it has no codes yet, or its
// codes are not in the file; and which of the file's geographies lie outside every area.
import { onsLevelOfCode, type OnsCodeLevel } from '../../../shared/domain/ons-codes.ts';
import type { ReadDb } from '../db/open-database.ts';
import type { TableInfo } from './area-census.ts';

interface CoverageArea {
  id: string;
  name: string;
  onsCode: string;
  lsoaCodes: string[];
}

/** A level as a sentence names one: "a ward", "an LSOA". */
const ONE: Record<string, string> = { oa: 'an output area', lsoa: 'an LSOA', msoa: 'an MSOA', ward: 'a ward', la: 'a local authority', other: 'an area of another kind' };
/** A level as a table is "by" it: "by local authority". */
const BY: Record<string, string> = { oa: 'output area', lsoa: 'LSOA', msoa: 'MSOA', ward: 'ward', la: 'local authority', other: 'another kind of area' };

/** The nomis bulk download's file for a table by LSOA, e.g. census2021-ts021-lsoa.csv. */
function lsoaFileOf(table: TableInfo): string {
  return /^TS\d{3}[A-Z]?$/i.test(table.code) ? ` (census2021-${table.code.toLowerCase()}-lsoa.csv in the nomis bulk download)` : '';
}

/** Why an area contributes no figures to a table, and what to do; the area is named by the caller. */
export function whyNoFigures(area: CoverageArea, table: TableInfo): string {
  const tableBy = BY[table.level] ?? 'another kind of area';
  const byLsoa = `${table.code} by LSOA${lsoaFileOf(table)}`;
  const codeLevel: OnsCodeLevel | null = area.onsCode ? onsLevelOfCode(area.onsCode) : null;
  if (table.level === 'lsoa') {
    if (area.lsoaCodes.length > 0) return `none of its ${area.lsoaCodes.length === 1 ? 'LSOA is' : `${area.lsoaCodes.length} LSOAs are`} in this table: check them in Areas, or import the table for the region they are in.`;
    if (codeLevel && codeLevel !== 'lsoa') return `it is ${ONE[codeLevel]} (${area.onsCode}) and this table is by LSOA: list the LSOAs it contains in Areas and the figures add up to it, or import ${table.code} by ${BY[codeLevel]}.`;
    return `this table is by LSOA and it has no LSOAs listed: list the LSOAs it contains in Areas and the figures add up to it.`;
  }
  if (codeLevel && codeLevel !== table.level) {
    const orLsoa = area.lsoaCodes.length > 0 ? `or use ${byLsoa}: its LSOAs add up to it.` : `or import ${byLsoa} and list the LSOAs it contains in Areas.`;
    return `it is ${ONE[codeLevel]} (${area.onsCode}) and this table is by ${tableBy}: import ${table.code} by ${BY[codeLevel]} instead, ${orLsoa}`;
  }
  if (area.onsCode) return `${area.onsCode} is not in this table: check the code in Areas, or import the table for the region it is in.`;
  if (area.lsoaCodes.length > 0) return `it is given by its LSOAs and this table is by ${tableBy}: import ${byLsoa} to see its figures.`;
  return `it has no ONS code or LSOAs yet: give it its ${tableBy} code in Areas, or list its LSOAs and import ${byLsoa}.`;
}

/** How many of the table's geographies are in no area, with the first few by code. */
export function geographiesOutside(db: ReadDb, tableId: string, inAreas: readonly string[], show = 5): { count: number; first: Array<{ code: string; name: string }> } {
  const codes = JSON.stringify(inAreas);
  const count = db.prepare('SELECT COUNT(*) FROM census_geography WHERE table_id = ? AND code NOT IN (SELECT value FROM json_each(?))').pluck().get(tableId, codes) as number;
  const first = count === 0 ? [] : (db.prepare('SELECT code, name FROM census_geography WHERE table_id = ? AND code NOT IN (SELECT value FROM json_each(?)) ORDER BY code LIMIT ?').all(tableId, codes, show) as Array<{ code: string; name: string }>);
  return { count, first };
}
