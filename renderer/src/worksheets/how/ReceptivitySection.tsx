// "Who listens where": the receptivity grid with its filters, the active cell's controls (for the
// mouse as well as the keyboard), the note dialog, and the section's gaps. Every change to a cell
// is saved at once as one undoable change; saves run one after another, in the order made.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RECEPTIVITY_NOTE_MAX, RECEPTIVITY_SYMBOLS, receptivityLabel, type ReceptivityCell, type ReceptivityValue } from '../../../../shared/api/receptivity.ts';
import type { Gap } from '../../../../shared/api/records.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import { isPriorityAudience } from '../../../../shared/domain/vocabularies.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { GuidancePanel } from '../GuidancePanel.tsx';
import type { GapRequest } from '../gap-targets.ts';
import { SectionGaps } from '../SectionGaps.tsx';
import type { SaveState } from '../use-autosave.ts';
import { useWorkbookData } from '../workbook-data.tsx';
import { nextValue, VALUE_ORDER, type GridCommand } from './grid-keys.ts';
import { ReceptivityGrid, type ActiveCell, type CellsByAudience } from './ReceptivityGrid.tsx';

function byAudience(cells: readonly ReceptivityCell[]): CellsByAudience {
  const map = new Map<string, Map<string, ReceptivityCell>>();
  for (const cell of cells) {
    let row = map.get(cell.audienceId);
    if (!row) map.set(cell.audienceId, (row = new Map()));
    row.set(cell.channelId, cell);
  }
  return map;
}

/** The grid with one cell replaced: only that audience's row map is new, so only its row redraws. */
function withCell(cells: CellsByAudience, cell: ReceptivityCell): CellsByAudience {
  const next = new Map(cells);
  const row = new Map(cells.get(cell.audienceId) ?? []);
  row.set(cell.channelId, cell);
  next.set(cell.audienceId, row);
  return next;
}

function matches(text: unknown, needle: string): boolean {
  return !needle || String(text ?? '').toLowerCase().includes(needle);
}

interface ReceptivitySectionProps {
  onSaveState: (state: SaveState) => void;
  /** A gap opened from "All gaps" or this section's own list: its audience's row, focus on its first cell. */
  gapRequest: GapRequest | null;
  onOpenGap: (gap: Gap) => void;
}

