// Grows a workbook to a given size with census figures shaped like a national LSOA table (codes,
// names, 20 categories per area), written straight with SQL so a gigabyte takes a minute, not an
// import. The result is a sound workbook: it passes every check on open.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { seededRandom } from './seeded-random.ts';

/** Adds census figures to `file` (an existing workbook) until it is at least `bytes` long. */
export function growWorkbook(file: string, bytes: number, seed = 1): void {
  const random = seededRandom(seed);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    const tableId = '00000000-0000-4000-8000-00000000b16b';
    db.transaction(() => {
      db.prepare(`INSERT INTO census_table (id, code, title, geography_level, imported_at) VALUES (?, 'TS021', 'Ethnic group', 'lsoa', '2026-11-25T09:00:00.000Z')`).run(tableId);
      const category = db.prepare('INSERT INTO census_category (table_id, position, name, label, parent_position, is_total) VALUES (?, ?, ?, ?, NULL, ?)');
      for (let position = 0; position < 20; position += 1) category.run(tableId, position, `Category ${position}`, `Category ${position}`, position === 0 ? 1 : 0);
    })();
    const geography = db.prepare('INSERT INTO census_geography (table_id, code, name) VALUES (?, ?, ?)');
    const value = db.prepare('INSERT INTO census_value (table_id, geography_code, position, count) VALUES (?, ?, ?, ?)');
    let next = 0;
    while (fs.statSync(file).size < bytes) {
      db.transaction(() => {
        for (let i = 0; i < 20_000; i += 1, next += 1) {
          const code = `E0${String(next).padStart(7, '0')}`;
          geography.run(tableId, code, `Lower layer super output area ${next} of somewhere ${random.int(0, 999_999)}`);
          for (let position = 0; position < 20; position += 1) value.run(tableId, code, position, random.int(0, 4999));
        }
      })();
    }
  } finally {
    db.close();
  }
}
