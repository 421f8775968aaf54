// What checking the values inside a workbook found: each value the app cannot use, with the record
// it belongs to and what repairing it would do (or that it cannot be repaired here).
import { z } from 'zod';

export const ValueProblemSchema = z.object({
  /** A record type (`aim`, `area`, …) or `workbook`, `setting`, `section`, `evidenceLink`, `censusTable`. */
  recordType: z.string(),
  /** The kind of record in words: "Area", "Workbook details". */
  recordLabel: z.string(),
  recordId: z.string().nullable(),
  /** The record's title or name, shortened and printable, for finding it. */
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  /** What is wrong, in plain English (never the whole offending value). */
  message: z.string(),
  /** What a repair would do, or null when it cannot be repaired automatically. */
  repair: z.string().nullable(),
  /** Set when a repair needs the user to choose: `force`, the workbook's force (repairWorkbook's `force`). */
  choose: z.enum(['force']).optional(),
});
export type ValueProblem = z.infer<typeof ValueProblemSchema>;

/** The problems are listed up to this many; the counts cover them all. */
export const MAX_LISTED_PROBLEMS = 500;

export const ValueCheckSchema = z.object({
  /** How many values the app cannot use. */
  total: z.number().int().nonnegative(),
  /** How many of them a repair can put right. */
  repairable: z.number().int().nonnegative(),
  /** The first MAX_LISTED_PROBLEMS of them, in the order found. */
  problems: z.array(ValueProblemSchema),
});
export type ValueCheck = z.infer<typeof ValueCheckSchema>;

export const RepairReportSchema = z.object({
  path: z.string(),
  applied: z.boolean(),
  /** What was found before repairing: each problem with its repair, or null if it cannot be repaired. */
  found: ValueCheckSchema,
  /** After repairing, what is left (the problems no repair could put right); equal to `found` when not applied. */
  remaining: ValueCheckSchema,
  /** The name of the copy of the file as it was, kept beside it, when a repair was applied. */
  backupName: z.string().nullable(),
});
export type RepairReport = z.infer<typeof RepairReportSchema>;
