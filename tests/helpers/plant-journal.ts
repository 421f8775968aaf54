// Puts a rollback journal beside a workbook, as a process killed mid-change would leave one, or
// as an attacker would craft one: undoing it turns the file into `before` the change.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Leaves `file` as `change` applied to `before`, with a hot journal beside it that undoes the
 * change: opening it for writing would roll `file` back to `before`. `before` is left as it was.
 */
export function plantJournal(before: string, file: string, change: string): void {
  const work = `${file}.planting`;
  fs.copyFileSync(before, work);
  const db = new Database(work);
  try {
    db.pragma('journal_mode = DELETE');
    // Without syncs the journal's header counts its pages from its size, so the copy taken
    // mid-transaction is complete as it stands.
    db.pragma('synchronous = OFF');
    db.exec('BEGIN IMMEDIATE');
    db.exec(change);
    fs.copyFileSync(`${work}-journal`, `${file}-journal`);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  fs.renameSync(work, file);
}
