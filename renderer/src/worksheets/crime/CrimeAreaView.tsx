// One area's crime (or the whole strategy area's): a chart with a line per crime type for the
// busiest types, small multiples of every type when there are many, the monthly counts as a table,
// and what is rising and falling with the counts behind each figure.
import type { AreaCrime, CrimeTrend } from '../../../../shared/api/crime.ts';
import { crimeTypeLabel, CRIME_TYPES } from '../../../../shared/domain/crime-types.ts';
import { monthName, trendChange, trendCounts, trendWord } from '../../../../shared/domain/crime-trends.ts';
import { CrimeLineChart, CrimeSmallMultiples, type CrimeLine } from '../../charts/CrimeLineChart.tsx';
import type { ReactNode } from 'react';

/** Types drawn together in the one chart; more than this and every type also gets its own small chart. */
const LINES_TOGETHER = 5;

const STYLE = new Map(CRIME_TYPES.map((type, index) => [type.id, index]));

function trendCell(trend: CrimeTrend | undefined): ReactNode {
  if (!trend) return <span className="field__hint">Not enough months</span>;
  return (
    <>
      <span className={`trend--${trend.direction}`}>{trendWord(trend)} {trendChange(trend)}</span> <span>({trendCounts(trend)})</span>
    </>
  );
}

const lsoaCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'LSOA' : 'LSOAs'}`;

export function CrimeAreaView({ view, cite }: { view: AreaCrime; cite?: (trend: CrimeTrend) => ReactNode }) {
  if (view.months.length === 0 || view.series.length === 0) {
    return <p className="empty-state">{view.lsoas === 0 ? `${view.areaName} has no LSOA codes yet. police.uk counts crime by LSOA, not by ward or other area: give ${view.areaId ? 'the area its' : 'your areas their'} LSOAs (Areas) and crime will roll up to ${view.areaId ? 'it' : 'them'}.` : `No crime counted in ${view.areaName}'s ${lsoaCount(view.lsoas)} in the months imported.`}</p>;
  }
  const lines: CrimeLine[] = view.series.map((series, index) => ({ label: series.label, counts: series.counts, style: STYLE.get(series.crimeType) ?? index }));
  const busiest = [...lines].sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0)).slice(0, LINES_TOGETHER);
  // Styles in the one chart are given in order, so its lines never share a look.
  const together = busiest.map((line, index) => ({ ...line, style: index }));
  const span = `${monthName(view.months[0]!)} to ${monthName(view.months.at(-1)!)}`;
  const trendOf = (crimeType: string, comparison: CrimeTrend['comparison']) => view.trends.find((t) => t.crimeType === crimeType && t.comparison === comparison);
  return (
    <>
      <p>
        {view.areaName}: {lsoaCount(view.lsoas)}, {view.lsoasWithData.toLocaleString('en-GB')} with crime counted; {span}.
      </p>
      <CrimeLineChart title={lines.length > LINES_TOGETHER ? `The ${LINES_TOGETHER} commonest crime types by month` : 'Crime by type and month'} months={view.months} lines={together} />
      {lines.length > LINES_TOGETHER && (
        <>
          <h4 className="worksheet__subtitle">Every crime type, each on its own scale</h4>
          <CrimeSmallMultiples months={view.months} lines={lines} />
        </>
      )}
      <details className="counts-table">
        <summary>Monthly counts as a table</summary>
        <div className="scroll-table" tabIndex={0} role="region" aria-label="Monthly counts by crime type">
          <table className="table table--compact">
            <caption className="visually-hidden">Crimes and incidents by type and month in {view.areaName}</caption>
            <thead>
              <tr>
                <th scope="col">Crime type</th>
                {view.months.map((month) => <th scope="col" key={month} className="table__number">{monthName(month)}</th>)}
                <th scope="col" className="table__number">All</th>
              </tr>
            </thead>
            <tbody>
              {view.series.map((series) => (
                <tr key={series.crimeType}>
                  <th scope="row" className="table__category">{series.label}</th>
                  {series.counts.map((count, index) => <td key={view.months[index]} className="table__number">{count.toLocaleString('en-GB')}</td>)}
                  <td className="table__number">{series.total.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <h4 className="worksheet__subtitle">Rising and falling</h4>
      <p className="field__hint">The last three months against the three before them, and against the same three months a year before. A change within 10 % either way is steady.</p>
      <table className="table">
        <caption className="visually-hidden">Trends by crime type in {view.areaName}</caption>
        <thead>
          <tr>
            <th scope="col">Crime type</th>
            <th scope="col">Against the previous 3 months</th>
            <th scope="col">Against a year before</th>
          </tr>
        </thead>
        <tbody>
          {view.series.map((series) => {
            const previous = trendOf(series.crimeType, 'previous');
            const yearBefore = trendOf(series.crimeType, 'year-before');
            return (
              <tr key={series.crimeType}>
                <th scope="row" className="table__category">{crimeTypeLabel(series.crimeType)}</th>
                <td>{trendCell(previous)}{previous && cite ? cite(previous) : null}</td>
                <td>{trendCell(yearBefore)}{yearBefore && cite ? cite(yearBefore) : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
