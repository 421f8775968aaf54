// The foot of a section: its gaps, each a link to the record concerned, and "Mark as completed" —
// which asks first while gaps are open, and waits (saying why) while the section holds nothing.
import { memo, useState } from 'react';
import { RECORD_TYPES, recordTypesInSection, type SectionId } from '../../../shared/domain/record-types.ts';
import type { Gap } from '../../../shared/api/records.ts';
import { GapList } from './GapList.tsx';
import { useWorkbookData } from './workbook-data.tsx';
import { Question, useAnswered } from '../components/Question.tsx';

function whatToAdd(section: SectionId): string {
  if (section === 'census') return 'import a census table';
  if (section === 'crime') return 'import police.uk crime';
  // The section's first record type is what everything else in it hangs from (an aim before its objectives).
  const first = recordTypesInSection(section)[0];
  const label = first ? RECORD_TYPES[first.type].label.toLowerCase() : 'something';
  return `add ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/**
 * Drawn again only when its section, its handler or the workbook's data change: a section can list
 * thousands of gaps, and moving through a list or the grid beside it must not redraw them each step.
 */
export const SectionGaps = memo(function SectionGaps({ section, onOpen }: { section: SectionId; onOpen: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answered = useAnswered(asking);
  const state = data.sections.find((s) => s.section === section);
  const gaps = data.gaps.filter((gap) => gap.section === section);

  async function mark(completed: boolean) {
    setAsking(false);
    const result = await data.setCompleted(section, completed);
    setProblem(result.ok ? null : result.error.message);
  }

  const empty = state !== undefined && state.records === 0 && state.status !== 'Completed';
  return (
    <section className="worksheet__gaps" aria-labelledby={`${section}-gaps-heading`}>
      <h3 id={`${section}-gaps-heading`}>Gaps in this section</h3>
      {gaps.length === 0 ? (
        <p className="empty-state">No gaps found here.</p>
      ) : (
        <GapList gaps={gaps} onOpen={onOpen} />
      )}
      {!data.readOnly && state && (
        <div className="button-group">
          {state.status === 'Completed' ? (
            <button type="button" className="button button--secondary" onClick={() => void mark(false)}>Mark as not completed</button>
          ) : asking ? (
            <Question className="completion-question" label="Mark as completed with gaps open?">
              <p>
                This section still has {gaps.length} open {gaps.length === 1 ? 'gap' : 'gaps'}. Mark it as completed anyway? The {gaps.length === 1 ? 'gap stays' : 'gaps stay'} listed, and
                the section shows as completed in the menu and the documents.
              </p>
              <button type="button" className="button" onClick={() => void mark(true)}>Mark as completed anyway</button>
              <button type="button" className="button button--secondary" onClick={() => { answered.declined(); setAsking(false); }}>Not yet</button>
            </Question>
          ) : (
            <>
              <button type="button" ref={answered.trigger} className="button" disabled={empty} aria-describedby={empty ? `${section}-complete-reason` : undefined} onClick={() => (gaps.length > 0 ? setAsking(true) : void mark(true))}>
                Mark as completed
              </button>
              {empty && <p className="field__hint completion-reason" id={`${section}-complete-reason`}>Nothing to mark as completed yet: {whatToAdd(section)} first.</p>}
            </>
          )}
        </div>
      )}
      {problem && <p className="field__error" role="alert">{problem}</p>}
    </section>
  );
});
