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

/** The areas in view with no figures in this table, each with why and what to do. */
function Unmatched({ view, partial }: { view: AreaCensus; partial: boolean }) {
  if (view.unmatched.length === 0) return null;
  return (
    <div className="inset" data-testid="census-unmatched">
      <p>{partial ? `${view.unmatched.length === 1 ? 'One area here has' : `${view.unmatched.length} areas here have`} no figures in this table:` : `No figures in this table for ${view.areaId ? view.areaName : 'your areas'} yet:`}</p>
      <ul>
        {view.unmatched.map((u) => <li key={u.areaId}><strong>{u.areaName}</strong>: {u.why}</li>)}
      </ul>
    </div>
  );
}

/** The table's geographies in no area (whole strategy area only), counted and the first few named. */
function Outside({ view, table }: { view: AreaCensus; table: CensusTable }) {
  if (!view.outside || view.outside.count === 0) return null;
  const { count, first } = view.outside;
  const named = first.map((g) => `${g.code} ${g.name}`).join(', ');
  return (
    <p className="field__hint" data-testid="census-outside">
      {number.format(count)} of this table's {number.format(table.geographyCount)} {table.geographyLevel === 'lsoa' ? 'LSOAs are' : 'geographies are'} outside every area and left out of these figures: {named}{count > first.length ? ` and ${number.format(count - first.length)} more` : ''}.
    </p>
  );
}

export function AreaCensusTable({ view, table, links, audiences, audienceNames, readOnly, onLink, onUnlink }: Props) {
  if (view.geographies === 0) {
    return (
      <>
        <Unmatched view={view} partial={false} />
        {view.unmatched.length === 0 && <p className="inset">None of this table's figures are in {view.areaId ? view.areaName : 'your areas'}: add areas (Areas section) with their LSOAs or ONS codes.</p>}
        <Outside view={view} table={table} />
      </>
    );
  }
  const topLevel = view.rows.filter((row) => row.parentPosition === null);
  return (
    <>
      <p>
        {view.areaName}: {number.format(view.total)} residents in {view.geographies} {table.geographyLevel === 'lsoa' ? 'LSOAs' : 'geographies'}
        {view.areaId ? `, against ${number.format(view.strategyTotal)} across the whole strategy area` : ''}.
      </p>
      <Outside view={view} table={table} />
      <Unmatched view={view} partial />
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
            const group = row.parentPosition === null ? null : view.rows.find((r) => r.position === row.parentPosition);
            return (
              <tr key={row.position} className={row.depth > 0 ? 'table__row--subgroup' : ''}>
                <th scope="row" className={`table__category table__category--depth-${Math.min(row.depth, 3)}`}>
                  {row.depth > 0 ? row.label.split(': ').slice(-1)[0] : row.label}
                  {group && <span className="visually-hidden"> (part of {group.label}, counted within it)</span>}
                </th>
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
