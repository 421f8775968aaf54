// Writes an interchange file's records into a new workbook (inside the transaction that creates
// it) as they are read, one at a time: every field validated already by the format's schema, links
// checked here once everything is in, so a file with a dangling link or a repeated id is refused as
// a whole with where the problem is.
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { emptyValue, type RecordValues } from '../../../shared/api/records.ts';
import type { Interchange } from '../../../shared/api/interchange.ts';
import { labelOf } from '../../../shared/domain/vocabularies.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import { insertRecord } from '../records/record-store.ts';
import { writeCompletion } from '../gaps/section-completion.ts';
import { insertEvidenceLink } from '../evidence/evidence-links.ts';
import { insertCrimeTrendLink } from '../crime/crime-trend-links.ts';
import { writeSetting } from '../workbook/workbook-settings.ts';
import { writeCensusTable } from '../evidence/census-store.ts';
import { writeCell } from '../receptivity/receptivity-store.ts';
import { insertLibraryEntry } from '../library/library-store.ts';
import type { InterchangeCensusTable, InterchangeSink } from './stream-interchange.ts';

type Records = Interchange['records'];

/** A sink that writes each item into `db` as it arrives; call finish() once the file is read. */
export class InterchangeLoader implements InterchangeSink {
  private readonly db: WriteDb;
  private readonly source: string;
  /** Every id so far and where it was, for the refusal of a repeated one. */
  private readonly seen = new Map<string, string>();
  // These may point at tables or records later in the file: written once everything is in.
  private readonly completions: Array<Records['sectionCompletions'][number]> = [];
  private readonly links: Array<Records['evidenceLinks'][number]> = [];
  private readonly trendLinks: Array<Records['crimeTrendLinks'][number]> = [];
  private readonly settings: Array<Records['settings'][number]> = [];
  private readonly cells: Array<Records['receptivity'][number]> = [];

  constructor(db: WriteDb, source: string) {
    this.db = db;
    this.source = source;
    // Records may point at each other in any order (an area's parent may come after it): links are
    // checked once everything is in, before the transaction commits.
    db.pragma('defer_foreign_keys = ON');
  }

  record(type: RecordTypeName, raw: Record<string, unknown>, where: string): void {
    const def = RECORD_TYPES[type];
    const id = String(raw.id);
    const earlier = this.seen.get(id);
    if (earlier) throw new AppError('invalid-input', `"${this.source}" uses the id ${id} twice (${earlier} and ${where}). Nothing was imported.`);
    this.seen.set(id, where);
    const complete: Record<string, unknown> = { ...raw };
    for (const field of def.fields) if (!(field.name in complete)) complete[field.name] = emptyValue(field);
    for (const link of def.links) if (!(link.name in complete)) complete[link.name] = [];
    insertRecord(this.db, type, complete as RecordValues);
  }

  censusTable(table: InterchangeCensusTable, where: string): void {
    const names = table.categories.map((c) => c.name);
    if (new Set(names).size !== names.length) throw new AppError('invalid-input', `"${this.source}" ${where} names a category twice. Nothing was imported.`);
    const codes = new Set<string>();
    for (const geography of table.geographies) {
      if (codes.has(geography.code)) throw new AppError('invalid-input', `"${this.source}" ${where} lists the geography ${geography.code} twice. Nothing was imported.`);
      codes.add(geography.code);
    }
    const repeated = () => new AppError('invalid-input', `"${this.source}" ${where} repeats a table (the same id, or the same code at the same geography level). Nothing was imported.`);
    if (this.db.prepare('SELECT 1 FROM census_table WHERE id = ?').get(table.id) !== undefined) throw repeated();
    const position = new Map(names.map((name, index) => [name, index]));
    try {
      writeCensusTable(this.db, table.id, table.importedAt, {
        code: table.code,
        title: table.title,
        source: table.source,
        referenceDate: table.referenceDate,
        geographyLevel: table.geographyLevel,
        fileName: table.fileName,
        categories: table.categories.map((c, index) => ({ position: index, name: c.name, label: c.label, parentPosition: c.parent === null ? null : (position.get(c.parent) ?? null), isTotal: c.total })),
        geographies: table.geographies,
      });
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw repeated();
      throw error;
    }
  }

