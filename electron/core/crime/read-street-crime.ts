// Reads a police.uk street-level crime CSV as a stream and counts its rows by force, month, LSOA
// and crime type: memory holds one slice of the file and the counts, never the rows. Each slice of
// whole lines is parsed by uDSV (the fastest parser measured here, see `npm run bench`) and its rows
// checked; a slice that does not check out — a row short of values, a quote left open, a value that
// is not what the column holds — is read again line by line with csv-parse, which is strict, to
// refuse the file naming the exact line and what is wrong. Nothing is kept from a refused file.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { parse as parseStrict } from 'csv-parse/sync';
import { initParser, type Parser } from 'udsv';
import { AppError } from '../app-error.ts';
import { CRIME_TYPES, LSOA_CODE_PATTERN, MONTH_PATTERN, crimeTypeByLabel, forceReportedBy } from '../../../shared/domain/crime-types.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { readStreetLayout, type StreetLayout } from './street-crime-layout.ts';

/** Room for each crime type in a cell's key: lsoaIndex × TYPE_SLOTS + typeIndex. */
export const TYPE_SLOTS = 32;

/** A line longer than this is not a police.uk row (the longest are a few hundred characters). */
const MAX_LINE_CHARS = 64 * 1024;

export interface CrimeBatchRead {
  forceId: string;
  /** The force's name as the file writes it. */
  reportedBy: string;
  month: string;
  rows: number;
  /** Rows with no LSOA (Northern Ireland's, and crimes police.uk could not place): counted, not placed. */
  rowsWithoutLsoa: number;
  /** lsoaIndex × TYPE_SLOTS + typeIndex → count. */
  counts: Map<number, number>;
}

export interface CrimeFileRead {
  fileName: string;
  rows: number;
  cells: number;
  /** The LSOA codes the cells' keys index. */
  lsoaCodes: string[];
  /** The crime type ids the keys index (CRIME_TYPES' order). */
  typeIds: readonly string[];
  batches: CrimeBatchRead[];
}

export interface ReadCrimeOptions {
  signal?: AbortSignal;
  /** Told after each slice: bytes read so far and rows counted. */
  onProgress?: (bytes: number, rows: number) => void;
}

const TYPE_IDS = CRIME_TYPES.map((type) => type.id);
const TYPE_INDEX = new Map(TYPE_IDS.map((id, index) => [id, index]));

export function cancelled(fileName: string): AppError {
  return new AppError('cancelled', `The import of "${fileName}" was cancelled: nothing was kept from it.`);
}

function refusal(fileName: string, line: number, reason: string): AppError {
  return new AppError('invalid-input', `"${fileName}" line ${formatCount(line)}: ${reason}. Nothing was imported from it.`);
}

/** The counting state of one file, fed row by row by either path. */
class Tally {
  rows = 0;
  cells = 0;
  readonly lsoaCodes: string[] = [];
  readonly batches: CrimeBatchRead[] = [];
  private readonly lsoaIndex = new Map<string, number>();
  private readonly batchIndex = new Map<string, number>();
  private readonly typeByLabel = new Map<string, number>();
  private readonly forceByName = new Map<string, string>();
  private lastMonth = '';
  private lastReportedBy = '';
  private lastBatch: number | undefined = undefined;

  private readonly fileName: string;

  constructor(fileName: string) {
    this.fileName = fileName;
  }

