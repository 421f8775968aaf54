// The workbook: the title bar (with the save indicator and undo/redo) and the section menu stay on
// screen while the selected section scrolls beside them. Choosing a section moves focus to its
// heading; a reload comes back to it; at narrow widths (200 % zoom) the menu hides behind a button
// so the content comes first.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { Gap, WriteEffects } from '../../../shared/api/records.ts';
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
import { PracticeSection } from '../worksheets/practice/PracticeSection.tsx';
import { ExportSection } from '../worksheets/export/ExportSection.tsx';
import { ReceptivitySection } from '../worksheets/how/ReceptivitySection.tsx';
import { AllGaps } from '../worksheets/AllGaps.tsx';
import { OverviewSection } from '../worksheets/overview/OverviewSection.tsx';
import { GoodSection } from '../worksheets/good/GoodSection.tsx';
import { ReviewSection } from '../worksheets/review/ReviewSection.tsx';
import { SectionPreview } from '../worksheets/SectionPreview.tsx';
import type { GapRequest } from '../worksheets/gap-targets.ts';
import { AppShell } from './AppShell.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { ALL_GAPS, TaskList, type SectionStatus } from './TaskList.tsx';
import { TitleBar } from './TitleBar.tsx';
import { SECTIONS, type SectionDef } from './sections.ts';
import { useForces } from './use-forces.ts';
import { useSectionPlace } from './use-section-place.ts';
import { useLastExports } from '../worksheets/export/last-exports.ts';
import { Dialog } from '../components/Dialog.tsx';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { DraftShelfProvider, useDraftShelf, useKeptDrafts } from '../worksheets/drafts-context.tsx';
import { draftTitle } from '../worksheets/KeptDrafts.tsx';

function detailsStatus(info: WorkbookInfo): SectionStatus {
  const m = info.meta;
  return m.periodStart && m.periodEnd && m.author && m.reviewDate ? 'Completed' : 'In progress';
}

interface WorkbookScreenProps {
  api: ApiClient;
  info: WorkbookInfo;
  notices: string[];
  /** An error from the frame (opening, saving a copy), shown at the top of the section. */
  frameNotice?: ReactNode;
  onInfo: (info: WorkbookInfo) => void;
  onDismissNotices: () => void;
  onClose: () => void;
  onSaveCopy: () => void;
  /** Show this section (from the menu, e.g. File › Export). */
  /** A section to go to; `share` also opens "Save a copy for sharing" there (the Export section). */
  jump?: { section: string; at: number; share?: boolean } | null;
  /** Open the workbook again (after a repair), with a notice. */
  onReopen: (path: string, notice: string) => void;
}

const MENU_ID = 'section-menu';
const isKnownSection = (id: string) => id === ALL_GAPS || SECTIONS.some((section) => section.id === id);

