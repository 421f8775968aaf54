// Writes a workbook as interchange JSON straight to a file, a page of records or geographies at a
// time, so memory stays flat however large the workbook (a national census table, 100,000 records).
// The bytes are exactly those of `interchangeToText(dumpWorkbook(…))`: two-space indent, final
// newline. Written to a temporary file beside the destination, synced, then renamed into place.
import fs from 'node:fs';
import path from 'node:path';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../../shared/api/interchange.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { ReadDb } from '../db/open-database.ts';
import { fsyncDirectory, removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { listEvidenceLinks } from '../evidence/evidence-links.ts';
import { iterateReceptivity } from '../receptivity/receptivity-store.ts';
import { listCrimeTrendLinks } from '../crime/crime-trend-links.ts';
import { iterateLibraryForInterchange } from '../library/library-store.ts';
import { getRecord } from '../records/record-store.ts';
import { censusTableHead, interchangeCompletions, interchangeSettings, interchangeWorkbook, type CensusTableRow } from './interchange-parts.ts';

/** Rows read per query: enough to keep queries few, few enough to keep memory flat. */
const PAGE = 1000;
const FLUSH_BYTES = 1024 * 1024;

/** Appends text to a file through a buffer, so a dump is a few hundred writes, not millions. */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(fd: number) {
    this.fd = fd;
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    let at = 0;
    while (at < chunk.length) at += fs.writeSync(this.fd, chunk, at);
    this.bytes += chunk.length;
  }
}

/** JSON.stringify(value, null, 2) as it reads `level` levels deep inside a document. */
function nested(value: unknown, level: number): string {
  const text = JSON.stringify(value, null, 2);
  return level === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(level)}`);
}

/** Writes `"key": [ … ]` at `level`, the items as they come, `[]` when there are none. */
function writeList(out: BufferedFile, key: string, level: number, items: Iterable<unknown>, last: boolean): number {
  const pad = '  '.repeat(level);
  out.write(`${pad}${JSON.stringify(key)}: [`);
  let count = 0;
  for (const item of items) {
    out.write(`${count === 0 ? '\n' : ',\n'}${pad}  ${nested(item, level + 1)}`);
    count += 1;
  }
  out.write(`${count === 0 ? '' : `\n${pad}`}]${last ? '' : ','}\n`);
  return count;
}

/** Every record of a type in creation order, a page of ids at a time (a query cannot run inside another's iteration). */
function* records(db: ReadDb, type: RecordTypeName, hidden: readonly string[]): Generator<Record<string, unknown>> {
  const table = RECORD_TYPES[type].table;
  const first = db.prepare(`SELECT created_at AS createdAt, id FROM ${table} ORDER BY created_at, id LIMIT ${PAGE}`);
  const next = db.prepare(`SELECT created_at AS createdAt, id FROM ${table} WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ${PAGE}`);
  let page = first.all() as Array<{ createdAt: string; id: string }>;
  while (page.length > 0) {
    for (const { id } of page) {
      const record = getRecord(db, type, id);
      if (record) yield hidden.length === 0 ? record : Object.fromEntries(Object.entries(record).filter(([name]) => !hidden.includes(name)));
    }
    const last = page.at(-1)!;
    page = next.all(last.createdAt, last.id) as Array<{ createdAt: string; id: string }>;
  }
}

/** One census table as the format has it, its geographies read a page at a time. */
function writeCensusTable(out: BufferedFile, db: ReadDb, table: CensusTableRow, last: boolean): void {
  const { head, countIndex: index } = censusTableHead(db, table);
  // The table's own fields as JSON.stringify writes them, less the closing brace, then its geographies.
  const opening = nested({ ...head, geographies: [] }, 3).replace(/\n\s*"geographies": \[\]\n\s*\}$/, '\n');
  out.write(`      ${opening}`);
  const geographyPage = db.prepare('SELECT code, name FROM census_geography WHERE table_id = ? AND code > ? ORDER BY code LIMIT ?');
  const valuePage = db.prepare('SELECT geography_code AS code, position, count FROM census_value WHERE table_id = ? AND geography_code >= ? AND geography_code <= ? ORDER BY geography_code, position');
  function* geographies(): Generator<{ code: string; name: string; counts: number[] }> {
    for (let page = geographyPage.all(table.id, '', PAGE) as Array<{ code: string; name: string }>; page.length > 0; page = geographyPage.all(table.id, page.at(-1)!.code, PAGE) as Array<{ code: string; name: string }>) {
      const counts = new Map(page.map((g) => [g.code, new Array<number>(head.categories.length).fill(0)]));
      for (const row of valuePage.all(table.id, page[0]!.code, page.at(-1)!.code) as Array<{ code: string; position: number; count: number }>) {
        const at = index.get(row.position);
        const list = counts.get(row.code);
        if (list && at !== undefined) list[at] = row.count;
      }
      for (const g of page) yield { code: g.code, name: g.name, counts: counts.get(g.code)! };
    }
  }
  writeList(out, 'geographies', 4, geographies(), true);
  out.write(`      }${last ? '' : ','}\n`);
}

function writeCensusTables(out: BufferedFile, db: ReadDb): number {
  const tables = db.prepare('SELECT * FROM census_table ORDER BY code, geography_level, id').all() as CensusTableRow[];
  if (tables.length === 0) {
    out.write('    "censusTables": [],\n');
    return 0;
  }
  out.write('    "censusTables": [\n');
  tables.forEach((table, i) => writeCensusTable(out, db, table, i === tables.length - 1));
  out.write('    ],\n');
  return tables.length;
}

/** Writes the whole document to `fd`; answers with how many of each list it wrote. */
function writeDocument(out: BufferedFile, db: ReadDb, personal: boolean): Record<string, number> {
  const workbook = interchangeWorkbook(db, personal);
  out.write(`{\n  "format": ${JSON.stringify(INTERCHANGE_FORMAT)},\n  "version": ${INTERCHANGE_VERSION},\n  "personal": ${personal},\n  "workbook": ${nested(workbook, 1)},\n  "records": {\n`);
  const counts: Record<string, number> = {};
  for (const type of RECORD_TYPE_NAMES) counts[type] = writeList(out, type, 2, records(db, type, personal ? [] : personalFields(type)), false);
  const completions = interchangeCompletions(db);
  counts.sectionCompletions = writeList(out, 'sectionCompletions', 2, completions, false);
  counts.censusTables = writeCensusTables(out, db);
  counts.evidenceLinks = writeList(out, 'evidenceLinks', 2, listEvidenceLinks(db), false);
  counts.receptivity = writeList(out, 'receptivity', 2, iterateReceptivity(db), false);
  counts.crimeTrendLinks = writeList(out, 'crimeTrendLinks', 2, listCrimeTrendLinks(db), false);
  counts.libraryEntries = writeList(out, 'libraryEntries', 2, iterateLibraryForInterchange(db), false);
  counts.settings = writeList(out, 'settings', 2, interchangeSettings(db), true);
  out.write('  }\n}\n');
  return counts;
}

/** Writes the workbook's interchange JSON to `target` (atomically, durably); answers with its counts. */
export function writeInterchangeFile(db: ReadDb, target: string, options: { personal: boolean }): { counts: Record<string, number>; bytes: number } {
  const temporary = temporaryPathBeside(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx');
    const out = new BufferedFile(fd);
    const counts = writeDocument(out, db, options.personal);
    out.flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, target);
    fsyncDirectory(path.dirname(target));
    return { counts, bytes: out.bytes };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    removeQuietly(temporary);
    throw error;
  }
}
