// A horizontal bar chart of shares (0–1): one bar for the area, a thinner one for the whole
// strategy area, per category. SVG attributes only (no inline styles), so it keeps to the CSP.
// The numbers are in the table beside it; the chart carries a summary for screen readers.
export interface ShareBar {
  label: string;
  share: number | null;
  comparison: number | null;
}

const ROW = 34;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 360;

function truncate(text: string, max = 34): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)} %`;
}

export function ShareBarChart({ bars, title, comparisonName }: { bars: ShareBar[]; title: string; comparisonName: string }) {
  const height = bars.length * ROW + 28;
  const summary = `${title}. ${bars.map((b) => `${b.label}: ${percent(b.share)} (${comparisonName} ${percent(b.comparison)})`).join('; ')}.`;
  return (
    <figure className="chart">
      <svg className="chart__svg" role="img" aria-label={summary} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 80} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const width = Math.max(0, Math.min(1, bar.share ?? 0)) * BAR_WIDTH;
          const comparison = Math.max(0, Math.min(1, bar.comparison ?? 0)) * BAR_WIDTH;
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="chart__label">{truncate(bar.label)}</text>
              <rect x={LABEL_WIDTH} y={y} width={width} height={16} className="chart__bar" />
              <rect x={LABEL_WIDTH} y={y + 19} width={comparison} height={7} className="chart__bar chart__bar--comparison" />
              <text x={LABEL_WIDTH + width + 6} y={y + 13} className="chart__value">{percent(bar.share)}</text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${height - 12})`}>
          <rect x={0} y={-8} width={14} height={10} className="chart__bar" />
          <text x={20} y={1} className="chart__legend">This area</text>
          <rect x={110} y={-5} width={14} height={5} className="chart__bar chart__bar--comparison" />
          <text x={130} y={1} className="chart__legend">{comparisonName}</text>
        </g>
      </svg>
      <figcaption className="field__hint">{title}. The table below gives every figure.</figcaption>
    </figure>
  );
}
