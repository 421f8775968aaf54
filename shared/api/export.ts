// The deliverables: what an export request says and what it answers. Sections are named by id so
// each later part of the method joins the exports as a small addition.
import { z } from 'zod';
import { FilePathSchema, IdSchema } from './fields.ts';

/** The sections of the method in the document's order; later features add theirs here. */
export const EXPORT_SECTIONS = [
  { id: 'aims', title: 'Purpose: aims and objectives' },
  { id: 'who', title: 'Who we will engage' },
  { id: 'evidence', title: 'Census evidence' },
] as const;
export type ExportSectionId = (typeof EXPORT_SECTIONS)[number]['id'];
export const EXPORT_SECTION_IDS = EXPORT_SECTIONS.map((s) => s.id) as [ExportSectionId, ...ExportSectionId[]];

export const ExportRequestSchema = z
  .object({
    handle: z.string().min(1).max(100),
    word: FilePathSchema.nullable().default(null),
    excel: FilePathSchema.nullable().default(null),
    sections: z.array(z.enum(EXPORT_SECTION_IDS, { message: 'Unknown section' })).default([...EXPORT_SECTION_IDS]),
    /** Names and contact details of people go out only when this is true. */
    personal: z.boolean().default(false),
    jobId: IdSchema.optional(),
  })
  .strict()
  .refine((r) => r.word !== null || r.excel !== null, { message: 'Choose Word, Excel or both', path: ['word'] });

export const ExportResultSchema = z.object({
  files: z.array(z.object({ kind: z.enum(['word', 'excel']), path: z.string(), bytes: z.number().int() })),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;
