// Citing a crime trend as evidence: who cites (an audience, or an area) is chosen once above the
// trends; each trend then shows who already cites it, with a button to cite it or to remove a citation.
import type { CrimeTrend, CrimeTrendLink } from '../../../../shared/api/crime.ts';
import { crimeTypeLabel } from '../../../../shared/domain/crime-types.ts';

/** `audience:ID` or `area:ID`, or '' when no one is chosen. */
export type Citer = string;

export function citerOf(link: CrimeTrendLink): Citer {
  return link.audienceId ? `audience:${link.audienceId}` : `area:${link.citingAreaId ?? ''}`;
}

export function CiterPicker({ value, audiences, areas, onChange }: { value: Citer; audiences: Array<{ id: string; name: string }>; areas: Array<{ id: string; name: string }>; onChange: (value: Citer) => void }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="crime-citer">Cite trends as evidence for</label>
      <select id="crime-citer" className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an audience or an area…</option>
        {audiences.length > 0 && <optgroup label="Audiences">{audiences.map((a) => <option key={a.id} value={`audience:${a.id}`}>{a.name}</option>)}</optgroup>}
        {areas.length > 0 && <optgroup label="Areas">{areas.map((a) => <option key={a.id} value={`area:${a.id}`}>{a.name}</option>)}</optgroup>}
      </select>
    </div>
  );
}

interface TrendCitationsProps {
  trend: CrimeTrend;
  /** The trend's area (null: the whole strategy area). */
  areaId: string | null;
  links: readonly CrimeTrendLink[];
  citer: Citer;
  nameOf: (citer: Citer) => string;
  onLink: (trend: CrimeTrend) => void;
  onUnlink: (id: string) => void;
  readOnly: boolean;
}

export function TrendCitations({ trend, areaId, links, citer, nameOf, onLink, onUnlink, readOnly }: TrendCitationsProps) {
  const citing = links.filter((l) => l.areaId === areaId && l.crimeType === trend.crimeType && l.comparison === trend.comparison);
  const what = `${crimeTypeLabel(trend.crimeType)} ${trend.comparison === 'previous' ? 'against the previous 3 months' : 'against a year before'}`;
  const mine = citing.find((l) => citerOf(l) === citer);
  return (
    <div className="citations">
      {citing.length > 0 && (
        <ul className="cited">
          {citing.map((link) => (
            <li key={link.id}>
              Cited by {nameOf(citerOf(link))}
              {!readOnly && <button type="button" className="link-button cited__remove" onClick={() => onUnlink(link.id)}>
                Remove<span className="visually-hidden"> the citation of {what} by {nameOf(citerOf(link))}</span>
              </button>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && citer && !mine && (
        <button type="button" className="button button--secondary button--small" onClick={() => onLink(trend)}>
          Cite<span className="visually-hidden"> {what}</span> for {nameOf(citer)}
        </button>
      )}
    </div>
  );
}
