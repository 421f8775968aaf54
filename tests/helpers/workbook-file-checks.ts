// Looks at workbook files from outside the core: hashes, SQLite's own integrity_check, and copies
// of a file's state (with its journal) as a crash left it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * `PRAGMA integrity_check` as SQLite reports it: ['ok'] for a sound file, otherwise the problems
 * (or why it could not be run). It runs on a scratch copy of the file (and its journal, if any)
 * through a writable connection, for two reasons: the file itself is never touched, and SQLite
 * skips CHECK constraints in integrity_check on a read-only connection (seen with SQLite 3.54.1),
 * so a read-only check would call a file with a broken CHECK constraint sound. A hot journal is
 * rolled back in the copy first, exactly as SQLite would recover the original.
 */
export function integrityCheck(file: string): string[] {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-integrity-'));
  let db: Database.Database | undefined;
  try {
    const { copy } = copyWithJournal(file, scratch);
    db = new Database(copy, { fileMustExist: true, timeout: 5000 });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'no code';
    return [`could not run integrity_check: ${code}: ${(error as Error).message}`];
  } finally {
    db?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export function isSound(report: string[]): boolean {
  return report.length === 1 && report[0] === 'ok';
}

/**
 * Copies `file` and its rollback journal (if any) into `folder` under the same names, so SQLite can
 * recover the copy exactly as it would the original. Returns the copy's path and whether a journal
 * was there.
 */
export function copyWithJournal(file: string, folder: string): { copy: string; hadJournal: boolean } {
  fs.mkdirSync(folder, { recursive: true });
  const copy = path.join(folder, path.basename(file));
  fs.copyFileSync(file, copy);
  const journal = `${file}-journal`;
  let hadJournal = false;
  if (fs.existsSync(journal)) {
    fs.copyFileSync(journal, `${copy}-journal`);
    hadJournal = true;
  }
  return { copy, hadJournal };
}
