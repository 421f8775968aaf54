// The workbook: title bar with the save indicator, the task list, and the selected section.
import { useState } from 'react';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { ApiClient } from '../api/client.ts';
import { Notice } from '../components/Notice.tsx';
import { DetailsForm, type SaveState } from '../worksheets/details/DetailsForm.tsx';
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

interface WorkbookScreenProps {
  api: ApiClient;
  info: WorkbookInfo;
  notices: string[];
  onInfo: (info: WorkbookInfo) => void;
  onDismissNotices: () => void;
  onClose: () => void;
  onSaveCopy: () => void;
}

export function WorkbookScreen({ api, info, notices, onInfo, onDismissNotices, onClose, onSaveCopy }: WorkbookScreenProps) {
  const forces = useForces(api);
  const [section, setSection] = useState('details');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const forceName = forces.find((f) => f.id === info.meta.force)?.name ?? info.meta.force;
  const statusOf = (def: SectionDef): SectionStatus => (!def.available ? 'Not yet available' : def.id === 'details' ? detailsStatus(info) : 'Not started');
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;

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
          <button type="button" className="button button--secondary button--small" onClick={onSaveCopy}>Save a copy…</button>
          <button type="button" className="button button--secondary button--small" onClick={onClose}>Close workbook</button>
        </div>
      </header>
      {notices.length > 0 && (
        <Notice title="Important" onDismiss={onDismissNotices}>
          {notices.map((notice) => <p key={notice}>{notice}</p>)}
        </Notice>
      )}
      <div className="workbook__body">
        <TaskList current={section} statusOf={statusOf} onSelect={setSection} />
        <main className="workbook__section" id="main" tabIndex={-1} aria-labelledby="section-heading">
          <h2 id="section-heading" className="section-heading">{current.title}</h2>
          {current.id === 'details' && (
            <>
              <details className="guidance" open>
                <summary>Why this matters</summary>
                <p>These details go on the cover of the strategy document and on every page of the Excel workbook. The protective marking is printed at the top and bottom of every page, and shown on every screen here.</p>
                <p>Set the strategy period and a review date: a strategy is never finished, and the review date is when you look again at who you engage and how.</p>
              </details>
              <DetailsForm api={api} info={info} onSaved={onInfo} onSaveState={setSaveState} />
            </>
          )}
        </main>
      </div>
    </div>
  );
}
