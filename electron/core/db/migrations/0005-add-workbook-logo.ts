// File format 5: the force's logo for the cover of the strategy document, kept in the workbook's
// details (a PNG or JPEG of at most 2 MB), so it travels with the file and the interchange format.
import type { Migration } from './migration.ts';

export const addWorkbookLogo: Migration = {
  version: 5,
  name: 'add-workbook-logo',
  appVersion: '0.4.0',
  up(db) {
    db.exec(`
      ALTER TABLE workbook ADD COLUMN logo BLOB CHECK (logo IS NULL OR length(logo) <= 2097152);
      ALTER TABLE workbook ADD COLUMN logo_type TEXT CHECK (logo_type IS NULL OR logo_type IN ('image/png', 'image/jpeg'));
    `);
  },
};
