// Records a planner has started but not finished, kept until they are finished or discarded: a new
// record whose required fields are not all filled in yet (so it cannot be saved), or an existing
// record's values that are not valid yet. Closing the form, switching section or opening another
// "Add" form leaves them here, to come back to; only "Discard" (after a question) removes them.
// They live for the browser tab (sessionStorage), so a reload keeps them too; they are not in the
// workbook file until they can be saved.
import type { RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Draft } from './record-draft.ts';

export interface KeptDraft {
  /** The form's key: `new-…` for a new record, the record's id for unsaved values of an existing one. */
  key: string;
  type: RecordTypeName;
  /** null for a record not created yet. */
  recordId: string | null;
  /** For a new record, everything typed; for an existing one, only the values not saved. */
  values: Draft;
  /** The fields the planner has been in, so their errors show again when the form reopens. */
  touched: string[];
}

type Listener = () => void;

/** Where the shelf is kept between reloads (sessionStorage in the app; a stand-in in tests). */
export type ShelfStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class DraftShelf {
  private drafts: KeptDraft[];
  private readonly listeners = new Set<Listener>();
  private readonly storage: ShelfStorage | null;
  private readonly storageKey: string;

  constructor(storage: ShelfStorage | null, storageKey: string) {
    this.storage = storage;
    this.storageKey = storageKey;
    this.drafts = DraftShelf.read(storage, storageKey);
  }

  private static read(storage: ShelfStorage | null, key: string): KeptDraft[] {
    try {
      const parsed = JSON.parse(storage?.getItem(key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed.filter((entry) => entry && typeof entry.key === 'string' && typeof entry.type === 'string' && entry.values && typeof entry.values === 'object') as KeptDraft[]) : [];
    } catch {
      return [];
    }
  }

  /** Every kept draft, oldest first; the same array until something changes. */
  all(): readonly KeptDraft[] {
    return this.drafts;
  }

  get(key: string): KeptDraft | undefined {
    return this.drafts.find((draft) => draft.key === key);
  }

  /** Keeps a draft (replacing the one with its key), in its place in the list. */
  keep(draft: KeptDraft): void {
    const at = this.drafts.findIndex((entry) => entry.key === draft.key);
    this.drafts = at === -1 ? [...this.drafts, draft] : this.drafts.map((entry, index) => (index === at ? draft : entry));
    this.changed();
  }

  /** Removes a draft: it was saved, or the planner chose to discard it. */
  discard(key: string): void {
    if (!this.drafts.some((draft) => draft.key === key)) return;
    this.drafts = this.drafts.filter((draft) => draft.key !== key);
    this.changed();
  }

  /** Removes every draft (the workbook was closed on purpose). */
  clear(): void {
    if (this.drafts.length === 0) return;
    this.drafts = [];
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    try {
      if (this.drafts.length === 0) this.storage?.removeItem(this.storageKey);
      else this.storage?.setItem(this.storageKey, JSON.stringify(this.drafts));
    } catch {
      // Storage full or refused: the drafts still live for as long as the page does.
    }
    for (const listener of this.listeners) listener();
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The values of `draft` that differ from `start`: what the planner has typed or chosen. */
export function typedValues(draft: Draft, start: Draft): Draft {
  return Object.fromEntries(Object.entries(draft).filter(([name, value]) => !sameValue(value, start[name])));
}
