// Reads an interchange file as untrusted input, streamed in two passes: its size first, then its
// shape and counts against the limits (scan-interchange.ts), then each item checked and handed on
// (stream-interchange.ts). Memory holds one item at a time whatever the file's size; every
// problem is reported with where it is.
import fs from 'node:fs';
import path from 'node:path';
import type { Interchange } from '../../../shared/api/interchange.ts';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { LIMITS, formatMegabytes } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { InterchangeScanner } from './scan-interchange.ts';
import { InterchangeStreamReader, type InterchangeHead, type InterchangeSink } from './stream-interchange.ts';
import { utf8Checked } from '../imports/utf8-check.ts';

/** Interchange files above this are refused before reading (a workbook of 20,000 records is ~20 MB). */
export const MAX_INTERCHANGE_BYTES = LIMITS.interchangeBytes;

/** A sink that keeps everything: for small files and tests. */
function collector(): { sink: InterchangeSink; records: Interchange['records'] } {
  const records = Object.fromEntries([...RECORD_TYPE_NAMES, 'sectionCompletions', 'censusTables', 'evidenceLinks', 'receptivity', 'crimeTrendLinks', 'libraryEntries', 'settings'].map((list) => [list, []])) as unknown as Interchange['records'];
  const lists = records as unknown as Record<string, unknown[]>;
  return {
    records,
    sink: {
      record: (type: RecordTypeName, record) => lists[type]!.push(record),
      censusTable: (table) => records.censusTables.push(table),
      sectionCompletion: (entry) => records.sectionCompletions.push(entry),
      evidenceLink: (link) => records.evidenceLinks.push(link),
      receptivity: (cell) => records.receptivity.push(cell),
      crimeTrendLink: (link) => records.crimeTrendLinks.push(link),
      libraryEntry: (entry) => records.libraryEntries.push(entry),
      setting: (entry) => records.settings.push(entry),
    },
  };
}

/** Reads an interchange document from text in this thread (both passes), keeping it whole. */
export function parseInterchange(text: string, name: string): Interchange {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new InterchangeScanner(name);
  scanner.write(bytes);
  const summary = scanner.end();
  const { sink, records } = collector();
  const reader = new InterchangeStreamReader(name, sink);
  reader.write(bytes);
  return { ...reader.end(summary.hasRecords), records };
}

/** The file's size, refused over the limit before anything is read. */
function checkedSize(file: string, name: string): number {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new AppError('invalid-input', `"${name}" is a folder, not an interchange file.`);
    if (stat.size > MAX_INTERCHANGE_BYTES) {
      throw new AppError('invalid-input', `"${name}" is too large to import (${formatMegabytes(stat.size)}; the limit is ${formatMegabytes(MAX_INTERCHANGE_BYTES)}). Nothing was imported.`);
    }
    return stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileSystemError(error, file);
  }
}

async function feed(file: string, write: (chunk: Uint8Array) => void): Promise<void> {
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of utf8Checked(stream, path.basename(file), 'interchange')) write(chunk as Buffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).errno !== undefined) throw fileSystemError(error, file);
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * Reads `file` into `sink` item by item after checking its size and shape; `beforeItems` runs between
 * the two passes (once the file is known to be within every limit), for the caller to get ready.
 */
export async function streamInterchangeFile(file: string, sink: InterchangeSink, beforeItems: () => void = () => {}): Promise<InterchangeHead> {
  const name = path.basename(file);
  checkedSize(file, name);
  const scanner = new InterchangeScanner(name);
  await feed(file, (chunk) => scanner.write(chunk));
  const summary = scanner.end();
  beforeItems();
  const reader = new InterchangeStreamReader(name, sink);
  await feed(file, (chunk) => reader.write(chunk));
  return reader.end(summary.hasRecords);
}

/** Reads a whole interchange file into memory (small files; the app streams it into a workbook instead). */
export async function readInterchangeFile(file: string): Promise<Interchange> {
  const { sink, records } = collector();
  const head = await streamInterchangeFile(file, sink);
  return { ...head, records };
}
