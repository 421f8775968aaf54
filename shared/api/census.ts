// Census and other sociodemographic tables: what the API says about them, the figures per area,
// and audiences' links to figures as evidence.
import { z } from 'zod';
import { FilePathSchema, IdSchema, TimestampSchema } from './fields.ts';

export const GEOGRAPHY_LEVELS = ['oa', 'lsoa', 'msoa', 'ward', 'la', 'other'] as const;
export const GeographyLevelSchema = z.enum(GEOGRAPHY_LEVELS);
export type GeographyLevel = z.infer<typeof GeographyLevelSchema>;

export const CensusCategorySchema = z.object({
  position: z.number().int().nonnegative(),
  /** The column name as published, less any `; measures: Value` suffix. */
  name: z.string(),
  /** The name without the table's own prefix, e.g. "Asian, Asian British or Asian Welsh: Bangladeshi". */
  label: z.string(),
  /** The group this category is a subgroup of, or null for a top-level category (and the total). */
  parentPosition: z.number().int().nonnegative().nullable(),
  isTotal: z.boolean(),
});
export type CensusCategory = z.infer<typeof CensusCategorySchema>;

export const CensusTableSchema = z.object({
  id: IdSchema,
  /** The table's code, e.g. TS021, from the file name or given on import. */
  code: z.string(),
  title: z.string(),
  source: z.string(),
  referenceDate: z.string(),
  geographyLevel: GeographyLevelSchema,
  fileName: z.string(),
  importedAt: TimestampSchema,
  categories: z.array(CensusCategorySchema),
  geographyCount: z.number().int().nonnegative(),
});
export type CensusTable = z.infer<typeof CensusTableSchema>;

/** One figure, as `ewb census --json` prints it. */
export const CensusFigureSchema = z.object({
  table: z.string(),
  geographyCode: z.string(),
  geographyName: z.string(),
  category: z.string(),
  count: z.number(),
  /** count over the geography's total, 0 to 1. */
  proportion: z.number(),
});
export type CensusFigure = z.infer<typeof CensusFigureSchema>;

export const AreaCensusRowSchema = z.object({
  position: z.number().int(),
  name: z.string(),
  label: z.string(),
  parentPosition: z.number().int().nullable(),
  depth: z.number().int(),
  count: z.number(),
  proportion: z.number().nullable(),
  /** The same category's share across the whole strategy area (all the workbook's areas). */
  strategyProportion: z.number().nullable(),
});

export const AreaCensusSchema = z.object({
  tableId: IdSchema,
  areaId: IdSchema.nullable(),
  areaName: z.string(),
  total: z.number(),
  strategyTotal: z.number(),
  /** How many of the table's geographies make up this area (LSOAs rolled up, or its own code). */
  geographies: z.number().int(),
  rows: z.array(AreaCensusRowSchema),
  /**
   * The areas in this view (the area and those inside it, or every area) that have no figures in
   * the table, each with why and what to do ("it is a ward (E05…) and this table is by local authority: …").
   */
  unmatched: z.array(z.object({ areaId: IdSchema, areaName: z.string(), why: z.string() })),
  /** For the whole strategy area only: the table's geographies in no area, counted, the first few named. */
  outside: z.object({ count: z.number().int(), first: z.array(z.object({ code: z.string(), name: z.string() })) }).nullable(),
});
export type AreaCensus = z.infer<typeof AreaCensusSchema>;

export const EvidenceLinkSchema = z.object({
  id: IdSchema,
  audienceId: IdSchema,
  tableId: IdSchema,
  /** The workbook area the figure is for; null for the whole strategy area. */
  areaId: IdSchema.nullable(),
  /** The category's published name. */
  category: z.string().min(1).max(500),
  createdAt: TimestampSchema,
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const ImportCensusRequestSchema = z
  .object({
    handle: z.string().min(1).max(100),
    source: FilePathSchema,
    /** The table code when the file name does not carry one (e.g. census2021-ts021-lsoa.csv does). */
    tableCode: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'Table codes are letters and numbers, like TS021').optional(),
    /** Names the job so its progress can be asked for with getJobProgress while it runs. */
    jobId: IdSchema.optional(),
  })
  .strict();

export const ImportCensusResultSchema = z.object({
  table: CensusTableSchema,
  /** True when a table with the same code and geography level was replaced. */
  replaced: z.boolean(),
  rows: z.number().int(),
});
export type ImportCensusResult = z.infer<typeof ImportCensusResultSchema>;

export const DEFAULT_WHO_IS_MISSING_THRESHOLD = 0.05;

/**
 * The largest figure a table may hold: a million million. No count of people or households in an
 * area comes near it, sums of many such figures stay finite, and a 400-digit number (which would
 * become Infinity) is refused rather than shown as ∞.
 */
export const MAX_CENSUS_COUNT = 1_000_000_000_000;

/** Why a figure read as `text` cannot be kept, or null when it can (finite, 0 to MAX_CENSUS_COUNT). */
export function censusCountProblem(count: number, text = String(count)): string | null {
  if (Number.isFinite(count) && count >= 0 && count <= MAX_CENSUS_COUNT) return null;
  const shown = text.length > 24 ? `${text.slice(0, 12)}… (${text.length} characters)` : text;
  if (Number.isNaN(count)) return `${shown} is not a number`;
  if (count < 0) return `${shown} is negative`;
  return `${shown} is too large: figures are counts of at most ${MAX_CENSUS_COUNT.toLocaleString('en-GB')}`;
}
