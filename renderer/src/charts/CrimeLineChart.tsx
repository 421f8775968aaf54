// Monthly counts as line charts: one chart with a line per crime type, and small multiples (a small
// chart per type, each on its own scale) when there are many. SVG attributes and classes only (no
// inline styles), so it keeps to the CSP. Lines differ by colour and by dash, and each is named at
// its end, so colour is never the only way to tell them apart; each chart carries a summary for
// screen readers, and the table beside it gives every count.
import { monthName } from '../../../shared/domain/crime-trends.ts';

export interface CrimeLine {
  label: string;
  counts: readonly number[];
  /** Which of the chart styles (colour and dash) the line takes, so a type keeps its look across charts. */
  style: number;
}

export const LINE_STYLES = 6;

function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A round number at or above `max` for the top of the scale, and the step between gridlines. */
function scaleFor(max: number, steps = 4): { top: number; step: number } {
  if (max <= 0) return { top: steps, step: 1 };
  const rough = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const whole = Math.max(1, Math.ceil(step));
  return { top: whole * steps, step: whole };
}

/** "Jan 24"; every month is labelled when there are few, otherwise every third (and January). */
function monthTicks(months: readonly string[]): Array<{ index: number; text: string }> {
  const every = months.length <= 13 ? 1 : months.length <= 26 ? 3 : 6;
  return months.flatMap((month, index) => (index % every === 0 ? [{ index, text: `${monthName(month).slice(0, 3)} ${month.slice(2, 4)}` }] : []));
}

function summaryOf(title: string, months: readonly string[], lines: readonly CrimeLine[]): string {
  if (months.length === 0) return `${title}: no months of data.`;
  const span = `${monthName(months[0]!)} to ${monthName(months.at(-1)!)}`;
  return `${title}, ${span}. ${lines.map((line) => `${line.label}: ${line.counts.reduce((a, b) => a + b, 0).toLocaleString('en-GB')} in all, ${line.counts.at(-1)?.toLocaleString('en-GB') ?? 0} in the last month`).join('; ')}.`;
}

/** One chart, a line per type, the types named at the ends of their lines. */
export function CrimeLineChart({ title, months, lines }: { title: string; months: readonly string[]; lines: readonly CrimeLine[] }) {
  const left = 48;
  const right = 250;
  const top = 12;
  const plotWidth = 460;
  const plotHeight = 200;
  const width = left + plotWidth + right;
  const height = top + plotHeight + 34;
  const { top: max, step } = scaleFor(Math.max(0, ...lines.flatMap((line) => line.counts)));
  const x = (index: number) => left + (months.length <= 1 ? plotWidth / 2 : (index / (months.length - 1)) * plotWidth);
  const y = (count: number) => top + plotHeight - (count / max) * plotHeight;
  // End labels, pushed apart so that two lines ending close together stay readable.
  const ends = lines.map((line, index) => ({ index, y: y(line.counts.at(-1) ?? 0) + 4 })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i += 1) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 14);
  const endY = new Map(ends.map((end) => [end.index, end.y]));
  return (
    <figure className="chart chart--wide">
      <svg className="chart__svg" role="img" aria-label={summaryOf(title, months, lines)} viewBox={`0 0 ${width} ${Math.max(height, (ends.at(-1)?.y ?? 0) + 8)}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step).map((value) => (
          <g key={value}>
            <line x1={left} x2={left + plotWidth} y1={y(value)} y2={y(value)} className="chart__grid" />
            <text x={left - 6} y={y(value) + 4} textAnchor="end" className="chart__label">{value.toLocaleString('en-GB')}</text>
          </g>
        ))}
        {monthTicks(months).map((tick) => (
          <text key={tick.index} x={x(tick.index)} y={top + plotHeight + 18} textAnchor="middle" className="chart__label">{tick.text}</text>
        ))}
        {lines.map((line, index) => {
          const points = line.counts.map((count, i) => `${x(i).toFixed(1)},${y(count).toFixed(1)}`).join(' ');
          const style = line.style % LINE_STYLES;
          return (
            <g key={line.label}>
              {months.length > 1 ? <polyline points={points} className={`chart__line chart__line--${style}`} /> : <circle cx={x(0)} cy={y(line.counts[0] ?? 0)} r={4} className={`chart__dot chart__dot--${style}`} />}
              <line x1={left + plotWidth + 6} x2={left + plotWidth + 28} y1={(endY.get(index) ?? 0) - 4} y2={(endY.get(index) ?? 0) - 4} className={`chart__line chart__line--${style}`} />
              <text x={left + plotWidth + 34} y={endY.get(index)} className="chart__label chart__end">{truncate(line.label)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="field__hint">{title}. Each line is named at its end; the table below gives every count.</figcaption>
    </figure>
  );
}

/** A small chart per type, each on its own scale and drawn alike, for comparing shapes when there are many types. */
export function CrimeSmallMultiples({ months, lines }: { months: readonly string[]; lines: readonly CrimeLine[] }) {
  const width = 220;
  const height = 96;
  const pad = 6;
  return (
    <ul className="small-multiples" aria-label="Each crime type on its own scale">
      {lines.map((line) => {
        const { top: max } = scaleFor(Math.max(0, ...line.counts), 2);
        const x = (i: number) => pad + (months.length <= 1 ? (width - 2 * pad) / 2 : (i / (months.length - 1)) * (width - 2 * pad));
        const y = (count: number) => height - pad - (count / max) * (height - 2 * pad);
        const total = line.counts.reduce((a, b) => a + b, 0);
        return (
          <li key={line.label} className="small-multiples__item">
            <p className="small-multiples__title">{line.label} <span className="small-multiples__total">{total.toLocaleString('en-GB')} in all; scale 0–{max.toLocaleString('en-GB')}</span></p>
            <svg className="chart__svg" role="img" aria-label={summaryOf(line.label, months, [line])} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
              <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} className="chart__grid" />
              {months.length > 1 ? <polyline points={line.counts.map((c, i) => `${x(i).toFixed(1)},${y(c).toFixed(1)}`).join(' ')} className="chart__line chart__line--0" /> : <circle cx={x(0)} cy={y(line.counts[0] ?? 0)} r={3} className="chart__dot chart__dot--0" />}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
