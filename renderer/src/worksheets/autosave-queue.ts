// One form's saving, without React: a change waits a moment (or starts at once), one save runs at a
// time, the next save always takes the newest draft, and the state it reports is "saving" while
// anything is waiting or running, then the outcome of the newest draft's save.
export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

export const SAVE_DELAY_MS = 600;

const SAVING: SaveState = { kind: 'saving' };

function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === '' ? 'The change could not be saved.' : message;
}

export class AutosaveQueue<D> {
  private waiting: { draft: D } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The waiting draft should start as soon as the running save ends (a drop-down, a blur). */
  private urgent = false;
  private running = false;
  private outcome: SaveState = { kind: 'saved' };
  private listener: (() => void) | null = null;
  private readonly persist: (draft: D) => Promise<SaveState>;
  private readonly delayMs: number;

  /** `persist` saves one draft and says how it went; a throw counts as a failed save. */
  constructor(persist: (draft: D) => Promise<SaveState>, delayMs = SAVE_DELAY_MS) {
    this.persist = persist;
    this.delayMs = delayMs;
  }

  /** What the form would show now. */
  state(): SaveState {
    return this.busy() ? SAVING : this.outcome;
  }

  /** A change is waiting for its delay, waiting for the running save, or being saved. */
  busy(): boolean {
    return this.running || this.waiting !== null;
  }

  /** A draft is waiting that no save has yet been sent for (its delay, or a running save, holds it back). */
  unsent(): boolean {
    return this.waiting !== null;
  }

  /** Called whenever `state()` may have changed. */
  onChange(listener: (() => void) | null): void {
    this.listener = listener;
  }

  /** A new draft (replacing any waiting one): saved after the delay, or as soon as it can be when `immediate`. */
  schedule(draft: D, immediate = false): void {
    this.waiting = { draft };
    this.clearTimer();
    if (immediate) this.urgent = true;
    else if (!this.urgent) this.timer = setTimeout(() => this.delayOver(), this.delayMs);
    this.notify();
    this.start();
  }

  /** Saves a waiting draft now, or straight after the running save (on leaving a field or the form). */
  flush(): void {
    if (!this.waiting) return;
    this.clearTimer();
    this.urgent = true;
    this.start();
  }

  /** Something other than a save went wrong in this form (a deletion): shown until its next save ends. */
  reportFailure(message: string): void {
    this.outcome = { kind: 'failed', message };
    this.notify();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private delayOver(): void {
    this.timer = undefined;
    this.start();
  }

  /** Starts the waiting draft's save unless a save is running or the draft's delay has not passed. */
  private start(): void {
    if (this.running || !this.waiting || this.timer !== undefined) return;
    const { draft } = this.waiting;
    this.waiting = null;
    this.urgent = false;
    this.running = true;
    void this.save(draft);
  }

  private async save(draft: D): Promise<void> {
    let outcome: SaveState;
    try {
      outcome = await this.persist(draft);
    } catch (error) {
      outcome = { kind: 'failed', message: failureMessage(error) };
    }
    this.running = false;
    // Saves run in order, so this is the newest draft saved so far; a draft still waiting will
    // carry every change this one failed to save, and its own outcome replaces this one.
    this.outcome = outcome;
    this.start();
    this.notify();
  }

  private notify(): void {
    this.listener?.();
  }
}
