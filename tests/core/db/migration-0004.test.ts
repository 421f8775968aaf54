// Migration 0004 (census evidence): a version-3 workbook keeps its records and gains the census,
// evidence-link and settings tables, with their links and checks in force.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations, readUserVersion } from '../../../electron/core/db/run-migrations.ts';
import { olderWorkbook } from '../../helpers/older-workbook.ts';
import { readSchema } from '../../../electron/core/db/expected-schema.ts';

function versionThree(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  olderWorkbook(db, 3, { id: 'w', forceId: 'kent', title: 't', appVersion: '0.2.0', createdAt: 'a', modifiedAt: 'b' });
  db.prepare(`INSERT INTO audience (id, created_at, updated_at, name, kind, engagement_state, priority) VALUES ('aud', 'a', 'a', 'Young people', 'young-people', 'unknown', 'high')`).run();
  return db;
}

describe('migration 0004', () => {
  it('adds the census tables and keeps what was there', () => {
    const db = versionThree();
    runMigrations(db, 4);
    expect(readUserVersion(db)).toBe(4);
    const names = readSchema(db).filter((e) => e.type === 'table').map((e) => e.name);
    for (const table of ['census_table', 'census_category', 'census_geography', 'census_value', 'evidence_link', 'workbook_setting']) expect(names).toContain(table);
    expect(db.prepare('SELECT name FROM audience').pluck().get()).toBe('Young people');
    db.close();
  });

  it('ties values to their table, category and geography, and links to audiences, with checks', () => {
    const db = versionThree();
    runMigrations(db, 4);
    db.prepare(`INSERT INTO census_table (id, code, title, geography_level, imported_at) VALUES ('t', 'TS021', 'Ethnic group', 'lsoa', 'x')`).run();
    db.prepare(`INSERT INTO census_category (table_id, position, name, label, is_total) VALUES ('t', 0, 'Total', 'Total', 1), ('t', 1, 'White', 'White', 0)`).run();
    db.prepare(`INSERT INTO census_geography (table_id, code, name) VALUES ('t', 'E01000001', 'A')`).run();
    db.prepare(`INSERT INTO census_value (table_id, geography_code, position, count) VALUES ('t', 'E01000001', 0, 10), ('t', 'E01000001', 1, 7)`).run();
    expect(() => db.prepare(`INSERT INTO census_value (table_id, geography_code, position, count) VALUES ('t', 'E01000009', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO census_value (table_id, geography_code, position, count) VALUES ('t', 'E01000001', 5, 1)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE census_value SET count = -1`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO census_table (id, code, title, geography_level, imported_at) VALUES ('t2', 'TS021', 'Again', 'lsoa', 'x')`).run()).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at) VALUES ('l', 'aud', 't', NULL, 'White', 'x')`).run();
    db.prepare(`DELETE FROM census_table WHERE id = 't'`).run();
    expect(db.prepare('SELECT count(*) FROM census_value').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM evidence_link').pluck().get()).toBe(0);
    db.close();
  });
});