  sectionCompletion(entry: Records['sectionCompletions'][number]): void {
    this.completions.push(entry);
  }

  evidenceLink(link: Records['evidenceLinks'][number]): void {
    this.links.push(link);
  }

  receptivity(cell: Records['receptivity'][number]): void {
    this.cells.push(cell);
  }

  crimeTrendLink(link: Records['crimeTrendLinks'][number]): void {
    this.trendLinks.push(link);
  }

  setting(entry: Records['settings'][number]): void {
    this.settings.push(entry);
  }

  /** An entry of the practice library: provenance and practices, written at once (nothing in it points elsewhere). */
  libraryEntry(entry: Records['libraryEntries'][number], where: string): void {
    const { practices, ...head } = entry;
    const repeated = (what: string) => new AppError('invalid-input', `"${this.source}" ${where} ${what}. Nothing was imported.`);
    if (this.db.prepare('SELECT 1 FROM library_entry WHERE id = ? OR workbook_id = ?').get(head.id, head.workbookId) !== undefined) throw repeated('repeats a library entry (the same id, or the same workbook as an earlier entry)');
    if (new Set(practices.map((p) => p.id)).size !== practices.length) throw repeated('lists a practice twice');
    insertLibraryEntry(this.db, head, practices);
  }

  /** Writes what waited for the whole file, then checks every link. */
  finish(): void {
    const db = this.db;
    for (const { section, completedAt } of this.completions) writeCompletion(db, section, completedAt);
    const category = db.prepare('SELECT 1 FROM census_category WHERE table_id = ? AND name = ?');
    // Ids arrive lower-cased, so one written twice in different cases is caught here as a repeat.
    const linkIds = new Set<string>();
    for (const [index, link] of this.links.entries()) {
      if (linkIds.has(link.id)) throw new AppError('invalid-input', `"${this.source}" records.evidenceLinks[${index}] repeats the id of another evidence link (${link.id}). Nothing was imported.`);
      linkIds.add(link.id);
      if (!category.get(link.tableId, link.category)) throw new AppError('invalid-input', `"${this.source}" links an audience to the census figure “${link.category}”, which is not in its table. Nothing was imported.`);
      insertEvidenceLink(db, link);
    }
    const audience = db.prepare('SELECT 1 FROM audience WHERE id = ?');
    const channel = db.prepare('SELECT 1 FROM channel WHERE id = ?');
    const cellKeys = new Set<string>();
    for (const [index, cell] of this.cells.entries()) {
      const key = `${cell.audienceId}|${cell.channelId}`;
      if (cellKeys.has(key)) throw new AppError('invalid-input', `"${this.source}" records.receptivity[${index}] repeats the cell for the same audience and channel as an earlier one. Nothing was imported.`);
      cellKeys.add(key);
      if (!audience.get(cell.audienceId) || !channel.get(cell.channelId)) {
        throw new AppError('invalid-input', `"${this.source}" records.receptivity[${index}] is a cell of the receptivity grid for ${audience.get(cell.audienceId) ? 'a channel' : 'an audience'} that is not in the file. Nothing was imported.`);
      }
      writeCell(db, cell);
    }
    const trendIds = new Set<string>();
    for (const [index, link] of this.trendLinks.entries()) {
      const where = `"${this.source}" records.crimeTrendLinks[${index}]`;
      if (trendIds.has(link.id)) throw new AppError('invalid-input', `${where} repeats the id of another citation of a crime trend (${link.id}). Nothing was imported.`);
      trendIds.add(link.id);
      if ((link.audienceId === null) === (link.citingAreaId === null)) throw new AppError('invalid-input', `${where} must be cited by one audience or one area (audienceId or citingAreaId). Nothing was imported.`);
      insertCrimeTrendLink(db, link);
    }
    for (const setting of this.settings) writeSetting(db, setting.key, setting.value);
    refuseParentCycles(db, this.source);
    refuseRepeatedUniqueValues(db, this.source);
    const dangling = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
    if (dangling.length > 0) {
      const first = dangling[0]!;
      const owner = RECORD_TYPE_NAMES.find((type) => RECORD_TYPES[type].table === first.table || RECORD_TYPES[type].links.some((l) => l.table === first.table)) as RecordTypeName | undefined;
      const target = RECORD_TYPE_NAMES.find((type) => RECORD_TYPES[type].table === first.parent);
      throw new AppError(
        'invalid-input',
        `"${this.source}" has ${dangling.length} link${dangling.length === 1 ? '' : 's'} to records that are not in it (the first from ${owner ? RECORD_TYPES[owner].plural.toLowerCase() : first.table} to ${target ? RECORD_TYPES[target].plural.toLowerCase() : first.parent}). Nothing was imported.`,
      );
    }
  }
}

