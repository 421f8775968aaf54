// The details form's draft: text-field values, validation against the shared schema, and the
// changes to send (only what differs from what is saved).
import { WorkbookDetailsSchema, type WorkbookDetails } from '../../../../shared/api/workbook.ts';
import { fieldsFromIssues } from '../../../../shared/api/result.ts';
import { dateProblem } from '../../components/date-parts.ts';

/** What the inputs hold: every value as a string, '' for "not set". */
export type Draft = Record<keyof WorkbookDetails, string>;

export const NULLABLE: ReadonlyArray<keyof WorkbookDetails> = ['periodStart', 'periodEnd', 'author', 'reviewDate', 'owner', 'approver'];

export function draftOf(details: WorkbookDetails): Draft {
  return {
    force: details.force,
    title: details.title,
    periodStart: details.periodStart ?? '',
    periodEnd: details.periodEnd ?? '',
    author: details.author ?? '',
    versionLabel: details.versionLabel,
    marking: details.marking,
    reviewDate: details.reviewDate ?? '',
    owner: details.owner ?? '',
    approver: details.approver ?? '',
  };
}

export function detailsFromDraft(draft: Draft): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(draft)) {
    out[key] = NULLABLE.includes(key as keyof WorkbookDetails) && value.trim() === '' ? null : value;
  }
  return out;
}

const DATE_LABELS = { periodStart: 'Strategy period starts', periodEnd: 'Strategy period ends', reviewDate: 'Next review date' } as const;

/** Field → message for everything wrong with the draft; dates in day, month and year terms. */
export function validateDraft(draft: Draft): Record<string, string> {
  const parsed = WorkbookDetailsSchema.safeParse(detailsFromDraft(draft));
  const errors = parsed.success ? {} : fieldsFromIssues(parsed.error.issues);
  for (const [field, label] of Object.entries(DATE_LABELS)) {
    const problem = dateProblem(label, draft[field as keyof typeof DATE_LABELS]);
    if (problem) errors[field] = problem;
  }
  return errors;
}

/** The fields that differ from `saved` and are themselves valid: those can be saved now. */
export function saveableChanges(draft: Draft, saved: Draft, errors: Record<string, string>): Record<string, string | null> {
  const values = detailsFromDraft(draft);
  const changes: Record<string, string | null> = {};
  for (const key of Object.keys(draft) as Array<keyof Draft>) {
    if (draft[key] !== saved[key] && !errors[key]) changes[key] = values[key] ?? null;
  }
  // The period is checked as a pair: send both ends together or neither.
  if (errors.periodEnd || errors.periodStart) {
    delete changes.periodStart;
    delete changes.periodEnd;
  }
  return changes;
}
