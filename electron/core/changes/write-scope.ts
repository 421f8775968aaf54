// The guard that makes the change log the only way to write: every store function that changes a
// workbook asks for a write scope, which only writeChange (a logged change) and the building of a
// new workbook file open. A write from anywhere else fails loudly in tests, before it can ship.
const scopes = new WeakMap<object, number>();

/** Runs `body` with writes to `db` allowed. Nested scopes are fine. */
export function withinWriteScope<T>(db: object, body: () => T): T {
  scopes.set(db, (scopes.get(db) ?? 0) + 1);
  try {
    return body();
  } finally {
    const depth = (scopes.get(db) ?? 1) - 1;
    if (depth === 0) scopes.delete(db);
    else scopes.set(db, depth);
  }
}

/** Throws when `db` is written outside a logged change (a programming error, never the user's). */
export function requireWriteScope(db: object, what: string): void {
  if (!scopes.has(db)) throw new Error(`${what} was written outside a logged change: use writeChange`);
}
