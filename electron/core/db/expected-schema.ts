// The exact schema our migrations produce at each version, so an opened file whose schema differs
// in any way (an extra trigger, view, table or index) is recognised as not ours.
import Database from 'better-sqlite3';
import { runMigrations } from './run-migrations.ts';

export interface SchemaEntry {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

const cache = new Map<number, SchemaEntry[]>();

export function readSchema(db: Database.Database): SchemaEntry[] {
  return db
    .prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaEntry[];
}

export function expectedSchema(version: number): SchemaEntry[] {
  const cached = cache.get(version);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    runMigrations(db, version);
    const schema = readSchema(db);
    cache.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

const KIND_WORDS: Record<string, string> = { table: 'table', index: 'index', view: 'view', trigger: 'trigger' };

/** The first way `actual` differs from what version `version` should be, in words, or null. */
export function describeSchemaDifference(actual: SchemaEntry[], version: number): string | null {
  const expected = expectedSchema(version);
  const byKey = (entries: SchemaEntry[]) => new Map(entries.map((entry) => [`${entry.type}:${entry.name}`, entry]));
  const want = byKey(expected);
  const have = byKey(actual);
  for (const [key, entry] of have) {
    if (!want.has(key)) return `it has an extra ${KIND_WORDS[entry.type] ?? entry.type} "${entry.name}" that workbooks never have`;
  }
  for (const [key, entry] of want) {
    const found = have.get(key);
    if (!found) return `its ${KIND_WORDS[entry.type] ?? entry.type} "${entry.name}" is missing`;
    if (found.sql !== entry.sql || found.tblName !== entry.tblName) {
      return `its ${KIND_WORDS[entry.type] ?? entry.type} "${entry.name}" has been changed`;
    }
  }
  return null;
}
