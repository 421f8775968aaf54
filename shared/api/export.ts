// The deliverables: what an export request says and what it answers. The sections a planner can
// choose are the parts of the method that hold something today (shared/domain/sections.ts): a
// record type added to a section brings its part into the exports without a change here.
import { z } from 'zod';
import { AVAILABLE_EXPORT_PARTS, type ExportPartId } from '../domain/sections.ts';
import { FilePathSchema, IdSchema } from './fields.ts';

/** The parts of the method that can be exported, in the document's order. */
export const EXPORT_SECTIONS: ReadonlyArray<{ readonly id: ExportPartId; readonly title: string }> = AVAILABLE_EXPORT_PARTS;
export type ExportSectionId = ExportPartId;
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
