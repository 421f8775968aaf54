// Opens a workbook file as untrusted input: header first, then SQLite with defensive settings,
// then integrity, links, identity and an exact schema match — before anything reads our data.
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID, APP_NAME } from './file-format.ts';
import { inspectHeader, type HeaderInfo } from './inspect-header.ts';
import { describeSchemaDifference, readSchema } from './expected-schema.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import { APP_VERSION } from '../app-version.ts';
import { runMigrations } from './run-migrations.ts';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;
/** A connection that may only read (Signal's branded handles: a read path cannot write). */
export type ReadDb = Database.Database & { readonly [readBrand]: true };
/** A connection that holds the lock and may write. */
export type WriteDb = Database.Database & { readonly [readBrand]: true; readonly [writeBrand]: true };

/**
 * The settings every connection gets. Rollback journal (never WAL: the .ewb alone is complete and
 * network drives stay safe); FULL sync so an acknowledged edit survives power loss; and SQLite's
 * defences for files from elsewhere (better-sqlite3 also turns on SQLITE_DBCONFIG_DEFENSIVE).
 */
export function applyConnectionSettings(db: Database.Database, writable: boolean): void {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  if (writable) {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new AppError('io', `The workbook could not be switched to its safe journal mode (${String(mode)}).`);
  }
}

/** The pragmas as a connection reports them, for tests and `ewb check`. */
export function readConnectionSettings(db: Database.Database): Record<string, unknown> {
  const names = ['journal_mode', 'synchronous', 'trusted_schema', 'cell_size_check', 'mmap_size', 'foreign_keys', 'secure_delete'];
  return Object.fromEntries(names.map((name) => [name, db.pragma(name, { simple: true })]));
}

export function appVersionForSchema(version: number): string | null {
  return MIGRATIONS.find((migration) => migration.version === version)?.appVersion ?? null;
}

/** Maps SQLite's errors on a file from elsewhere to a message naming the problem. */
export function sqliteFileError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const name = path.basename(file);
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('damaged', `"${name}" is damaged and cannot be opened safely. Use an earlier copy.`);
  if (code === 'SQLITE_NOTADB') return new AppError('not-a-workbook', `"${name}" is not an Engagement Workbook file.`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('in-use', `"${name}" is busy: another program is writing to it. Try again in a moment.`);
  }
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY') {
    return new AppError('damaged', `"${name}" was not closed cleanly. Open it for editing (not read-only) so it can recover.`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM')) {
    return new AppError('io', `"${name}" could not be opened (${code}). Check the file is still there and you may read it.`);
  }
  if (code.startsWith('SQLITE_FULL')) return new AppError('io', 'The disk is full. Free some space and try again.');
  return new AppError('damaged', `"${name}" could not be read as a workbook (${code || 'unknown problem'}).`);
}

