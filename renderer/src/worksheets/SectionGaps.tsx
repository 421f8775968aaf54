// The foot of a section: its gaps, each a link to the record concerned, and "Mark as completed".
import type { SectionId } from '../../../shared/domain/record-types.ts';
import type { Gap } from '../../../shared/api/records.ts';
import { useWorkbookData } from './workbook-data.tsx';

export function SectionGaps({ section, onOpen }: { section: SectionId; onOpen: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const state = data.sections.find((s) => s.section === section);
  const gaps = data.gaps.filter((gap) => gap.section === section);
  return (
    <section className="worksheet__gaps" aria-labelledby={`${section}-gaps-heading`}>
      <h3 id={`${section}-gaps-heading`}>Gaps in this section</h3>
      {gaps.length === 0 ? (
        <p className="empty-state">No gaps found here.</p>
      ) : (
        <ul className="gap-list">
          {gaps.map((gap) => (
            <li key={gap.key}>
              <button type="button" className="link-button" onClick={() => onOpen(gap)}>{gap.message}</button>
            </li>
          ))}
        </ul>
      )}
      {!data.readOnly && state && (
        <div className="button-group">
          {state.status === 'Completed' ? (
            <button type="button" className="button button--secondary" onClick={() => void data.setCompleted(section, false)}>Mark as not completed</button>
          ) : (
            <button type="button" className="button" onClick={() => void data.setCompleted(section, true)}>Mark as completed</button>
          )}
        </div>
      )}
    </section>
  );
}
