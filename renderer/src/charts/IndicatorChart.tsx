// A hallmark's indicators as bars of 0 to 100 %, with the planner's rating beside them. SVG
// attributes only (no inline styles), so it keeps to the CSP; the chart is one image with a
// summary for screen readers, and the table after it gives every figure and how it was counted.
import type { HallmarkRatingSummary, Indicator } from '../../../shared/api/review.ts';

const ROW = 30;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 300;

export function percentOf(value: number | null): string {
  return value === null ? 'nothing to count yet' : `${Math.round(value * 100)} %`;
}

function truncate(text: string, max = 42): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ratingWords(rating: HallmarkRatingSummary | undefined): string {
  return rating?.rating ? `Rated ${rating.rating} of 5` : 'Not rated yet';
}

export function IndicatorChart({ title, indicators, rating, idPrefix }: { title: string; indicators: Indicator[]; rating: HallmarkRatingSummary | undefined; idPrefix: string }) {
  if (indicators.length === 0) return <p className="field__hint">{ratingWords(rating)}. No indicator can be worked out for this hallmark yet.</p>;
  const height = indicators.length * ROW + 6;
  const summary = `${title}: ${ratingWords(rating).toLowerCase()}. ${indicators.map((i) => `${i.indicator}: ${i.numerator} of ${i.denominator}, ${percentOf(i.value)}`).join('; ')}.`;
  return (
    <div className="indicator-chart">
      <figure className="chart">
        <svg className="chart__svg" role="img" aria-label={summary} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 90} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
          {indicators.map((item, index) => {
            const y = index * ROW + 4;
            const width = Math.max(0, Math.min(1, item.value ?? 0)) * BAR_WIDTH;
            return (
              <g key={item.indicator}>
                <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart__label">{truncate(item.indicator)}</text>
                <rect x={LABEL_WIDTH} y={y} width={BAR_WIDTH} height={18} className="chart__track" />
                <rect x={LABEL_WIDTH} y={y} width={width} height={18} className="chart__bar" />
                <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={y + 14} className="chart__value">{item.value === null ? '–' : `${Math.round(item.value * 100)} %`}</text>
              </g>
            );
          })}
        </svg>
        <figcaption className="field__hint">{ratingWords(rating)}. The table gives every figure and how it was counted.</figcaption>
      </figure>
      <table className="table indicator-table" aria-describedby={`${idPrefix}-caption`}>
        <caption id={`${idPrefix}-caption`} className="visually-hidden">{title}: indicators</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col" className="table__number">Count</th>
            <th scope="col" className="table__number">Share</th>
            <th scope="col">How it was counted</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((item) => (
            <tr key={item.indicator}>
              <th scope="row">{item.indicator}</th>
              <td className="table__number">{item.numerator} of {item.denominator}</td>
              <td className="table__number">{item.value === null ? '–' : `${Math.round(item.value * 100)} %`}</td>
              <td>{item.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
