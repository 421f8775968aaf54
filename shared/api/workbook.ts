// The workbook's own details (its one metadata row) and what the API says about an open workbook.
import { z } from 'zod';
import { PROTECTIVE_MARKINGS } from '../domain/markings.ts';
import { FORCES } from '../domain/forces.ts';
import { CalendarDateSchema, IdSchema, TimestampSchema, plainText, requiredText } from './fields.ts';
import { ValueCheckSchema } from './value-check.ts';
import { ShareCheckSchema } from './share.ts';

const FORCE_IDS = FORCES.map((force) => force.id) as [string, ...string[]];

/** A force by its id in the reference list (e.g. `kent`); names are resolved by the doors. */
export const ForceIdSchema = z.enum(FORCE_IDS, { message: 'Choose a force from the list' });

export const MarkingSchema = z.enum(PROTECTIVE_MARKINGS, {
  message: 'Choose OFFICIAL or OFFICIAL-SENSITIVE',
});

/** The workbook details that name a person: personal data, like the descriptors' personal fields. */
export const WORKBOOK_PERSONAL_FIELDS = ['author'] as const;

/** The details a planner edits. `author` names a person, so it is personal data. */
const detailsShape = {
  force: ForceIdSchema,
  title: requiredText(200, 'Enter a title for the strategy'),
  periodStart: CalendarDateSchema.nullable(),
  periodEnd: CalendarDateSchema.nullable(),
  author: plainText(200).nullable(),
  versionLabel: plainText(50),
  marking: MarkingSchema,
  reviewDate: CalendarDateSchema.nullable(),
  /** The post that owns the strategy (a role, not a person's name), for the document control table. */
  owner: plainText(200).nullable(),
  /** The post that approves it (a role, not a person's name). */
  approver: plainText(200).nullable(),
};

/**
 * The workbook this one was rolled forward from: its id, title and period, set once when the new
 * period's workbook is written and never edited.
 */
export const RolledFromSchema = z
  .object({ id: IdSchema, title: plainText(200), periodStart: CalendarDateSchema.nullable(), periodEnd: CalendarDateSchema.nullable() })
  .strict();
export type RolledFrom = z.infer<typeof RolledFromSchema>;

function periodInOrder(details: { periodStart?: string | null; periodEnd?: string | null }): boolean {
  return !details.periodStart || !details.periodEnd || details.periodStart < details.periodEnd;
}
const PERIOD_ORDER = { message: 'The strategy period must end after it starts', path: ['periodEnd'] };

/** The details in full; the posts for document control, added in file format 7, may be left out (null). */
export const WorkbookDetailsSchema = z.object({ ...detailsShape, owner: detailsShape.owner.default(null), approver: detailsShape.approver.default(null) }).refine(periodInOrder, PERIOD_ORDER);
export type WorkbookDetails = z.infer<typeof WorkbookDetailsSchema>;

/** A partial edit of the details; the merged result is validated again by the core. */
export const WorkbookDetailsChangesSchema = z
  .object(detailsShape)
  .partial()
  .refine(periodInOrder, PERIOD_ORDER);
export type WorkbookDetailsChanges = z.infer<typeof WorkbookDetailsChangesSchema>;

export const WorkbookMetaSchema = z.object({
  id: IdSchema,
  ...detailsShape,
  /** Set only in a workbook rolled forward from a previous period's (file format 12 on). */
  rolledFrom: RolledFromSchema.nullable().optional(),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: TimestampSchema,
  modifiedAt: TimestampSchema,
});
export type WorkbookMeta = z.infer<typeof WorkbookMetaSchema>;

export const WorkbookInfoSchema = z.object({
  handle: z.string(),
  path: z.string(),
  readOnly: z.boolean(),
  meta: WorkbookMetaSchema,
  /** Record counts per record type, for `ewb info` and the overview. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Set when opening found values the app cannot use: the workbook is then open read-only until repaired. */
  needsRepair: ValueCheckSchema.nullable().optional(),
});
export type WorkbookInfo = z.infer<typeof WorkbookInfoSchema>;

export const LockOwnerSchema = z.object({
  user: z.string(),
  host: z.string(),
  pid: z.number().int(),
  since: TimestampSchema,
});
export type LockOwner = z.infer<typeof LockOwnerSchema>;

/**
 * What a workbook's "in use" marker (`~$NAME.ewb.lock`) says: `mine` this app, `here` another
 * program on this computer that may still be running, `stale` left by one that has ended,
 * `elsewhere` another computer, `damaged` a marker that cannot be read. A lock file says what it
 * likes, so its texts are only shown, never trusted.
 */
export const LockStatusSchema = z.object({
  state: z.enum(['mine', 'here', 'stale', 'elsewhere', 'damaged']),
  user: z.string().optional(),
  host: z.string().optional(),
  pid: z.number().int().optional(),
  since: z.string().optional(),
});
export type LockStatus = z.infer<typeof LockStatusSchema>;

export const RecentWorkbookSchema = z.object({
  path: z.string(),
  title: z.string(),
  force: z.string(),
  lastOpened: TimestampSchema,
  exists: z.boolean(),
});
export type RecentWorkbook = z.infer<typeof RecentWorkbookSchema>;

export const CheckReportSchema = z.object({
  path: z.string(),
  ok: z.boolean(),
  schemaVersion: z.number().int().nullable(),
  appSchemaVersion: z.number().int(),
  appVersion: z.string().nullable(),
  problems: z.array(z.string()),
  /** Every value the app cannot use, with its record; null when the file could not be opened to look. */
  values: ValueCheckSchema.nullable(),
  /** A share copy's provenance, verified or not; absent or null for a workbook that is not a share copy. */
  share: ShareCheckSchema.nullable().optional(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;
