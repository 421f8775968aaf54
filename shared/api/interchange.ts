// The interchange format: a documented, versioned JSON of a workbook's records, links as ids.
// History and imported crime counts are deliberately not part of it: crime counts come from
// police.uk files any force can download again, and can be national in size. The practice library
// (other forces' practice with where it came from) is carried from version 8. Areas' and
// audiences' citations of crime trends are the planner's own judgement, so they are carried.
import { z } from 'zod';
import { IdSchema, TimestampSchema, CalendarDateSchema, plainText, requiredText } from './fields.ts';
import { ForceIdSchema, MarkingSchema, RolledFromSchema } from './workbook.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../domain/record-types.ts';
import { SectionIdSchema, recordSchema } from './records.ts';
import { EvidenceLinkSchema, GeographyLevelSchema, MAX_CENSUS_COUNT } from './census.ts';
import { InterchangeReceptivitySchema } from './receptivity.ts';
import { CrimeTrendLinkSchema } from './crime.ts';
import { LIMITS } from '../domain/limits.ts';
import { InterchangeLibraryEntrySchema } from './library.ts';

export const INTERCHANGE_FORMAT = 'engagement-workbook';
/**
 * Bump when the format changes shape; readers refuse a version above their own and read older
 * ones. Version 2 added the Aims and WHO records; version 3 census tables, evidence links and
 * settings; version 4 the HOW records (channels, partners, community events, practice) and the
 * receptivity grid; version 5 citations of crime trends (and crime evidence as a section that can be
 * marked completed); version 6 the posts that own and approve the strategy; version 7 the WHAT records (messages
 * with their six-point check and Welsh text, community priorities, the action plan's activities);
 * version 9 the ratings against the hallmarks, the review log and the workbook a new period was
 * rolled forward from (8 is the practice library's). Older files still load (what they lack is empty).
 */
export const INTERCHANGE_VERSION = 9;

export const InterchangeWorkbookSchema = z
  .object({
    id: IdSchema,
    force: ForceIdSchema.describe('Force id from the reference list, e.g. "kent"'),
    title: requiredText(200, 'The workbook needs a title'),
    periodStart: CalendarDateSchema.nullable(),
    periodEnd: CalendarDateSchema.nullable(),
    author: plainText(200).nullable().optional().describe('Personal: present only in a dump made with --personal'),
    versionLabel: plainText(50),
    marking: MarkingSchema,
    reviewDate: CalendarDateSchema.nullable(),
    /** The posts that own and approve the strategy (version 4 on; roles, not people's names). */
    owner: plainText(200).nullable().optional(),
    approver: plainText(200).nullable().optional(),
    /** The workbook of the previous period this one was rolled forward from (version 9 on). */
    rolledFrom: RolledFromSchema.nullable().optional(),
    createdAt: TimestampSchema,
    modifiedAt: TimestampSchema,
    /** The force's logo for the document's cover, present only when one was chosen. */
    logo: z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), base64: z.base64().max(2_900_000) }).strict().optional(),
  })
  .strict();
export type InterchangeWorkbook = z.infer<typeof InterchangeWorkbookSchema>;

/** Fields a record type gained after its first version: files written before then lack them (read as empty). */
const FIELDS_ADDED_LATER: Partial<Record<RecordTypeName, readonly string[]>> = {
  /** Version 8: the workbook a practice adopted from the library came from. */
  practice: ['originWorkbook'],
};

/** One record in the file: personal fields are present only in a dump made with --personal. */
export function interchangeRecordSchema(type: RecordTypeName) {
  const personal = Object.fromEntries(RECORD_TYPES[type].fields.filter((f) => f.personal || f.specialCategory).map((f) => [f.name, true as const]));
  const later = Object.fromEntries((FIELDS_ADDED_LATER[type] ?? []).map((name) => [name, true as const]));
  return recordSchema(type, { personal: true }).partial({ ...personal, ...later } as never);
}

export const SectionCompletionSchema = z.object({ section: SectionIdSchema, completedAt: TimestampSchema }).strict();

