// Writes a workbook as interchange JSON. Personal fields (the author's name, and those a later
// record type marks personal) are included only when asked for.
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type Interchange } from '../../../shared/api/interchange.ts';
import type { ReadDb } from '../db/open-database.ts';
import { RECORD_TYPE_NAMES, personalFields } from '../../../shared/domain/record-types.ts';
import { listRecords } from '../records/record-store.ts';
import { dumpCensus } from './census-interchange.ts';
import { interchangeCompletions, interchangeWorkbook } from './interchange-parts.ts';
import { listCrimeTrendLinks } from '../crime/crime-trend-links.ts';
import { iterateLibraryForInterchange } from '../library/library-store.ts';

/** Every record of every type, personal fields only when asked for. */
export function dumpRecords(db: ReadDb, personal: boolean): Interchange['records'] {
  const records = {} as Record<string, unknown[]>;
  for (const type of RECORD_TYPE_NAMES) {
    const hidden = personal ? [] : personalFields(type);
    records[type] = listRecords(db, type).map((record) => Object.fromEntries(Object.entries(record).filter(([name]) => !hidden.includes(name))));
  }
  const sectionCompletions = interchangeCompletions(db);
  const { censusTables, evidenceLinks, receptivity, settings } = dumpCensus(db);
  // In the order the streamed writer uses, so both write the same bytes.
  return { ...records, sectionCompletions, censusTables, evidenceLinks, receptivity, crimeTrendLinks: listCrimeTrendLinks(db), libraryEntries: [...iterateLibraryForInterchange(db)], settings } as Interchange['records'];
}

export function dumpWorkbook(db: ReadDb, options: { personal: boolean }): Interchange {
  return {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    personal: options.personal,
    workbook: interchangeWorkbook(db, options.personal),
    records: dumpRecords(db, options.personal),
  };
}

/** Counts of records per type in a dump, for the CLI's summary line. */
export function countInterchangeRecords(data: Interchange): Record<string, number> {
  return Object.fromEntries(Object.entries(data.records).map(([type, rows]) => [type, (rows as unknown[]).length]));
}

/** Stable, readable JSON: two-space indent and a final newline, so dumps diff cleanly. */
export function interchangeToText(data: Interchange): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