export function ReceptivitySection({ onSaveState, gapRequest, onOpenGap }: ReceptivitySectionProps) {
  const data = useWorkbookData();
  const { api, handle, generation } = data;
  const [cells, setCells] = useState<CellsByAudience>(new Map());
  const [loaded, setLoaded] = useState(false);
  /** Goes up with every change made here: a read that started before one is out of date when it lands. */
  const edits = useRef(0);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [audienceFilter, setAudienceFilter] = useState('');
  const [channelFilter, setChannelFilter] = useState('');
  const [priorityOnly, setPriorityOnly] = useState(false);
  const [noteFor, setNoteFor] = useState<ActiveCell | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const cellsRef = useRef(cells);
  cellsRef.current = cells;

  const load = useCallback(async () => {
    const asOf = edits.current;
    const result = await api.call('listReceptivity', { handle });
    if (edits.current !== asOf) return;
    if (result.ok) setCells(byAudience(result.value));
    else setError(result.error);
    setLoaded(true);
  }, [api, handle]);

  // Undo, redo and deletions move the generation on: the grid is read again.
  useEffect(() => {
    void load();
  }, [load, generation]);

  const audiences = useMemo(() => {
    const needle = audienceFilter.trim().toLowerCase();
    return data.records.audience.filter((a) => matches(a.name, needle) && (!priorityOnly || isPriorityAudience(a.priority)));
  }, [data.records.audience, audienceFilter, priorityOnly]);
  const channels = useMemo(() => {
    const needle = channelFilter.trim().toLowerCase();
    return data.records.channel.filter((c) => matches(c.name, needle));
  }, [data.records.channel, channelFilter]);

  const cellAt = (at: ActiveCell): ReceptivityCell => cellsRef.current.get(at.audienceId)?.get(at.channelId) ?? { ...at, value: 'unknown', note: '' };

  const save = useCallback(
    (at: ActiveCell, change: { value?: ReceptivityValue; note?: string }) => {
      const current = cellsRef.current.get(at.audienceId)?.get(at.channelId) ?? { ...at, value: 'unknown' as const, note: '' };
      const next = { ...current, ...change };
      if (next.value === current.value && next.note === current.note) return;
      edits.current += 1;
      setCells((old) => withCell(old, next));
      pending.current += 1;
      onSaveState({ kind: 'saving' });
      queue.current = queue.current.then(async () => {
        const result = await api.call('setReceptivity', { handle, ...at, ...change });
        pending.current -= 1;
        if (!result.ok) {
          setError(result.error);
          onSaveState({ kind: 'failed', message: result.error.message });
          // What is saved, read once every change made so far has been answered.
          if (pending.current === 0) await load();
          return;
        }
        data.applyEffects(result.value.effects);
        if (pending.current === 0) onSaveState({ kind: 'saved' });
      });
    },
    [api, handle, load, onSaveState, data],
  );

  const onCommand = useCallback(
    (command: Exclude<GridCommand, { kind: 'move' } | { kind: 'none' }>, at: ActiveCell) => {
      if (command.kind === 'note') setNoteFor(at);
      else if (command.kind === 'set') save(at, { value: command.value });
      else save(at, { value: nextValue(cellAt(at).value) });
    },
    [save],
  );

  // A "no channel marked yes" gap: every row and column shows again, and the audience's first cell
  // becomes the active one and takes the focus (the grid scrolls to it once it is drawn).
  const [focusRequest, setFocusRequest] = useState<{ cell: ActiveCell; at: number } | null>(null);
  const firstChannelId = data.records.channel[0]?.id;
  useEffect(() => {
    if (!gapRequest || gapRequest.gap.section !== 'receptivity' || gapRequest.gap.recordType !== 'audience' || !gapRequest.gap.recordId || !firstChannelId) return;
    const cell = { audienceId: gapRequest.gap.recordId, channelId: firstChannelId };
    setAudienceFilter('');
    setPriorityOnly(false);
    setChannelFilter('');
    setActive(cell);
    setFocusRequest({ cell, at: gapRequest.at });
    // Only a new request moves the grid; the first channel is read as it is then.
  }, [gapRequest]);

  const activeAudience = active ? data.records.audience.find((a) => a.id === active.audienceId) : undefined;
  const activeChannel = active ? data.records.channel.find((c) => c.id === active.channelId) : undefined;
  const activeCell = active && activeAudience && activeChannel ? cellAt(active) : null;
  const noAudiences = data.records.audience.length === 0;
  const noChannels = data.records.channel.length === 0;

  return (
    <div className="worksheet">
      <GuidancePanel section="receptivity" />
      {error && (
        <Notice title={errorHeading(error)} kind="error" onDismiss={() => setError(null)}>
          <p>{error.message}</p>
        </Notice>
      )}
      {noAudiences || noChannels ? (
        <p className="empty-state">
          The grid needs {noAudiences && noChannels ? 'audiences and channels' : noAudiences ? 'audiences' : 'channels'}: record {noAudiences && noChannels ? 'them' : 'some'} under {noAudiences ? 'Who › Audiences' : ''}{noAudiences && noChannels ? ' and ' : ''}{noChannels ? 'How › Channels' : ''} first.
        </p>
      ) : (
        <section className="worksheet__block" aria-labelledby="rgrid-heading">
          <h3 id="rgrid-heading" className="worksheet__block-title">Which channels reach each audience</h3>
          <div className="rgrid-filters">
            <div className="field">
              <label className="field__label" htmlFor="rgrid-audience-filter">Filter audiences</label>
              <input id="rgrid-audience-filter" className="input" type="search" autoComplete="off" value={audienceFilter} onChange={(e) => setAudienceFilter(e.target.value)} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="rgrid-channel-filter">Filter channels</label>
              <input id="rgrid-channel-filter" className="input" type="search" autoComplete="off" value={channelFilter} onChange={(e) => setChannelFilter(e.target.value)} />
            </div>
            <div className="field">
              <label className="checkbox">
                <input type="checkbox" checked={priorityOnly} onChange={(e) => setPriorityOnly(e.target.checked)} />
                <span>Only priority audiences (high or medium)</span>
              </label>
            </div>
            <p className="field__hint" role="status" aria-live="polite">
              {audiences.length} of {data.records.audience.length} audiences, {channels.length} of {data.records.channel.length} channels shown
            </p>
          </div>
          <p className="field__hint" id="rgrid-keys">
            Arrow keys move between cells. Press 1 for yes, 2 partly, 3 no, 4 unknown, or Space for the next value; Enter adds or changes the cell&rsquo;s note.
          </p>
          <ul className="rgrid-key" aria-label="What the marks mean">
            {VALUE_ORDER.map((value) => (
              <li key={value} className={`rgrid-key__item rgrid__cell--${value}`}>
                <span aria-hidden="true">{RECEPTIVITY_SYMBOLS[value]}</span> {receptivityLabel(value)}
              </li>
            ))}
          </ul>
          {activeCell && activeAudience && activeChannel && (
            <div className="rgrid-toolbar" role="group" aria-label="The chosen cell">
              <p className="rgrid-toolbar__where">
                <strong>{String(activeAudience.name)}</strong> on <strong>{String(activeChannel.name)}</strong>
                {activeCell.note ? <span className="rgrid-toolbar__note">: “{activeCell.note}”</span> : null}
              </p>
              {!data.readOnly && (
                <div className="button-group button-group--tight">
                  {VALUE_ORDER.map((value) => (
                    <button key={value} type="button" className="button button--secondary button--small" aria-pressed={activeCell.value === value} onClick={() => save(active!, { value })}>
                      <span aria-hidden="true">{RECEPTIVITY_SYMBOLS[value]} </span>{receptivityLabel(value)}
                    </button>
                  ))}
                  <button type="button" className="button button--secondary button--small" onClick={() => setNoteFor(active)}>{activeCell.note ? 'Change the note…' : 'Add a note…'}</button>
                </div>
              )}
            </div>
          )}
          {!loaded ? (
            <p className="empty-state" role="status">Reading the grid…</p>
          ) : audiences.length === 0 || channels.length === 0 ? (
            <p className="empty-state">Nothing matches the filters.</p>
          ) : (
            <ReceptivityGrid audiences={audiences} channels={channels} cells={cells} active={active} readOnly={data.readOnly} onActivate={setActive} onCommand={onCommand} focusRequest={focusRequest} />
          )}
        </section>
      )}
      {noteFor && (
        <NoteDialog
          title={`${String(data.records.audience.find((a) => a.id === noteFor.audienceId)?.name ?? '')} on ${String(data.records.channel.find((c) => c.id === noteFor.channelId)?.name ?? '')}`}
          note={cellAt(noteFor).note}
          onSave={(note) => {
            save(noteFor, { note });
            setNoteFor(null);
          }}
          onClose={() => setNoteFor(null)}
        />
      )}
      <SectionGaps section="receptivity" onOpen={onOpenGap} />
    </div>
  );
}

function NoteDialog({ title, note, onSave, onClose }: { title: string; note: string; onSave: (note: string) => void; onClose: () => void }) {
  const [text, setText] = useState(note);
  const tooLong = text.length > RECEPTIVITY_NOTE_MAX;
  return (
    <Dialog title={`Evidence: ${title}`} onClose={onClose}>
      <div className={`field${tooLong ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="rgrid-note">What tells you so (optional)</label>
        <div className="field__hint" id="rgrid-note-hint">For example: youth forum survey, March 2026; or what officers see on patrol.</div>
        {tooLong && <p className="field__error" id="rgrid-note-error"><span className="visually-hidden">Error: </span>Keep the note to {RECEPTIVITY_NOTE_MAX.toLocaleString('en-GB')} characters or fewer: it is {text.length.toLocaleString('en-GB')} now</p>}
        <textarea id="rgrid-note" className="textarea" rows={4} value={text} autoFocus aria-describedby={`rgrid-note-hint${tooLong ? ' rgrid-note-error' : ''}`} aria-invalid={tooLong || undefined} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="button-group">
        <button type="button" className="button" disabled={tooLong} onClick={() => onSave(text.trim())}>Save the note</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Cancel</button>
      </div>
    </Dialog>
  );
}
