// The receptivity grid: for each audience and channel, whether the audience listens there (yes,
// partly, no, unknown) with an optional note of the evidence. Cells are not records: each is named
// by its audience and its channel. A cell that says nothing (unknown, no note) is simply absent.
import { z } from 'zod';
import { RECEPTIVITY_VALUES } from '../domain/vocabularies.ts';
import { IdSchema, plainText } from './fields.ts';

export const RECEPTIVITY_VALUE_IDS = ['yes', 'partly', 'no', 'unknown'] as const;
export type ReceptivityValue = (typeof RECEPTIVITY_VALUE_IDS)[number];
export const ReceptivityValueSchema = z.enum(RECEPTIVITY_VALUE_IDS, { message: 'Choose yes, partly, no or unknown' });

/** The longest evidence note a cell holds (the same limit as the workbook file's own check). */
export const RECEPTIVITY_NOTE_MAX = 2000;

export const ReceptivityCellSchema = z
  .object({
    audienceId: IdSchema,
    channelId: IdSchema,
    value: ReceptivityValueSchema,
    note: plainText(RECEPTIVITY_NOTE_MAX),
  })
  .strict();
export type ReceptivityCell = z.infer<typeof ReceptivityCellSchema>;

/** A cell as the interchange format holds it: one that says something (not unknown without a note). */
export const InterchangeReceptivitySchema = ReceptivityCellSchema.refine((cell) => cell.value !== 'unknown' || cell.note !== '', {
  message: 'A cell that is unknown and has no note is left out of the file',
  path: ['value'],
});

/** How each value is shown: never by colour alone, always with its symbol and its word. */
export const RECEPTIVITY_SYMBOLS: Readonly<Record<ReceptivityValue, string>> = {
  yes: '✓',
  partly: '◐',
  no: '✗',
  unknown: '?',
};

export function receptivityLabel(value: ReceptivityValue): string {
  return RECEPTIVITY_VALUES.find((item) => item.id === value)?.label ?? value;
}
