// Validation of worksheet records, built from the record-type descriptors: the core checks every
// write with these and the renderer's forms show the same messages before anything is sent.
import { z } from 'zod';
import { RECORD_TYPES, RECORD_TYPE_NAMES, SECTION_IDS, type FieldDef, type RecordTypeName } from '../domain/record-types.ts';
import { CalendarDateSchema, IdSchema, TimestampSchema, plainText, requiredText } from './fields.ts';
import { ONS_CODE_FORMS, notACodeOf, onsCodeProblem, type OnsCodeLevel } from '../domain/ons-codes.ts';

export const RecordTypeSchema = z.enum(RECORD_TYPE_NAMES, { message: 'Unknown kind of record' });
export const SectionIdSchema = z.enum(SECTION_IDS, { message: 'Unknown section' });

/** Every record carries these besides its own fields. */
export const COMMON_FIELDS = ['id', 'createdAt', 'updatedAt', 'reviewedAt', 'shareable', 'notes'] as const;

function uniqueArray<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(item)
    .max(max, `At most ${max} ${what}`)
    .refine((values) => new Set(values as unknown[]).size === (values as unknown[]).length, `Each ${what.replace(/s$/, '')} only once`);
}

/** The schema of one field's value, as the API and the interchange format carry it. */
export function fieldSchema(field: FieldDef): z.ZodType {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return field.required ? requiredText(field.max ?? 1000, `Enter ${field.label.toLowerCase()}`) : plainText(field.max ?? 1000);
    case 'date':
      // A required date left out says which date, as a required text does.
      return field.required ? z.string({ message: `Enter a date for “${field.label}”` }).pipe(CalendarDateSchema) : CalendarDateSchema.nullable();
    case 'enum': {
      const ids = (field.vocabulary ?? []).map((item) => item.id) as [string, ...string[]];
      const schema = z.enum(ids, { message: `Choose ${field.label.toLowerCase()} from the list` });
      return field.required ? schema : schema.nullable();
    }
    case 'enumList': {
      const ids = (field.vocabulary ?? []).map((item) => item.id) as [string, ...string[]];
      return uniqueArray(z.enum(ids, { message: `Choose ${field.label.toLowerCase()} from the list` }), ids.length, 'choices');
    }
    case 'integer': {
      const min = field.min ?? 0;
      const max = field.max ?? 100_000_000;
      const schema = z
        .number({ message: 'Enter a whole number' })
        .int('Enter a whole number')
        .min(min, `Enter a number of ${min} or more`)
        .max(max, field.max === undefined ? 'That number is too large' : `Enter a number of ${max} or less`);
      return field.required ? schema : schema.nullable();
    }
    case 'ref':
      return field.required ? IdSchema.describe(`id of a ${field.target}`) : IdSchema.nullable();
    case 'boolean':
      return z.boolean({ message: 'Choose yes or no' });
    case 'checklist':
      return checklistSchema(field);
    case 'codeList': {
      const pattern = field.codePattern;
      // The message names the code, so the planner can find it in a long list.
      const level = typeof field.format === 'object' && 'onsLevel' in field.format && Object.hasOwn(ONS_CODE_FORMS, field.format.onsLevel) ? (field.format.onsLevel as OnsCodeLevel) : null;
      const named = (input: unknown) => (level ? notACodeOf(String(input).slice(0, 40), level) : `“${String(input).slice(0, 40)}” is not a code of the right form: codes look like E01024133 or W01000001`);
      const code = pattern ? z.string().regex(pattern, { error: (issue) => named(issue.input) }) : z.string().max(20);
      return uniqueArray(code, 10_000, 'codes');
    }
  }
}

/** One check's result: passed, not yet (false) or not checked (null), with a note of why. */
export const CheckResultSchema = z.object({ pass: z.boolean({ message: 'Choose pass, not yet or not checked' }).nullable(), note: plainText(2000) }).strict();
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** A checklist's value: one result for every check it lists, and no other key. */
function checklistSchema(field: FieldDef): z.ZodType {
  const checks = field.checks ?? [];
  return z.object(Object.fromEntries(checks.map((check) => [check.id, CheckResultSchema.describe(check.hint ?? check.label)]))).strict();
}

