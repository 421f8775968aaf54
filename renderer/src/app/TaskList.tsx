// The left-hand task list (GOV.UK task list pattern): each section with its status.
import { SECTIONS, type SectionDef } from './sections.ts';

export type SectionStatus = 'Not started' | 'In progress' | 'Completed' | 'Not yet available';

export function TaskList({ current, statusOf, gapsOf, onSelect }: { current: string; statusOf: (section: SectionDef) => SectionStatus; gapsOf: (section: SectionDef) => number; onSelect: (id: string) => void }) {
  const groups: Array<{ name: string | undefined; sections: SectionDef[] }> = [];
  for (const section of SECTIONS) {
    const last = groups[groups.length - 1];
    if (last && last.name === section.group && section.group !== undefined) last.sections.push(section);
    else groups.push({ name: section.group, sections: [section] });
  }
  return (
    <nav className="task-list" aria-label="Sections of the workbook">
      {groups.map((group, index) => (
        <div className="task-list__group" key={`${group.name ?? 'single'}-${index}`}>
          {group.name && <h2 className="task-list__group-title">{group.name}</h2>}
          <ul className="task-list__items">
            {group.sections.map((section) => {
              const status = statusOf(section);
              const gaps = gapsOf(section);
              const selected = section.id === current;
              return (
                <li key={section.id} className={`task-list__item${selected ? ' task-list__item--current' : ''}`}>
                  {section.available ? (
                    <button type="button" className="task-list__link" aria-current={selected ? 'page' : undefined} onClick={() => onSelect(section.id)}>
                      {section.title}
                    </button>
                  ) : (
                    <span className="task-list__unavailable">{section.title}</span>
                  )}
                  <span className="task-list__status">
                    <span className={`tag tag--${status.toLowerCase().replace(/\s+/g, '-')}`}>{status}</span>
                    {gaps > 0 && <span className="task-list__gaps">{gaps} {gaps === 1 ? 'gap' : 'gaps'}</span>}
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
