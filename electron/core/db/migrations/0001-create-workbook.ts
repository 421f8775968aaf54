// File format 1: the workbook's one metadata row.
import type { Migration } from './migration.ts';

export const createWorkbook: Migration = {
  version: 1,
  name: 'create-workbook',
  appVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE workbook (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        force_id TEXT NOT NULL,
        title TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT,
        author TEXT,
        version_label TEXT NOT NULL DEFAULT '',
        marking TEXT NOT NULL CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
        review_date TEXT,
        app_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
