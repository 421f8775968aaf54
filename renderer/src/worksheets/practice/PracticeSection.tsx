// Prior practice: the library of other forces' workbooks (added through the file chooser, each
// checked before anything is read) and the comparison of what every force did for one of our
// audiences, a kind of audience, a kind of channel or a depth — with the chart of practices by depth.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Comparison, ComparisonQuery, ComparisonRow, DepthCounts, LibraryEntrySummary } from '../../../../shared/api/library.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import type { Gap } from '../../../../shared/api/records.ts';
import { forceById } from '../../../../shared/domain/forces.ts';
import { AUDIENCE_KINDS, CHANNEL_KINDS, ENGAGEMENT_DEPTHS, labelOf } from '../../../../shared/domain/vocabularies.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { Notice } from '../../components/Notice.tsx';
import { DepthChart, DepthTable } from '../../charts/DepthChart.tsx';
import { GuidancePanel } from '../GuidancePanel.tsx';
import { SectionGaps } from '../SectionGaps.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { LibraryEntries } from './LibraryEntries.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { audienceChoices } from './compare-choices.ts';

/** What the "Compare by" choice holds: one of our audiences (which brings its kind), a kind, or a depth. */
function queryOf(choice: string, audienceKindOf: (id: string) => string | undefined): ComparisonQuery | null {
  const [by, value] = choice.split(':');
  if (!value) return null;
  if (by === 'audience') {
    const kind = audienceKindOf(value);
    return kind ? { audienceKind: kind } : null;
  }
  if (by === 'audienceKind') return { audienceKind: value };
  if (by === 'channelKind') return { channelKind: value };
  if (by === 'depth') return { depth: value };
  return null;
}

