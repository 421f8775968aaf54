// Prepared statements kept per connection: the edit path prepares the same dozen statements on
// every edit, and preparing costs more than running them. A statement comes back in its plain mode
// (not plucked), so callers that pluck say so each time.
import type Database from 'better-sqlite3';

const caches = new WeakMap<object, Map<string, Database.Statement>>();

export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared.reader ? prepared.pluck(false) : prepared;
}
