// Spreadsheets and CSV files from elsewhere, read through one column-mapping step: a preview of
// each sheet, then the planner says which column is which. Census-like tables use it now; the
// partner and contact-list imports of later features reuse it.
import { z } from 'zod';
import { FilePathSchema } from './fields.ts';
import { GeographyLevelSchema } from './census.ts';

export const TabularSheetSchema = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  /** The first rows (at most 20), every cell as text. */
  rows: z.array(z.array(z.string())),
  rowCount: z.number().int().nonnegative(),
});
export type TabularSheet = z.infer<typeof TabularSheetSchema>;

export const TabularPreviewSchema = z.object({
  kind: z.enum(['csv', 'xlsx']),
  fileName: z.string(),
  sheets: z.array(TabularSheetSchema),
});
export type TabularPreview = z.infer<typeof TabularPreviewSchema>;

export const MappedTableRequestSchema = z
  .object({
    handle: z.string().min(1).max(100),
    source: FilePathSchema,
    /** For an XLSX with several sheets; the first sheet when left out. */
    sheet: z.string().max(200).optional(),
    geographyColumn: z.string().min(1, 'Choose the column with the area codes'),
    geographyNameColumn: z.string().nullable().default(null),
    valueColumns: z.array(z.string()).min(1, 'Choose at least one column of figures').max(500),
    /** A column holding each area's total; when null the chosen figures are added up. */
    totalColumn: z.string().nullable().default(null),
    code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'Give the table a short code of letters and numbers, like LOCAL1'),
    title: z.string().trim().min(1, 'Give the table a title').max(200),
    sourceDescription: z.string().trim().min(1, 'Say where the figures come from, for example "Council housing survey 2024"').max(300),
    referenceDate: z.string().max(50).default(''),
    geographyLevel: GeographyLevelSchema.optional(),
    /** Names the job so its progress can be asked for with getJobProgress while it runs. */
    jobId: z.uuid().optional(),
  })
  .strict();
export type MappedTableRequest = z.input<typeof MappedTableRequestSchema>;
