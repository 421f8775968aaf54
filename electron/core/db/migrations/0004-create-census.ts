// File format 4: census and other sociodemographic tables per geography (categories with their
// hierarchy, geographies, counts), audiences' links to census figures as evidence, and workbook
// settings (the "who is missing" threshold).
import type { Migration } from './migration.ts';

export const createCensus: Migration = {
  version: 4,
  name: 'create-census',
  appVersion: '0.3.0',
  up(db) {
    db.exec(`
      CREATE TABLE census_table (
        id TEXT PRIMARY KEY NOT NULL,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        reference_date TEXT NOT NULL DEFAULT '',
        geography_level TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        UNIQUE (code, geography_level)
      ) STRICT;

      CREATE TABLE census_category (
        table_id TEXT NOT NULL REFERENCES census_table (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        parent_position INTEGER,
        is_total INTEGER NOT NULL DEFAULT 0 CHECK (is_total IN (0, 1)),
        PRIMARY KEY (table_id, position),
        UNIQUE (table_id, name)
      ) STRICT;

      CREATE TABLE census_geography (
        table_id TEXT NOT NULL REFERENCES census_table (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (table_id, code)
      ) STRICT;

      CREATE TABLE census_value (
        table_id TEXT NOT NULL,
        geography_code TEXT NOT NULL,
        position INTEGER NOT NULL,
        count REAL NOT NULL CHECK (count >= 0),
        PRIMARY KEY (table_id, geography_code, position),
        FOREIGN KEY (table_id, geography_code) REFERENCES census_geography (table_id, code) ON DELETE CASCADE,
        FOREIGN KEY (table_id, position) REFERENCES census_category (table_id, position) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE evidence_link (
        id TEXT PRIMARY KEY NOT NULL,
        audience_id TEXT NOT NULL REFERENCES audience (id) ON DELETE CASCADE,
        table_id TEXT NOT NULL REFERENCES census_table (id) ON DELETE CASCADE,
        area_id TEXT REFERENCES area (id) ON DELETE CASCADE,
        category_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (audience_id, table_id, area_id, category_name)
      ) STRICT;
      CREATE INDEX evidence_link_by_table ON evidence_link (table_id);

      -- Each new change discards what could be redone (undone = 1): keep that lookup off a full scan
      -- of the ever-growing change log.
      CREATE INDEX change_log_redoable ON change_log (seq) WHERE undone = 1;

      CREATE TABLE workbook_setting (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
