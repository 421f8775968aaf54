// Fills in the LSOAs each area contains from an ONS lookup CSV (e.g. LSOA21CD, LSOA21NM, WD22CD,
// WD22NM, …): the LSOA column is found by its header, and the area column is whichever column's
// values match the workbook's areas (by ONS code or by name) most often. One undoable change.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import type { ChangeDraft } from '../changes/change-log.ts';
import { batchChange } from '../changes/change-handlers.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { listRecords, updateRecordFields } from './record-store.ts';

const LSOA_HEADER = /^lsoa\d*cd$|lsoa.*code/i;
const LSOA_CODE = /^[EW]01\d{6}$/;
export const MAX_LOOKUP_BYTES = 200 * 1024 * 1024;

export interface LookupResult {
  lsoaColumn: string;
  areaColumn: string;
  matchedAreas: number;
  addedCodes: number;
  unmatchedAreas: string[];
}

async function readRows(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const name = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw fileSystemError(error, file);
  }
  if (size > MAX_LOOKUP_BYTES) throw new AppError('invalid-input', `"${name}" is too large for a lookup file (${Math.round(size / 1048576)} MB; the limit is 200 MB).`);
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: true }));
  let header: string[] | null = null;
  const rows: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) header = record;
      else rows.push(record);
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('invalid-input', `"${name}" could not be read as CSV${line ? ` at line ${line}` : ''}: ${(error as Error).message.replace(/^Invalid Record Length: /, 'a row has the wrong number of columns: ')}. Nothing was changed.`);
  }
  if (!header) throw new AppError('invalid-input', `"${name}" is empty. A lookup file starts with a header row such as LSOA21CD,LSOA21NM,WD22CD,WD22NM.`);
  return { header, rows };
}

/**
 * Reads the lookup, then fills in the areas' LSOAs as one change. `writable` gives the workbook's
 * connection: asked for before the file is read (a read-only workbook is refused at once) and after.
 */
export async function importAreaLookup(writable: () => WriteDb, ctx: ChangeContext, file: string): Promise<LookupResult> {
  writable();
  const name = path.basename(file);
  const { header, rows } = await readRows(file);
  const db = writable();
  const lsoaIndex = header.findIndex((h) => LSOA_HEADER.test(h));
  if (lsoaIndex < 0) throw new AppError('invalid-input', `"${name}" has no LSOA code column. Expected a header such as LSOA21CD or LSOA11CD; found ${header.slice(0, 6).join(', ')}.`);
  rows.forEach((row, index) => {
    const code = (row[lsoaIndex] ?? '').toUpperCase();
    if (!LSOA_CODE.test(code)) throw new AppError('invalid-input', `"${name}" line ${index + 2}: "${row[lsoaIndex] ?? ''}" is not an LSOA code (they look like E01024133). Nothing was changed.`);
  });

  const areas = listRecords(db, 'area');
  if (areas.length === 0) throw new AppError('invalid-input', 'Add your areas first (with their ONS codes or names as the lookup spells them); then their LSOAs can be filled in from the lookup.');
  const byCode = new Map(areas.filter((a) => String(a.onsCode ?? '').trim()).map((a) => [String(a.onsCode).trim().toUpperCase(), a.id]));
  const byName = new Map(areas.map((a) => [String(a.name).trim().toLowerCase(), a.id]));

  let best = { column: -1, hits: 0, pairs: new Map<string, Set<string>>() };
  header.forEach((_, column) => {
    if (column === lsoaIndex) return;
    const pairs = new Map<string, Set<string>>();
    let hits = 0;
    for (const row of rows) {
      const value = (row[column] ?? '').trim();
      const area = byCode.get(value.toUpperCase()) ?? byName.get(value.toLowerCase());
      if (!area) continue;
      hits += 1;
      const set = pairs.get(area) ?? new Set<string>();
      set.add((row[lsoaIndex] ?? '').toUpperCase());
      pairs.set(area, set);
    }
    if (hits > best.hits) best = { column, hits, pairs };
  });
  if (best.hits === 0) {
    throw new AppError('invalid-input', `None of your areas' ONS codes or names appear in "${name}". Check the areas' ONS codes (for example E05009317 for a ward) match the lookup's.`);
  }

  let added = 0;
  writeChange(db, ctx, ({ at }) => {
    const parts: ChangeDraft[] = [];
    for (const area of areas) {
      const incoming = best.pairs.get(area.id);
      if (!incoming) continue;
      const before = (area.lsoaCodes as string[]) ?? [];
      const after = [...new Set([...before, ...[...incoming].sort()])];
      if (after.length === before.length) continue;
      added += after.length - before.length;
      updateRecordFields(db, 'area', area.id, { lsoaCodes: after }, at);
      parts.push({ kind: 'area', recordId: area.id, action: 'update', before: { lsoaCodes: before, updatedAt: area.updatedAt }, after: { lsoaCodes: after, updatedAt: at } });
    }
    if (parts.length === 0) return { result: null, change: null };
    return { result: null, change: batchChange(ctx.newId(), `importing LSOAs for ${parts.length} area${parts.length === 1 ? '' : 's'} from ${name}`, parts) };
  });
  return {
    lsoaColumn: header[lsoaIndex]!,
    areaColumn: header[best.column]!,
    matchedAreas: best.pairs.size,
    addedCodes: added,
    unmatchedAreas: areas.filter((a) => !best.pairs.has(a.id)).map((a) => String(a.name)),
  };
}
