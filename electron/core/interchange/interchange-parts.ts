// The parts of the interchange format that the whole-document dump (dump-workbook.ts) and the
// streamed writer (write-interchange.ts) both read the same way, so that the two cannot drift
// apart and always write the same bytes: the workbook's details, the sections marked complete,
// the settings, and a census table's own fields and categories.
import type { Interchange } from '../../../shared/api/interchange.ts';
import type { ReadDb } from '../db/open-database.ts';
import { readCompletions } from '../gaps/section-completion.ts';
import { readLogo } from '../workbook/workbook-logo.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';

type CensusTable = Interchange['records']['censusTables'][number];

/** A row of census_table as it is stored. */
export interface CensusTableRow {
  id: string;
  code: string;
  title: string;
  source: string;
  reference_date: string;
  geography_level: CensusTable['geographyLevel'];
  file_name: string;
  imported_at: string;
}

/** The workbook's details, the author's name only when personal data is asked for. */
export function interchangeWorkbook(db: ReadDb, personal: boolean): Interchange['workbook'] {
  const meta = readWorkbookMeta(db);
  const logo = readLogo(db);
  return {
    id: meta.id,
    force: meta.force,
    title: meta.title,
    periodStart: meta.periodStart,
    periodEnd: meta.periodEnd,
    ...(personal ? { author: meta.author } : {}),
    versionLabel: meta.versionLabel,
    marking: meta.marking,
    reviewDate: meta.reviewDate,
    owner: meta.owner,
    approver: meta.approver,
    ...(meta.rolledFrom ? { rolledFrom: meta.rolledFrom } : {}),
    createdAt: meta.createdAt,
    modifiedAt: meta.modifiedAt,
    ...(logo ? { logo: { mediaType: logo.mediaType, base64: logo.bytes.toString('base64') } } : {}),
  };
}

/** The sections marked complete, by section id. */
export function interchangeCompletions(db: ReadDb): Array<{ section: string; completedAt: string }> {
  return [...readCompletions(db)]
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([section, completedAt]) => ({ section, completedAt }));
}

export function interchangeSettings(db: ReadDb): Array<{ key: string; value: string }> {
  return (db.prepare('SELECT key, value FROM workbook_setting ORDER BY key').all() as Array<{ key: string; value: string }>).map((row) => ({ key: row.key, value: row.value }));
}

/**
 * A census table's own fields and categories as the format has them (each category's parent by
 * name), and where each category's count stands in a geography's list of counts.
 */
export function censusTableHead(db: ReadDb, table: CensusTableRow): { head: Omit<CensusTable, 'geographies'>; countIndex: Map<number, number> } {
  const categories = db.prepare('SELECT position, name, label, parent_position, is_total FROM census_category WHERE table_id = ? ORDER BY position').all(table.id) as Array<{ position: number; name: string; label: string; parent_position: number | null; is_total: number }>;
  const nameAt = new Map(categories.map((c) => [c.position, c.name]));
  return {
    head: {
      id: table.id,
      code: table.code,
      title: table.title,
      source: table.source,
      referenceDate: table.reference_date,
      geographyLevel: table.geography_level,
      fileName: table.file_name,
      importedAt: table.imported_at,
      categories: categories.map((c) => ({ name: c.name, label: c.label, parent: c.parent_position === null ? null : (nameAt.get(c.parent_position) ?? null), total: c.is_total === 1 })),
    },
    countIndex: new Map(categories.map((c, i) => [c.position, i])),
  };
}
