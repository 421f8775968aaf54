// The practice library and the comparison of practice between forces: what the contract, the
// interchange format and the doors say about library entries, and what a comparison answers.
import { z } from 'zod';
import { AUDIENCE_KINDS, CHANNEL_KINDS, ENGAGEMENT_DEPTHS, EVIDENCE_STRENGTHS, PRACTICE_ORIGINS, PRACTICE_OUTCOMES, VERDICTS } from '../domain/vocabularies.ts';
import { LIMITS } from '../domain/limits.ts';
import { CalendarDateSchema, IdSchema, TimestampSchema, plainText, requiredText } from './fields.ts';
import { ForceIdSchema } from './workbook.ts';

const ids = (vocabulary: ReadonlyArray<{ id: string }>) => vocabulary.map((item) => item.id) as [string, ...string[]];
export const AudienceKindSchema = z.enum(ids(AUDIENCE_KINDS), { message: 'Choose a kind of audience from the list' });
export const ChannelKindSchema = z.enum(ids(CHANNEL_KINDS), { message: 'Choose a kind of channel from the list' });
export const DepthSchema = z.enum(ids(ENGAGEMENT_DEPTHS), { message: 'Choose a depth of engagement from the list' });
const OutcomeSchema = z.enum(ids(PRACTICE_OUTCOMES));
const EvidenceStrengthSchema = z.enum(ids(EVIDENCE_STRENGTHS));
const VerdictSchema = z.enum(ids(VERDICTS));

/** How a library entry came to us: a share copy made for sharing, or a force's whole workbook. */
export const LibrarySourceKindSchema = z.enum(['workbook', 'share-copy']);

/** One practice as the library keeps it: the practice record's shareable fields, never notes or personal data. */
export const LibraryPracticeSchema = z
  .object({
    id: IdSchema,
    title: requiredText(200, 'A practice needs a title'),
    description: plainText(5000),
    audienceKinds: z.array(AudienceKindSchema).max(AUDIENCE_KINDS.length),
    channelKinds: z.array(ChannelKindSchema).max(CHANNEL_KINDS.length),
    depth: DepthSchema.nullable(),
    origin: z.enum(ids(PRACTICE_ORIGINS)),
    originForce: ForceIdSchema.nullable(),
    year: z.number().int().min(1990).max(2100).nullable(),
    outcome: OutcomeSchema.nullable(),
    outcomeNote: plainText(5000),
    evidenceStrength: EvidenceStrengthSchema.nullable(),
    verdict: VerdictSchema.nullable(),
  })
  .strict();
export type LibraryPractice = z.infer<typeof LibraryPracticeSchema>;

/** Where an entry came from: the force, its workbook's id, title and period, and when we added it. */
export const LibraryEntrySummarySchema = z.object({
  id: IdSchema,
  workbookId: IdSchema,
  force: ForceIdSchema,
  forceName: z.string(),
  title: z.string(),
  periodStart: CalendarDateSchema.nullable(),
  periodEnd: CalendarDateSchema.nullable(),
  sourceKind: LibrarySourceKindSchema,
  sharedAt: TimestampSchema.nullable(),
  fileName: z.string(),
  addedAt: TimestampSchema,
  practices: z.number().int(),
  /** Whether the force shares a land boundary with ours. */
  neighbour: z.boolean(),
});
export type LibraryEntrySummary = z.infer<typeof LibraryEntrySummarySchema>;

/** An entry in the interchange format (version 8 on): its provenance and its practices. */
export const InterchangeLibraryEntrySchema = z
  .object({
    id: IdSchema,
    workbookId: IdSchema,
    force: ForceIdSchema,
    title: plainText(200),
    periodStart: CalendarDateSchema.nullable(),
    periodEnd: CalendarDateSchema.nullable(),
    sourceKind: LibrarySourceKindSchema,
    sharedAt: TimestampSchema.nullable(),
    fileName: plainText(500),
    addedAt: TimestampSchema,
    practices: z.array(LibraryPracticeSchema).max(LIMITS.practicesPerLibraryEntry),
  })
  .strict();
export type InterchangeLibraryEntry = z.infer<typeof InterchangeLibraryEntrySchema>;

/** What to compare by: one kind of audience, one kind of channel, or one depth. */
export const ComparisonQuerySchema = z.union([
  z.object({ audienceKind: AudienceKindSchema }).strict(),
  z.object({ channelKind: ChannelKindSchema }).strict(),
  z.object({ depth: DepthSchema }).strict(),
]);
export type ComparisonQuery = z.infer<typeof ComparisonQuerySchema>;

/** Which column a force sits in: ours, a land neighbour's, or another force's. */
export const ComparisonGroupSchema = z.enum(['ours', 'neighbour', 'other']);

/** One practice in a comparison (the `ewb compare --json` row, plus where it came from). */
export const ComparisonRowSchema = z.object({
  force: ForceIdSchema,
  neighbour: z.boolean(),
  group: ComparisonGroupSchema,
  practiceId: IdSchema,
  title: z.string(),
  audienceKinds: z.array(z.string()),
  channelKinds: z.array(z.string()),
  depth: z.string().nullable(),
  outcome: z.string().nullable(),
  evidenceStrength: z.string().nullable(),
  verdict: z.string().nullable(),
  /** The library entry it came from; null for our own practice. */
  entryId: IdSchema.nullable(),
  /** "Title (2025-04-01 to 2028-03-31)" of the workbook it came from; null for ours. */
  workbookLabel: z.string().nullable(),
  /** A practice neighbours rate well (their verdict adopt, or evidence evaluated or monitored) that we do not use. */
  highlight: z.boolean(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

export const ComparisonSchema = z.object({
  /** Ours first, then land neighbours, then the others; within a force, by title. */
  rows: z.array(ComparisonRowSchema),
  /** The forces in column order: ours, then neighbours, then others that have practice here. */
  forces: z.array(z.object({ force: ForceIdSchema, name: z.string(), group: ComparisonGroupSchema })),
  /** Our audiences (id, name, kind) for which no force, ours included, has recorded practice. */
  audiencesWithoutPractice: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.string() })),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** Counts of practice by depth for each force (the chart), over the whole library and ours. */
export const DepthCountsSchema = z.array(z.object({ force: ForceIdSchema, name: z.string(), group: ComparisonGroupSchema, counts: z.record(z.string(), z.number().int()) }));
export type DepthCounts = z.infer<typeof DepthCountsSchema>;