function WorkbookBody({ api, info, notices, frameNotice, onInfo, onDismissNotices, onClose, onSaveCopy, jump, onReopen }: WorkbookScreenProps) {
  const forces = useForces(api);
  const data = useWorkbookData();
  // A workbook with something in it opens on its overview; a new, empty one on its details, where
  // the planner starts.
  const [place, choose] = useSectionPlace(info.handle, isKnownSection, Object.entries(info.counts).some(([kind, n]) => kind !== 'changes' && n > 0) ? 'overview' : 'details');
  const [menuOpen, setMenuOpen] = useState(false);
  const [gapRequest, setGapRequest] = useState<GapRequest | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const shelf = useDraftShelf();
  const drafts = useKeptDrafts();
  const [askClose, setAskClose] = useState(false);

  // Closing the workbook would lose what is only kept in this tab: ask first.
  const close = useCallback(() => {
    if (shelf.all().length > 0) setAskClose(true);
    else onClose();
  }, [shelf, onClose]);

  useEffect(() => {
    if (jump) choose(jump.section);
  }, [jump, choose]);

  // Each section starts at its top, and a section chosen from the menu takes focus to its heading.
  const shownSection = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (shownSection.current !== place.section) mainRef.current?.scrollTo({ top: 0 });
    shownSection.current = place.section;
    if (place.focusHeading) document.getElementById('section-heading')?.focus();
  }, [place]);

  // Escape closes the menu shown over the content at narrow widths, and focus goes back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const selectSection = useCallback(
    (id: string) => {
      setMenuOpen(false);
      setGapRequest(null);
      choose(id);
    },
    [choose],
  );
  const openGap = useCallback(
    (gap: Gap) => {
      setMenuOpen(false);
      choose(gap.section, false);
      setGapRequest({ gap, at: Date.now() });
    },
    [choose],
  );

  const forceName = forces.find((f) => f.id === info.meta.force)?.name ?? info.meta.force;
  const stateOf = (def: SectionDef) => data.sections.find((s) => s.section === def.id);
  const lastExports = useLastExports(info.meta.id);
  const statusOf = (def: SectionDef): SectionStatus => {
    if (!def.available) return 'Not yet available';
    if (def.screen === 'details') return detailsStatus(info);
    if (def.screen === 'export') return lastExports.word || lastExports.excel ? 'Written' : 'Not written yet';
    if (def.screen === 'overview') return 'Overview';
    return stateOf(def)?.status ?? 'Not started';
  };
  const gapsOf = (def: SectionDef) => stateOf(def)?.gaps ?? 0;
  const current: SectionDef = place.section === ALL_GAPS ? { id: ALL_GAPS, title: 'All gaps', available: true } : (SECTIONS.find((s) => s.id === place.section) ?? SECTIONS[0]!);
  const { applyEffects } = data;
  const detailsSaved = useCallback(
    (saved: WorkbookInfo & { effects?: WriteEffects }) => {
      const { effects, ...info } = saved;
      onInfo(info);
      if (effects) applyEffects(effects);
    },
    [onInfo, applyEffects],
  );

  const menuButton = (
    <button
      type="button"
      ref={menuButtonRef}
      className="button button--secondary button--small section-menu-button"
      aria-expanded={menuOpen}
      aria-controls={MENU_ID}
      onClick={() => setMenuOpen((open) => !open)}
    >
      Sections<span className="visually-hidden"> of the workbook</span>
    </button>
  );

  let content: ReactNode;
  if (current.id === ALL_GAPS) content = <AllGaps onOpen={openGap} />;
  else if (!current.available) content = <SectionPreview section={current.id} />;
  else if (current.screen === 'details')
    content = (
      <>
        <details className="guidance" open>
          <summary>Why this matters</summary>
          <p>These details go on the cover of the strategy document and on every page of the Excel workbook. The protective marking is printed at the top and bottom of every page, and shown on every screen here.</p>
          <p>Set the strategy period and a review date: a strategy is never finished, and the review date is when you look again at who you engage and how.</p>
        </details>
        <DetailsForm key={`details:${data.generation}`} api={api} info={info} onSaved={detailsSaved} onSaveState={setSaveState} onEffects={applyEffects} />
        <HistorySettings api={api} handle={info.handle} readOnly={info.readOnly} generation={data.generation} onEffects={applyEffects} />
      </>
    );
  else if (current.screen === 'census') content = <CensusSection gapRequest={gapRequest} onOpenGap={openGap} />;
  else if (current.screen === 'receptivity') content = <ReceptivitySection onSaveState={setSaveState} gapRequest={gapRequest} onOpenGap={openGap} />;
  else if (current.screen === 'crime') content = <CrimeSection onOpenGap={openGap} />;
  else if (current.screen === 'practice') content = <PracticeSection onOpenGap={openGap} />;
  else if (current.screen === 'export') content = <ExportSection info={info} shareRequest={jump?.share ? jump.at : null} />;
  else if (current.screen === 'overview') content = <OverviewSection onOpenGap={openGap} onSelect={selectSection} />;
  else if (current.screen === 'good') content = <GoodSection />;
  else if (current.screen === 'review') content = <ReviewSection info={info} onOpenWorkbook={onReopen} />;
  else content = <WorksheetSection key={current.id} section={current.id as SectionId} onSaveState={setSaveState} gapRequest={gapRequest} onOpenGap={openGap} plan={info.meta} />;

  return (
    <AppShell
      marking={info.meta.marking}
      bar={
        <TitleBar
          forceName={forceName}
          title={info.meta.title}
          saveState={saveState}
          readOnly={info.readOnly}
          menuButton={menuButton}
          extra={
            drafts.length > 0 && (
              <button type="button" className="link-button title-bar__drafts" onClick={() => selectSection(RECORD_TYPES[drafts[0]!.type].section)}>
                {drafts.length} unfinished {drafts.length === 1 ? 'record' : 'records'}<span className="visually-hidden">, not saved yet: show the first</span>
              </button>
            )
          }
          onSaveCopy={onSaveCopy}
          onClose={close}
        />
      }
    >
      <div className="workbook">
        <TaskList id={MENU_ID} current={current.id} statusOf={statusOf} gapsOf={gapsOf} totalGaps={data.gaps.length} nothingRecorded={data.loaded && data.sections.every((state) => state.records === 0)} open={menuOpen} onSelect={selectSection} />
        <main className="workbook__main scroll-region" id="main" ref={mainRef} tabIndex={-1} aria-labelledby="section-heading">
          {frameNotice}
          {notices.length > 0 && (
            <Notice title="Important" onDismiss={onDismissNotices}>
              {notices.map((notice) => <p key={notice}>{notice}</p>)}
            </Notice>
          )}
          {info.needsRepair && <RepairNotice api={api} path={info.path} check={info.needsRepair} onRepaired={onReopen} />}
          <h2 id="section-heading" className="section-heading" tabIndex={-1}>{current.title}</h2>
          {content}
        </main>
      </div>
      {askClose && (
        <Dialog title="Close with unfinished records?" onClose={() => setAskClose(false)}>
          <p>These are not saved in the workbook yet, because they are not finished. Closing the workbook loses them.</p>
          <ul>
            {drafts.map((draft) => (
              <li key={draft.key}>
                {draft.recordId ? 'Unsaved changes to' : 'Unfinished'} {RECORD_TYPES[draft.type].label.toLowerCase()} {draftTitle(draft, draft.recordId ? String(data.records[draft.type].find((r) => r.id === draft.recordId)?.[RECORD_TYPES[draft.type].titleField] ?? '') : undefined)}
              </li>
            ))}
          </ul>
          <div className="button-group">
            <button type="button" className="button" onClick={() => { setAskClose(false); selectSection(RECORD_TYPES[drafts[0]!.type].section); }}>Keep working on them</button>
            <button type="button" className="button button--warning" onClick={() => { shelf.clear(); setAskClose(false); onClose(); }}>Close and lose them</button>
          </div>
        </Dialog>
      )}
    </AppShell>
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
      <DraftShelfProvider handle={info.handle}>
        <WorkbookBody {...props} />
      </DraftShelfProvider>
    </WorkbookDataProvider>
  );
}
