// Opens a workbook file as untrusted input: header first, then SQLite with defensive settings,
// then integrity, links, identity and an exact schema match — before anything reads our data.
// The checks run on a private copy (see working-copy.ts), so the file is only ever read by them.
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error.ts';
import { APPLICATION_ID, APP_NAME } from './file-format.ts';
import { inspectHeader, statOrdinaryFile, type HeaderInfo } from './inspect-header.ts';
import { hasJournal, makeWorkingCopy, type WorkingCopy } from './working-copy.ts';
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

function tooNewError(file: string, header: HeaderInfo, shownAs: string): AppError {
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
  const name = path.basename(shownAs);
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

/**
 * Runs every check that can be made from the header, without writing; returns what it said.
 * `shownAs` names the file in messages when `file` is a private copy of it.
 */
export function inspectWorkbookFile(file: string, shownAs = file): OpenedFile {
  const header = inspectHeader(file, shownAs);
  const name = path.basename(shownAs);
  if (header.userVersion > LATEST_SCHEMA_VERSION) throw tooNewError(file, header, shownAs);
  if (header.userVersion < 1) throw new AppError('damaged', `"${name}" is damaged: it has no workbook format version.`);
  if (header.wal) {
    throw new AppError('not-a-workbook', `"${name}" has been changed by another program (it uses a write-ahead log, which workbooks never do), so it is not opened.`);
  }
  return { header, needsMigration: header.userVersion < LATEST_SCHEMA_VERSION };
}

interface CheckedCopy {
  db: Database.Database;
  header: HeaderInfo;
  copy: WorkingCopy;
}

/**
 * Copies `file` (with its journal, undone in the copy) to a private folder and runs every check on
 * the copy through a writable connection, so integrity_check verifies CHECK constraints too. The
 * file itself is only read. Without a journal its header is checked first, so a large file that
 * is not a workbook is refused before anything is copied; with one, the header is only meaningful
 * once the unfinished change is undone, so it is checked on the copy.
 */
function openCheckedCopy(file: string): CheckedCopy {
  if (hasJournal(file)) statOrdinaryFile(file);
  else inspectWorkbookFile(file);
  let copy: WorkingCopy | undefined;
  let db: Database.Database | undefined;
  try {
    copy = makeWorkingCopy(file);
    const { header } = inspectWorkbookFile(copy.path, file);
    db = new Database(copy.path, { fileMustExist: true });
    applyConnectionSettings(db, true);
    verifyWorkbook(db, file, header.userVersion);
    return { db, header, copy };
  } catch (error) {
    db?.close();
    copy?.dispose();
    throw sqliteFileError(error, file);
  }
}

/**
 * Opens `file` read-only after every check; takes no lock and never writes to it. The connection
 * reads the checked private copy (see openCheckedCopy), frozen with query_only: a snapshot as of
 * opening, like a read-only document, that nobody else can change under it. An older file is
 * brought up to date in the copy only, so every reader sees one schema. Memory stays flat in the
 * file's size; the copy takes as much space in the temporary folder as the file. Closing the
 * connection removes the copy.
 */
export function openSnapshot(file: string): { db: ReadDb; fileVersion: number } {
  const { db, header, copy } = openCheckedCopy(file);
  try {
    if (header.userVersion < LATEST_SCHEMA_VERSION) {
      runMigrations(db, LATEST_SCHEMA_VERSION);
      verifyWorkbook(db, file, LATEST_SCHEMA_VERSION);
    }
    db.pragma('query_only = ON');
  } catch (error) {
    db.close();
    copy.dispose();
    throw sqliteFileError(error, file);
  }
  // Removed at once where the system allows it (the connection keeps reading the open file, and
  // nothing is left behind if the process is killed); otherwise when the connection closes.
  copy.dispose();
  const close = db.close.bind(db);
  Object.defineProperty(db, 'close', {
    value: () => {
      close();
      copy.dispose();
      return db;
    },
  });
  return { db: db as ReadDb, fileVersion: header.userVersion };
}

/** openSnapshot's connection alone. */
export function openReadOnly(file: string): ReadDb {
  return openSnapshot(file).db;
}

/**
 * If a journal is beside `file` (a change that was not finished, or a stranger's file made to look
 * like one), checks on a copy what undoing it would give, and only if that is a sound workbook lets
 * SQLite undo it in the real file. A bad one is refused with the file and its journal untouched.
 * The caller holds the lock.
 */
export function recoverUnfinishedChange(file: string): boolean {
  if (!hasJournal(file)) return false;
  const { db, copy } = openCheckedCopy(file);
  db.close();
  copy.dispose();
  let real: Database.Database | undefined;
  try {
    real = new Database(file, { fileMustExist: true, timeout: 2000 });
    real.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  } catch (error) {
    throw sqliteFileError(error, file);
  } finally {
    real?.close();
  }
  return true;
}

/**
 * Opens `file` for writing (the caller holds its lock). A file of an older format must have been
 * migrated first (see migrate-workbook.ts); this refuses one that was not. A journal beside it is
 * checked on a copy before SQLite may undo it in the file.
 */
export function openWritable(file: string): WriteDb {
  recoverUnfinishedChange(file);
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
