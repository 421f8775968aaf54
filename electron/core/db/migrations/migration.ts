// What a numbered migration is. Once shipped, a migration file is never edited: add a new one.
import type Database from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` this migration brings a workbook to. */
  readonly version: number;
  /** kebab-case verb-noun, matching the file name. */
  readonly name: string;
  /** The first app version that wrote this file format, for "needs version X or later". */
  readonly appVersion: string;
  up(db: Database.Database): void;
}