  /** Why a row's values cannot be counted, or null; on success `slot` holds where it goes. */
  place(month: string, reportedBy: string, lsoa: string, type: string, slot: { batch: number; key: number }): string | null {
    let typeIndex = this.typeByLabel.get(type);
    if (typeIndex === undefined) {
      const known = crimeTypeByLabel(type);
      if (!known) return `"${type.slice(0, 80)}" is not a police.uk crime type (such as "Burglary" or "Anti-social behaviour")`;
      typeIndex = TYPE_INDEX.get(known.id)!;
      this.typeByLabel.set(type, typeIndex);
    }
    // Rows of one file nearly always share their force and month: compare before building a key.
    let batch = month === this.lastMonth && reportedBy === this.lastReportedBy ? this.lastBatch : this.batchIndex.get(`${reportedBy}\u0000${month}`);
    if (batch === undefined) {
      if (!MONTH_PATTERN.test(month)) return `the month "${month.slice(0, 40)}" is not a month written as police.uk writes it (such as 2024-01)`;
      let forceId = this.forceByName.get(reportedBy);
      if (forceId === undefined) {
        const force = forceReportedBy(reportedBy);
        if (!force) return `"${reportedBy.slice(0, 80)}" in "Reported by" is not a UK police force`;
        forceId = force.id;
        this.forceByName.set(reportedBy, forceId);
      }
      const same = this.batches.findIndex((b) => b.forceId === forceId && b.month === month);
      if (same >= 0) batch = same;
      else {
        if (this.batches.length >= LIMITS.crimeForceMonthsPerFile) return `the file holds more than ${formatCount(LIMITS.crimeForceMonthsPerFile)} force-months. Import it as police.uk publishes it, a force's month to a file`;
        batch = this.batches.length;
        this.batches.push({ forceId, reportedBy: reportedBy.trim(), month, rows: 0, rowsWithoutLsoa: 0, counts: new Map() });
      }
      this.batchIndex.set(`${reportedBy}\u0000${month}`, batch);
    }
    this.lastMonth = month;
    this.lastReportedBy = reportedBy;
    this.lastBatch = batch;
    slot.batch = batch;
    if (lsoa === '') {
      slot.key = -1;
      return null;
    }
    let lsoaIndex = this.lsoaIndex.get(lsoa);
    if (lsoaIndex === undefined) {
      if (!LSOA_CODE_PATTERN.test(lsoa)) return `"${lsoa.slice(0, 40)}" in "LSOA code" is not an LSOA code (such as E01014485)`;
      lsoaIndex = this.lsoaCodes.length;
      this.lsoaCodes.push(lsoa);
      this.lsoaIndex.set(lsoa, lsoaIndex);
    }
    slot.key = lsoaIndex * TYPE_SLOTS + typeIndex;
    return null;
  }

  /** Counts a placed row; returns a reason when a limit is passed. */
  count(batchIndex: number, key: number): string | null {
    const batch = this.batches[batchIndex]!;
    batch.rows += 1;
    this.rows += 1;
    if (this.rows > LIMITS.crimeRowsPerFile) return `the file has more than ${formatCount(LIMITS.crimeRowsPerFile)} rows (a force's month has at most about 100,000)`;
    if (key < 0) {
      batch.rowsWithoutLsoa += 1;
      return null;
    }
    const before = batch.counts.get(key);
    if (before === undefined) {
      this.cells += 1;
      if (this.cells > LIMITS.crimeCellsPerFile) return `the file counts more than ${formatCount(LIMITS.crimeCellsPerFile)} different LSOA, month and crime type combinations. Import it as police.uk publishes it, a force's month to a file`;
      batch.counts.set(key, 1);
    } else batch.counts.set(key, before + 1);
    return null;
  }

  result(): CrimeFileRead {
    // A force-month met only in a slice that was then read again line by line may have no rows.
    return { fileName: this.fileName, rows: this.rows, cells: this.cells, lsoaCodes: this.lsoaCodes, typeIds: TYPE_IDS, batches: this.batches.filter((batch) => batch.rows > 0) };
  }
}

