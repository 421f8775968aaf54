// File format 6: the change log becomes the only way to write. Undo and redo are entries of their
// own (who undid what, and when); each entry says whether it holds personal values (redacted in
// place once undo of them is no longer useful) and whether it can still be undone. Imports and the
// logo keep what undo and redo need in side tables ("stashes") named by the change they belong to,
// never as JSON inside the log, so a large import stays flat in memory.
import type { Migration } from './migration.ts';

export const rebuildChangeLog: Migration = {
  version: 6,
  name: 'rebuild-change-log',
  appVersion: '0.5.0',
  up(db) {
    db.exec(`
      CREATE TABLE change_log_v6 (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'undo', 'redo')),
        before_json TEXT,
        after_json TEXT,
        -- 0 in force, 1 undone (may be redone), 2 undone and then superseded by a new change.
        state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
        -- For undo and redo entries: the change they undid or redid.
        target_seq INTEGER REFERENCES change_log_v6 (seq),
        -- 1 when before/after hold personal or special-category values not yet redacted.
        personal INTEGER NOT NULL DEFAULT 0 CHECK (personal IN (0, 1)),
        -- 0 once the change can no longer be undone (older than the retention period, or from
        -- before undo reached this kind of change).
        undoable INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
        redacted_at TEXT,
        CHECK ((action IN ('undo', 'redo')) = (target_seq IS NOT NULL))
      ) STRICT;

      INSERT INTO change_log_v6 (seq, id, at, who, record_type, record_id, action, before_json, after_json, state, personal, undoable)
        SELECT seq, id, at, who, record_type, record_id, action, before_json, after_json, undone,
          -- Until now nothing was redacted: every entry may hold personal values.
          1,
          -- Imports and logo changes were history only: nothing was kept to undo them.
          CASE WHEN record_type IN ('censusTable', 'logo') THEN 0 ELSE 1 END
        FROM change_log;
      DROP TABLE change_log;
      ALTER TABLE change_log_v6 RENAME TO change_log;

      CREATE INDEX change_log_by_record ON change_log (record_type, record_id);
      CREATE INDEX change_log_by_target ON change_log (target_seq) WHERE target_seq IS NOT NULL;
      -- Each new change discards what could be redone: keep that lookup off a full scan.
      CREATE INDEX change_log_redoable ON change_log (seq) WHERE state = 1;
      -- The retention pass looks only at entries still undoable or still holding personal values.
      CREATE INDEX change_log_undoable ON change_log (at) WHERE undoable = 1;
      CREATE INDEX change_log_personal ON change_log (at) WHERE personal = 1;

      -- A census table's contents set aside for undo (purpose 'undo') or redo ('redo') of one change.
      CREATE TABLE census_stash (
        id TEXT PRIMARY KEY NOT NULL,
        change_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('undo', 'redo')),
        table_id TEXT NOT NULL,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        reference_date TEXT NOT NULL,
        geography_level TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (change_id, purpose)
      ) STRICT;

      CREATE TABLE census_stash_category (
        stash_id TEXT NOT NULL REFERENCES census_stash (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        parent_position INTEGER,
        is_total INTEGER NOT NULL CHECK (is_total IN (0, 1)),
        PRIMARY KEY (stash_id, position)
      ) STRICT;

      CREATE TABLE census_stash_geography (
        stash_id TEXT NOT NULL REFERENCES census_stash (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (stash_id, code)
      ) STRICT;

      CREATE TABLE census_stash_value (
        stash_id TEXT NOT NULL REFERENCES census_stash (id) ON DELETE CASCADE,
        geography_code TEXT NOT NULL,
        position INTEGER NOT NULL,
        count REAL NOT NULL,
        PRIMARY KEY (stash_id, geography_code, position)
      ) STRICT, WITHOUT ROWID;

      -- Audiences' links to a removed table, to put back if the removal is undone.
      CREATE TABLE census_stash_link (
        stash_id TEXT NOT NULL REFERENCES census_stash (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        audience_id TEXT NOT NULL,
        area_id TEXT,
        category_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (stash_id, id)
      ) STRICT;

      -- The logo before or after a change (up to 2 MB each, so never in the log itself).
      CREATE TABLE logo_stash (
        change_id TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('before', 'after')),
        media_type TEXT CHECK (media_type IS NULL OR media_type IN ('image/png', 'image/jpeg')),
        bytes BLOB CHECK (bytes IS NULL OR length(bytes) <= 2097152),
        PRIMARY KEY (change_id, side)
      ) STRICT;
    `);
  },
};
