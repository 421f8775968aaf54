// Importing the planner's own contact lists (partners or assets) from a CSV or XLSX through the
// column-mapping step: which column holds which field, then what would be added, merged with a
// record already there (the same organisation or email, case and spacing ignored) and skipped.
import { z } from 'zod';
import { FilePathSchema } from './fields.ts';

export const CONTACT_TARGETS = ['partner', 'asset'] as const;
export type ContactTarget = (typeof CONTACT_TARGETS)[number];

/** The fields a column can be mapped to, for each kind of contact list. */
export const CONTACT_FIELDS: Readonly<Record<ContactTarget, readonly string[]>> = {
  partner: ['organisation', 'sector', 'contactName', 'contactRole', 'phone', 'email', 'relationship', 'lastContact', 'whatTheyBring', 'notes'],
  asset: ['name', 'kind', 'role', 'personName', 'phone', 'email', 'relationship', 'lastContact', 'notes'],
};

/** What a row needs: the field that names the record. */
export const CONTACT_NAME_FIELD: Readonly<Record<ContactTarget, string>> = { partner: 'organisation', asset: 'name' };

/** Required choices a list may not have a column for, and what every row gets then. */
export const CONTACT_DEFAULTS: Readonly<Record<ContactTarget, Readonly<Record<string, string>>>> = {
  partner: { sector: 'other', relationship: 'none' },
  asset: { kind: 'group', relationship: 'new' },
};

const ALL_FIELDS = [...new Set([...CONTACT_FIELDS.partner, ...CONTACT_FIELDS.asset])] as [string, ...string[]];

export const ContactImportRequestSchema = z
  .object({
    handle: z.string().min(1).max(100),
    source: FilePathSchema,
    /** For an XLSX with several sheets; the first sheet when left out. */
    sheet: z.string().max(200).optional(),
    target: z.enum(CONTACT_TARGETS, { message: 'Choose partners or assets' }),
    /** Which column holds which field: pairs, so no column name is ever used as an object key. */
    columns: z
      .array(z.object({ field: z.enum(ALL_FIELDS, { message: 'Not a field a contact list can fill' }), column: z.string().min(1).max(500) }).strict())
      .max(ALL_FIELDS.length),
    /** False: only say what would happen (nothing is written). True: import, as one undoable change. */
    apply: z.boolean().default(false),
    /** Names the job so its progress can be asked for with getJobProgress while it runs. */
    jobId: z.uuid().optional(),
  })
  .strict();
export type ContactImportRequest = z.input<typeof ContactImportRequestSchema>;

const LISTED = 200;

export const ContactImportResultSchema = z.object({
  target: z.enum(CONTACT_TARGETS),
  fileName: z.string(),
  applied: z.boolean(),
  added: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** The first names added. */
  addedNames: z.array(z.string()).max(LISTED),
  /** The first merges: the row's name, the record it joined, and the fields it filled in. */
  merges: z.array(z.object({ row: z.number().int(), name: z.string(), into: z.string(), fields: z.array(z.string()) })).max(LISTED),
  /** The first rows left out, each with why. */
  skips: z.array(z.object({ row: z.number().int(), reason: z.string() })).max(LISTED),
});
export type ContactImportResult = z.infer<typeof ContactImportResultSchema>;

/** How many names, merges and skips a result lists (the counts cover them all). */
export const CONTACT_RESULT_LISTED = LISTED;
