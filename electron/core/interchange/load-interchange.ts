// Writes an interchange file's records into a new workbook (inside the transaction that creates
// it): every field validated already by the format's schema, links checked here, so a file with a
// dangling link or a repeated id is refused as a whole with where the problem is.
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { emptyValue, type RecordValues } from '../../../shared/api/records.ts';
import type { Interchange } from '../../../shared/api/interchange.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import { insertRecord } from '../records/record-store.ts';
import { writeCompletion } from '../gaps/section-completion.ts';
import { loadCensus } from './census-interchange.ts';

export function loadInterchangeRecords(db: WriteDb, records: Interchange['records'], source: string): void {
  // Records may point at each other in any order (an area's parent may come after it): links are
  // checked once everything is in, before the transaction commits.
  db.pragma('defer_foreign_keys = ON');
  const seen = new Map<string, string>();
  for (const type of RECORD_TYPE_NAMES) {
    const def = RECORD_TYPES[type];
    const list = (records[type] ?? []) as Array<Record<string, unknown>>;
    list.forEach((raw, index) => {
      const where = `records.${type}[${index}]`;
      const id = String(raw.id);
      const earlier = seen.get(id);
      if (earlier) throw new AppError('invalid-input', `"${source}" uses the id ${id} twice (${earlier} and ${where}). Nothing was imported.`);
      seen.set(id, where);
      const complete: Record<string, unknown> = { ...raw };
      for (const field of def.fields) if (!(field.name in complete)) complete[field.name] = emptyValue(field);
      for (const link of def.links) if (!(link.name in complete)) complete[link.name] = [];
      insertRecord(db, type, complete as RecordValues);
    });
  }
  for (const { section, completedAt } of records.sectionCompletions ?? []) writeCompletion(db, section, completedAt);
  loadCensus(db, records, source);
  refuseParentCycles(db, source);
  const dangling = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  if (dangling.length > 0) {
    const first = dangling[0]!;
    const owner = RECORD_TYPE_NAMES.find((type) => RECORD_TYPES[type].table === first.table || RECORD_TYPES[type].links.some((l) => l.table === first.table)) as RecordTypeName | undefined;
    const target = RECORD_TYPE_NAMES.find((type) => RECORD_TYPES[type].table === first.parent);
    throw new AppError(
      'invalid-input',
      `"${source}" has ${dangling.length} link${dangling.length === 1 ? '' : 's'} to records that are not in it (the first from ${owner ? RECORD_TYPES[owner].plural.toLowerCase() : first.table} to ${target ? RECORD_TYPES[target].plural.toLowerCase() : first.parent}). Nothing was imported.`,
    );
  }
}

/** An area inside itself (directly or through others) would make every tree of areas endless. */
function refuseParentCycles(db: WriteDb, source: string): void {
  const parents = new Map((db.prepare('SELECT id, parent_id FROM area').all() as Array<{ id: string; parent_id: string | null }>).map((row) => [row.id, row.parent_id]));
  for (const start of parents.keys()) {
    const seen = new Set<string>();
    for (let current: string | null | undefined = start; current; current = parents.get(current)) {
      if (seen.has(current)) throw new AppError('invalid-input', `"${source}" has areas that sit inside each other in a circle (area ${start}). Nothing was imported.`);
      seen.add(current);
    }
  }
}
