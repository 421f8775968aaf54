// Saving as the planner types, for every form that saves itself: each change waits a moment (or is
// saved at once: a drop-down, leaving a field), saves run one after another with the newest draft,
// and the indicator says "Saved" only when every change is on disk and nothing is waiting or
// running. Leaving the form saves whatever is pending; so does the page being hidden, reloaded or
// closed, at once (the request is sent before the page goes: see the client's keepalive), and a
// change that still cannot be sent then (held behind a save under way) makes the browser ask first.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AutosaveQueue, SAVE_DELAY_MS, type SaveState } from './autosave-queue.ts';
import { saveBoardFor } from './save-board.ts';

export { SAVE_DELAY_MS, type SaveState };

export interface Autosave<D> {
  /** A new draft: saved after the delay, or as soon as it can be when `immediate`. */
  schedule(draft: D, immediate?: boolean): void;
  /** Saves a waiting draft now (on leaving a field or the form). */
  flush(): void;
  /** Shows a failure that is not a save's (a deletion) until this form's next save ends. */
  reportFailure(message: string): void;
}

/**
 * `persist` saves one draft and says how it went; it is always called with the newest draft.
 * `onSaveState` is the screen's indicator: forms sharing one are combined (see save-board.ts).
 * `keptOnLeave` says, as the form closes, whether what it could not save was kept as a draft.
 */
export function useAutosave<D>(persist: (draft: D) => Promise<SaveState>, onSaveState: (state: SaveState) => void, delayMs = SAVE_DELAY_MS, keptOnLeave?: () => boolean): Autosave<D> {
  const persistRef = useRef(persist);
  persistRef.current = persist;
  const keptRef = useRef(keptOnLeave);
  keptRef.current = keptOnLeave;
  const [queue] = useState(() => new AutosaveQueue<D>((draft) => persistRef.current(draft), delayMs));

  useEffect(() => {
    const board = saveBoardFor(onSaveState);
    board.join(queue);
    return () => board.leave(queue, keptRef.current?.() ?? false);
  }, [queue, onSaveState]);
  useEffect(() => () => queue.flush(), [queue]);
  useEffect(() => {
    const now = () => queue.flush();
    const whenHidden = () => {
      if (document.visibilityState === 'hidden') queue.flush();
    };
    const askFirst = (event: BeforeUnloadEvent) => {
      queue.flush();
      if (!queue.unsent()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', askFirst);
    document.addEventListener('visibilitychange', whenHidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', askFirst);
      document.removeEventListener('visibilitychange', whenHidden);
    };
  }, [queue]);

  return useMemo(
    () => ({
      schedule: (draft: D, immediate?: boolean) => queue.schedule(draft, immediate),
      flush: () => queue.flush(),
      reportFailure: (message: string) => queue.reportFailure(message),
    }),
    [queue],
  );
}