/** A checklist with nothing checked yet. */
export function emptyChecklist(field: FieldDef): Record<string, CheckResult> {
  return Object.fromEntries((field.checks ?? []).map((check) => [check.id, { pass: null, note: '' }]));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with spaces, brackets or dashes, an optional + in front and an optional extension: 10 to 15 digits. */
const PHONE = /^\+?[\d\s()-]+(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;

function formatProblem(field: FieldDef, value: string, values: Record<string, unknown>): string | null {
  const text = value.trim();
  if (text === '' || !field.format) return null;
  const format = field.format;
  if (format === 'email') return EMAIL.test(text) ? null : `“${text}” is not an e-mail address: it should look like name@example.org`;
  if (format === 'phone') {
    const digits = text.replace(/(?:ext\.?|x)\s*\d+$/i, '').replace(/\D/g, '').length;
    return PHONE.test(text) && digits >= 10 && digits <= 15 ? null : `“${text}” is not a phone number: use 10 to 15 digits, with spaces if you like, for example 01632 960123 or +44 1632 960123`;
  }
  if ('onsLevel' in format) return onsCodeProblem(text, format.onsLevel);
  const level = values[format.onsLevelField];
  return onsCodeProblem(text, typeof level === 'string' ? level : null);
}

/**
 * What is wrong with values as they are typed in, beyond their schema: e-mail addresses, phone
 * numbers and ONS codes that cannot be right (each message names the bad value). Checked on entry
 * only — the core on every create and update, the forms as the planner types — so a value already
 * in a file stays readable. With `changed`, only problems involving a changed field are reported,
 * so an old value does not stand in the way of an unrelated edit.
 */
export function entryProblems(type: RecordTypeName, values: Record<string, unknown>, changed?: ReadonlySet<string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of RECORD_TYPES[type].fields) {
    if (!field.format) continue;
    const involved = [field.name, ...(typeof field.format === 'object' && 'onsLevelField' in field.format ? [field.format.onsLevelField] : [])];
    if (changed && !involved.some((name) => changed.has(name))) continue;
    const value = values[field.name];
    const items = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
    for (const item of items) {
      const problem = formatProblem(field, item, values);
      if (problem) {
        problems[field.name] = problem;
        break;
      }
    }
  }
  return problems;
}

/** An empty value for a field a planner has not filled in. */
export function emptyValue(field: FieldDef): unknown {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return '';
    case 'enumList':
    case 'codeList':
      return [];
    case 'boolean':
      return false;
    case 'checklist':
      return emptyChecklist(field);
    default:
      return null;
  }
}

const cache = new Map<string, z.ZodObject>();

function editableShape(type: RecordTypeName): Record<string, z.ZodType> {
  const def = RECORD_TYPES[type];
  const shape: Record<string, z.ZodType> = {
    reviewedAt: CalendarDateSchema.nullable(),
    shareable: z.boolean(),
    notes: plainText(10_000),
  };
  for (const field of def.fields) shape[field.name] = fieldSchema(field);
  for (const link of def.links) shape[link.name] = uniqueArray(IdSchema, 10_000, 'links');
  return shape;
}

/** What a new record may be given: required fields must be there; the rest default to empty. */
export function recordInputSchema(type: RecordTypeName): z.ZodObject {
  const key = `input:${type}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const def = RECORD_TYPES[type];
  const shape = editableShape(type);
  const optional: Record<string, z.ZodType> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const field = def.fields.find((f) => f.name === name);
    if (field?.required) optional[name] = schema;
    else if (name === 'shareable') optional[name] = schema.default(true);
    // A function, so no two records share one empty checklist object.
    else if (field) optional[name] = schema.default(() => emptyValue(field) as never);
    else if (name === 'reviewedAt') optional[name] = schema.default(null);
    else if (name === 'notes') optional[name] = schema.default('');
    else optional[name] = schema.default([]);
  }
  const schema = z.object(optional).strict();
  cache.set(key, schema);
  return schema;
}

/** What an edit may change: any editable field, each validated as on creation. */
export function recordChangesSchema(type: RecordTypeName): z.ZodObject {
  const key = `changes:${type}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const schema = z.object(editableShape(type)).partial().strict();
  cache.set(key, schema);
  return schema;
}

/** A whole record as the API returns it and the interchange format stores it. */
export function recordSchema(type: RecordTypeName, options: { personal: boolean } = { personal: true }): z.ZodObject {
  const key = `record:${type}:${options.personal}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const def = RECORD_TYPES[type];
  const shape: Record<string, z.ZodType> = { id: IdSchema, createdAt: TimestampSchema, updatedAt: TimestampSchema, ...editableShape(type) };
  if (!options.personal) {
    for (const field of def.fields) if (field.personal || field.specialCategory) delete shape[field.name];
  }
  const schema = z.object(shape).strict();
  cache.set(key, schema);
  return schema;
}

/** A record's values: common fields, its own fields and its links (as id arrays). */
export type RecordValues = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string; reviewedAt: string | null; shareable: boolean; notes: string };

export const RecordValuesSchema = z.record(z.string(), z.unknown());

export const GapSchema = z.object({
  /** Names the gap among all of them, so a write can say which gaps it closed. */
  key: z.string(),
  section: z.string(),
  rule: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  message: z.string(),
});
export type Gap = z.infer<typeof GapSchema>;

export const SectionStateSchema = z.object({
  section: z.string(),
  status: z.enum(['Not started', 'In progress', 'Completed']),
  records: z.number().int(),
  gaps: z.number().int(),
  completedAt: z.string().nullable(),
});
export type SectionState = z.infer<typeof SectionStateSchema>;

export const ChangeSummarySchema = z.object({
  recordType: z.string(),
  recordId: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  description: z.string(),
});
export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;

export const UndoStateSchema = z.object({
  /** What Ctrl+Z would undo, in words, or null when there is nothing to undo. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoStateSchema>;

/**
 * What a write changed beyond itself, returned beside its own answer so the screen needs no second
 * request: the section states that changed, the gaps it opened and closed (by key), and what undo
 * and redo would now do.
 */
export const WriteEffectsSchema = z.object({
  sections: z.array(SectionStateSchema),
  gaps: z.object({ added: z.array(GapSchema), removed: z.array(z.string()) }),
  undo: UndoStateSchema,
});
export type WriteEffects = z.infer<typeof WriteEffectsSchema>;

/** The name under which a write's answer carries its effects; no record field may use it. */
export const EFFECTS_KEY = 'effects';

/** A written record as a write returns it: the record's own fields, and the write's effects beside them. */
export const RecordWriteSchema = z.looseObject({ id: z.string(), effects: WriteEffectsSchema });