const COUNT_RANGE = 'Each figure must be a count from 0 to 1,000,000,000,000 (a number too large to hold, such as 1e400, is not one)';
const CENSUS_COUNT = z.number({ error: COUNT_RANGE }).min(0, COUNT_RANGE).max(MAX_CENSUS_COUNT, COUNT_RANGE);

export const InterchangeCensusCategorySchema = z.object({ name: z.string().min(1).max(500), label: z.string().max(500), parent: z.string().max(500).nullable(), total: z.boolean() }).strict();
export const InterchangeCensusGeographySchema = z.object({ code: z.string().min(1).max(20), name: z.string().max(500), counts: z.array(CENSUS_COUNT).max(LIMITS.censusCategories) }).strict();

/**
 * A census (or other) table: its categories in column order, and each geography's counts in that
 * order. The same limits as a census import (rows, categories, figures), so whatever the app
 * imports it can write out and read back.
 */
export const InterchangeCensusTableSchema = z
  .object({
    id: IdSchema,
    code: z.string().min(1).max(50),
    title: z.string().max(500),
    source: z.string().max(500),
    referenceDate: z.string().max(50),
    geographyLevel: GeographyLevelSchema,
    fileName: z.string().max(500),
    importedAt: TimestampSchema,
    categories: z.array(InterchangeCensusCategorySchema).min(1).max(LIMITS.censusCategories),
    geographies: z.array(InterchangeCensusGeographySchema).max(LIMITS.censusRows),
  })
  .strict()
  .refine((table) => table.geographies.every((g) => g.counts.length === table.categories.length), { message: 'Each geography needs one count per category', path: ['geographies'] })
  .refine((table) => table.geographies.length * table.categories.length <= LIMITS.censusValues, { message: `A table holds at most ${LIMITS.censusValues} figures (geographies × categories)`, path: ['geographies'] })
  .refine((table) => table.categories.every((c) => c.parent === null || table.categories.some((p) => p.name === c.parent)), { message: 'A category names a parent that is not in the table', path: ['categories'] });

export const SettingSchema = z.object({ key: z.string().min(1).max(100), value: z.string().max(1000) }).strict();

/**
 * One array per record type, links as ids. Every record type a later feature adds joins this
 * object (and the round-trip test) — the schema is strict, so an unknown type is refused, not dropped.
 */
export const InterchangeRecordsSchema = z
  .object({
    ...(Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, z.array(interchangeRecordSchema(type)).max(LIMITS.recordsPerType).default([])])) as Record<RecordTypeName, z.ZodDefault<z.ZodArray<ReturnType<typeof interchangeRecordSchema>>>>),
    sectionCompletions: z.array(SectionCompletionSchema).max(LIMITS.sectionCompletions).default([]),
    censusTables: z.array(InterchangeCensusTableSchema).max(LIMITS.censusTables).default([]),
    evidenceLinks: z.array(EvidenceLinkSchema.strict()).max(LIMITS.evidenceLinks).default([]),
    /** The receptivity grid: cells that say something, by audience then channel. */
    receptivity: z.array(InterchangeReceptivitySchema).max(LIMITS.receptivityCells).default([]),
    crimeTrendLinks: z.array(CrimeTrendLinkSchema.strict()).max(LIMITS.crimeTrendLinks).default([]),
    /** The practice library: other forces' workbooks' practice, each entry with its provenance (version 8 on). */
    libraryEntries: z.array(InterchangeLibraryEntrySchema).max(LIMITS.libraryEntries).default([]),
    settings: z.array(SettingSchema).max(LIMITS.settings).default([]),
  })
  .strict();
export type InterchangeRecords = z.infer<typeof InterchangeRecordsSchema>;

export const InterchangeSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7), z.literal(8), z.literal(INTERCHANGE_VERSION)]),
    /** True when personal fields were included (`ewb dump --personal`). */
    personal: z.boolean(),
    workbook: InterchangeWorkbookSchema,
    records: InterchangeRecordsSchema,
  })
  .strict()
  .describe('Engagement Workbook interchange file');
export type Interchange = z.infer<typeof InterchangeSchema>;
