// Crime evidence: import police.uk street-level crime (a month's CSV or a zip of many), see each
// area's (and the whole strategy area's) monthly counts by crime type with what is rising and
// falling, and the LSOAs counted in none of the workbook's areas.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AreaCrime, CrimeSummary, CrimeTrend, CrimeTrendLink, ImportCrimeResult } from '../../../../shared/api/crime.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import type { Gap } from '../../../../shared/api/records.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { Notice } from '../../components/Notice.tsx';
import { JobProgressBar, newJobId } from '../../components/JobProgressBar.tsx';
import { GuidancePanel } from '../GuidancePanel.tsx';
import { SectionGaps } from '../SectionGaps.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { CrimeBatchesTable } from './CrimeBatchesTable.tsx';
import { CrimeAreaView } from './CrimeAreaView.tsx';
import { CiterPicker, TrendCitations, type Citer } from './CrimeCitations.tsx';

function importedMessage(result: ImportCrimeResult): string {
  const batches = result.imported.flatMap((file) => file.batches);
  const replaced = batches.filter((b) => b.replaced).length;
  const files = result.imported.length;
  return `${files} ${files === 1 ? 'file' : 'files'}: ${result.rows.toLocaleString('en-GB')} crimes and incidents in ${batches.length} force-${batches.length === 1 ? 'month' : 'months'}${replaced > 0 ? ` (${replaced} replacing ${replaced === 1 ? 'its' : 'their'} earlier import)` : ''}${result.skipped > 0 ? `; ${result.skipped} other files skipped (not street-level crime)` : ''}${result.cancelled ? '. Then cancelled: the file under way kept nothing' : ''}.`;
}