function makeParser(layout: StreetLayout): Parser {
  const cols = Array.from({ length: layout.width }, (_, index) => ({ name: String(index), type: 's' as const, repl: { empty: '', null: undefined, NaN: undefined } }));
  // `skip: 0`: each slice handed over is whole rows, the header having been read already.
  const schema = { skip: 0, col: ',', row: '\n', encl: '"', esc: '"', trim: false, cols };
  return initParser(schema as Parameters<typeof initParser>[0]);
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** What is wrong with one line, read strictly; null when it is a good row (counted) or blank. */
function checkLine(text: string, layout: StreetLayout, tally: Tally, slot: { batch: number; key: number }): string | null {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (line.trim() === '') return null;
  let records: string[][];
  try {
    records = parseStrict(line, { relax_column_count: true }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote is opened and never closed (values in these files never run over several lines)';
    return `this is not valid CSV (${(error as Error).message.replace(/\s+at line \d+\.?$/, '').slice(0, 120)}). Check the file is the CSV as downloaded`;
  }
  const row = records[0] ?? [];
  if (records.length !== 1 || row.length !== layout.width) {
    return `this row has ${row.length} values where the header has ${layout.width}. Check it was not cut short or edited, and that values with commas are in quotes`;
  }
  const problem = tally.place(row[layout.month]!, row[layout.reportedBy]!, row[layout.lsoaCode]!, row[layout.crimeType]!, slot);
  return problem ?? tally.count(slot.batch, slot.key);
}

/**
 * Counts a file's rows. Refuses it (AppError 'invalid-input') with the line and reason at the first
 * problem; stops with 'cancelled' when `signal` is aborted.
 */
export async function readStreetCrime(input: Readable, fileName: string, options: ReadCrimeOptions = {}): Promise<CrimeFileRead> {
  const decoder = new StringDecoder('utf8');
  const tally = new Tally(fileName);
  const slot = { batch: 0, key: 0 };
  let layout: StreetLayout | null = null;
  let parser: Parser | null = null;
  let carry = '';
  let line = 1;
  let bytes = 0;
  // The rows of the slice being read, counted only once the whole slice has checked out.
  let pending = new Int32Array(16_384);
  let pendingRows = 0;

  const strictly = (body: string): void => {
    const lines = body.split('\n');
    lines.pop();
    for (const text of lines) {
      line += 1;
      const problem = checkLine(text, layout!, tally, slot);
      if (problem) throw refusal(fileName, line, problem);
    }
  };

  const quickly = (body: string): void => {
    const L = layout!;
    let suspect = false;
    pendingRows = 0;
    parser!.stringArrs(body, (row: string[]) => {
      if (suspect) return false;
      const spill = row[L.last]!;
      if (spill.length > 0 && (spill.includes(',') || spill.includes('\n'))) {
        suspect = true;
        return false;
      }
      if (tally.place(row[L.month]!, row[L.reportedBy]!, row[L.lsoaCode]!, row[L.crimeType]!, slot) !== null) {
        suspect = true;
        return false;
      }
      if (pendingRows * 2 + 2 > pending.length) {
        const grown = new Int32Array(pending.length * 2);
        grown.set(pending);
        pending = grown;
      }
      pending[pendingRows * 2] = slot.batch;
      pending[pendingRows * 2 + 1] = slot.key;
      pendingRows += 1;
      return true;
    });
    const lines = countLines(body);
    if (suspect || pendingRows !== lines) {
      strictly(body);
      return;
    }
    for (let row = 0; row < pendingRows; row += 1) {
      const problem = tally.count(pending[row * 2]!, pending[row * 2 + 1]!);
      if (problem) throw refusal(fileName, line + row + 1, problem);
    }
    line += lines;
  };

  const take = (text: string): void => {
    const cut = text.lastIndexOf('\n');
    if (cut === -1) {
      carry = text;
      if (carry.length > MAX_LINE_CHARS) throw refusal(fileName, line + 1, `the line is over ${formatCount(MAX_LINE_CHARS / 1024)} KB long. This is not a police.uk street-level crime file as downloaded`);
      return;
    }
    let body = text.slice(0, cut + 1);
    carry = text.slice(cut + 1);
    if (!layout) {
      if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
      const end = body.indexOf('\n');
      layout = readStreetLayout(body.slice(0, end).replace(/\r$/, ''), fileName);
      parser = makeParser(layout);
      body = body.slice(end + 1);
      if (body === '') return;
    }
    quickly(body);
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (options.signal?.aborted) throw cancelled(fileName);
    bytes += chunk.length;
    take(carry + decoder.write(chunk));
    options.onProgress?.(bytes, tally.rows);
  }
  if (options.signal?.aborted) throw cancelled(fileName);
  const rest = carry + decoder.end();
  if (rest !== '') take(`${rest}\n`);
  if (!layout) throw new AppError('invalid-input', `"${fileName}" is empty: a police.uk street-level crime file starts with a header line. Nothing was imported from it.`);
  options.onProgress?.(bytes, tally.rows);
  return tally.result();
}
