// Census tables, evidence links and settings in and out of the interchange format.
import type { Interchange } from '../../../shared/api/interchange.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { insertEvidenceLink, listEvidenceLinks } from '../evidence/evidence-links.ts';
import { listSettings, writeSetting } from '../workbook/workbook-settings.ts';
import { requireWriteScope } from '../changes/write-scope.ts';

type Records = Interchange['records'];

interface TableRow {
  id: string;
  code: string;
  title: string;
  source: string;
  reference_date: string;
  geography_level: Records['censusTables'][number]['geographyLevel'];
  file_name: string;
  imported_at: string;
}

export function dumpCensus(db: ReadDb): Pick<Records, 'censusTables' | 'evidenceLinks' | 'settings'> {
  const tables = db.prepare('SELECT * FROM census_table ORDER BY code, geography_level, id').all() as TableRow[];
  const censusTables = tables.map((table) => {
    const categories = db.prepare('SELECT position, name, label, parent_position, is_total FROM census_category WHERE table_id = ? ORDER BY position').all(table.id) as Array<{ position: number; name: string; label: string; parent_position: number | null; is_total: number }>;
    const nameAt = new Map(categories.map((c) => [c.position, c.name]));
    const index = new Map(categories.map((c, i) => [c.position, i]));
    const geographies = db.prepare('SELECT code, name FROM census_geography WHERE table_id = ? ORDER BY code').all(table.id) as Array<{ code: string; name: string }>;
    const counts = new Map<string, number[]>(geographies.map((g) => [g.code, new Array<number>(categories.length).fill(0)]));
    for (const row of db.prepare('SELECT geography_code, position, count FROM census_value WHERE table_id = ?').iterate(table.id) as Iterable<{ geography_code: string; position: number; count: number }>) {
      const list = counts.get(row.geography_code);
      const at = index.get(row.position);
      if (list && at !== undefined) list[at] = row.count;
    }
    return {
      id: table.id,
      code: table.code,
      title: table.title,
      source: table.source,
      referenceDate: table.reference_date,
      geographyLevel: table.geography_level,
      fileName: table.file_name,
      importedAt: table.imported_at,
      categories: categories.map((c) => ({ name: c.name, label: c.label, parent: c.parent_position === null ? null : (nameAt.get(c.parent_position) ?? null), total: c.is_total === 1 })),
      geographies: geographies.map((g) => ({ code: g.code, name: g.name, counts: counts.get(g.code) ?? [] })),
    };
  });
  const settings = listSettings(db).map((row) => ({ key: row.key, value: row.value }));
  return { censusTables, evidenceLinks: listEvidenceLinks(db), settings };
}

export function loadCensus(db: WriteDb, records: Records, source: string): void {
  requireWriteScope(db, 'Census tables');
  const insertTable = db.prepare('INSERT INTO census_table (id, code, title, source, reference_date, geography_level, file_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertCategory = db.prepare('INSERT INTO census_category (table_id, position, name, label, parent_position, is_total) VALUES (?, ?, ?, ?, ?, ?)');
  const insertGeography = db.prepare('INSERT INTO census_geography (table_id, code, name) VALUES (?, ?, ?)');
  const insertValue = db.prepare('INSERT INTO census_value (table_id, geography_code, position, count) VALUES (?, ?, ?, ?)');
  (records.censusTables ?? []).forEach((table, index) => {
    const where = `records.censusTables[${index}]`;
    const names = table.categories.map((c) => c.name);
    if (new Set(names).size !== names.length) throw new AppError('invalid-input', `"${source}" ${where} names a category twice. Nothing was imported.`);
    const codes = table.geographies.map((g) => g.code);
    if (new Set(codes).size !== codes.length) throw new AppError('invalid-input', `"${source}" ${where} lists a geography twice. Nothing was imported.`);
    try {
      insertTable.run(table.id, table.code, table.title, table.source, table.referenceDate, table.geographyLevel, table.fileName, table.importedAt);
    } catch {
      throw new AppError('invalid-input', `"${source}" ${where} repeats a table (the same id, or the same code at the same geography level). Nothing was imported.`);
    }
    table.categories.forEach((category, position) => insertCategory.run(table.id, position, category.name, category.label, category.parent === null ? null : names.indexOf(category.parent), category.total ? 1 : 0));
    for (const geography of table.geographies) {
      insertGeography.run(table.id, geography.code, geography.name);
      geography.counts.forEach((count, position) => insertValue.run(table.id, geography.code, position, count));
    }
  });
  for (const link of records.evidenceLinks ?? []) {
    const category = db.prepare('SELECT 1 FROM census_category WHERE table_id = ? AND name = ?').get(link.tableId, link.category);
    if (!category) throw new AppError('invalid-input', `"${source}" links an audience to the census figure “${link.category}”, which is not in its table. Nothing was imported.`);
    insertEvidenceLink(db, link);
  }
  for (const setting of records.settings ?? []) writeSetting(db, setting.key, setting.value);
}
