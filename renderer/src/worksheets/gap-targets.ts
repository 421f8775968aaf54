// Where a gap's link takes the planner: the field that would close it, when there is one.
import type { Gap } from '../../../shared/api/records.ts';
import { RECORD_TYPES, isRecordTypeName } from '../../../shared/domain/record-types.ts';

/** Fields that close a gap raised by a rule that is not a descriptor's `gapWhenEmpty`. */
const RULE_FIELDS: Readonly<Record<string, string>> = {
  'audience-no-evidence': 'evidenceNote',
  'not-reviewed': 'reviewedAt',
  'vulnerability-no-response': 'responseNote',
  'message-no-objective': 'objectiveIds',
  'priority-not-fed-back': 'feedback',
  'activity-no-objective': 'objectiveIds',
  'flagship-no-plan': 'pilotPlan',
};

/** The name of the field a gap is about, or null when the gap is about the record as a whole. */
export function gapFieldName(gap: Pick<Gap, 'rule' | 'recordType'>): string | null {
  if (RULE_FIELDS[gap.rule]) return RULE_FIELDS[gap.rule]!;
  if (!gap.recordType || !isRecordTypeName(gap.recordType)) return null;
  return RECORD_TYPES[gap.recordType].fields.find((field) => field.gapWhenEmpty?.rule === gap.rule)?.name ?? null;
}

/** A request to show a gap's record with the field concerned focused (`at` makes repeats distinct). */
export interface GapRequest {
  gap: Gap;
  at: number;
}

/** Where focus goes in a form once it shows: a field by name, or the form's heading (null). */
export interface FocusRequest {
  field: string | null;
  at: number;
}
