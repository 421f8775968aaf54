// Reads an ONS Census 2021 bulk CSV as nomis publishes it: `date`, `geography`, `geography code`,
// then one column per category (`Ethnic group: Total: All usual residents`, `Ethnic group: Asian, …`,
// `Ethnic group: Asian, …: Bangladeshi`, …). Streamed and checked row by row; the first problem
// refuses the whole file with its line and reason, before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { censusCountProblem, type CensusCategory, type GeographyLevel } from '../../../shared/api/census.ts';
import { AppError } from '../app-error.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { LIMITS, formatMegabytes } from '../../../shared/domain/limits.ts';
import { maxRowsFor, tooManyCategories, tooManyRows } from './census-limits.ts';
import { utf8Checked } from '../imports/utf8-check.ts';

export const MAX_CENSUS_BYTES = LIMITS.censusCsvBytes;
/** No real row comes near this; it stops an unclosed quote swallowing the file into one field. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** Some tables append this to every column name; the category's name is the column less it. */
const VALUE_SUFFIX = /;\s*measures:\s*value\s*$/i;
/** Downloads with other measures (percentages) beside the values: those columns are left out. */
const OTHER_MEASURE = /;\s*measures:\s*\S/i;
const TABLE_CODE = /ts\d{3}[a-z]?/i;
const COUNT = /^\d+(\.\d+)?$/;
const LEVEL_BY_PREFIX: Readonly<Record<string, GeographyLevel>> = {
  E00: 'oa', W00: 'oa',
  E01: 'lsoa', W01: 'lsoa',
  E02: 'msoa', W02: 'msoa',
  E05: 'ward', W05: 'ward',
  E06: 'la', E07: 'la', E08: 'la', E09: 'la', W06: 'la',
};
const HEADER_HINT = 'A census bulk file from nomis starts "date,geography,geography code", then one column per category';

export interface ParsedGeography {
  code: string;
  name: string;
  /** One count per category, by position (the total's included). */
  counts: Float64Array;
}

export interface ParsedCensus {
  code: string;
  title: string;
  referenceDate: string;
  geographyLevel: GeographyLevel;
  fileName: string;
  categories: CensusCategory[];
  geographies: ParsedGeography[];
}

export interface CensusHeader {
  title: string;
  categories: CensusCategory[];
  /** For each category, by position, its column in the file. */
  columns: number[];
  codeColumn: number;
  nameColumn: number;
  dateColumn: number;
}

function refusal(fileName: string, line: number, reason: string): AppError {
  return new AppError('invalid-input', `"${fileName}" line ${line}: ${reason}. Nothing was imported.`);
}

/** The table's code: the one given, else from the file name (census2021-ts021-lsoa.csv → TS021). */
export function tableCodeFor(fileName: string, given?: string): string {
  const code = given?.trim() || TABLE_CODE.exec(fileName)?.[0];
  if (!code) {
    throw new AppError('invalid-input', `"${fileName}" does not say which census table it is: its name has no code like TS021. Rename the file to include its code as ONS names it (for example census2021-ts021-lsoa.csv), or use “Import another table (CSV or Excel)…” to match its columns yourself; with ewb census, give it as --table TS021. Nothing was imported.`);
  }
  return code.toUpperCase();
}

/** The level most of the codes are at (E01… LSOA, E05… ward, E06…/W06… local authority, …). */
export function geographyLevelOf(codes: Iterable<string>): GeographyLevel {
  const tally = new Map<GeographyLevel, number>();
  for (const code of codes) {
    const level = LEVEL_BY_PREFIX[code.slice(0, 3).toUpperCase()] ?? 'other';
    tally.set(level, (tally.get(level) ?? 0) + 1);
  }
  let best: GeographyLevel = 'other';
  let most = 0;
  for (const [level, count] of tally) {
    if (count > most) [best, most] = [level, count];
  }
  return best;
}

function isTotalName(label: string): boolean {
  return label.split(': ').some((part) => /^Total\b/.test(part.trim()));
}

