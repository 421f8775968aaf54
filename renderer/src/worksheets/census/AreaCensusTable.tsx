// One area's census figures: a chart of the top-level groups, then every category (subgroups
// indented under their group) with its count, share of the area and of the whole strategy area,
// and the audiences that cite it as evidence.
import { useState } from 'react';
import type { AreaCensus, CensusTable, EvidenceLink } from '../../../../shared/api/census.ts';
import { ShareBarChart } from '../../charts/ShareBarChart.tsx';

interface Props {
  view: AreaCensus;
  table: CensusTable;
  links: EvidenceLink[];
  audiences: Array<{ id: string; name: string }>;
  audienceNames: Map<string, string>;
  readOnly: boolean;
  onLink: (audienceId: string, category: string) => void;
  onUnlink: (id: string) => void;
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)} %`;
}

function LinkControl({ category, audiences, onLink }: { category: string; audiences: Props['audiences']; onLink: Props['onLink'] }) {
  const [choice, setChoice] = useState('');
  const id = `link-${category.replace(/[^A-Za-z0-9]+/g, '-')}`;
  if (audiences.length === 0) return <span className="field__hint">Add audiences to link them.</span>;
  return (
    <span className="inline-form">
      <label className="visually-hidden" htmlFor={id}>Audience to cite “{category}”</label>
      <select id={id} className="select select--small" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Link an audience…</option>
        {audiences.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <button type="button" className="button button--secondary button--small" disabled={!choice} onClick={() => { onLink(choice, category); setChoice(''); }}>
        Link<span className="visually-hidden"> to “{category}”</span>
      </button>
    </span>
  );
}

export function AreaCensusTable({ view, table, links, audiences, audienceNames, readOnly, onLink, onUnlink }: Props) {
  if (view.geographies === 0) {
    return (
      <p className="inset">
        None of this table's {table.geographyLevel === 'lsoa' ? 'LSOAs' : 'geographies'} are in {view.areaName === 'The whole strategy area' ? 'your areas' : view.areaName} yet.
        {table.geographyLevel === 'lsoa' ? ' Give your areas their LSOA codes (Areas section) and the figures roll up to them.' : ' Give your areas their ONS codes (Areas section) to match them.'}
      </p>
    );
  }
  const topLevel = view.rows.filter((row) => row.parentPosition === null);
  return (
    <>
      <p>
        {view.areaName}: {number.format(view.total)} residents in {view.geographies} {table.geographyLevel === 'lsoa' ? 'LSOAs' : 'geographies'}
        {view.areaId ? `, against ${number.format(view.strategyTotal)} across the whole strategy area` : ''}.
      </p>
      <ShareBarChart title={`${table.code} ${table.title}, ${view.areaName}`} comparisonName="Whole strategy area" bars={topLevel.map((row) => ({ label: row.label, share: row.proportion, comparison: row.strategyProportion }))} />
      <table className="table table--census">
        <caption className="visually-hidden">{table.code} {table.title} for {view.areaName}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="table__number">People</th>
            <th scope="col" className="table__number">Share of {view.areaId ? 'this area' : 'the strategy area'}</th>
            {view.areaId && <th scope="col" className="table__number">Whole strategy area</th>}
            <th scope="col">Audiences citing it</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => {
            const cited = links.filter((l) => l.category === row.name);
            return (
              <tr key={row.position} className={row.depth > 0 ? 'table__row--subgroup' : ''}>
                <th scope="row" className={`table__category table__category--depth-${Math.min(row.depth, 3)}`}>{row.depth > 0 ? row.label.split(': ').slice(-1)[0] : row.label}</th>
                <td className="table__number">{number.format(row.count)}</td>
                <td className="table__number">{percent(row.proportion)}</td>
                {view.areaId && <td className="table__number">{percent(row.strategyProportion)}</td>}
                <td>
                  <ul className="cited">
                    {cited.map((l) => (
                      <li key={l.id}>
                        {audienceNames.get(l.audienceId) ?? '(deleted audience)'}
                        {!readOnly && (
                          <button type="button" className="link-button cited__remove" onClick={() => onUnlink(l.id)}>
                            Unlink<span className="visually-hidden"> {audienceNames.get(l.audienceId)} from “{row.label}”</span>
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {!readOnly && <LinkControl category={row.name} audiences={audiences.filter((a) => !cited.some((l) => l.audienceId === a.id))} onLink={onLink} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
