// The open workbook's shelf of unfinished records (see draft-shelf.ts), for the forms and lists.
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DraftShelf, type KeptDraft, type ShelfStorage } from './draft-shelf.ts';

const ShelfContext = createContext<DraftShelf | null>(null);

function tabStorage(): ShelfStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function DraftShelfProvider({ handle, children }: { handle: string; children: ReactNode }) {
  const shelf = useMemo(() => new DraftShelf(tabStorage(), `ewb-drafts:${handle}`), [handle]);
  return <ShelfContext.Provider value={shelf}>{children}</ShelfContext.Provider>;
}

export function useDraftShelf(): DraftShelf {
  const shelf = useContext(ShelfContext);
  if (!shelf) throw new Error('useDraftShelf outside DraftShelfProvider');
  return shelf;
}

/** Every kept draft, re-rendering when the shelf changes. */
export function useKeptDrafts(): readonly KeptDraft[] {
  const shelf = useDraftShelf();
  return useSyncExternalStore(
    (listener) => shelf.subscribe(listener),
    () => shelf.all(),
  );
}