/** The header row: where the geography columns are, and the categories with their hierarchy. */
export function readCensusHeader(header: readonly string[], fileName: string, line = 1): CensusHeader {
  const names = header.map((cell) => cell.trim());
  const find = (wanted: string) => names.findIndex((name) => name.toLowerCase() === wanted);
  const codeColumn = find('geography code');
  if (codeColumn < 0) throw refusal(fileName, line, `there is no "geography code" column (the header has ${names.slice(0, 4).map((n) => `"${n}"`).join(', ')}${names.length > 4 ? ', …' : ''}). ${HEADER_HINT}; check this is the file as downloaded`);
  const nameColumn = find('geography');
  const dateColumn = find('date');
  const fixed = new Set([codeColumn, nameColumn, dateColumn]);

  const columns: number[] = [];
  const published: string[] = [];
  const seen = new Map<string, number>();
  names.forEach((raw, column) => {
    if (fixed.has(column)) return;
    if (OTHER_MEASURE.test(raw) && !VALUE_SUFFIX.test(raw)) return;
    const name = raw.replace(VALUE_SUFFIX, '').trim();
    if (!name) throw refusal(fileName, line, `column ${column + 1} has no name. ${HEADER_HINT}`);
    if (seen.has(name)) throw refusal(fileName, line, `columns ${seen.get(name)! + 1} and ${column + 1} are both called "${name}"`);
    seen.set(name, column);
    columns.push(column);
    published.push(name);
  });
  if (columns.length === 0) throw refusal(fileName, line, `there are no category columns after "geography code". ${HEADER_HINT}`);
  // Before the hierarchy below, whose cost grows with the square of the number of columns.
  const tooMany = tooManyCategories(columns.length);
  if (tooMany) throw refusal(fileName, line, tooMany);

  // The title is the part before the first ": " that every column shares ("Ethnic group").
  const firstParts = new Set(published.map((name) => (name.includes(': ') ? name.slice(0, name.indexOf(': ')) : null)));
  const [only] = firstParts;
  const title = firstParts.size === 1 && only ? only : '';
  const labelOf = (name: string) => (title ? name.slice(title.length + 2) : name);

  let totalPosition = published.findIndex((name) => isTotalName(labelOf(name)));
  if (totalPosition < 0) totalPosition = published.findIndex((name) => /\btotal\b/i.test(name));
  if (totalPosition < 0) {
    throw refusal(fileName, line, `no column is the table's total (such as "Ethnic group: Total: All usual residents"), so each area's share cannot be worked out. Import the whole table as downloaded`);
  }

  const categories: CensusCategory[] = published.map((name, position) => {
    const isTotal = position === totalPosition;
    let parentPosition: number | null = null;
    if (!isTotal) {
      let longest = -1;
      published.forEach((other, at) => {
        if (at === position || at === totalPosition || other.length <= longest) return;
        if (name.startsWith(`${other}: `)) [parentPosition, longest] = [at, other.length];
      });
    }
    return { position, name, label: labelOf(name), parentPosition, isTotal };
  });
  return { title, categories, columns, codeColumn, nameColumn, dateColumn };
}

interface Parsed {
  record: string[];
  info: Info;
}

