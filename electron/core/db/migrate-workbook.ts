// Brings an older workbook up to date: a timestamped backup copy first, then every migration in
// one transaction, then the same checks a freshly opened file gets.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { fsyncFile, fsyncDirectory } from '../fs/durable-write.ts';
import { fileSystemError } from './inspect-header.ts';
import { applyConnectionSettings, inspectWorkbookFile, openReadOnly, sqliteFileError, verifyWorkbook } from './open-database.ts';
import { runMigrations } from './run-migrations.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

/** `Strategy.ewb` → `Strategy (before update 2026-11-25 104312).ewb` (or `before repair`), beside the original. */
export function backupPathFor(file: string, now: Date, before: 'update' | 'repair' = 'update'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', ' ').slice(0, 15);
  const day = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)} (before ${before} ${day} ${stamp.slice(9)})${ext}`);
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

/** Migrates `file` in place if it is older than this app; the caller holds the lock. */
export function migrateWorkbookFile(file: string, now: Date): MigrationResult {
  const { header, needsMigration } = inspectWorkbookFile(file);
  if (!needsMigration) return { from: header.userVersion, to: header.userVersion, backupPath: null };
  // Every check first, on a read-only snapshot: a file that is not a sound workbook of the version
  // it claims is refused before a backup is made or anything is written.
  openReadOnly(file).close();
  const backupPath = backupPathFor(file, now);
  try {
    fs.copyFileSync(file, backupPath, fs.constants.COPYFILE_EXCL);
    fsyncFile(backupPath);
    fsyncDirectory(path.dirname(backupPath));
  } catch (error) {
    throw fileSystemError(error, backupPath);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 2000 });
    applyConnectionSettings(db, true);
    verifyWorkbook(db, file, header.userVersion);
    const to = runMigrations(db, LATEST_SCHEMA_VERSION);
    verifyWorkbook(db, file, to);
    return { from: header.userVersion, to, backupPath };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw sqliteFileError(error, file);
  } finally {
    db?.close();
  }
}
