// What to say when the workbook shows no gaps: gaps are found in what has been recorded, so a
// workbook with sections not started is not "complete" — it says which are still to do.
import type { SectionState } from '../../../shared/api/records.ts';
import { sectionById } from '../../../shared/domain/sections.ts';

/** Sections named before "and N more". */
const NAMED = 4;

export function noGapsText(sections: readonly SectionState[]): string {
  const waiting = sections.filter((state) => state.status === 'Not started').map((state) => sectionById(state.section)?.title ?? state.section);
  if (waiting.length === 0) return 'No gaps: nothing is missing that the workbook can see.';
  const named = waiting.slice(0, NAMED).join(', ');
  const more = waiting.length > NAMED ? ` and ${waiting.length - NAMED} more` : '';
  const started = sections.length - waiting.length;
  const lead = started === 0 ? 'No gaps yet, because nothing has been recorded yet' : 'No gaps in what has been recorded so far';
  return `${lead}: gaps are found in what you record. ${waiting.length} ${waiting.length === 1 ? 'section is' : 'sections are'} not started: ${named}${more}.`;
}