/** `onOpenGap` opens a gap listed at the foot (none of the rules raises one in this section yet, but a gap's link must never do nothing). */
export function CrimeSection({ onOpenGap }: { onOpenGap: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const { api, handle } = data;
  const [summary, setSummary] = useState<CrimeSummary | null>(null);
  const [areaId, setAreaId] = useState('');
  const [view, setView] = useState<AreaCrime | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<ImportCrimeResult['refused']>([]);
  const [error, setError] = useState<ApiError | null>(null);
  /** The error shown came from reading a file: it is headed as the file's problem, not the planner's entry. */
  const fileError = useRef<ApiError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [links, setLinks] = useState<CrimeTrendLink[]>([]);
  const [citer, setCiter] = useState<Citer>('');

  const load = useCallback(async () => {
    const [result, linkResult] = await Promise.all([api.call('getCrimeSummary', { handle }), api.call('listCrimeTrendLinks', { handle })]);
    if (result.ok) setSummary(result.value);
    else setError(result.error);
    if (linkResult.ok) setLinks(linkResult.value);
  }, [api, handle]);

  useEffect(() => {
    void load();
  }, [load, data.generation, data.records.area]);

  useEffect(() => {
    void api.call('getAreaCrime', { handle, areaId: areaId || null }).then((result) => {
      if (result.ok) setView(result.value);
      else setError(result.error);
    });
  }, [api, handle, areaId, summary]);

  async function importFiles() {
    const source = await chooseFile({ mode: 'open', purpose: 'crime', title: 'Choose police.uk street-level crime (a month’s CSV, or a zip of many)' });
    if (!source) return;
    setError(null);
    setNotice(null);
    setRefused([]);
    const job = newJobId();
    setJobId(job);
    const result = await api.call('importCrime', { handle, sources: [source], jobId: job });
    setJobId(null);
    if (!result.ok) {
      fileError.current = result.error;
      setError(result.error);
      return;
    }
    setNotice(importedMessage(result.value));
    setRefused(result.value.refused);
    data.applyEffects(result.value.effects);
    await load();
  }

  async function link(trend: CrimeTrend) {
    const [kind, id] = citer.split(':');
    if (!id) return;
    const result = await api.call('linkCrimeTrend', { handle, audienceId: kind === 'audience' ? id : null, citingAreaId: kind === 'area' ? id : null, areaId: areaId || null, crimeType: trend.crimeType, comparison: trend.comparison });
    if (!result.ok) setError(result.error);
    else data.applyEffects(result.value.effects);
    await load();
  }

  async function unlink(id: string) {
    const result = await api.call('unlinkCrimeTrend', { handle, id });
    if (!result.ok) setError(result.error);
    else data.applyEffects(result.value.effects);
    await load();
  }

  const audiences = data.records.audience.map((a) => ({ id: a.id, name: String(a.name) }));
  const areas = data.records.area.map((a) => ({ id: a.id, name: String(a.name) }));
  const nameOf = (who: Citer) => {
    const [kind, id] = who.split(':');
    const found = (kind === 'audience' ? audiences : areas).find((r) => r.id === id);
    return found ? `${kind === 'audience' ? 'audience' : 'area'} “${found.name}”` : `a removed ${kind}`;
  };

  async function cancel() {
    if (jobId) await api.call('cancelJob', { jobId });
  }

  return (
    <div className="worksheet">
      <GuidancePanel section="crime" />
      {!data.readOnly && (
        <div className="toolbar">
          <button type="button" className="button button--small" disabled={jobId !== null} onClick={() => void importFiles()}>
            {jobId ? 'Importing…' : 'Import police.uk crime…'}
          </button>
          <p className="field__hint">Street-level crime as police.uk publishes it: a force’s month (for example 2024-01-kent-street.csv), or the zip of its custom download with many months and forces. Importing a force’s month again replaces it; Undo takes an import back out.</p>
        </div>
      )}
      {jobId && (
        <div className="inline-form">
          <JobProgressBar api={api} jobId={jobId} label="Importing crime" />
          <button type="button" className="button button--secondary button--small" onClick={() => void cancel()}>Cancel import</button>
        </div>
      )}
      {notice && <Notice title="Imported" kind="success" onDismiss={() => setNotice(null)}><p>{notice}</p></Notice>}
      {refused.length > 0 && (
        <Notice title="Some files were not imported" kind="error" onDismiss={() => setRefused([])}>
          <ul>{refused.map((r) => <li key={r.fileName}>{r.message}</li>)}</ul>
        </Notice>
      )}
      {error && <Notice title={errorHeading(error, error === fileError.current ? 'file' : 'entry')} kind="error" onDismiss={() => setError(null)}><p>{error.message}</p></Notice>}

      <section className="worksheet__block" aria-labelledby="crime-imported-heading">
        <h3 id="crime-imported-heading" className="worksheet__block-title">Crime in this workbook</h3>
        <CrimeBatchesTable batches={summary?.batches ?? []} />
      </section>

      {summary && summary.batches.length > 0 && (
        <section className="worksheet__block" aria-labelledby="crime-area-heading">
          <h3 id="crime-area-heading" className="worksheet__block-title">By area</h3>
          <div className="field">
            <label className="field__label" htmlFor="crime-area">Area</label>
            <select id="crime-area" className="select" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
              <option value="">The whole strategy area</option>
              {data.records.area.map((a) => <option key={a.id} value={a.id}>{String(a.name)}</option>)}
            </select>
          </div>
          {!data.readOnly && <CiterPicker value={citer} audiences={audiences} areas={areas} onChange={setCiter} />}
          {view && (
            <CrimeAreaView
              view={view}
              cite={(trend) => <TrendCitations trend={trend} areaId={areaId || null} links={links} citer={citer} readOnly={data.readOnly} nameOf={nameOf} onLink={(t) => void link(t)} onUnlink={(id) => void unlink(id)} />}
            />
          )}
        </section>
      )}

      {summary && summary.unplacedLsoaCount > 0 && (
        <section className="worksheet__block" aria-labelledby="crime-unplaced-heading">
          <h3 id="crime-unplaced-heading" className="worksheet__block-title">LSOAs in none of your areas</h3>
          <p>
            {summary.unplacedLsoaCount.toLocaleString('en-GB')} {summary.unplacedLsoaCount === 1 ? 'LSOA has' : 'LSOAs have'} crime counted ({summary.unplacedCount.toLocaleString('en-GB')} crimes and incidents) but {summary.unplacedLsoaCount === 1 ? 'is in none of the workbook’s areas. It may be a neighbour’s, or belong' : 'are in none of the workbook’s areas. They may be a neighbour’s, or belong'} to an area whose LSOA codes are missing or of the other vintage (2011 or 2021).
          </p>
          <details>
            <summary>The LSOAs{summary.unplacedLsoaCount > summary.unplacedLsoas.length ? `, the ${summary.unplacedLsoas.length} busiest` : ''}</summary>
            <ul className="columns-list">{summary.unplacedLsoas.map((row) => <li key={row.lsoaCode}>{row.lsoaCode}: {row.count.toLocaleString('en-GB')}</li>)}</ul>
          </details>
        </section>
      )}
      <SectionGaps section="crime" onOpen={onOpenGap} />
    </div>
  );
}
