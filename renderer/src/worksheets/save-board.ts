// The forms that report to one save indicator, combined: a form that closes while its save is still
// running must not be able to say "Saved" over another form's waiting change, nor the other way round.
import type { SaveState } from './autosave-queue.ts';

export type SaveSink = (state: SaveState) => void;

/** What the board needs of a form's saving (an AutosaveQueue). */
export interface SaveSource {
  state(): SaveState;
  busy(): boolean;
  onChange(listener: (() => void) | null): void;
}

export class SaveBoard {
  /**
   * Each member, whether its form has closed (it stays while it still has something to say), and
   * whether what it could not save was kept as a draft (then "not saved: check the fields" has no
   * fields to point at: the draft is listed where the planner will come back to it).
   */
  private readonly members = new Map<SaveSource, { left: boolean; kept: boolean }>();
  private shown: string | null = null;
  private readonly sink: SaveSink;

  constructor(sink: SaveSink) {
    this.sink = sink;
  }

  join(member: SaveSource): void {
    const previous = boardOf.get(member);
    if (previous && previous !== this) previous.drop(member);
    boardOf.set(member, this);
    this.members.set(member, { left: false, kept: false });
    member.onChange(() => this.changed(member));
  }

  /**
   * The form has closed: its save, if any, is still followed until it ends. `keptAsDraft`: what it
   * could not save (invalid values) was kept as a draft, so its "invalid" outcome goes with it.
   */
  leave(member: SaveSource, keptAsDraft = false): void {
    const entry = this.members.get(member);
    if (!entry) return;
    entry.left = true;
    entry.kept = keptAsDraft;
    this.tidy();
    this.report();
  }

  /** What the indicator shows: saving while any form has a change waiting or running, else the worst outcome. */
  combined(): SaveState {
    const states = [...this.members.keys()].map((member) => member.state());
    if (states.some((state) => state.kind === 'saving')) return { kind: 'saving' };
    const failed = states.filter((state) => state.kind === 'failed').at(-1);
    if (failed) return failed;
    if (states.some((state) => state.kind === 'invalid')) return { kind: 'invalid' };
    return { kind: 'saved' };
  }

  private drop(member: SaveSource): void {
    this.members.delete(member);
    this.report();
  }

  private changed(member: SaveSource): void {
    if (!this.members.has(member)) return;
    // A closed form's unsaved outcome is shown until the planner starts another change elsewhere.
    if (member.busy()) {
      for (const [other, entry] of this.members) if (other !== member && entry.left && !other.busy()) this.members.delete(other);
    }
    this.tidy();
    this.report();
  }

  /** Closed forms whose last save succeeded, or whose unsaved values were kept as a draft, have nothing more to say. */
  private tidy(): void {
    for (const [member, entry] of this.members) {
      if (!entry.left || member.busy()) continue;
      const kind = member.state().kind;
      if (kind === 'saved' || (entry.kept && kind === 'invalid')) this.members.delete(member);
    }
  }

  private report(): void {
    const state = this.combined();
    const key = JSON.stringify(state);
    if (key === this.shown) return;
    this.shown = key;
    this.sink(state);
  }
}

const boards = new WeakMap<SaveSink, SaveBoard>();
const boardOf = new WeakMap<SaveSource, SaveBoard>();

/** The board of every form that reports to `sink` (the screen's save indicator). */
export function saveBoardFor(sink: SaveSink): SaveBoard {
  let board = boards.get(sink);
  if (!board) {
    board = new SaveBoard(sink);
    boards.set(sink, board);
  }
  return board;
}
