// File format 11: the practice library. Other forces' practice, copied row by row out of their
// workbooks (never attached), each entry with where it came from: force, workbook id, title, period
// and when it was added. An entry replaced by a newer copy of the same workbook, or removed, stays
// (hidden, `live` 0) only while the change that hid it can be undone. A practice adopted from the
// library keeps the workbook it came from. Self-contained, so the schema never changes once shipped.
import type { Migration } from './migration.ts';

export const createPracticeLibrary: Migration = {
  version: 11,
  name: 'create-practice-library',
  appVersion: '0.6.0',
  up(db) {
    db.exec(`
      CREATE TABLE library_entry (
        id TEXT PRIMARY KEY NOT NULL,
        workbook_id TEXT NOT NULL CHECK (length(workbook_id) BETWEEN 1 AND 100),
        force_id TEXT NOT NULL CHECK (length(force_id) BETWEEN 1 AND 100),
        title TEXT NOT NULL CHECK (length(title) <= 200),
        period_start TEXT CHECK (period_start IS NULL OR length(period_start) = 10),
        period_end TEXT CHECK (period_end IS NULL OR length(period_end) = 10),
        source_kind TEXT NOT NULL CHECK (source_kind IN ('workbook', 'share-copy')),
        shared_at TEXT CHECK (shared_at IS NULL OR length(shared_at) <= 40),
        file_name TEXT NOT NULL CHECK (length(file_name) <= 500),
        added_at TEXT NOT NULL CHECK (length(added_at) <= 40),
        live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
        hidden_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX library_entry_live_workbook ON library_entry (workbook_id) WHERE live = 1;
      CREATE INDEX library_entry_by_hider ON library_entry (hidden_by);

      CREATE TABLE library_practice (
        entry_id TEXT NOT NULL REFERENCES library_entry (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        audience_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audience_kinds) AND json_type(audience_kinds) = 'array'),
        channel_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channel_kinds) AND json_type(channel_kinds) = 'array'),
        depth TEXT,
        origin TEXT NOT NULL,
        origin_force TEXT,
        year INTEGER CHECK (year IS NULL OR year BETWEEN 1990 AND 2100),
        outcome TEXT,
        outcome_note TEXT NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 5000),
        evidence_strength TEXT,
        verdict TEXT,
        PRIMARY KEY (entry_id, id)
      ) STRICT;
      CREATE INDEX library_practice_by_depth ON library_practice (depth, title COLLATE NOCASE, id);

      -- The kinds of audience and channel each practice is for, one row each, so a comparison by
      -- kind is an index look-up rather than a scan of every practice's list.
      CREATE TABLE library_practice_kind (
        entry_id TEXT NOT NULL,
        practice_id TEXT NOT NULL,
        axis TEXT NOT NULL CHECK (axis IN ('audience', 'channel')),
        kind TEXT NOT NULL CHECK (length(kind) <= 100),
        PRIMARY KEY (entry_id, practice_id, axis, kind),
        FOREIGN KEY (entry_id, practice_id) REFERENCES library_practice (entry_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX library_practice_kind_by_kind ON library_practice_kind (axis, kind);

      ALTER TABLE practice ADD COLUMN origin_workbook TEXT NOT NULL DEFAULT '' CHECK (length(origin_workbook) <= 300);
    `);
  },
};