export function PracticeSection({ onOpenGap }: { onOpenGap: (gap: Gap) => void }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const { api, handle } = data;
  const [entries, setEntries] = useState<LibraryEntrySummary[]>([]);
  const [choice, setChoice] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [counts, setCounts] = useState<DepthCounts>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const audiences = data.records.audience;
  const audienceOptions = useMemo(() => audienceChoices(audiences), [audiences]);
  const kindOf = useCallback((id: string) => audiences.find((a) => a.id === id)?.kind as string | undefined, [audiences]);
  const query = queryOf(choice, kindOf);
  const queryKey = JSON.stringify(query);

  const load = useCallback(async () => {
    const [list, depth] = await Promise.all([api.call('listLibrary', { handle }), api.call('countPracticeByDepth', { handle })]);
    if (list.ok) setEntries(list.value);
    else setError(list.error);
    if (depth.ok) setCounts(depth.value);
  }, [api, handle]);

  useEffect(() => {
    void load();
  }, [load, data.generation, data.records.practice]);

  useEffect(() => {
    const parsed = JSON.parse(queryKey) as ComparisonQuery | null;
    if (!parsed) {
      setComparison(null);
      return;
    }
    void api.call('comparePractice', { handle, query: parsed }).then((result) => {
      if (result.ok) setComparison(result.value);
      else setError(result.error);
    });
  }, [api, handle, queryKey, entries, data.records.practice]);

  async function add() {
    const file = await chooseFile({ mode: 'open', purpose: 'workbook', title: 'Choose another force’s workbook to add to the practice library' });
    if (!file) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    const result = await api.call('addToLibrary', { handle, paths: [file] });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    data.applyEffects(result.value.effects);
    setNotice(result.value.added.map((a) => `${a.fileName}: ${a.practices} ${a.practices === 1 ? 'practice' : 'practices'} added${a.replaced ? ', replacing the older copy of the same workbook' : ''}.`).join(' '));
    await load();
  }

  async function remove(entry: LibraryEntrySummary) {
    const result = await api.call('removeFromLibrary', { handle, entryId: entry.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    data.applyEffects(result.value.effects);
    setNotice(`${entry.forceName}’s workbook “${entry.title}” was taken out of the library. Undo puts it back.`);
    await load();
  }

  async function adopt(row: ComparisonRow, verdict: 'adopt' | 'adapt') {
    if (!row.entryId) return;
    const result = await api.call('adoptPractice', { handle, entryId: row.entryId, practiceId: row.practiceId, verdict });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    data.applyEffects(result.value.effects);
    await data.refresh();
    setNotice(`“${row.title}” is now in What works, with our verdict “${verdict === 'adopt' ? 'Adopt' : 'Adapt'}”, saying it came from ${forceById(row.force)?.name ?? row.force}.`);
  }

  return (
    <div className="worksheet">
      <GuidancePanel section="practice" />
      {notice && <Notice title="Done" kind="success" onDismiss={() => setNotice(null)}><p>{notice}</p></Notice>}
      {error && <Notice title={errorHeading(error)} kind="error" onDismiss={() => setError(null)}><p>{error.message}</p></Notice>}

      <section className="worksheet__block" aria-labelledby="library-heading">
        <h3 id="library-heading" className="worksheet__block-title">The practice library</h3>
        {!data.readOnly && (
          <div className="toolbar">
            <button type="button" className="button button--small" disabled={busy} onClick={() => void add()}>{busy ? 'Checking the workbook…' : 'Add a workbook to the library…'}</button>
            <p className="field__hint">Each workbook is checked as opening one is, and only its practice is copied in: never its contacts, names or notes. A newer copy of the same workbook replaces the older one; the next period’s workbook sits beside it.</p>
          </div>
        )}
        <LibraryEntries entries={entries} readOnly={data.readOnly} onRemove={(entry) => void remove(entry)} />
      </section>

      <section className="worksheet__block" aria-labelledby="compare-heading">
        <h3 id="compare-heading" className="worksheet__block-title">Compare</h3>
        <div className="field">
          <label className="field__label" htmlFor="compare-by">Compare by</label>
          <p className="field__hint" id="compare-by-hint">A kind of audience, a kind of channel, a depth of engagement, or one of our audiences by name (its kind is compared).</p>
          <select id="compare-by" className="select" aria-describedby="compare-by-hint" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose what to compare</option>
            {/* The few kinds and depths first, where they are seen at once; then our audiences, however many, by name. */}
            <optgroup label="Kinds of audience">{AUDIENCE_KINDS.map((k) => <option key={k.id} value={`audienceKind:${k.id}`}>{k.label}</option>)}</optgroup>
            <optgroup label="Kinds of channel">{CHANNEL_KINDS.map((k) => <option key={k.id} value={`channelKind:${k.id}`}>{k.label}</option>)}</optgroup>
            <optgroup label="Depth of engagement">{ENGAGEMENT_DEPTHS.map((d) => <option key={d.id} value={`depth:${d.id}`}>{d.label}</option>)}</optgroup>
            {audienceOptions.length > 0 && (
              <optgroup label="Our audiences, by name">
                {audienceOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </optgroup>
            )}
          </select>
        </div>
        {comparison && (
          <>
            <p>
              {comparison.rows.length === 0 ? 'No force has recorded practice for this yet.' : `${comparison.rows.length} ${comparison.rows.length === 1 ? 'practice' : 'practices'}; `}
              {comparison.rows.some((r) => r.highlight) && <>★ marks practice a neighbour rates well (its verdict is to adopt it, or its evidence was evaluated or monitored) that is not among ours.</>}
            </p>
            <ComparisonTable comparison={comparison} readOnly={data.readOnly} onAdopt={(row, verdict) => void adopt(row, verdict)} />
          </>
        )}
        {comparison && comparison.audiencesWithoutPractice.length > 0 && (
          <Notice title="Audiences no force has recorded practice for">
            <ul>{comparison.audiencesWithoutPractice.map((a) => <li key={a.id}>{a.name} ({labelOf(AUDIENCE_KINDS, a.kind)})</li>)}</ul>
          </Notice>
        )}
      </section>

      {counts.some((force) => Object.values(force.counts).some((n) => n > 0)) && (
        <section className="worksheet__block" aria-labelledby="depth-heading">
          <h3 id="depth-heading" className="worksheet__block-title">Practices by depth of engagement</h3>
          <DepthChart counts={counts} />
          <DepthTable counts={counts} />
        </section>
      )}
      <SectionGaps section="practice" onOpen={onOpenGap} />
    </div>
  );
}
