// Reads an ONS lookup CSV (LSOA21CD, LSOA21NM, WD22CD, WD22NM, …) in a worker thread, streamed:
// the LSOA column found by its header, every LSOA code checked, and for each other column the
// workbook's areas (by ONS code or name) its values match, with their LSOAs. Only the matches are
// kept, so memory follows the workbook's areas, not the size of the file.
import fs from 'node:fs';
import path from 'node:path';
import { CsvError, parse, type Info } from 'csv-parse';
import { LIMITS, formatCount, formatMegabytes } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { utf8Checked } from '../imports/utf8-check.ts';

const LSOA_HEADER = /^lsoa\d*cd$|lsoa.*code/i;
const LSOA_CODE = /^[EW]01\d{6}$/;
/** No real row comes near this; it stops an unclosed quote swallowing the file into one field. */
const MAX_RECORD_CHARS = 1024 * 1024;

/** An area of the workbook as the lookup is matched against it. */
export interface LookupArea {
  id: string;
  onsCode: string;
  name: string;
}

export interface LookupMatches {
  lsoaColumn: string;
  /** The column whose values match the most areas (-1 when none matches). */
  areaColumn: string | null;
  /** Each matched area's LSOAs, from that column. */
  pairs: Array<[areaId: string, lsoaCodes: string[]]>;
}

function sizeOf(file: string, name: string): number {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw fileSystemError(error, file);
  }
  if (size > LIMITS.lookupCsvBytes) throw new AppError('invalid-input', `"${name}" is too large for a lookup file (${formatMegabytes(size)}; the limit is ${formatMegabytes(LIMITS.lookupCsvBytes)}). Nothing was changed.`);
  return size;
}

export async function readAreaLookup(file: string, areas: readonly LookupArea[]): Promise<LookupMatches> {
  const name = path.basename(file);
  sizeOf(file, name);
  const byCode = new Map(areas.filter((a) => a.onsCode.trim()).map((a) => [a.onsCode.trim().toUpperCase(), a.id]));
  const byName = new Map(areas.map((a) => [a.name.trim().toLowerCase(), a.id]));
  const input = utf8Checked(fs.createReadStream(file), name, 'csv');
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: false, skip_empty_lines: true, trim: true, max_record_size: MAX_RECORD_CHARS }));
  input.once('error', (error) => parser.destroy(error));

  let header: string[] | null = null;
  let lsoaIndex = -1;
  let rows = 0;
  // Per column: how many rows matched an area, and each matched area's LSOAs.
  const hits: number[] = [];
  const pairs: Array<Map<string, Set<string>>> = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!header) {
        header = record;
        lsoaIndex = header.findIndex((h) => LSOA_HEADER.test(h));
        if (lsoaIndex < 0) throw new AppError('invalid-input', `"${name}" has no LSOA code column. Expected a header such as LSOA21CD or LSOA11CD; found ${header.slice(0, 6).join(', ')}.`);
        header.forEach(() => {
          hits.push(0);
          pairs.push(new Map());
        });
        continue;
      }
      rows += 1;
      if (rows > LIMITS.lookupRows) {
        throw new AppError('invalid-input', `"${name}" line ${info.lines}: the lookup has more than ${formatCount(LIMITS.lookupRows)} rows, the most a lookup file may have. Save only the rows for your force's areas into a new file. Nothing was changed.`);
      }
      const lsoa = (record[lsoaIndex] ?? '').toUpperCase();
      if (!LSOA_CODE.test(lsoa)) throw new AppError('invalid-input', `"${name}" line ${info.lines}: "${record[lsoaIndex] ?? ''}" is not an LSOA code (they look like E01024133). Nothing was changed.`);
      for (let column = 0; column < record.length; column += 1) {
        if (column === lsoaIndex) continue;
        const value = record[column]!;
        const area = byCode.get(value.toUpperCase()) ?? byName.get(value.toLowerCase());
        if (!area) continue;
        hits[column]! += 1;
        const set = pairs[column]!.get(area) ?? new Set<string>();
        set.add(lsoa);
        pairs[column]!.set(area, set);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!(error instanceof CsvError)) throw fileSystemError(error, file);
    const line = (error as { lines?: number }).lines;
    throw new AppError('invalid-input', `"${name}" could not be read as CSV${line ? ` at line ${line}` : ''}: ${error.message.replace(/^Invalid Record Length: /, 'a row has the wrong number of columns: ')}. Nothing was changed.`);
  } finally {
    input.destroy();
  }
  if (!header) throw new AppError('invalid-input', `"${name}" is empty. A lookup file starts with a header row such as LSOA21CD,LSOA21NM,WD22CD,WD22NM.`);
  let best = -1;
  hits.forEach((count, column) => {
    if (column !== lsoaIndex && count > 0 && (best < 0 || count > hits[best]!)) best = column;
  });
  return {
    lsoaColumn: header[lsoaIndex]!,
    areaColumn: best < 0 ? null : header[best]!,
    pairs: best < 0 ? [] : [...pairs[best]!].map(([area, codes]) => [area, [...codes].sort()]),
  };
}
