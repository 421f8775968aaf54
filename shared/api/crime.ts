// Street-level crime from police.uk: what the API says about imports, the counts by LSOA and by
// area, the per-area picture with its trends, and areas' and audiences' citations of trends.
import { z } from 'zod';
import { FilePathSchema, IdSchema, TimestampSchema } from './fields.ts';
import { CRIME_TYPE_IDS } from '../domain/crime-types.ts';

export const CrimeTypeIdSchema = z.enum(CRIME_TYPE_IDS);
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM');

/** One import batch: a force's month as police.uk publishes it. */
export const CrimeBatchSchema = z.object({
  id: IdSchema,
  forceId: z.string(),
  /** The force's name as the file wrote it. */
  reportedBy: z.string(),
  month: MonthSchema,
  fileName: z.string(),
  rows: z.number().int().nonnegative(),
  rowsWithoutLsoa: z.number().int().nonnegative(),
  importedAt: TimestampSchema,
  /** Its LSOA × crime type counts. */
  cells: z.number().int().nonnegative(),
});
export type CrimeBatch = z.infer<typeof CrimeBatchSchema>;

export const ImportCrimeRequestSchema = z
  .object({
    handle: z.string().min(1).max(100),
    /** police.uk street-level CSVs, folders of them, or zips of them (the custom download). */
    sources: z.array(FilePathSchema).min(1).max(100),
    /** Names the job so its progress can be asked for, and the job cancelled, while it runs. */
    jobId: IdSchema.optional(),
  })
  .strict();

export const CrimeFileImportedSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  rowsWithoutLsoa: z.number().int(),
  /** The force-months it brought in, and whether each replaced one imported before. */
  batches: z.array(z.object({ forceId: z.string(), month: MonthSchema, replaced: z.boolean() })),
});

export const ImportCrimeResultSchema = z.object({
  imported: z.array(CrimeFileImportedSchema),
  /** Files refused, each with why (nothing was kept from them). */
  refused: z.array(z.object({ fileName: z.string(), message: z.string() })),
  /** Files in a folder or zip that are not street-level crime (outcomes, stop and search). */
  skipped: z.number().int(),
  rows: z.number().int(),
  /** True when the import was cancelled after some files were imported (they are kept; the file under way is not). */
  cancelled: z.boolean(),
});
export type ImportCrimeResult = z.infer<typeof ImportCrimeResultSchema>;

/** `ewb crime --by lsoa`: one non-zero cell. */
export const LsoaCrimeCountSchema = z.object({ lsoaCode: z.string(), month: MonthSchema, crimeType: z.string(), count: z.number().int() });
export type LsoaCrimeCount = z.infer<typeof LsoaCrimeCountSchema>;

/** `ewb crime --by area`: one non-zero cell rolled up to an area (its LSOAs and its sub-areas'). */
export const AreaCrimeCountSchema = z.object({ areaId: IdSchema, areaName: z.string(), month: MonthSchema, crimeType: z.string(), count: z.number().int() });
export type AreaCrimeCount = z.infer<typeof AreaCrimeCountSchema>;

export const TREND_COMPARISONS = ['previous', 'year-before'] as const;
export const TrendComparisonSchema = z.enum(TREND_COMPARISONS);
export type TrendComparison = z.infer<typeof TrendComparisonSchema>;

/** A crime type's last three months against a window before them, with the counts behind it. */
export const CrimeTrendSchema = z.object({
  crimeType: z.string(),
  comparison: TrendComparisonSchema,
  /** The months compared, first and last (YYYY-MM). */
  recentFrom: MonthSchema,
  recentTo: MonthSchema,
  earlierFrom: MonthSchema,
  earlierTo: MonthSchema,
  recent: z.number().int(),
  earlier: z.number().int(),
  /** (recent − earlier) / earlier; null when there was nothing before. */
  change: z.number().nullable(),
  direction: z.enum(['rising', 'falling', 'steady', 'new']),
});
export type CrimeTrend = z.infer<typeof CrimeTrendSchema>;

/** An area's (or the whole strategy area's) monthly counts by crime type, and their trends. */
export const AreaCrimeSchema = z.object({
  areaId: IdSchema.nullable(),
  areaName: z.string(),
  /** The LSOAs it is made of, and how many of them have any crime counted. */
  lsoas: z.number().int(),
  lsoasWithData: z.number().int(),
  /** Every month with data in the workbook, in order (a gap month counts as 0). */
  months: z.array(MonthSchema),
  series: z.array(z.object({ crimeType: z.string(), label: z.string(), counts: z.array(z.number().int()), total: z.number().int() })),
  /** Trends need six months (previous) or fifteen (a year before); those that cannot be worked out are left out. */
  trends: z.array(CrimeTrendSchema),
});
export type AreaCrime = z.infer<typeof AreaCrimeSchema>;

/** What the crime screen shows around the charts: the batches, and the LSOAs counted in no area. */
export const CrimeSummarySchema = z.object({
  batches: z.array(CrimeBatchSchema),
  months: z.array(MonthSchema),
  /** LSOAs with crime counted that are in none of the workbook's areas (the first 500), and how many in all. */
  unplacedLsoas: z.array(z.object({ lsoaCode: z.string(), count: z.number().int() })),
  unplacedLsoaCount: z.number().int(),
  unplacedCount: z.number().int(),
});
export type CrimeSummary = z.infer<typeof CrimeSummarySchema>;

/** An area or an audience citing a crime trend as evidence. */
export const CrimeTrendLinkSchema = z.object({
  id: IdSchema,
  /** Who cites it: exactly one of the two. */
  audienceId: IdSchema.nullable(),
  citingAreaId: IdSchema.nullable(),
  /** The trend's area; null for the whole strategy area. */
  areaId: IdSchema.nullable(),
  crimeType: CrimeTypeIdSchema,
  comparison: TrendComparisonSchema,
  createdAt: TimestampSchema,
});
export type CrimeTrendLink = z.infer<typeof CrimeTrendLinkSchema>;
