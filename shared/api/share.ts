// Share copies in the contract: what the planner is shown before one is made (what is left out,
// what stays, each note with whether it is kept), the requests that preview and save one, and what
// `checkWorkbook` says of a share copy's provenance.
import { z } from 'zod';
import { FilePathSchema } from './fields.ts';

const HandleSchema = z.string().min(1).max(100);

/** A note is named `<record id>/<field>`, or `<audience id>/receptivity/<channel id>` for a grid cell's note. */
export const NoteKeySchema = z.string().min(1).max(300);

export const ShareNoteSchema = z.object({
  key: NoteKeySchema,
  recordType: z.string(),
  recordLabel: z.string(),
  recordId: z.string(),
  /** The record's title as the planner knows it. */
  title: z.string(),
  fieldLabel: z.string(),
  /** The note's first 160 characters. */
  preview: z.string(),
  kept: z.boolean(),
});
export type ShareNote = z.infer<typeof ShareNoteSchema>;

export const ShareSummarySchema = z.object({
  title: z.string(),
  force: z.string(),
  forceName: z.string(),
  leftOut: z.object({
    /** Personal and special-category fields, by record type: which fields, and how many values held something. */
    personal: z.array(z.object({ recordType: z.string(), label: z.string(), fields: z.array(z.string()), values: z.number().int() })),
    /** Names of people and posts kept in the workbook's details (the author, the owner and approver posts). */
    details: z.array(z.string()),
    /** Records whose "Include in share copies" box is unticked, and records that hang on one of them. */
    records: z.array(z.object({ recordType: z.string(), label: z.string(), recordId: z.string(), title: z.string(), why: z.enum(['unticked', 'depends']) })),
    /** Practice entries from other forces' libraries (theirs to share). */
    libraryPractices: z.number().int(),
    /** Always true: a share copy carries no history of changes. */
    history: z.literal(true),
  }),
  /** Every free-text note, with whether it goes into the copy. */
  notes: z.array(ShareNoteSchema),
  /** What the copy holds, by kind. */
  stays: z.array(z.object({ label: z.string(), count: z.number().int() })),
});
export type ShareSummary = z.infer<typeof ShareSummarySchema>;

/** The workbook to share: an open one by its handle, or a file by its path (the CLI). */
const ShareSourceShape = {
  handle: HandleSchema.optional(),
  path: FilePathSchema.optional(),
  /** Notes to keep: note keys, or record ids (every note of that record). */
  keepNotes: z.array(NoteKeySchema).max(100_000).default([]),
};

function oneSource<T extends { handle?: unknown; path?: unknown }>(value: T, ctx: z.RefinementCtx): void {
  if ((value.handle === undefined) === (value.path === undefined)) ctx.addIssue({ code: 'custom', message: 'Give either the open workbook or a file to share', path: ['handle'] });
}

export const PreviewShareCopyRequestSchema = z.object(ShareSourceShape).strict().superRefine(oneSource);

export const SaveShareCopyRequestSchema = z
  .object({
    ...ShareSourceShape,
    destination: FilePathSchema,
    /** Replace a file already there (the save dialog asked). */
    overwrite: z.boolean().default(false),
  })
  .strict()
  .superRefine(oneSource);

export const ShareProvenanceInfoSchema = z.object({
  force: z.string(),
  forceName: z.string(),
  workbookId: z.string(),
  title: z.string(),
  sharedAt: z.string(),
  appVersion: z.string(),
  sha256: z.string(),
});

export const SaveShareCopyResponseSchema = z.object({ path: z.string(), summary: ShareSummarySchema, provenance: ShareProvenanceInfoSchema });

/** What `checkWorkbook` says of a share copy: null for a workbook that is not one. */
export const ShareCheckSchema = z.object({
  verified: z.boolean(),
  /** Why it does not verify (when it does not). */
  reason: z.string().nullable(),
  provenance: ShareProvenanceInfoSchema.nullable(),
  /** One line for people: "share copy from <force>, <date>: provenance verified" or why not. */
  message: z.string(),
});
export type ShareCheck = z.infer<typeof ShareCheckSchema>;