/** Writes a whole interchange document already in memory (small files, tests). */
export function loadInterchangeRecords(db: WriteDb, records: Records, source: string): void {
  const loader = new InterchangeLoader(db, source);
  for (const type of RECORD_TYPE_NAMES) {
    ((records[type] ?? []) as Array<Record<string, unknown>>).forEach((record, index) => loader.record(type, record, `records.${type}[${index}]`));
  }
  (records.censusTables ?? []).forEach((table, index) => loader.censusTable(table, `records.censusTables[${index}]`));
  for (const entry of records.sectionCompletions ?? []) loader.sectionCompletion(entry);
  for (const link of records.evidenceLinks ?? []) loader.evidenceLink(link);
  for (const cell of records.receptivity ?? []) loader.receptivity(cell);
  for (const link of records.crimeTrendLinks ?? []) loader.crimeTrendLink(link);
  (records.libraryEntries ?? []).forEach((entry, index) => loader.libraryEntry(entry, `records.libraryEntries[${index}]`));
  for (const entry of records.settings ?? []) loader.setting(entry);
  loader.finish();
}

/** An area inside itself (directly or through others) would make every tree of areas endless. */
function refuseParentCycles(db: WriteDb, source: string): void {
  const parents = new Map((db.prepare('SELECT id, parent_id FROM area').all() as Array<{ id: string; parent_id: string | null }>).map((row) => [row.id, row.parent_id]));
  // Each area is walked up once: a chain already known to end at the top is not walked again.
  const sound = new Set<string>();
  for (const start of parents.keys()) {
    const seen = new Set<string>();
    for (let current: string | null | undefined = start; current && !sound.has(current); current = parents.get(current)) {
      if (seen.has(current)) throw new AppError('invalid-input', `"${source}" has areas that sit inside each other in a circle (area ${start}). Nothing was imported.`);
      seen.add(current);
    }
    for (const id of seen) sound.add(id);
  }
}

/** Two records holding a value only one may hold (two ratings of one hallmark): which one counts would be a guess. */
function refuseRepeatedUniqueValues(db: WriteDb, source: string): void {
  for (const type of RECORD_TYPE_NAMES) {
    const def = RECORD_TYPES[type];
    for (const field of def.fields.filter((f) => f.unique)) {
      const repeat = db.prepare(`SELECT ${field.column} AS value, COUNT(*) AS n FROM ${def.table} WHERE ${field.column} IS NOT NULL GROUP BY ${field.column} HAVING COUNT(*) > 1 LIMIT 1`).get() as { value: string; n: number } | undefined;
      if (!repeat) continue;
      const value = field.vocabulary ? labelOf(field.vocabulary, repeat.value) : repeat.value;
      throw new AppError('invalid-input', `"${source}" has ${repeat.n} ${def.plural.toLowerCase()} for the same ${field.label.toLowerCase()}, “${value}”: only one may have it. Keep one in records.${type} and delete the others. Nothing was imported.`);
    }
  }
}
