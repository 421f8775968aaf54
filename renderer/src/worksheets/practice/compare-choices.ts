// The audiences "Compare by" offers: by name in the order a planner reads (numbers in order, case
// and accents ignored), each with its kind, so one among thousands can be found by typing its name.
import type { RecordValues } from '../../../../shared/api/records.ts';
import { AUDIENCE_KINDS, labelOf } from '../../../../shared/domain/vocabularies.ts';

export interface CompareChoice {
  value: string;
  label: string;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

export function audienceChoices(audiences: readonly RecordValues[]): CompareChoice[] {
  const named = audiences.map((a) => ({ value: `audience:${a.id}`, name: String(a.name ?? ''), label: `${String(a.name ?? '')} (${labelOf(AUDIENCE_KINDS, String(a.kind))})` }));
  // Two audiences of the same name keep the order they were recorded in (the sort is stable).
  named.sort((a, b) => collator.compare(a.name, b.name));
  return named.map(({ value, label }) => ({ value, label }));
}
