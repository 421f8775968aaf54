// A record form's draft: what the inputs hold, turned into API values and checked with the same
// schemas the core uses, so errors show before anything is sent.
import { RECORD_TYPES, type FieldDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import { dateProblem } from '../components/date-parts.ts';
import { entryProblems, recordChangesSchema, recordInputSchema, type RecordValues } from '../../../shared/api/records.ts';

/** A checklist as its form holds it: each check's result (null: not checked) and note. */
export type ChecklistDraft = Readonly<Record<string, { readonly pass: boolean | null; readonly note: string }>>;
export type DraftValue = string | string[] | boolean | ChecklistDraft;
export type Draft = Record<string, DraftValue>;

export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

function fieldToDraft(field: FieldDef, value: unknown): DraftValue {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'checklist': {
      const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, { pass?: unknown; note?: unknown } | undefined>;
      return Object.fromEntries((field.checks ?? []).map((check) => [check.id, { pass: typeof given[check.id]?.pass === 'boolean' ? (given[check.id]!.pass as boolean) : null, note: typeof given[check.id]?.note === 'string' ? (given[check.id]!.note as string) : '' }]));
    }
    case 'enumList':
      return Array.isArray(value) ? (value as string[]) : [];
    case 'codeList':
      return Array.isArray(value) ? (value as string[]).join('\n') : '';
    case 'integer':
      return typeof value === 'number' ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

function draftToField(field: FieldDef, value: DraftValue | undefined): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'checklist':
      return fieldToDraft(field, value);
    case 'enumList':
      return Array.isArray(value) ? value : [];
    case 'codeList':
      return typeof value === 'string' ? splitCodes(value) : [];
    case 'integer': {
      const text = typeof value === 'string' ? value.trim().replace(/,/g, '') : '';
      if (text === '') return null;
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
    case 'date':
    case 'enum':
    case 'ref':
      return typeof value === 'string' && value !== '' ? value : null;
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The record's dates, typed as day, month and year: its own date fields, and when it was last reviewed. */
function dateFields(type: RecordTypeName): Array<{ name: string; label: string; required?: boolean }> {
  return [...RECORD_TYPES[type].fields.filter((field) => field.kind === 'date'), { name: 'reviewedAt', label: 'Last reviewed' }];
}

export function emptyDraft(type: RecordTypeName): Draft {
  const def = RECORD_TYPES[type];
  const draft: Draft = { reviewedAt: '', shareable: true, notes: '' };
  for (const field of def.fields) draft[field.name] = fieldToDraft(field, undefined);
  for (const link of def.links) draft[link.name] = [];
  return draft;
}

export function draftOf(type: RecordTypeName, record: RecordValues): Draft {
  const def = RECORD_TYPES[type];
  const draft: Draft = { reviewedAt: record.reviewedAt ?? '', shareable: record.shareable, notes: record.notes };
  for (const field of def.fields) draft[field.name] = fieldToDraft(field, record[field.name]);
  for (const link of def.links) draft[link.name] = (record[link.name] as string[] | undefined) ?? [];
  return draft;
}

export function valuesOf(type: RecordTypeName, draft: Draft): Record<string, unknown> {
  const def = RECORD_TYPES[type];
  const values: Record<string, unknown> = {
    reviewedAt: draft.reviewedAt ? draft.reviewedAt : null,
    shareable: draft.shareable !== false,
    notes: typeof draft.notes === 'string' ? draft.notes : '',
  };
  for (const field of def.fields) values[field.name] = draftToField(field, draft[field.name]);
  for (const link of def.links) values[link.name] = Array.isArray(draft[link.name]) ? draft[link.name] : [];
  return values;
}

/** Field name → message for everything wrong with the draft (as a new record or as edits). */
export function validateDraft(type: RecordTypeName, draft: Draft, isNew: boolean): Record<string, string> {
  const values = valuesOf(type, draft);
  const schema = isNew ? recordInputSchema(type) : recordChangesSchema(type);
  const parsed = schema.safeParse(values);
  const merged: Record<string, string> = {};
  if (!parsed.success) {
    const fields = fieldsFromIssues(parsed.error.issues);
    // Errors inside a list (e.g. lsoaCodes.2) belong to the list's field; a message that names its item needs no position.
    for (const [path, message] of Object.entries(fields)) {
      const field = path.split('.')[0] ?? path;
      if (!(field in merged)) merged[field] = path.includes('.') && !message.startsWith('“') ? `${message} (item ${Number(path.split('.')[1]) + 1})` : message;
    }
  }
  // Dates are typed as day, month and year: say what is wrong in those terms.
  for (const field of dateFields(type)) {
    const problem = dateProblem(field.label, typeof draft[field.name] === 'string' ? (draft[field.name] as string) : '', field.required === true);
    if (problem) merged[field.name] = problem;
  }
  for (const [field, message] of Object.entries(entryProblems(type, values))) if (!(field in merged)) merged[field] = message;
  return merged;
}

/** The valid fields whose values differ from the saved record: what an autosave sends. */
export function changedValues(type: RecordTypeName, draft: Draft, saved: RecordValues, errors: Record<string, string>): Record<string, unknown> {
  const values = valuesOf(type, draft);
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (errors[name]) continue;
    // Empty choices, dates and numbers are null on both sides: only a real difference is sent.
    if (JSON.stringify(value ?? null) !== JSON.stringify(saved[name] ?? null)) changes[name] = value;
  }
  return changes;
}

export function isShown(field: FieldDef, draft: Draft): boolean {
  if (!field.showWhen) return true;
  const value = draft[field.showWhen.field];
  // A yes/no mark is named by 'true' or 'false' (a flagship's plans show when it is one).
  return (typeof value === 'string' || typeof value === 'boolean') && field.showWhen.oneOf.includes(String(value));
}

type RecordsByType = Readonly<Record<RecordTypeName, readonly RecordValues[]>>;

/** "a partner", "an asset": a noun with its indefinite article. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Why a new record of this type cannot be made yet, or null when it can: a required choice of
 * another record (an objective's aim) with nothing to choose from.
 */
export function missingPrerequisite(type: RecordTypeName, records: RecordsByType): string | null {
  const def = RECORD_TYPES[type];
  for (const field of def.fields) {
    if (field.kind !== 'ref' || !field.required || !field.target || records[field.target].length > 0) continue;
    const target = RECORD_TYPES[field.target].label.toLowerCase();
    return `Add ${withArticle(target)} first: each ${def.label.toLowerCase()} needs one (${field.label}).`;
  }
  return null;
}

/** A new record's first draft: empty, with any required choice that has only one possible answer made. */
export function startDraft(type: RecordTypeName, records: RecordsByType): Draft {
  const draft = emptyDraft(type);
  for (const field of RECORD_TYPES[type].fields) {
    if (field.kind === 'ref' && field.required && field.target && records[field.target].length === 1) draft[field.name] = records[field.target][0]!.id;
  }
  return draft;
}
