// The one API contract: every method the renderer (or any door) may call, with its request and
// response schemas. Main validates requests against it, preload exposes exactly these names,
// and the core's implementation is checked against it by the compiler.
import { z } from 'zod';
import { CalendarDateSchema, FilePathSchema, IdSchema, plainText } from './fields.ts';
import { AreaCensusSchema, CensusFigureSchema, CensusTableSchema, EvidenceLinkSchema, ImportCensusRequestSchema, ImportCensusResultSchema } from './census.ts';
import { MappedTableRequestSchema, TabularPreviewSchema } from './tabular.ts';
import { AreaCrimeCountSchema, AreaCrimeSchema, CrimeSummarySchema, CrimeTrendLinkSchema, CrimeTypeIdSchema, ImportCrimeRequestSchema, ImportCrimeResultSchema, LsoaCrimeCountSchema, TrendComparisonSchema } from './crime.ts';
import { RepairReportSchema } from './value-check.ts';
import { PreviewShareCopyRequestSchema, SaveShareCopyRequestSchema, SaveShareCopyResponseSchema, ShareSummarySchema } from './share.ts';
import { ReceptivityCellSchema, ReceptivityValueSchema, RECEPTIVITY_NOTE_MAX } from './receptivity.ts';
import { ContactImportRequestSchema, ContactImportResultSchema } from './contacts.ts';
import { ExportRequestSchema, ExportResultSchema } from './export.ts';
import { ComparisonQuerySchema, ComparisonSchema, DepthCountsSchema, LibraryEntrySummarySchema } from './library.ts';
import { ChangeSummarySchema, GapSchema, RecordTypeSchema, RecordValuesSchema, RecordWriteSchema, SectionIdSchema, SectionStateSchema, UndoStateSchema, WriteEffectsSchema } from './records.ts';
import { SETTING_KEYS, SETTINGS } from './settings.ts';
import { AssessmentSchema, ReviewStatusSchema, RollForwardRequestSchema } from './review.ts';
import {
  CheckReportSchema,
  ForceIdSchema,
  LockStatusSchema,
  RecentWorkbookSchema,
  WorkbookDetailsChangesSchema,
  WorkbookDetailsSchema,
  WorkbookInfoSchema,
} from './workbook.ts';

const HandleSchema = z.string().min(1).max(100);

const LogoSchema = z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), width: z.number().int(), height: z.number().int(), dataUrl: z.string() });

/** A write's answer: what it returns, and beside it what it changed elsewhere (see WriteEffectsSchema). */
function withEffects<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...shape, effects: WriteEffectsSchema });
}

const SettingsSchema = z.object(Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS[key].schema])) as { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]['schema'] });

export const ForceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  policeUkName: z.string().nullable(),
  neighbours: z.array(z.string()),
});

