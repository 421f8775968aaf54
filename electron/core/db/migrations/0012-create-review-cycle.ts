// File format 12: the self-assessment and the review cycle. Each hallmark of good engagement gets
// the planner's rating (1 to 5) and evidence note; each review of the strategy leaves an entry in
// the review log (when, who — a person, so personal data —, what it found and what was decided);
// and a workbook rolled forward from a previous period names that workbook (its id, title and
// period), so the line of strategies can be followed. Self-contained, so its schema never changes.
import type { Migration } from './migration.ts';

export const createReviewCycle: Migration = {
  version: 12,
  name: 'create-review-cycle',
  appVersion: '0.7.0',
  up(db) {
    const common = `
      id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      reviewed_at TEXT,
      shareable INTEGER NOT NULL DEFAULT 1 CHECK (shareable IN (0, 1)),
      notes TEXT NOT NULL DEFAULT ''`;
    db.exec(`
      CREATE TABLE hallmark_rating (${common},
        hallmark TEXT NOT NULL,
        rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
        evidence TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE review_entry (${common},
        reviewed_on TEXT NOT NULL,
        reviewer TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL,
        decisions TEXT NOT NULL DEFAULT ''
      ) STRICT;

      ALTER TABLE workbook ADD COLUMN rolled_from_id TEXT CHECK (rolled_from_id IS NULL OR length(rolled_from_id) <= 36);
      ALTER TABLE workbook ADD COLUMN rolled_from_title TEXT CHECK (rolled_from_title IS NULL OR length(rolled_from_title) <= 200);
      ALTER TABLE workbook ADD COLUMN rolled_from_period_start TEXT CHECK (rolled_from_period_start IS NULL OR length(rolled_from_period_start) = 10);
      ALTER TABLE workbook ADD COLUMN rolled_from_period_end TEXT CHECK (rolled_from_period_end IS NULL OR length(rolled_from_period_end) = 10);
    `);
  },
};
