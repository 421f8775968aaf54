// Census evidence: import tables, see each area beside the whole strategy area (chart and table,
// subgroups under their groups), link audiences to figures, and set the "who is missing" threshold.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AreaCensus, CensusTable, EvidenceLink } from '../../../../shared/api/census.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import type { Gap } from '../../../../shared/api/records.ts';
import type { GapRequest } from '../gap-targets.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { Notice } from '../../components/Notice.tsx';
import { GuidancePanel } from '../GuidancePanel.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { AreaCensusTable } from './AreaCensusTable.tsx';
import { SectionGaps } from '../SectionGaps.tsx';
import { MappedTableImport } from './MappedTableImport.tsx';
import { JobProgressBar, newJobId } from '../../components/JobProgressBar.tsx';
import { formatLocalDateTime } from '../../components/format-local-time.ts';

const LEVELS: Record<string, string> = { oa: 'Output areas', lsoa: 'LSOAs', msoa: 'MSOAs', ward: 'Wards', la: 'Local authorities', other: 'Other areas' };
/** The same, as a count reads in a sentence: "312 LSOAs", "20 local authorities". */
const COUNTED: Record<string, string> = { oa: 'output areas', lsoa: 'LSOAs', msoa: 'MSOAs', ward: 'wards', la: 'local authorities', other: 'areas' };

