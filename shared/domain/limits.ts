// Every size limit the app enforces on what comes in, in one place, so an import and every command
// that reads its result later (dump, census, export, the interchange reader) agree on what is
// acceptable. Each is far above real use (the README says why, limit by limit) and is checked
// before the work it bounds, so a hostile or mistaken file is refused in seconds with the limit named.

const MiB = 1024 * 1024;

export const LIMITS = Object.freeze({
  /** Worksheet records of one type in a workbook or an interchange file (aims, areas, audiences, …). */
  recordsPerType: 100_000,
  /** Census (and mapped) tables in one workbook or interchange file. */
  censusTables: 500,
  /** Geographies (rows) in one census table: England and Wales have 188,880 output areas. */
  censusRows: 250_000,
  /** Categories (columns of figures, the total included) in one census table. */
  censusCategories: 2_000,
  /** Figures (rows × categories) in one census table: up to about 1 GB of workbook, 300 MB of dump. */
  censusValues: 12_000_000,
  /** Audiences' citations of census figures in one workbook or file. */
  evidenceLinks: 200_000,
  /** Cells of the receptivity grid that say something (20,000 audiences × 50 channels). */
  receptivityCells: 1_000_000,
  /** Workbook settings and section completions in one file (each a short fixed list in practice). */
  settings: 100,
  sectionCompletions: 100,
  /** Census figures in one answer that is not asked for a page at a time (a whole LSOA table has about 700,000). */
  figuresPerAnswer: 1_000_000,
  /** Data rows in an ONS area lookup CSV (an output-area lookup has about 190,000). */
  lookupRows: 1_000_000,
  /** Rows in one police.uk street-level crime file (the Met's largest month has about 100,000). */
  crimeRowsPerFile: 5_000_000,
  /** LSOA × month × crime type cells one crime file may produce (a whole force-month has a few tens of thousands). */
  crimeCellsPerFile: 500_000,
  /** Force-months in one crime file (police.uk publishes one; a file joined from several can hold more). */
  crimeForceMonthsPerFile: 1_000,
  /** Files in one crime import (a folder or zip of every force's months for three years has about 1,600 street files). */
  crimeFilesPerImport: 5_000,
  /** Entries in a zip of crime files (police.uk's custom download adds outcomes and stop-and-search files). */
  crimeZipEntries: 20_000,
  /** LSOA × month × crime type cells kept in one workbook: every force nationally for about two years. */
  crimeCells: 10_000_000,
  /** Force-months (import batches) kept in one workbook: 46 forces over 20 years is about 11,000. */
  crimeBatches: 20_000,
  /** Citations of crime trends by areas and audiences in one workbook. */
  crimeTrendLinks: 200_000,

  /** Other forces' workbooks in the practice library: every force for many periods. */
  libraryEntries: 1_000,
  /** Practices taken from one workbook into the library (the most one list of an interchange file holds). */
  practicesPerLibraryEntry: 10_000,
  /** A workbook added to the practice library: larger than any workbook of practice alone, far below a census-laden one's limit. */
  libraryWorkbookBytes: 2048 * MiB,

  /** An interchange file (`ewb dump` of a 20,000-record workbook is about 20 MB). */
  interchangeBytes: 1024 * MiB,
  /** A census bulk CSV from nomis (the national output-area files are tens of MB). */
  censusCsvBytes: 500 * MiB,
  /** One police.uk street-level crime CSV (a force's month is at most tens of MB; the benchmark's million rows are about 220 MB). */
  crimeCsvBytes: 1024 * MiB,
  /** An ONS lookup CSV. */
  lookupCsvBytes: 200 * MiB,
  /** A CSV read through the column-mapping step. */
  tabularCsvBytes: 100 * MiB,
  /** An Excel file, and the zip-bomb guards checked before ExcelJS reads it. */
  xlsxBytes: 50 * MiB,
  xlsxEntries: 1000,
  xlsxUncompressedBytes: 100 * MiB,
  xlsxRatio: 100,
  /** A force's logo for the document's cover. */
  logoBytes: 2 * MiB,
  /** Nesting in an interchange file: the format itself goes six levels deep. */
  interchangeDepth: 8,
  /** Keys in one object of an interchange file (a record has a few dozen fields at most). */
  interchangeKeysPerObject: 200,
  /** Items in one list inside a record (LSOA codes, links): the record schema's own maximum. */
  interchangeItemsPerList: 10_000,

  /** Files up to this size (CSV, lookups, interchange) are read on the calling thread rather than in a worker. */
  inThreadBytes: 1024 * 1024,
  /** The JavaScript heap of a worker that reads a file. */
  workerHeapMb: 512,
  /** How long a worker may read before it is stopped: this much, plus `workerMsPerMiB` per MiB of file. */
  workerBaseMs: 60_000,
  workerMsPerMiB: 200,
});

export type Limits = typeof LIMITS;

/** `123,456` in the UK style, for messages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `500 MB` (whole MiB), for messages about file sizes. */
export function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.round(bytes / MiB))} MB`;
}
