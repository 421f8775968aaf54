// Everything a deliverable needs, read from the workbook once: details, records by type (personal
// fields only when asked for), links resolved to names, gaps, section states and census figures.
import { collectLibraryExport, type LibraryExport } from './library-export-data.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { AreaCensus, CensusTable, EvidenceLink } from '../../../shared/api/census.ts';
import type { ExportSectionId } from '../../../shared/api/export.ts';
import type { Gap, RecordValues, SectionState } from '../../../shared/api/records.ts';
import type { ReceptivityCell } from '../../../shared/api/receptivity.ts';
import type { WorkbookMeta } from '../../../shared/api/workbook.ts';
import type { ReadDb } from '../db/open-database.ts';
import { areaCensus } from '../evidence/area-census.ts';
import { listCensusTables } from '../evidence/census-store.ts';
import { listEvidenceLinks } from '../evidence/evidence-links.ts';
import { computeGaps, sectionStates } from '../gaps/compute-gaps.ts';
import { listRecords, titleOf } from '../records/record-store.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { readLogo, type Logo } from '../workbook/workbook-logo.ts';
import { listReceptivity } from '../receptivity/receptivity-store.ts';
import { collectCrimeExport, crimeSourcesOnly, type CrimeExport } from './crime-export-data.ts';
import { assessWorkbook } from '../review/assess-workbook.ts';
import type { Assessment } from '../../../shared/api/review.ts';
import { versionHistory, type VersionEntry } from './version-history.ts';

export interface ExportData {
  meta: WorkbookMeta;
  forceName: string;
  /** When the export was made (ISO timestamp). */
  generatedAt: string;
  sections: readonly ExportSectionId[];
  personal: boolean;
  records: Record<RecordTypeName, RecordValues[]>;
  /** Any record's id → its name, for showing links by name. */
  names: ReadonlyMap<string, string>;
  gaps: Gap[];
  sectionStates: SectionState[];
  census: { tables: CensusTable[]; views: Array<{ table: CensusTable; areas: AreaCensus[] }> };
  evidenceLinks: EvidenceLink[];
  /** The receptivity grid's cells that say something (the rest are unknown). */
  receptivity: ReceptivityCell[];
  /** police.uk crime: what was imported, each area's trends, and who cites them. */
  crime: CrimeExport;
  /** The self-assessment's indicators and ratings, worked out on the day of the export. */
  assessment: Assessment;
  /** The force's logo for the cover, if the planner chose one. */
  logo: Logo | null;
  /** The version labels the workbook has had, oldest first, for the document control table. */
  versions: VersionEntry[];
  /** The practice library's neighbours' practice for the appendix, or null when it is empty or How is left out. */
  library?: LibraryExport | null;
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Records in their descriptor's `print.sortBy` order — choices by their place in the vocabulary
 * (high priority first), text alphabetically — ties by id, so every export of the same workbook
 * lists them the same way. A type without it keeps the order its records were added (aims are
 * numbered in that order).
 */
export function sortForExport(type: RecordTypeName, records: RecordValues[]): RecordValues[] {
  const def = RECORD_TYPES[type];
  const keys = (def.print?.sortBy ?? []).map((name) => def.fields.find((f) => f.name === name)).filter((f) => f !== undefined);
  if (keys.length === 0) return records;
  const compare = (a: RecordValues, b: RecordValues): number => {
    for (const key of keys) {
      const x = a[key.name];
      const y = b[key.name];
      let order: number;
      if (key.vocabulary) {
        const rank = (value: unknown) => {
          const at = key.vocabulary!.findIndex((item) => item.id === value);
          return at < 0 ? key.vocabulary!.length : at;
        };
        order = rank(x) - rank(y);
      } else {
        order = COLLATOR.compare(String(x ?? ''), String(y ?? ''));
      }
      if (order !== 0) return order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  return [...records].sort(compare);
}

export function collectExportData(db: ReadDb, options: { sections: readonly ExportSectionId[]; personal: boolean; now: Date }): ExportData {
  const meta = readWorkbookMeta(db);
  // Every record is read once, for the gaps and for the export (the gaps read them again otherwise);
  // what takes memory only while it is worked out (a census view reads its table's figures) comes
  // before the copies without personal fields are made, so those reuse that memory.
  const all = {} as Record<RecordTypeName, RecordValues[]>;
  for (const type of RECORD_TYPE_NAMES) all[type] = sortForExport(type, listRecords(db, type));
  const gaps = computeGaps(db, options.now, all);
  const states = sectionStates(db, gaps);
  const tables = listCensusTables(db);
  const views = tables.map((table) => ({ table, areas: [areaCensus(db, table.id, null), ...all.area.map((area) => areaCensus(db, table.id, area.id))].filter((view) => view.geographies > 0) }));
  const records = {} as Record<RecordTypeName, RecordValues[]>;
  const names = new Map<string, string>();
  for (const type of RECORD_TYPE_NAMES) {
    const hidden = options.personal ? [] : personalFields(type);
    records[type] = all[type].map((record) => {
      names.set(record.id, titleOf(record, type));
      if (hidden.length === 0) return record;
      const copy = { ...record };
      for (const field of hidden) delete copy[field];
      return copy;
    });
  }
  return {
    meta: options.personal ? meta : { ...meta, author: null },
    forceName: forceById(meta.force)?.name ?? meta.force,
    generatedAt: options.now.toISOString(),
    sections: options.sections,
    personal: options.personal,
    records,
    names,
    gaps,
    sectionStates: states,
    census: { tables, views },
    evidenceLinks: listEvidenceLinks(db),
    receptivity: listReceptivity(db),
    crime: options.sections.includes('evidence') ? collectCrimeExport(db) : crimeSourcesOnly(db),
    logo: readLogo(db),
    versions: versionHistory(db, meta),
    library: options.sections.includes('how') ? collectLibraryExport(db) : null,
    assessment: assessWorkbook(db, options.now.toISOString().slice(0, 10)),
  };
}
