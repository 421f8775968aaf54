// File format 8: police.uk street-level crime, kept as counts by LSOA × crime type for each import
// batch (one force's month, as police.uk publishes it), so importing a force-month again replaces
// just that batch; the batches and counts an import replaced, kept aside to undo it; and areas'
// and audiences' citations of crime trends as evidence.
import type { Migration } from './migration.ts';

export const createCrime: Migration = {
  version: 8,
  name: 'create-crime',
  appVersion: '0.6.0',
  up(db) {
    db.exec(`
      CREATE TABLE crime_batch (
        id TEXT PRIMARY KEY NOT NULL,
        force_id TEXT NOT NULL CHECK (length(force_id) BETWEEN 1 AND 60),
        reported_by TEXT NOT NULL CHECK (length(reported_by) <= 200),
        month TEXT NOT NULL CHECK (length(month) = 7 AND month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        file_name TEXT NOT NULL CHECK (length(file_name) <= 500),
        rows INTEGER NOT NULL CHECK (rows >= 0),
        rows_without_lsoa INTEGER NOT NULL CHECK (rows_without_lsoa BETWEEN 0 AND rows),
        imported_at TEXT NOT NULL,
        UNIQUE (force_id, month)
      ) STRICT;

      CREATE TABLE crime_count (
        batch_id TEXT NOT NULL REFERENCES crime_batch (id) ON DELETE CASCADE,
        lsoa_code TEXT NOT NULL CHECK (length(lsoa_code) BETWEEN 1 AND 20),
        crime_type TEXT NOT NULL CHECK (length(crime_type) BETWEEN 1 AND 60),
        count INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (batch_id, lsoa_code, crime_type)
      ) STRICT, WITHOUT ROWID;
      -- Areas are made of LSOAs: every roll-up reads counts by LSOA.
      CREATE INDEX crime_count_by_lsoa ON crime_count (lsoa_code);

      -- Batches (with their counts) an import replaced or undo took away, named after the change,
      -- to put back on undo or redo; never in the change log itself.
      CREATE TABLE crime_stash_batch (
        change_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('undo', 'redo')),
        id TEXT NOT NULL,
        force_id TEXT NOT NULL,
        reported_by TEXT NOT NULL,
        month TEXT NOT NULL,
        file_name TEXT NOT NULL,
        rows INTEGER NOT NULL,
        rows_without_lsoa INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (change_id, purpose, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE crime_stash_count (
        change_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        lsoa_code TEXT NOT NULL,
        crime_type TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (change_id, purpose, batch_id, lsoa_code, crime_type),
        FOREIGN KEY (change_id, purpose, batch_id) REFERENCES crime_stash_batch (change_id, purpose, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      -- An area or an audience citing a crime trend (a crime type rising or falling in an area, or
      -- across the whole strategy area when area_id is NULL) as evidence.
      CREATE TABLE crime_trend_link (
        id TEXT PRIMARY KEY NOT NULL,
        audience_id TEXT REFERENCES audience (id) ON DELETE CASCADE,
        citing_area_id TEXT REFERENCES area (id) ON DELETE CASCADE,
        area_id TEXT REFERENCES area (id) ON DELETE CASCADE,
        crime_type TEXT NOT NULL CHECK (length(crime_type) BETWEEN 1 AND 60),
        comparison TEXT NOT NULL CHECK (comparison IN ('previous', 'year-before')),
        created_at TEXT NOT NULL,
        CHECK ((audience_id IS NULL) <> (citing_area_id IS NULL))
      ) STRICT;
      CREATE INDEX crime_trend_link_by_audience ON crime_trend_link (audience_id) WHERE audience_id IS NOT NULL;
      CREATE INDEX crime_trend_link_by_citing_area ON crime_trend_link (citing_area_id) WHERE citing_area_id IS NOT NULL;
      CREATE INDEX crime_trend_link_by_area ON crime_trend_link (area_id) WHERE area_id IS NOT NULL;
    `);
  },
};
