// The section menu (GOV.UK task list pattern): each section with its status and open gaps, and
// first the list of every gap in the workbook. Sections not built yet can still be opened, to read
// what they will hold.
import { SECTIONS, type SectionDef } from './sections.ts';

/** A section's status; the deliverables are written or not rather than started or completed. */
export type SectionStatus = 'Not started' | 'In progress' | 'Completed' | 'Not yet available' | 'Written' | 'Not written yet' | 'Overview';

/** The renderer's own screen listing every gap, grouped by section. */
export const ALL_GAPS = 'all-gaps';

interface TaskListProps {
  id: string;
  current: string;
  statusOf: (section: SectionDef) => SectionStatus;
  gapsOf: (section: SectionDef) => number;
  totalGaps: number;
  /** Nothing is recorded in any section yet: "no gaps" would read as "nothing missing". */
  nothingRecorded?: boolean;
  /** At narrow widths the menu is hidden until its button shows it. */
  open: boolean;
  onSelect: (id: string) => void;
}

function gapCount(gaps: number) {
  return gaps > 0 ? <span className="task-list__gaps">{gaps} {gaps === 1 ? 'gap' : 'gaps'}</span> : null;
}

export function TaskList({ id, current, statusOf, gapsOf, totalGaps, nothingRecorded = false, open, onSelect }: TaskListProps) {
  const groups: Array<{ name: string | undefined; sections: SectionDef[] }> = [];
  for (const section of SECTIONS) {
    const last = groups[groups.length - 1];
    if (last && last.name === section.group && section.group !== undefined) last.sections.push(section);
    else groups.push({ name: section.group, sections: [section] });
  }
  return (
    <nav id={id} className={`task-list${open ? ' task-list--open' : ''}`} aria-label="Sections of the workbook">
      <ul className="task-list__items task-list__items--overview">
        <li className={`task-list__item${current === ALL_GAPS ? ' task-list__item--current' : ''}`}>
          <button type="button" className="task-list__link" aria-current={current === ALL_GAPS ? 'page' : undefined} onClick={() => onSelect(ALL_GAPS)}>
            All gaps
          </button>
          <span className="task-list__status">{totalGaps > 0 ? gapCount(totalGaps) : nothingRecorded ? <span className="tag tag--not-started">Nothing recorded yet</span> : <span className="tag tag--completed">None</span>}</span>
        </li>
      </ul>
      {groups.map((group, index) => (
        <div className="task-list__group" key={`${group.name ?? 'single'}-${index}`}>
          {group.name && <h2 className="task-list__group-title">{group.name}</h2>}
          <ul className="task-list__items">
            {group.sections.map((section) => {
              const status = statusOf(section);
              const selected = section.id === current;
              return (
                <li key={section.id} className={`task-list__item${selected ? ' task-list__item--current' : ''}${section.available ? '' : ' task-list__item--later'}`}>
                  <button type="button" className="task-list__link" aria-current={selected ? 'page' : undefined} onClick={() => onSelect(section.id)}>
                    {section.title}
                  </button>
                  <span className="task-list__status">
                    {status !== 'Overview' && <span className={`tag tag--${status.toLowerCase().replace(/\s+/g, '-')}`}>{status}</span>}
                    {gapCount(gapsOf(section))}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
