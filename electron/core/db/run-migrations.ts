// Brings a workbook's schema up to date, one numbered migration after another, in one transaction.
import type Database from 'better-sqlite3';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every migration above the file's version, up to `target`, all or nothing.
 * The caller has already refused files from the future and made a backup.
 */
export function runMigrations(db: Database.Database, target: number = LATEST_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = readUserVersion(db);
  if (from >= target) return from;
  const migrate = db.transaction(() => {
    for (const migration of migrations) {
      if (migration.version <= from || migration.version > target) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  migrate.immediate();
  return readUserVersion(db);
}
