// Census tables, evidence links, the receptivity grid and settings as the interchange format has them, in memory (the
// app writes dumps streamed, in write-interchange.ts; this is the whole-document form tests compare with).
import type { Interchange } from '../../../shared/api/interchange.ts';
import type { ReadDb } from '../db/open-database.ts';
import { listEvidenceLinks } from '../evidence/evidence-links.ts';
import { listReceptivity } from '../receptivity/receptivity-store.ts';
import { censusTableHead, interchangeSettings, type CensusTableRow } from './interchange-parts.ts';

type Records = Interchange['records'];

export function dumpCensus(db: ReadDb): Pick<Records, 'censusTables' | 'evidenceLinks' | 'receptivity' | 'settings'> {
  const tables = db.prepare('SELECT * FROM census_table ORDER BY code, geography_level, id').all() as CensusTableRow[];
  const censusTables = tables.map((table) => {
    const { head, countIndex } = censusTableHead(db, table);
    const geographies = db.prepare('SELECT code, name FROM census_geography WHERE table_id = ? ORDER BY code').all(table.id) as Array<{ code: string; name: string }>;
    const counts = new Map<string, number[]>(geographies.map((g) => [g.code, new Array<number>(head.categories.length).fill(0)]));
    for (const row of db.prepare('SELECT geography_code, position, count FROM census_value WHERE table_id = ?').iterate(table.id) as Iterable<{ geography_code: string; position: number; count: number }>) {
      const list = counts.get(row.geography_code);
      const at = countIndex.get(row.position);
      if (list && at !== undefined) list[at] = row.count;
    }
    return { ...head, geographies: geographies.map((g) => ({ code: g.code, name: g.name, counts: counts.get(g.code) ?? [] })) };
  });
  return { censusTables, evidenceLinks: listEvidenceLinks(db), receptivity: listReceptivity(db), settings: interchangeSettings(db) };
}
