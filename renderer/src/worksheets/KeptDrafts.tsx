// Unfinished records of one type, listed under its records: each can be taken up again, or
// discarded after a question. Unsaved values of an existing record are listed the same way.
import { useRef, useState } from 'react';
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { KeptDraft } from './draft-shelf.ts';
import { useDraftShelf } from './drafts-context.tsx';
import { Question } from '../components/Question.tsx';

export function draftTitle(draft: KeptDraft, savedTitle?: string): string {
  const def = RECORD_TYPES[draft.type];
  const typed = draft.values[def.titleField];
  const title = typeof typed === 'string' && typed.trim() ? typed.trim() : savedTitle;
  return title ? `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”` : '(no name yet)';
}

interface Props {
  type: RecordTypeName;
  drafts: readonly KeptDraft[];
  titleOfRecord: (id: string) => string | undefined;
  onContinue: (draft: KeptDraft) => void;
}

export function KeptDrafts({ type, drafts, titleOfRecord, onContinue }: Props) {
  const shelf = useDraftShelf();
  const [asking, setAsking] = useState<string | null>(null);
  /** The draft whose Discard button takes focus back once "Keep it" is chosen. */
  const refocus = useRef<string | null>(null);
  if (drafts.length === 0) return null;
  const label = RECORD_TYPES[type].label.toLowerCase();
  return (
    <div className="kept-drafts" role="group" aria-label={`Unfinished ${RECORD_TYPES[type].plural.toLowerCase()}`}>
      <ul className="kept-drafts__list">
        {drafts.map((draft) => {
          const title = draftTitle(draft, draft.recordId ? titleOfRecord(draft.recordId) : undefined);
          const what = draft.recordId ? `Unsaved changes to ${label} ${title}` : `Unfinished ${label} ${title}`;
          return (
            <li key={draft.key} className="kept-drafts__item">
              <span className="tag tag--draft">{draft.recordId ? 'Not saved' : 'Draft'}</span> <span>{what}</span>
              {asking === draft.key ? (
                <Question className="kept-drafts__question" label={`Discard ${what}?`}>
                  <p>Discard {what}? What you typed there will be lost.</p>
                  <button type="button" className="button button--warning button--small" onClick={() => { shelf.discard(draft.key); setAsking(null); }}>
                    Discard it
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => { refocus.current = draft.key; setAsking(null); }}>Keep it</button>
                </Question>
              ) : (
                <span className="kept-drafts__actions">
                  <button type="button" className="link-button" onClick={() => onContinue(draft)}>
                    Continue<span className="visually-hidden"> {what}</span>
                  </button>
                  <button type="button" className="link-button" ref={(button) => { if (button && refocus.current === draft.key) { refocus.current = null; button.focus(); } }} onClick={() => setAsking(draft.key)}>
                    Discard…<span className="visually-hidden"> {what}</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
