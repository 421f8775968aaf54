// Census tables, evidence links, the receptivity grid and settings as the interchange format has them, in memory (the
// app writes dumps streamed, in write-interchange.ts; this is the whole-document form tests compare with).
import type { Interchange } from '../../../shared/api/interchange.ts';
import type { ReadDb } from '../db/open-database.ts';
import { listEvidenceLinks } from '../evidence/evidence-links.ts';
import { listReceptivity } from '../receptivity/receptivity-store.ts';

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

export function dumpCensus(db: ReadDb): Pick<Records, 'censusTables' | 'evidenceLinks' | 'receptivity' | 'settings'> {
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
  const settings = (db.prepare('SELECT key, value FROM workbook_setting ORDER BY key').all() as Array<{ key: string; value: string }>).map((row) => ({ key: row.key, value: row.value }));
  return { censusTables, evidenceLinks: listEvidenceLinks(db), receptivity: listReceptivity(db), settings };
}
