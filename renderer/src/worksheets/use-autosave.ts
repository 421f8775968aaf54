// Saving as the planner types: each change waits a moment (or is saved at once on leaving a
// field), saves run one after another in order, and "Saved" is only said when nothing newer is
// waiting. Leaving the form saves whatever is pending. Shared by every form that saves itself.
import { useCallback, useEffect, useRef } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

export const SAVE_DELAY_MS = 600;

export interface Autosave<D> {
  /** A new draft: saved after the delay, or at once when `immediate`. */
  schedule(draft: D, immediate?: boolean): void;
  /** Saves a waiting draft now (on leaving a field or the form). */
  flush(): void;
}

/** `persist` saves one draft and says how it went; it is always called with the newest draft. */
export function useAutosave<D>(persist: (draft: D) => Promise<SaveState>, onSaveState: (state: SaveState) => void, delayMs = SAVE_DELAY_MS): Autosave<D> {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef<{ draft: D } | null>(null);
  const persistRef = useRef(persist);
  persistRef.current = persist;
  const reportRef = useRef(onSaveState);
  reportRef.current = onSaveState;

  const run = useCallback((draft: D) => {
    queue.current = queue.current.then(async () => {
      let state: SaveState;
      try {
        state = await persistRef.current(draft);
      } catch (error) {
        state = { kind: 'failed', message: (error as Error).message };
      }
      reportRef.current(timer.current && state.kind === 'saved' ? { kind: 'saving' } : state);
    });
  }, []);

  const flush = useCallback(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    const pending = waiting.current;
    waiting.current = null;
    if (pending) run(pending.draft);
  }, [run]);

  const schedule = useCallback(
    (draft: D, immediate = false) => {
      if (timer.current) clearTimeout(timer.current);
      reportRef.current({ kind: 'saving' });
      if (immediate) {
        timer.current = undefined;
        waiting.current = null;
        run(draft);
        return;
      }
      waiting.current = { draft };
      timer.current = setTimeout(() => {
        timer.current = undefined;
        waiting.current = null;
        run(draft);
      }, delayMs);
    },
    [run, delayMs],
  );

  useEffect(() => () => flush(), [flush]);
  return { schedule, flush };
}
