// A stand-in for a form's save whose answers the test gives by hand, so autosave tests decide
// exactly when each save ends (and how) and never depend on real time.
import type { SaveState } from '../../renderer/src/worksheets/autosave-queue.ts';

export interface PendingSave<D> {
  draft: D;
  /** Ends this save with the given outcome (as the form's persist would return it). */
  answer(state: SaveState): void;
  /** Ends this save by throwing, as a broken persist would. */
  fail(error: unknown): void;
  settled: boolean;
}

export interface ControlledPersist<D> {
  persist: (draft: D) => Promise<SaveState>;
  /** Every save started, oldest first. */
  calls: PendingSave<D>[];
  /** The save still waiting for an answer, if any. */
  open(): PendingSave<D> | undefined;
  /** The most saves ever running at the same moment. */
  mostAtOnce(): number;
}

export function controlledPersist<D>(): ControlledPersist<D> {
  const calls: PendingSave<D>[] = [];
  let running = 0;
  let most = 0;
  const persist = (draft: D) =>
    new Promise<SaveState>((resolve, reject) => {
      running += 1;
      most = Math.max(most, running);
      const call: PendingSave<D> = {
        draft,
        settled: false,
        answer(state) {
          if (call.settled) throw new Error('this save has already ended');
          call.settled = true;
          running -= 1;
          resolve(state);
        },
        fail(error) {
          if (call.settled) throw new Error('this save has already ended');
          call.settled = true;
          running -= 1;
          reject(error);
        },
      };
      calls.push(call);
    });
  return {
    persist,
    calls,
    open: () => calls.find((call) => !call.settled),
    mostAtOnce: () => most,
  };
}

/** Lets every promise reaction already queued run (setImmediate is left real by the tests' fake timers). */
export async function settle(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}
