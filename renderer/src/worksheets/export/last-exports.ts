// When each deliverable of a workbook was last written from this computer, and where to: kept in
// the app's own storage (never in the workbook, which an export only reads), by workbook id.
import { useCallback, useSyncExternalStore } from 'react';

export type DeliverableKind = 'word' | 'excel';
export interface LastExport {
  path: string;
  /** A UTC timestamp. */
  at: string;
}
export type LastExports = Partial<Record<DeliverableKind, LastExport>>;

const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: LastExports }>();

const key = (workbookId: string) => `ewb-last-export:${workbookId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What is kept for a workbook; the same object until it changes (for useSyncExternalStore). */
export function readLastExports(workbookId: string): LastExports {
  const raw = storage()?.getItem(key(workbookId)) ?? null;
  const cached = cache.get(workbookId);
  if (cached && cached.raw === raw) return cached.value;
  let value: LastExports = {};
  try {
    const parsed = JSON.parse(raw ?? '{}') as Record<string, unknown>;
    for (const kind of ['word', 'excel'] as const) {
      const entry = parsed[kind] as Partial<LastExport> | undefined;
      if (entry && typeof entry.path === 'string' && typeof entry.at === 'string') value[kind] = { path: entry.path, at: entry.at };
    }
  } catch {
    value = {};
  }
  cache.set(workbookId, { raw, value });
  return value;
}

export function recordExports(workbookId: string, files: ReadonlyArray<{ kind: DeliverableKind; path: string }>, at: string): void {
  const next: LastExports = { ...readLastExports(workbookId) };
  for (const file of files) next[file.kind] = { path: file.path, at };
  try {
    storage()?.setItem(key(workbookId), JSON.stringify(next));
  } catch {
    // Not kept: the export itself has succeeded all the same.
  }
  for (const listener of listeners) listener();
}

export function useLastExports(workbookId: string): LastExports {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return useSyncExternalStore(subscribe, () => readLastExports(workbookId));
}
