// The comparison side by side: a column a force (ours, then our land neighbours, then the others)
// that recorded something for it — the forces that recorded nothing are named in one line beneath,
// not given empty columns to scroll past —, each cell the practices that force recorded — what it did, through which channels, how deeply,
// what came of it and how strong the evidence is. What a neighbour rates well that we do not use is
// marked in words and with a heavy border, never by colour alone; "Adopt" and "Adapt" copy it into ours.
import type { Comparison, ComparisonRow } from '../../../../shared/api/library.ts';
import { CHANNEL_KINDS, ENGAGEMENT_DEPTHS, EVIDENCE_STRENGTHS, PRACTICE_OUTCOMES, VERDICTS, labelOf } from '../../../../shared/domain/vocabularies.ts';

function Facts({ row }: { row: ComparisonRow }) {
  const facts = [
    ['Depth', labelOf(ENGAGEMENT_DEPTHS, row.depth)],
    ['Channels', row.channelKinds.map((k) => labelOf(CHANNEL_KINDS, k)).join(', ')],
    ['Outcome', labelOf(PRACTICE_OUTCOMES, row.outcome)],
    ['Evidence', labelOf(EVIDENCE_STRENGTHS, row.evidenceStrength)],
    ['Verdict', labelOf(VERDICTS, row.verdict)],
  ].filter(([, value]) => value);
  return <p className="practice-card__facts">{facts.length === 0 ? 'Nothing more recorded.' : facts.map(([name, value]) => `${name}: ${value}`).join('. ')}</p>;
}

export function ComparisonTable({ comparison, readOnly, onAdopt }: { comparison: Comparison; readOnly: boolean; onAdopt: (row: ComparisonRow, verdict: 'adopt' | 'adapt') => void }) {
  const byForce = new Map<string, ComparisonRow[]>();
  for (const row of comparison.rows) byForce.set(row.force, [...(byForce.get(row.force) ?? []), row]);
  const shown = comparison.forces.filter((force) => force.group === 'ours' || byForce.has(force.force));
  const silent = comparison.forces.filter((force) => !shown.includes(force));
  const groupWord = (group: string) => (group === 'neighbour' ? 'neighbour' : 'other force');
  return (
    <>
    {shown.length > 3 && <p className="field__hint">{shown.length} forces side by side: scroll the table sideways, or use the arrow keys once it has focus, to see them all.</p>}
    <div className="scroll-table" tabIndex={0} role="region" aria-label="Practice side by side, a column for each force with practice recorded">
      <table className="compare-table">
        <caption className="visually-hidden">Practice side by side: ours first, then our neighbours, then other forces</caption>
        <thead>
          <tr>
            {shown.map((force) => (
              <th key={force.force} scope="col">
                {force.name}
                <br />
                <span className="tag">{force.group === 'ours' ? 'Ours' : force.group === 'neighbour' ? 'Neighbour' : 'Other force'}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {shown.map((force) => {
              const rows = byForce.get(force.force) ?? [];
              return (
                <td key={force.force}>
                  {rows.length === 0 ? (
                    <p className="empty-state">Nothing recorded.</p>
                  ) : (
                    <ul className="practice-cards">
                      {rows.map((row) => (
                        <li key={`${row.entryId ?? 'ours'}:${row.practiceId}`} className={`practice-card${row.highlight ? ' practice-card--highlight' : ''}`}>
                          {row.highlight && <p className="tag tag--warning">★ Rated well by a neighbour; not among ours</p>}
                          <p className="practice-card__title">{row.title}</p>
                          <Facts row={row} />
                          {row.workbookLabel && <p className="practice-card__source">From {row.workbookLabel}</p>}
                          {!readOnly && row.entryId !== null && (
                            <div className="button-group button-group--tight">
                              <button type="button" className="button button--small" onClick={() => onAdopt(row, 'adopt')}>
                                Adopt<span className="visually-hidden"> “{row.title}” from {force.name}</span>
                              </button>
                              <button type="button" className="button button--secondary button--small" onClick={() => onAdopt(row, 'adapt')}>
                                Adapt<span className="visually-hidden"> “{row.title}” from {force.name}</span>
                              </button>
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
    {silent.length > 0 && (
      <p className="compare-silent">
        Nothing recorded for this by {silent.map((force) => `${force.name} (${groupWord(force.group)})`).join(', ')}.
      </p>
    )}
    </>
  );
}
