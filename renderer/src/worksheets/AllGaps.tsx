// Every gap in the workbook, grouped by section in the method's order; each is a link to the field
// or record concerned.
import type { Gap } from '../../../shared/api/records.ts';
import { SECTIONS } from '../app/sections.ts';
import { GapList } from './GapList.tsx';
import { useWorkbookData } from './workbook-data.tsx';
import { noGapsText } from './no-gaps-text.ts';

export function AllGaps({ onOpen }: { onOpen: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const groups = SECTIONS.map((section) => ({ section, gaps: data.gaps.filter((gap) => gap.section === section.id) })).filter((group) => group.gaps.length > 0);
  if (groups.length === 0) return <p className="empty-state">{noGapsText(data.sections)}</p>;
  return (
    <div className="worksheet">
      <p>What the workbook is missing, or has not reviewed for over a year. Each links to the record concerned.</p>
      {groups.map(({ section, gaps }) => (
        <section key={section.id} className="worksheet__block" aria-labelledby={`all-gaps-${section.id}`}>
          <h3 id={`all-gaps-${section.id}`} className="worksheet__block-title">
            {section.title} <span className="task-list__gaps">{gaps.length} {gaps.length === 1 ? 'gap' : 'gaps'}</span>
          </h3>
          <GapList gaps={gaps} onOpen={onOpen} />
        </section>
      ))}
    </div>
  );
}