/** Reads a census CSV from a stream; `fileName` names it in messages and gives the table code. */
export async function parseCensusCsv(input: Readable, fileName: string, options: { tableCode?: string } = {}): Promise<ParsedCensus> {
  const code = tableCodeFor(fileName, options.tableCode);
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS }));
  // A read error on the file ends the parse with that error rather than leaving it waiting.
  input.once('error', (error) => parser.destroy(error));
  let header: CensusHeader | null = null;
  let width = 0;
  let maxRows = 0;
  let lastLine = 0;
  let referenceDate = '';
  const geographies: ParsedGeography[] = [];
  const firstLine = new Map<string, number>();

  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      const line = info.lines;
      lastLine = line;
      if (!header) {
        header = readCensusHeader(record, fileName, line);
        width = record.length;
        maxRows = maxRowsFor(header.columns.length);
        continue;
      }
      if (geographies.length >= maxRows) throw refusal(fileName, line, tooManyRows(header.columns.length));
      if (record.length !== width) {
        throw refusal(fileName, line, `this row has ${record.length} ${record.length === 1 ? 'column' : 'columns'} where the header has ${width}. Check the row was not cut short or edited, and that names with commas are in quotes`);
      }
      const geoCode = (record[header.codeColumn] ?? '').trim();
      if (!geoCode) throw refusal(fileName, line, 'the geography code is empty. Every row needs the code of its area, such as E01014485');
      const earlier = firstLine.get(geoCode);
      if (earlier !== undefined) throw refusal(fileName, line, `the geography code ${geoCode} appears twice (first on line ${earlier}). Each area should have one row`);
      firstLine.set(geoCode, line);

      const counts = new Float64Array(header.columns.length);
      for (let position = 0; position < header.columns.length; position += 1) {
        const text = (record[header.columns[position]!] ?? '').trim();
        if (!COUNT.test(text)) {
          const column = header.categories[position]!.name;
          if (/^-\s*\d/.test(text)) throw refusal(fileName, line, `the count ${text} for "${column}" is negative. Counts are numbers of people or households, 0 or more`);
          throw refusal(fileName, line, `${text ? `"${text}"` : 'the empty value'} for "${column}" is not a count. Counts are numbers such as 1234, without commas or symbols`);
        }
        const tooLarge = censusCountProblem(Number(text), text);
        if (tooLarge) throw refusal(fileName, line, `the count for "${header.categories[position]!.name}": ${tooLarge}`);
        counts[position] = Number(text);
      }
      if (!referenceDate && header.dateColumn >= 0) referenceDate = (record[header.dateColumn] ?? '').trim();
      geographies.push({ code: geoCode, name: header.nameColumn >= 0 ? (record[header.nameColumn] ?? '').trim() || geoCode : geoCode, counts });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines } = error as CsvError & { lines?: number };
    const reason = (error as Error).message.replace(/^[A-Za-z ]+: /, '').replace(/\.$/, '');
    throw refusal(fileName, lines ?? lastLine + 1, `this is not valid CSV (${reason}). Check the file is a CSV as downloaded, not a spreadsheet saved under a .csv name`);
  }

  if (!header) throw refusal(fileName, 1, `the file is empty. ${HEADER_HINT}`);
  if (geographies.length === 0) throw refusal(fileName, lastLine + 1, 'there are no rows after the header, so there is nothing to import');
  return {
    code,
    title: header.title || code,
    referenceDate,
    geographyLevel: geographyLevelOf(firstLine.keys()),
    fileName,
    categories: header.categories,
    geographies,
  };
}

/** Reads a census CSV file (up to LIMITS.censusCsvBytes), streamed. */
export async function parseCensusFile(file: string, options: { tableCode?: string; onBytes?: (read: number, size: number) => void } = {}): Promise<ParsedCensus> {
  const fileName = path.basename(file);
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('invalid-input', `"${fileName}" is a folder, not a CSV file. Choose the census table's .csv file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileSystemError(error, file);
  }
  if (size > MAX_CENSUS_BYTES) {
    throw new AppError('invalid-input', `"${fileName}" is too large for a census table (${formatMegabytes(size)}; the limit is ${formatMegabytes(MAX_CENSUS_BYTES)}). Download the table for a smaller area or a coarser geography level. Nothing was imported.`);
  }
  tableCodeFor(fileName, options.tableCode);
  const stream = fs.createReadStream(file);
  if (options.onBytes) {
    let read = 0;
    const onBytes = options.onBytes;
    stream.on('data', (chunk) => {
      read += chunk.length;
      onBytes(read, size);
    });
  }
  try {
    return await parseCensusCsv(utf8Checked(stream, fileName, 'csv'), fileName, options.tableCode === undefined ? {} : { tableCode: options.tableCode });
  } catch (error) {
    if (error instanceof AppError || typeof (error as NodeJS.ErrnoException).errno !== 'number') throw error;
    throw fileSystemError(error, file);
  } finally {
    stream.destroy();
  }
}
