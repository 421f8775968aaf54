// The workbook: title bar with save indicator and undo/redo, the task list with statuses and gap
// counts, and the selected section.
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { WriteEffects } from '../../../shared/api/records.ts';
import type { SectionId } from '../../../shared/domain/record-types.ts';
import type { ApiClient } from '../api/client.ts';
import { Notice } from '../components/Notice.tsx';
import { DetailsForm } from '../worksheets/details/DetailsForm.tsx';
import { HistorySettings } from '../worksheets/details/HistorySettings.tsx';
import type { SaveState } from '../worksheets/use-autosave.ts';
import { WorkbookDataProvider, useWorkbookData } from '../worksheets/workbook-data.tsx';
import { WorksheetSection } from '../worksheets/WorksheetSection.tsx';
import { CensusSection } from '../worksheets/census/CensusSection.tsx';
import { CrimeSection } from '../worksheets/crime/CrimeSection.tsx';
import { ExportSection } from '../worksheets/export/ExportSection.tsx';
import { ReceptivitySection } from '../worksheets/how/ReceptivitySection.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { TaskList, type SectionStatus } from './TaskList.tsx';
import { SECTIONS, type SectionDef } from './sections.ts';
import { useForces } from './use-forces.ts';

function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  if (readOnly) return <span className="save-indicator save-indicator--readonly">Read-only</span>;
  const text = state.kind === 'saved' ? 'Saved' : state.kind === 'saving' ? 'Saving…' : state.kind === 'invalid' ? 'Not saved: check the highlighted fields' : `Not saved: ${state.message}`;
  return (
    <span className={`save-indicator save-indicator--${state.kind}`} role="status" aria-live="polite" data-testid="save-indicator">
      {text}
    </span>
  );
}

function detailsStatus(info: WorkbookInfo): SectionStatus {
  const m = info.meta;
  return m.periodStart && m.periodEnd && m.author && m.reviewDate ? 'Completed' : 'In progress';
}

function isEditingText(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  const tag = element.tagName;
  return element.isContentEditable || tag === 'TEXTAREA' || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((element as HTMLInputElement).type));
}

interface WorkbookScreenProps {
  api: ApiClient;
  info: WorkbookInfo;
  notices: string[];
  onInfo: (info: WorkbookInfo) => void;
  onDismissNotices: () => void;
  onClose: () => void;
  onSaveCopy: () => void;
  /** Show this section (from the menu, e.g. File › Export). */
  jump?: { section: string; at: number } | null;
  /** Open the workbook again (after a repair), with a notice. */
  onReopen: (path: string, notice: string) => void;
}

function UndoControls() {
  const data = useWorkbookData();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const wantsUndo = key === 'z' && !event.shiftKey;
      const wantsRedo = (key === 'z' && event.shiftKey) || key === 'y';
      if (!wantsUndo && !wantsRedo) return;
      // In a text box the browser's own undo of typing comes first.
      if (isEditingText(event.target)) return;
      event.preventDefault();
      void (wantsUndo ? data.undoLast() : data.redoNext());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data]);
  if (data.readOnly) return null;
  return (
    <>
      <button type="button" className="button button--secondary button--small" disabled={!data.undo.undoLabel} title={data.undo.undoLabel ?? 'Nothing to undo'} aria-keyshortcuts="Control+Z" onClick={() => void data.undoLast()}>
        Undo<span className="visually-hidden">{data.undo.undoLabel ? `: ${data.undo.undoLabel.replace(/^Undo /, '')}` : ''}</span>
      </button>
      <button type="button" className="button button--secondary button--small" disabled={!data.undo.redoLabel} title={data.undo.redoLabel ?? 'Nothing to redo'} aria-keyshortcuts="Control+Shift+Z" onClick={() => void data.redoNext()}>
        Redo<span className="visually-hidden">{data.undo.redoLabel ? `: ${data.undo.redoLabel.replace(/^Redo /, '')}` : ''}</span>
      </button>
    </>
  );
}

