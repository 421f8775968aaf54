// The workbook's title bar, always on screen: the force and title, whether everything is saved,
// undo and redo (each named by what it would do), Save a copy and Close; at narrow widths (200 %
// zoom) also the button that shows the section menu.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SaveState } from '../worksheets/use-autosave.ts';
import { useWorkbookData } from '../worksheets/workbook-data.tsx';

function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  if (readOnly) return <span className="save-indicator save-indicator--readonly">Read-only</span>;
  const text = state.kind === 'saved' ? 'Saved' : state.kind === 'saving' ? 'Saving…' : state.kind === 'invalid' ? 'Not saved: check the highlighted fields' : `Not saved: ${state.message}`;
  return (
    <span className={`save-indicator save-indicator--${state.kind}`} role="status" aria-live="polite" data-testid="save-indicator">
      {text}
    </span>
  );
}

function isEditingText(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  const tag = element.tagName;
  return element.isContentEditable || tag === 'TEXTAREA' || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((element as HTMLInputElement).type));
}

/** "Undo adding aim “X”" reads as a sentence: the button shows its verb and says the rest to screen readers. */
function StepButton({ verb, label, shortcut, onClick }: { verb: 'Undo' | 'Redo'; label: string | null; shortcut: string; onClick: () => void }) {
  const rest = label ? label.slice(verb.length) : '';
  return (
    <button type="button" className="button button--secondary button--small" disabled={!label} title={label ?? `Nothing to ${verb.toLowerCase()}`} aria-keyshortcuts={shortcut} onClick={onClick}>
      {verb}
      {rest && <span className="visually-hidden">{rest}</span>}
    </button>
  );
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
      <StepButton verb="Undo" label={data.undo.undoLabel} shortcut="Control+Z" onClick={() => void data.undoLast()} />
      <StepButton verb="Redo" label={data.undo.redoLabel} shortcut="Control+Shift+Z" onClick={() => void data.redoNext()} />
    </>
  );
}

interface TitleBarProps {
  forceName: string;
  title: string;
  saveState: SaveState;
  readOnly: boolean;
  /** The section menu's button, shown only at narrow widths. */
  menuButton: ReactNode;
  /** Said beside the save state: drafts kept in this session, not yet in the file. */
  extra?: ReactNode;
  onSaveCopy: () => void;
  onClose: () => void;
}

/** Save a copy and Close: two buttons when there is room, behind one "Workbook" button at narrow widths. */
function FileActions({ onSaveCopy, onClose }: { onSaveCopy: () => void; onClose: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="title-bar__file">
      <button type="button" ref={button} className="button button--secondary button--small title-bar__more" aria-expanded={open} aria-controls="workbook-actions" onClick={() => setOpen((current) => !current)}>
        Workbook<span className="visually-hidden"> actions</span>
      </button>
      <div id="workbook-actions" className={`title-bar__file-actions${open ? ' title-bar__file-actions--open' : ''}`}>
        <button type="button" className="button button--secondary button--small" onClick={() => { setOpen(false); onSaveCopy(); }}>Save a copy…</button>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>Close workbook</button>
      </div>
    </div>
  );
}

export function TitleBar({ forceName, title, saveState, readOnly, menuButton, extra, onSaveCopy, onClose }: TitleBarProps) {
  const data = useWorkbookData();
  return (
    <div className="title-bar">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the section</a>
      <div className="title-bar__main">
        <div className="title-bar__text">
          <p className="title-bar__force">{forceName}</p>
          <h1 className="title-bar__title" title={title}>{title}</h1>
        </div>
        <div className="title-bar__actions">
          {menuButton}
          <UndoControls />
          <FileActions onSaveCopy={onSaveCopy} onClose={onClose} />
        </div>
      </div>
      {/* One line of its own, so a longer message never moves the page under the planner's pointer. */}
      <div className="title-bar__state">
        <SaveIndicator state={saveState} readOnly={readOnly} />
        {extra}
        {/* Always in the page, so what undo did is read out when it changes. */}
        <p className="title-bar__status" role="status">{data.lastUndo ? `${data.lastUndo}.` : ''}</p>
      </div>
    </div>
  );
}
