// File format 2: the change log — who changed which record, when, before and after. Undo, the
// history view and the review read it. It never leaves in the interchange format.
import type { Migration } from './migration.ts';

export const createChangeLog: Migration = {
  version: 2,
  name: 'create-change-log',
  appVersion: '0.1.0',
  up(db) {
    db.exec(`
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX change_log_by_record ON change_log (record_type, record_id);
    `);
  },
};
