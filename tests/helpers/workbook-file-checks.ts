// Looks at workbook files from outside the core: hashes, SQLite's own integrity_check, and copies
// of a file's state (with its journal) as a crash left it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * `PRAGMA integrity_check` as SQLite reports it: ['ok'] for a sound file, otherwise the problems
 * (or why it could not be opened). Read-only by default, so the file is never changed; a file with a
 * hot journal needs `readOnly: false` so SQLite can roll the journal back first.
 */
export function integrityCheck(file: string, options: { readOnly?: boolean } = {}): string[] {
  const readOnly = options.readOnly ?? true;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: readOnly, fileMustExist: true, timeout: 5000 });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'no code';
    return [`could not run integrity_check: ${code}: ${(error as Error).message}`];
  } finally {
    db?.close();
  }
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
