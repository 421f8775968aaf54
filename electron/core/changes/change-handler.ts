// What every kind of change must say about itself: how it reads in the history and the undo
// buttons, how it is applied backwards (undo) and forwards (redo), which of its values are personal
// (redacted once undo of them is no longer useful), what it touched, and what side data it keeps.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { ChangeDraft, ChangeEntry, Values } from './change-log.ts';
import type { Footprint } from './change-kinds.ts';

export type Direction = 'back' | 'forward';

export interface ApplyEnv {
  /** When the undo or redo happens. */
  at: string;
  appVersion: string;
}

export interface ChangeHandler {
  /** The change in words after a verb-less start: "editing audience “Older residents”". */
  describe(db: ReadDb, entry: ChangeEntry): string;
  apply(db: WriteDb, entry: ChangeEntry, direction: Direction, env: ApplyEnv): void;
  holdsPersonal(entry: ChangeDraft): boolean;
  /** Before and after with every personal value removed. */
  redact(entry: ChangeDraft): { before: Values | null; after: Values | null };
  footprint(entry: ChangeDraft): Footprint[];
  /** Removes side data kept to undo or redo the change, once it can no longer be used. */
  dropSideData?(db: WriteDb, entry: ChangeEntry): void;
}

/** A handler for changes that hold no personal values and keep no side data. */
export function plainHandler(parts: Pick<ChangeHandler, 'describe' | 'apply' | 'footprint'> & Partial<ChangeHandler>): ChangeHandler {
  return {
    holdsPersonal: () => false,
    redact: (entry) => ({ before: entry.before, after: entry.after }),
    ...parts,
  };
}
