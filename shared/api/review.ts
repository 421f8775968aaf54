// What the self-assessment, the review cycle and rolling forward answer: the indicators the core
// computes for each hallmark with the planner's ratings, what is due for review and what changed
// since the last one, and the request to start the next period's workbook.
import { z } from 'zod';
import { HALLMARK_IDS } from '../domain/hallmarks.ts';
import { CalendarDateSchema, FilePathSchema, TimestampSchema } from './fields.ts';
import { RecordTypeSchema } from './records.ts';

export const HallmarkIdSchema = z.enum(HALLMARK_IDS as [string, ...string[]]);

/** One indicator: `value` is numerator over denominator (0 to 1), null when the denominator is 0. */
export const IndicatorSchema = z.object({
  hallmark: HallmarkIdSchema,
  indicator: z.string(),
  value: z.number().min(0).max(1).nullable(),
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().nonnegative(),
  /** How it was computed, in words, with what it found. */
  explanation: z.string(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const HallmarkRatingSummarySchema = z.object({ hallmark: HallmarkIdSchema, rating: z.number().int().min(1).max(5).nullable(), note: z.string() });
export type HallmarkRatingSummary = z.infer<typeof HallmarkRatingSummarySchema>;

export const AssessmentSchema = z.object({ indicators: z.array(IndicatorSchema), ratings: z.array(HallmarkRatingSummarySchema) });
export type Assessment = z.infer<typeof AssessmentSchema>;

/** A record not reviewed for over twelve months. */
export const StaleRecordSchema = z.object({ type: RecordTypeSchema, id: z.string(), title: z.string(), section: z.string(), lastReviewed: CalendarDateSchema.nullable(), since: CalendarDateSchema });
export type StaleRecord = z.infer<typeof StaleRecordSchema>;

/** A change since the last review, in words, with the section it belongs to. */
export const ReviewChangeSchema = z.object({ seq: z.number().int(), at: TimestampSchema, section: z.string(), recordType: RecordTypeSchema.nullable(), recordId: z.string(), description: z.string() });
export type ReviewChange = z.infer<typeof ReviewChangeSchema>;

export const ReviewStatusSchema = z.object({
  /** The workbook's review date (its details), and whether it has come. */
  reviewDate: CalendarDateSchema.nullable(),
  due: z.boolean(),
  lastReview: z.object({ id: z.string(), reviewedOn: CalendarDateSchema, summary: z.string(), at: TimestampSchema }).nullable(),
  stale: z.array(StaleRecordSchema),
  /** The changes since the last review (since the workbook was made when there has been none), newest first, at most `shownChanges`. */
  changes: z.array(ReviewChangeSchema),
  changeCount: z.number().int().nonnegative(),
});
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** The most changes a review status lists; the count says how many there were. */
export const SHOWN_CHANGES = 500;

export const RollForwardRequestSchema = z
  .object({
    /** The workbook to carry forward (read only; never changed). */
    path: FilePathSchema,
    /** The new workbook to write (it must not exist). */
    destination: FilePathSchema,
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
  })
  .strict()
  .refine((r) => r.periodStart < r.periodEnd, { message: 'The new period must end after it starts', path: ['periodEnd'] });