export function CensusSection({ gapRequest, onOpenGap }: { gapRequest: GapRequest | null; onOpenGap: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const { api, handle } = data;
  const [tables, setTables] = useState<CensusTable[]>([]);
  const [links, setLinks] = useState<EvidenceLink[]>([]);
  const [tableId, setTableId] = useState<string>('');
  const [areaId, setAreaId] = useState<string>('');
  const [view, setView] = useState<AreaCensus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [threshold, setThreshold] = useState('5');
  const [checkLargest, setCheckLargest] = useState(false);

  const load = useCallback(async () => {
    const [tableResult, linkResult, settingsResult] = await Promise.all([api.call('listCensusTables', { handle }), api.call('listEvidenceLinks', { handle }), api.call('getSettings', { handle })]);
    if (settingsResult.ok) {
      setThreshold(String(Math.round(settingsResult.value.whoIsMissingThreshold * 1000) / 10));
      setCheckLargest(settingsResult.value.whoIsMissingLargestGroup === 1);
    }
    if (tableResult.ok) {
      setTables(tableResult.value);
      setTableId((current) => (tableResult.value.some((t) => t.id === current) ? current : (tableResult.value[0]?.id ?? '')));
    }
    if (linkResult.ok) setLinks(linkResult.value);
  }, [api, handle]);

  useEffect(() => {
    void load();
  }, [load, data.generation]);

  // A "who is missing" gap shows its area's figures, with focus on the choice of area.
  const focusArea = useRef(false);
  /** The error shown came from reading a file: it is headed as the file's problem, not the planner's entry. */
  const fileError = useRef<ApiError | null>(null);
  useEffect(() => {
    if (!gapRequest || gapRequest.gap.section !== 'census' || gapRequest.gap.recordType !== 'area' || !gapRequest.gap.recordId) return;
    setAreaId(gapRequest.gap.recordId);
    focusArea.current = true;
  }, [gapRequest]);
  // The choice of area shows once the tables have loaded (at once when the section was already open).
  useEffect(() => {
    const select = document.getElementById('census-area');
    if (!focusArea.current || !select) return;
    focusArea.current = false;
    select.focus();
  }, [tables, view, gapRequest]);

  useEffect(() => {
    if (!tableId) {
      setView(null);
      return;
    }
    void api.call('getAreaCensus', { handle, tableId, areaId: areaId || null }).then((result) => {
      if (result.ok) setView(result.value);
      else setError(result.error);
    });
  }, [api, handle, tableId, areaId, tables, data.records.area]);

  async function importTable() {
    const source = await chooseFile({ mode: 'open', purpose: 'csv', title: 'Choose a census table (CSV from nomis)' });
    if (!source) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const job = newJobId();
    setJobId(job);
    const result = await api.call('importCensus', { handle, source, jobId: job });
    setJobId(null);
    setBusy(false);
    if (!result.ok) {
      fileError.current = result.error;
      setError(result.error);
      return;
    }
    const { table, replaced } = result.value;
    void sayImported(table, replaced);
    setTableId(table.id);
    data.applyEffects(result.value.effects);
    await load();
  }

  /** What an import brought in, and how much of it the workbook's areas can use. */
  async function sayImported(table: CensusTable, replaced: boolean) {
    const what = `${table.code} ${table.title}: ${table.geographyCount.toLocaleString('en-GB')} ${COUNTED[table.geographyLevel] ?? 'areas'} × ${table.categories.filter((c) => !c.isTotal).length} categories${replaced ? ' (replacing the earlier import)' : ''}.`;
    setNotice(what);
    const whole = await api.call('getAreaCensus', { handle, tableId: table.id, areaId: null });
    if (!whole.ok) return;
    const outside = whole.value.outside?.count ?? 0;
    const used = `${whole.value.geographies.toLocaleString('en-GB')} of them ${whole.value.geographies === 1 ? 'is' : 'are'} in your areas${outside > 0 ? `, ${outside.toLocaleString('en-GB')} outside every area` : ''}.`;
    const unmatched = whole.value.unmatched.length;
    setNotice(`${what} ${used}${unmatched > 0 ? ` ${unmatched === 1 ? 'One area has' : `${unmatched} areas have`} no figures in it: see why below.` : ''}`);
  }

  async function removeTable(id: string) {
    const result = await api.call('deleteCensusTable', { handle, tableId: id });
    if (!result.ok) setError(result.error);
    else data.applyEffects(result.value.effects);
    await load();
  }

  async function link(audienceId: string, category: string) {
    const result = await api.call('linkEvidence', { handle, audienceId, tableId, areaId: areaId || null, category });
    if (!result.ok) setError(result.error);
    else data.applyEffects(result.value.effects);
    await load();
  }

  async function unlink(id: string) {
    const result = await api.call('unlinkEvidence', { handle, id });
    if (!result.ok) setError(result.error);
    else data.applyEffects(result.value.effects);
    await load();
  }

  async function saveThreshold() {
    const value = Number(threshold.replace('%', '').trim());
    const result = await api.call('setWhoIsMissingThreshold', { handle, threshold: value / 100 });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(`Groups making up ${value} % or more of an area's residents are now checked for a linked audience.`);
    data.applyEffects(result.value.effects);
  }

  async function saveCheckLargest(checked: boolean) {
    setCheckLargest(checked);
    const result = await api.call('changeSettings', { handle, changes: { whoIsMissingLargestGroup: checked ? 1 : 0 } });
    if (!result.ok) {
      setCheckLargest(!checked);
      setError(result.error);
      return;
    }
    setNotice(checked ? 'Each area’s largest group is now checked for a linked audience too.' : 'Each area’s largest group is no longer checked: it is rarely the group a strategy misses.');
    data.applyEffects(result.value.effects);
  }

  const table = tables.find((t) => t.id === tableId) ?? null;
  const audienceNames = useMemo(() => new Map(data.records.audience.map((a) => [a.id, String(a.name)])), [data.records.audience]);

  return (
    <div className="worksheet">
      <GuidancePanel section="census" />
      {!data.readOnly && (
        <div className="toolbar">
          <button type="button" className="button button--small" disabled={busy} onClick={() => void importTable()}>
            {busy ? 'Importing…' : 'Import a census table…'}
          </button>
          <MappedTableImport
            onImported={(result) => {
              void sayImported(result.table, result.replaced);
              setTableId(result.table.id);
              data.applyEffects(result.effects);
              void load();
            }}
          />
          <p className="field__hint">A table from the ONS Census 2021 bulk download on nomis (for example census2021-ts021-lsoa.csv), at any geography level; or any CSV or Excel file of figures by area, through a step where you say which column is which. Importing the same table again replaces it.</p>
        </div>
      )}
      {jobId && <JobProgressBar api={api} jobId={jobId} label="Importing the census table" />}
      {notice && <Notice title="Done" kind="success" onDismiss={() => setNotice(null)}><p>{notice}</p></Notice>}
      {error && <Notice title={errorHeading(error, error === fileError.current ? 'file' : 'entry')} kind="error" onDismiss={() => setError(null)}><p>{error.message}</p></Notice>}

      <section className="worksheet__block" aria-labelledby="census-tables-heading">
        <h3 id="census-tables-heading" className="worksheet__block-title">Tables in this workbook</h3>
        {tables.length === 0 ? (
          <p className="empty-state">No census tables yet. Import one to see who lives in each area.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Census tables</caption>
            <thead><tr><th scope="col">Table</th><th scope="col">Geography</th><th scope="col">Source</th><th scope="col">Imported</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {tables.map((t) => (
                <tr key={t.id}>
                  <td>{t.code} {t.title}</td>
                  <td>{t.geographyCount} {COUNTED[t.geographyLevel]}</td>
                  <td>{t.source}{t.referenceDate && !t.source.includes(t.referenceDate) ? `, ${t.referenceDate}` : ''}</td>
                  <td>{formatLocalDateTime(t.importedAt)}</td>
                  <td>{!data.readOnly && <button type="button" className="link-button" onClick={() => void removeTable(t.id)}>Remove<span className="visually-hidden"> {t.code}</span></button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {table && (
        <section className="worksheet__block" aria-labelledby="census-view-heading">
          <h3 id="census-view-heading" className="worksheet__block-title">By area</h3>
          <div className="field-row">
            <div className="field">
              <label className="field__label" htmlFor="census-table">Table</label>
              <select id="census-table" className="select" value={tableId} onChange={(e) => setTableId(e.target.value)}>
                {tables.map((t) => <option key={t.id} value={t.id}>{t.code} {t.title} ({LEVELS[t.geographyLevel]})</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="census-area">Area</label>
              <select id="census-area" className="select" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
                <option value="">The whole strategy area</option>
                {data.records.area.map((a) => <option key={a.id} value={a.id}>{String(a.name)}</option>)}
              </select>
            </div>
          </div>
          {view && (
            <AreaCensusTable
              view={view}
              table={table}
              links={links.filter((l) => l.tableId === tableId && (l.areaId ?? '') === areaId)}
              audiences={data.records.audience.map((a) => ({ id: a.id, name: String(a.name) }))}
              audienceNames={audienceNames}
              readOnly={data.readOnly}
              onLink={(audienceId, category) => void link(audienceId, category)}
              onUnlink={(id) => void unlink(id)}
            />
          )}
        </section>
      )}

      {!data.readOnly && (
        <section className="worksheet__block" aria-labelledby="census-threshold-heading">
          <h3 id="census-threshold-heading" className="worksheet__block-title">Who is missing</h3>
          <div className="field-row field-row--end">
            <div className="field">
              <label className="field__label" htmlFor="census-threshold">Check groups that make up at least this share of an area (%)</label>
              <input id="census-threshold" className="input input--date" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
            </div>
            <button type="button" className="button button--secondary button--small field-row__button" onClick={() => void saveThreshold()}>Set</button>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={checkLargest} onChange={(e) => void saveCheckLargest(e.target.checked)} aria-describedby="census-largest-hint" />
            <span>Also check each area’s largest group</span>
          </label>
          <p className="field__hint" id="census-largest-hint">An area’s largest group (and the largest part of it) is usually who a strategy already reaches, so it is left out unless you ask. An audience counts for an area when it covers the area or one inside it and cites the figure there; citing a group covers its subgroups, citing a subgroup covers only that subgroup.</p>
        </section>
      )}
      <SectionGaps section="census" onOpen={onOpenGap} />
    </div>
  );
}
