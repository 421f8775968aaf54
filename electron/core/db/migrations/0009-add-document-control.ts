// File format 9: the strategy document's control table names who owns the strategy and who
// approves it. Both are posts (for example "Superintendent, Neighbourhood Policing"), not people:
// a post outlives whoever holds it, and a person's name stays in the author, which is personal data.
import type { Migration } from './migration.ts';

export const addDocumentControl: Migration = {
  version: 9,
  name: 'add-document-control',
  appVersion: '0.6.0',
  up(db) {
    db.exec(`
      ALTER TABLE workbook ADD COLUMN owner TEXT CHECK (owner IS NULL OR length(owner) <= 200);
      ALTER TABLE workbook ADD COLUMN approver TEXT CHECK (approver IS NULL OR length(approver) <= 200);
    `);
  },
};
