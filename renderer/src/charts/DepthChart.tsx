// Practices by depth of engagement for each force: one stacked bar a force, a segment a depth,
// each depth told apart by its pattern and its label as well as its shade. SVG attributes only (no
// inline styles), so it keeps to the CSP; the same counts are in the table that follows it.
import type { DepthCounts } from '../../../shared/api/library.ts';
import { ENGAGEMENT_DEPTHS } from '../../../shared/domain/vocabularies.ts';

const SERIES = [...ENGAGEMENT_DEPTHS.map((d) => ({ id: d.id, label: d.label })), { id: 'unknown', label: 'Depth not recorded' }];
const ROW = 26;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 380;

function truncate(text: string, max = 36): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function DepthChart({ counts }: { counts: DepthCounts }) {
  const totals = counts.map((force) => SERIES.reduce((sum, s) => sum + (force.counts[s.id] ?? 0), 0));
  const most = Math.max(1, ...totals);
  const height = counts.length * ROW + 56;
  const summary = `Practices by depth of engagement, for each force. ${counts.map((force, i) => `${force.name}: ${totals[i]} (${SERIES.filter((s) => force.counts[s.id]).map((s) => `${s.label} ${force.counts[s.id]}`).join(', ') || 'none'})`).join('; ')}.`;
  return (
    <figure className="chart chart--wide">
      <svg className="chart__svg" role="img" aria-label={summary} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {counts.map((force, index) => {
          const y = index * ROW + 4;
          let x = LABEL_WIDTH;
          return (
            <g key={force.force}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart__label">{truncate(`${force.name}${force.group === 'ours' ? ' (ours)' : force.group === 'neighbour' ? ' (neighbour)' : ''}`)}</text>
              {SERIES.map((s) => {
                const n = force.counts[s.id] ?? 0;
                const width = (n / most) * BAR_WIDTH;
                const rect = n > 0 ? <rect key={s.id} x={x} y={y} width={width} height={18} className={`chart__depth chart__depth--${s.id}`} /> : null;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + 14} className="chart__value">{totals[index]}</text>
            </g>
          );
        })}
        <g transform={`translate(0, ${counts.length * ROW + 22})`}>
          {SERIES.map((s, i) => (
            <g key={s.id} transform={`translate(${(i % 3) * 220}, ${Math.floor(i / 3) * 16})`}>
              <rect x={0} y={-9} width={14} height={10} className={`chart__depth chart__depth--${s.id}`} />
              <text x={20} y={0} className="chart__legend">{s.label}</text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="field__hint">Practices by depth of engagement for each force, ours first, then our neighbours, then the others. The table below gives every count.</figcaption>
    </figure>
  );
}

/** The chart's figures as a table: the accessible alternative, and the one to read exact counts from. */
export function DepthTable({ counts }: { counts: DepthCounts }) {
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">Practices by depth of engagement for each force</caption>
      <thead>
        <tr>
          <th scope="col">Force</th>
          {SERIES.map((s) => <th key={s.id} scope="col" className="table__number">{s.label}</th>)}
          <th scope="col" className="table__number">All</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((force) => (
          <tr key={force.force}>
            <th scope="row">{force.name}{force.group === 'ours' ? ' (ours)' : force.group === 'neighbour' ? ' (neighbour)' : ''}</th>
            {SERIES.map((s) => <td key={s.id} className="table__number">{force.counts[s.id] ?? 0}</td>)}
            <td className="table__number">{SERIES.reduce((sum, s) => sum + (force.counts[s.id] ?? 0), 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