/** Compares dotted version numbers numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

function tooNewError(file: string, header: HeaderInfo): AppError {
  let recorded: string | null = null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      applyConnectionSettings(db, false);
      recorded = (db.prepare('SELECT app_version FROM workbook').pluck().get() as string | undefined) ?? null;
    } finally {
      db.close();
    }
  } catch {
    recorded = null;
  }
  const name = path.basename(file);
  const needs = recorded && compareVersions(recorded, APP_VERSION) > 0 ? `version ${recorded} or later` : 'a later version';
  return new AppError(
    'too-new',
    `"${name}" was saved by a newer ${APP_NAME} (file format ${header.userVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). It needs ${needs}: ask your support team for the update. The file has not been changed.`,
  );
}

/** Checks an open connection is a sound workbook of schema `version`; throws if not. */
export function verifyWorkbook(db: Database.Database, file: string, version: number): void {
  const name = path.basename(file);
  // integrity_check, not quick_check: quick_check does not compare indexes with their tables, and
  // a file from elsewhere with a stale index would otherwise be accepted (the damaged-file suite
  // finds such files among single-byte flips). It costs milliseconds on a workbook-sized file.
  const integrity = db.pragma('integrity_check(1)', { simple: false }) as Array<{ integrity_check: string }>;
  const firstProblem = integrity[0]?.integrity_check ?? 'no answer';
  if (integrity.length !== 1 || firstProblem !== 'ok') {
    throw new AppError('damaged', `"${name}" is damaged (${firstProblem}). Use an earlier copy.`);
  }
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) throw new AppError('not-a-workbook', `"${name}" is a database made by another application, not an Engagement Workbook.`);
  const difference = describeSchemaDifference(readSchema(db), version);
  if (difference) {
    throw new AppError('not-a-workbook', `"${name}" is not a workbook as Engagement Workbook makes them: ${difference}. It may have been changed by another program, so it is not opened.`);
  }
  const badLinks = db.pragma('foreign_key_check') as unknown[];
  if (badLinks.length > 0) throw new AppError('damaged', `"${name}" is damaged: ${badLinks.length} links point at records that do not exist.`);
  const rows = db.prepare('SELECT count(*) FROM workbook').pluck().get() as number;
  if (rows !== 1) throw new AppError('damaged', `"${name}" is damaged: its workbook details are missing.`);
}

export interface OpenedFile {
  header: HeaderInfo;
  /** True when the file is an older format that must be migrated before writing. */
  needsMigration: boolean;
}

/** Runs every check that can be made without writing; returns what the header said. */
export function inspectWorkbookFile(file: string): OpenedFile {
  const header = inspectHeader(file);
  if (header.userVersion > LATEST_SCHEMA_VERSION) throw tooNewError(file, header);
  if (header.userVersion < 1) throw new AppError('damaged', `"${path.basename(file)}" is damaged: it has no workbook format version.`);
  if (header.wal) {
    throw new AppError('not-a-workbook', `"${path.basename(file)}" has been changed by another program (it uses a write-ahead log, which workbooks never do), so it is not opened.`);
  }
  return { header, needsMigration: header.userVersion < LATEST_SCHEMA_VERSION };
}

/**
 * Opens `file` read-only after every check; takes no lock and never writes to it. The file is read
 * once into memory and checked there: SQLite skips CHECK and NOT NULL verification in
 * integrity_check on a read-only connection, so the checks run on the in-memory copy, which is
 * then frozen with query_only. An older file is brought up to date in memory only, so every reader
 * sees one schema. The result is a snapshot as of opening, like a read-only document.
 */
export function openReadOnly(file: string): ReadDb {
  const { header } = inspectWorkbookFile(file);
  let source: Database.Database | undefined;
  let db: Database.Database | undefined;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true, timeout: 2000 });
    applyConnectionSettings(source, false);
    const image = source.serialize();
    source.close();
    source = undefined;
    db = new Database(image);
    applyConnectionSettings(db, false);
    verifyWorkbook(db, file, header.userVersion);
    if (header.userVersion < LATEST_SCHEMA_VERSION) {
      runMigrations(db, LATEST_SCHEMA_VERSION);
      verifyWorkbook(db, file, LATEST_SCHEMA_VERSION);
    }
    db.pragma('query_only = ON');
    return db as ReadDb;
  } catch (error) {
    source?.close();
    db?.close();
    throw sqliteFileError(error, file);
  }
}

/**
 * Opens `file` for writing (the caller holds its lock). A file of an older format must have been
 * migrated first (see migrate-workbook.ts); this refuses one that was not.
 */
export function openWritable(file: string): WriteDb {
  const { header } = inspectWorkbookFile(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 2000 });
    applyConnectionSettings(db, true);
    verifyWorkbook(db, file, header.userVersion);
    if (header.userVersion !== LATEST_SCHEMA_VERSION) {
      throw new AppError('internal', `"${path.basename(file)}" must be brought up to date before it is edited.`);
    }
    return db as WriteDb;
  } catch (error) {
    db?.close();
    throw sqliteFileError(error, file);
  }
}