export const contract = {
  listForces: {
    request: z.object({}).strict(),
    response: z.array(ForceSummarySchema),
  },
  createWorkbook: {
    request: z.object({ path: FilePathSchema, details: WorkbookDetailsSchema }).strict(),
    response: WorkbookInfoSchema,
  },
  openWorkbook: {
    request: z
      .object({
        path: FilePathSchema,
        /** Open without taking the lock; edits are refused. */
        readOnly: z.boolean().default(false),
        /**
         * The user was warned and chose to take over whoever holds the lock (another computer, or
         * another program or window on this one); their later changes are refused.
         */
        takeOverLock: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ info: WorkbookInfoSchema, notices: z.array(z.string()) }),
  },
  closeWorkbook: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.object({ closed: z.boolean() }),
  },
  getWorkbook: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: WorkbookInfoSchema,
  },
  updateWorkbookDetails: {
    request: z.object({ handle: HandleSchema, changes: WorkbookDetailsChangesSchema }).strict(),
    response: WorkbookInfoSchema.extend({ effects: WriteEffectsSchema }),
  },
  saveWorkbookCopy: {
    request: z.object({ handle: HandleSchema, destination: FilePathSchema, overwrite: z.boolean().default(false) }).strict(),
    response: z.object({ path: z.string() }),
  },
  previewShareCopy: {
    /** What a share copy of the workbook would leave out and keep, notes listed by record; writes nothing. */
    request: PreviewShareCopyRequestSchema,
    response: ShareSummarySchema,
  },
  saveShareCopy: {
    /** Writes a share copy: a new workbook built from what may be shared, with its provenance. */
    request: SaveShareCopyRequestSchema,
    response: SaveShareCopyResponseSchema,
  },
  checkWorkbook: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: CheckReportSchema,
  },
  repairWorkbook: {
    /** Lists (apply: false) or makes (apply: true, after a backup copy) the repairs of values the app cannot use. */
    request: z
      .object({
        path: FilePathSchema,
        /** False: only list what would be repaired (nothing is written). True: repair, after a backup copy. */
        apply: z.boolean().default(false),
        /** The force, chosen by the user, when the stored one is not a UK force (no repair can guess it). */
        force: ForceIdSchema.optional(),
      })
      .strict(),
    response: RepairReportSchema,
  },
  /** Who holds a workbook's "in use" marker, or null when nobody does. */
  getWorkbookLock: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: LockStatusSchema.nullable(),
  },
  /** Removes an "in use" marker left by a process that has ended (or a damaged one); refuses a live one. */
  clearWorkbookLock: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: z.object({ cleared: z.boolean() }),
  },
  listRecentWorkbooks: {
    request: z.object({}).strict(),
    response: z.array(RecentWorkbookSchema),
  },
  forgetRecentWorkbook: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: z.object({ forgotten: z.boolean() }),
  },
  dumpWorkbook: {
    request: z
      .object({
        path: FilePathSchema,
        destination: FilePathSchema,
        personal: z.boolean().default(false),
        /** A separate confirmation that a workbook at `destination` may be replaced by the JSON. */
        replaceWorkbook: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ path: z.string(), counts: z.record(z.string(), z.number()) }),
  },
  createWorkbookFromInterchange: {
    request: z
      .object({
        path: FilePathSchema,
        source: FilePathSchema,
        keepId: z.boolean().default(false),
        overrides: WorkbookDetailsChangesSchema.default({}),
      })
      .strict(),
    response: WorkbookInfoSchema,
  },
  /** A new copy of the worked example (a fictional neighbourhood strategy) at `path`, opened for editing. */
  createWorkedExample: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: WorkbookInfoSchema,
  },
  listRecords: {
    request: z.object({ handle: HandleSchema, type: RecordTypeSchema }).strict(),
    response: z.object({ records: z.array(RecordValuesSchema) }),
  },
  createRecord: {
    /** `values` are checked against the record type's own schema (shared/api/records.ts). */
    request: z.object({ handle: HandleSchema, type: RecordTypeSchema, values: RecordValuesSchema }).strict(),
    response: RecordWriteSchema,
  },
  updateRecord: {
    request: z.object({ handle: HandleSchema, type: RecordTypeSchema, id: IdSchema, changes: RecordValuesSchema }).strict(),
    response: RecordWriteSchema,
  },
  deleteRecord: {
    request: z.object({ handle: HandleSchema, type: RecordTypeSchema, id: IdSchema }).strict(),
    response: withEffects({ deleted: z.boolean() }),
  },
  getUndoState: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: UndoStateSchema,
  },
  undo: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: UndoStateSchema.extend({ change: ChangeSummarySchema.nullable(), effects: WriteEffectsSchema }),
  },
  redo: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: UndoStateSchema.extend({ change: ChangeSummarySchema.nullable(), effects: WriteEffectsSchema }),
  },
  listSectionStates: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(SectionStateSchema),
  },
  setSectionCompleted: {
    request: z.object({ handle: HandleSchema, section: SectionIdSchema, completed: z.boolean() }).strict(),
    response: SectionStateSchema.extend({ effects: WriteEffectsSchema }),
  },
  importAreaLookup: {
    /** An ONS lookup CSV (LSOA code column plus ward/MSOA/LA columns): fills in areas' LSOAs. */
    request: z.object({ handle: HandleSchema, source: FilePathSchema }).strict(),
    response: z.object({
      lsoaColumn: z.string(),
      areaColumn: z.string(),
      matchedAreas: z.number().int(),
      addedCodes: z.number().int(),
      unmatchedAreas: z.array(z.string()),
      effects: WriteEffectsSchema,
    }),
  },
  importCensus: {
    request: ImportCensusRequestSchema,
    response: ImportCensusResultSchema.extend({ effects: WriteEffectsSchema }),
  },
  listCensusTables: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(CensusTableSchema),
  },
  deleteCensusTable: {
    request: z.object({ handle: HandleSchema, tableId: IdSchema }).strict(),
    response: withEffects({ deleted: z.boolean() }),
  },
  listCensusFigures: {
    /**
     * With `limit` (and a `tableId`), one page: the figures after `after` (a geography code and a
     * column position), in geography then column order — how a table of any size is read through.
     */
    request: z
      .object({
        handle: HandleSchema,
        tableId: IdSchema.optional(),
        after: z.object({ geographyCode: z.string().max(20), position: z.number().int().min(-1) }).strict().optional(),
        limit: z.number().int().min(1).max(50_000).optional(),
      })
      .strict()
      .refine((request) => (request.limit === undefined && request.after === undefined) || request.tableId !== undefined, { message: 'Reading figures a page at a time needs a tableId', path: ['tableId'] }),
    response: z.array(CensusFigureSchema),
  },
  getAreaCensus: {
    request: z.object({ handle: HandleSchema, tableId: IdSchema, areaId: IdSchema.nullable() }).strict(),
    response: AreaCensusSchema,
  },
  listEvidenceLinks: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(EvidenceLinkSchema),
  },
  linkEvidence: {
    request: z.object({ handle: HandleSchema, audienceId: IdSchema, tableId: IdSchema, areaId: IdSchema.nullable(), category: z.string().min(1).max(500) }).strict(),
    response: EvidenceLinkSchema.extend({ effects: WriteEffectsSchema }),
  },
  unlinkEvidence: {
    request: z.object({ handle: HandleSchema, id: IdSchema }).strict(),
    response: withEffects({ unlinked: z.boolean() }),
  },
  getWhoIsMissingThreshold: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.object({ threshold: z.number() }),
  },
  setWhoIsMissingThreshold: {
    /** The share of an area's residents (0.01 to 0.5) from which an unlinked category is a gap. */
    request: z.object({ handle: HandleSchema, threshold: SETTINGS.whoIsMissingThreshold.schema }).strict(),
    response: withEffects({ threshold: z.number() }),
  },
  getSettings: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: SettingsSchema,
  },
  changeSettings: {
    /** Any of the workbook's settings; each change is one undoable step. */
    request: z.object({ handle: HandleSchema, changes: SettingsSchema.partial() }).strict(),
    response: SettingsSchema.extend({ effects: WriteEffectsSchema }),
  },
  previewTabularFile: {
    /** The first rows of each sheet of a CSV or XLSX, for the column-mapping step. */
    request: z.object({ handle: HandleSchema, source: FilePathSchema }).strict(),
    response: TabularPreviewSchema,
  },
  importMappedTable: {
    request: MappedTableRequestSchema,
    response: ImportCensusResultSchema.extend({ effects: WriteEffectsSchema }),
  },
  getWorkbookLogo: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: LogoSchema.nullable(),
  },
  setWorkbookLogo: {
    /** A PNG or JPEG of at most 2 MB for the cover of the document; null removes the logo. */
    request: z.object({ handle: HandleSchema, source: FilePathSchema.nullable() }).strict(),
    response: withEffects({ logo: LogoSchema.nullable() }),
  },
  exportWorkbook: {
    /** The Word strategy document and/or the Excel workbook (read-only work: no lock needed). */
    request: ExportRequestSchema,
    response: ExportResultSchema,
  },
  getJobProgress: {
    request: z.object({ jobId: IdSchema }).strict(),
    response: z.object({ stage: z.string(), done: z.number(), total: z.number(), rows: z.number().optional() }).nullable(),
  },
  cancelJob: {
    /** Asks a running job (a crime import) to stop; it keeps nothing of the file under way. */
    request: z.object({ jobId: IdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  importCrime: {
    request: ImportCrimeRequestSchema,
    response: ImportCrimeResultSchema.extend({ effects: WriteEffectsSchema }),
  },
  getCrimeSummary: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: CrimeSummarySchema,
  },
  getAreaCrime: {
    /** An area's monthly counts by crime type and their trends; areaId null for the whole strategy area. */
    request: z.object({ handle: HandleSchema, areaId: IdSchema.nullable() }).strict(),
    response: AreaCrimeSchema,
  },
  listLsoaCrimeCounts: {
    /** The non-zero cells of the next `lsoaLimit` LSOAs after `afterLsoa` (in code order), summed over forces. */
    request: z.object({ handle: HandleSchema, afterLsoa: z.string().max(20).optional(), lsoaLimit: z.number().int().min(1).max(10_000).default(1000) }).strict(),
    response: z.array(LsoaCrimeCountSchema),
  },
  listAreaCrimeCounts: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(AreaCrimeCountSchema),
  },
  listCrimeTrendLinks: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(CrimeTrendLinkSchema),
  },
  linkCrimeTrend: {
    /** An audience or an area (one of the two) cites a crime type's trend in an area (null: the whole strategy area). */
    request: z
      .object({ handle: HandleSchema, audienceId: IdSchema.nullable().default(null), citingAreaId: IdSchema.nullable().default(null), areaId: IdSchema.nullable(), crimeType: CrimeTypeIdSchema, comparison: TrendComparisonSchema })
      .strict()
      .refine((request) => (request.audienceId === null) !== (request.citingAreaId === null), { message: 'A trend is cited by one audience or one area', path: ['audienceId'] }),
    response: CrimeTrendLinkSchema.extend({ effects: WriteEffectsSchema }),
  },
  unlinkCrimeTrend: {
    request: z.object({ handle: HandleSchema, id: IdSchema }).strict(),
    response: withEffects({ unlinked: z.boolean() }),
  },
  listGaps: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(GapSchema),
  },
  listSimilarMessages: {
    /** Pairs of near-duplicate messages: `a` the earlier, `b` the later, `score` 0–1. */
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(z.object({ a: IdSchema, b: IdSchema, score: z.number().min(0).max(1) })),
  },
  listReceptivity: {
    /** Every cell of the receptivity grid that says something (the others are unknown, with no note). */
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(ReceptivityCellSchema),
  },
  setReceptivity: {
    /** Sets one cell's value, its evidence note, or both: one undoable change. */
    request: z
      .object({ handle: HandleSchema, audienceId: IdSchema, channelId: IdSchema, value: ReceptivityValueSchema.optional(), note: plainText(RECEPTIVITY_NOTE_MAX).optional() })
      .strict()
      .refine((request) => request.value !== undefined || request.note !== undefined, { message: 'Say what to set: a value, a note, or both', path: ['value'] }),
    response: ReceptivityCellSchema.extend({ effects: WriteEffectsSchema }),
  },
  importContacts: {
    /**
     * Partners or assets from the planner's own CSV or XLSX, through the column-mapping step: with
     * `apply` false only says what would be added, merged and skipped; with `apply` true imports
     * them as one undoable change.
     */
    request: ContactImportRequestSchema,
    response: ContactImportResultSchema.extend({ effects: WriteEffectsSchema.nullable() }),
  },
  addToLibrary: {
    /**
     * Other forces' workbooks (share copies or whole ones) into the practice library: each checked as
     * untrusted input before anything is read, each added as one undoable change; one bad file
     * refuses them all with its reason, and nothing is added.
     */
    request: z.object({ handle: HandleSchema, paths: z.array(FilePathSchema).min(1, 'Choose a workbook to add').max(50, 'Add at most 50 workbooks at a time') }).strict(),
    response: withEffects({ added: z.array(z.object({ fileName: z.string(), entryId: IdSchema, replaced: IdSchema.nullable(), practices: z.number().int() })) }),
  },
  listLibrary: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: z.array(LibraryEntrySummarySchema),
  },
  removeFromLibrary: {
    request: z.object({ handle: HandleSchema, entryId: IdSchema }).strict(),
    response: withEffects({ removed: z.boolean() }),
  },
  comparePractice: {
    /** What every force did for one kind of audience, one kind of channel or one depth: ours, then neighbours, then others. */
    request: z.object({ handle: HandleSchema, query: ComparisonQuerySchema }).strict(),
    response: ComparisonSchema,
  },
  countPracticeByDepth: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: DepthCountsSchema,
  },
  adoptPractice: {
    /** Copies a library practice into our what-works (verdict adopt or adapt), keeping its force and workbook. */
    request: z.object({ handle: HandleSchema, entryId: IdSchema, practiceId: IdSchema, verdict: z.enum(['adopt', 'adapt']) }).strict(),
    response: RecordWriteSchema,
  },
  /** The self-assessment: each hallmark's indicators, computed from the workbook, and the planner's ratings. */
  assessWorkbook: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: AssessmentSchema,
  },
  /** The review cycle: the review date, records not reviewed for twelve months, changes since the last review. */
  getReviewStatus: {
    request: z.object({ handle: HandleSchema }).strict(),
    response: ReviewStatusSchema,
  },
  /**
   * Finishes a review: its review-log entry (`entry`, checked as a review record) and, unless null,
   * the workbook's next review date, written as one undoable change.
   */
  finishReview: {
    request: z.object({ handle: HandleSchema, entry: RecordValuesSchema, nextReviewDate: CalendarDateSchema.nullable() }).strict(),
    response: RecordWriteSchema,
  },
  /**
   * A new workbook for the next period at `destination`, carrying the records forward (ids kept,
   * none reviewed yet) and naming the previous workbook; the previous file is only read. Opened for editing.
   */
  rollForwardWorkbook: {
    request: RollForwardRequestSchema,
    response: WorkbookInfoSchema,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller sends (defaults optional). */
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
/** What a handler receives (defaults applied). */
export type ParsedRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract[M]['response']>;

/** The shape an implementation must have; the core declares `satisfies ApiHandlers`. */
export type ApiHandlers = { [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M> };

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