function WorkbookBody({ api, info, notices, onInfo, onDismissNotices, onClose, onSaveCopy, jump, onReopen }: WorkbookScreenProps) {
  const forces = useForces(api);
  const data = useWorkbookData();
  const [section, setSection] = useState('details');
  useEffect(() => {
    if (jump) setSection(jump.section);
  }, [jump]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const forceName = forces.find((f) => f.id === info.meta.force)?.name ?? info.meta.force;
  const stateOf = (def: SectionDef) => data.sections.find((s) => s.section === def.id);
  const statusOf = (def: SectionDef): SectionStatus => (!def.available ? 'Not yet available' : def.screen === 'details' ? detailsStatus(info) : def.screen === 'export' ? 'Not started' : (stateOf(def)?.status ?? 'Not started'));
  const gapsOf = (def: SectionDef) => stateOf(def)?.gaps ?? 0;
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  const { applyEffects } = data;
  const detailsSaved = useCallback(
    (saved: WorkbookInfo & { effects?: WriteEffects }) => {
      const { effects, ...info } = saved;
      onInfo(info);
      if (effects) applyEffects(effects);
    },
    [onInfo, applyEffects],
  );

  return (
    <div className="workbook">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the section</a>
      <header className="title-bar">
        <div className="title-bar__text">
          <p className="title-bar__force">{forceName}</p>
          <h1 className="title-bar__title">{info.meta.title}</h1>
        </div>
        <div className="title-bar__actions">
          <SaveIndicator state={saveState} readOnly={info.readOnly} />
          <UndoControls />
          <button type="button" className="button button--secondary button--small" onClick={onSaveCopy}>Save a copy…</button>
          <button type="button" className="button button--secondary button--small" onClick={onClose}>Close workbook</button>
        </div>
      </header>
      {data.lastUndo && <p className="undo-status" role="status">{data.lastUndo}.</p>}
      {notices.length > 0 && (
        <Notice title="Important" onDismiss={onDismissNotices}>
          {notices.map((notice) => <p key={notice}>{notice}</p>)}
        </Notice>
      )}
      {info.needsRepair && <RepairNotice api={api} path={info.path} check={info.needsRepair} onRepaired={onReopen} />}
      <div className="workbook__body">
        <TaskList current={section} statusOf={statusOf} gapsOf={gapsOf} onSelect={setSection} />
        <main className="workbook__section" id="main" tabIndex={-1} aria-labelledby="section-heading">
          <h2 id="section-heading" className="section-heading">{current.title}</h2>
          {current.screen === 'details' ? (
            <>
              <details className="guidance" open>
                <summary>Why this matters</summary>
                <p>These details go on the cover of the strategy document and on every page of the Excel workbook. The protective marking is printed at the top and bottom of every page, and shown on every screen here.</p>
                <p>Set the strategy period and a review date: a strategy is never finished, and the review date is when you look again at who you engage and how.</p>
              </details>
              <DetailsForm key={`details:${data.generation}`} api={api} info={info} onSaved={detailsSaved} onSaveState={setSaveState} onEffects={applyEffects} />
              <HistorySettings api={api} handle={info.handle} readOnly={info.readOnly} generation={data.generation} onEffects={applyEffects} />
            </>
          ) : current.screen === 'census' ? (
            <CensusSection />
          ) : current.screen === 'receptivity' ? (
            <ReceptivitySection onSaveState={setSaveState} />
          ) : current.screen === 'crime' ? (
            <CrimeSection />
          ) : current.screen === 'export' ? (
            <ExportSection info={info} />
          ) : (
            <WorksheetSection key={current.id} section={current.id as SectionId} onSaveState={setSaveState} />
          )}
        </main>
      </div>
    </div>
  );
}

export function WorkbookScreen(props: WorkbookScreenProps) {
  const { api, info, onInfo } = props;
  const reloadDetails = useCallback(async () => {
    const result = await api.call('getWorkbook', { handle: info.handle });
    if (result.ok) onInfo(result.value);
  }, [api, info.handle, onInfo]);
  return (
    <WorkbookDataProvider api={api} handle={info.handle} readOnly={info.readOnly} onDetailsChanged={reloadDetails}>
      <WorkbookBody {...props} />
    </WorkbookDataProvider>
  );
}
