// The open workbook's worksheet data in the page: records by type, section statuses, gaps and
// what undo/redo would do. Every write goes through the API and then refreshes what it affects.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues, SectionState } from '../../../shared/api/records.ts';
import type { ApiError, Result } from '../../../shared/api/result.ts';
import type { ApiClient } from '../api/client.ts';

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface WorkbookData {
  api: ApiClient;
  handle: string;
  records: Record<RecordTypeName, RecordValues[]>;
  sections: SectionState[];
  gaps: Gap[];
  undo: UndoState;
  loaded: boolean;
  /** Goes up whenever records change other than through the open form (undo, redo, deletions). */
  generation: number;
  /** The last thing undo or redo did, for the status line. */
  lastUndo: string | null;
  readOnly: boolean;
  create(type: RecordTypeName, values: Record<string, unknown>): Promise<Result<RecordValues>>;
  update(type: RecordTypeName, id: string, changes: Record<string, unknown>): Promise<Result<RecordValues>>;
  remove(type: RecordTypeName, id: string): Promise<Result<{ deleted: boolean }>>;
  setCompleted(section: string, completed: boolean): Promise<Result<SectionState>>;
  undoLast(): Promise<void>;
  redoNext(): Promise<void>;
  refresh(): Promise<void>;
  /** Re-reads statuses, gaps and undo labels (after an edit made outside the record forms). */
  refreshStatus(): Promise<void>;
  error: ApiError | null;
  clearError(): void;
}

const EMPTY = Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, []])) as unknown as Record<RecordTypeName, RecordValues[]>;

const DataContext = createContext<WorkbookData | null>(null);

export function useWorkbookData(): WorkbookData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useWorkbookData outside WorkbookDataProvider');
  return data;
}

export function WorkbookDataProvider({ api, handle, readOnly, onDetailsChanged, children }: { api: ApiClient; handle: string; readOnly: boolean; onDetailsChanged: () => Promise<void>; children: ReactNode }) {
  const [records, setRecords] = useState(EMPTY);
  const [sections, setSections] = useState<SectionState[]>([]);
  const [gaps, setGaps] = useState<Gap[]>([]);
  const [undo, setUndo] = useState<UndoState>({ undoLabel: null, redoLabel: null });
  const [loaded, setLoaded] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [lastUndo, setLastUndo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const onDetails = useRef(onDetailsChanged);
  onDetails.current = onDetailsChanged;

  const refreshDerived = useCallback(async () => {
    const [sectionResult, gapResult, undoResult] = await Promise.all([
      api.call('listSectionStates', { handle }),
      api.call('listGaps', { handle }),
      api.call('getUndoState', { handle }),
    ]);
    if (sectionResult.ok) setSections(sectionResult.value);
    if (gapResult.ok) setGaps(gapResult.value);
    if (undoResult.ok) setUndo(undoResult.value);
  }, [api, handle]);

  /**
   * Reloads every record. `replaceForms` tells open forms their record may have changed under
   * them (undo, redo, a deletion), so they start again from what is saved; the first load does
   * not, or a planner who starts typing at once would lose it.
   */
  const reload = useCallback(async (replaceForms: boolean) => {
    const results = await Promise.all(RECORD_TYPE_NAMES.map((type) => api.call('listRecords', { handle, type })));
    const next = { ...EMPTY };
    RECORD_TYPE_NAMES.forEach((type, index) => {
      const result = results[index];
      if (result?.ok) next[type] = result.value.records as RecordValues[];
    });
    setRecords(next);
    if (replaceForms) setGeneration((g) => g + 1);
    await refreshDerived();
    setLoaded(true);
  }, [api, handle, refreshDerived]);

  const refresh = useCallback(() => reload(true), [reload]);

  useEffect(() => {
    void reload(false);
  }, [reload]);

  const create = useCallback(
    async (type: RecordTypeName, values: Record<string, unknown>) => {
      const result = (await api.call('createRecord', { handle, type, values })) as Result<RecordValues>;
      if (result.ok) {
        setRecords((current) => ({ ...current, [type]: [...current[type], result.value] }));
        void refreshDerived();
      }
      return result;
    },
    [api, handle, refreshDerived],
  );

  const update = useCallback(
    async (type: RecordTypeName, id: string, changes: Record<string, unknown>) => {
      const result = (await api.call('updateRecord', { handle, type, id, changes })) as Result<RecordValues>;
      if (result.ok) {
        setRecords((current) => ({ ...current, [type]: current[type].map((record) => (record.id === id ? result.value : record)) }));
        void refreshDerived();
      }
      return result;
    },
    [api, handle, refreshDerived],
  );

  const remove = useCallback(
    async (type: RecordTypeName, id: string) => {
      const result = await api.call('deleteRecord', { handle, type, id });
      // A deletion can clear other records' links to it: reload everything.
      if (result.ok) await refresh();
      return result;
    },
    [api, handle, refresh],
  );

  const setCompleted = useCallback(
    async (section: string, completed: boolean) => {
      const result = await api.call('setSectionCompleted', { handle, section: section as never, completed });
      if (result.ok) await refreshDerived();
      return result;
    },
    [api, handle, refreshDerived],
  );

  const step = useCallback(
    async (method: 'undo' | 'redo') => {
      const result = await api.call(method, { handle });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (result.value.change?.recordType === 'workbook') await onDetails.current();
      await refresh();
      // Said once the screen shows the result, so what is read out matches what is seen.
      setLastUndo(result.value.change?.description ?? (method === 'undo' ? 'Nothing to undo' : 'Nothing to redo'));
    },
    [api, handle, refresh],
  );

  const value = useMemo<WorkbookData>(
    () => ({
      api,
      handle,
      records,
      sections,
      gaps,
      undo,
      loaded,
      generation,
      lastUndo,
      readOnly,
      create,
      update,
      remove,
      setCompleted,
      undoLast: () => step('undo'),
      redoNext: () => step('redo'),
      refresh,
      refreshStatus: refreshDerived,
      error,
      clearError: () => setError(null),
    }),
    [api, handle, records, sections, gaps, undo, loaded, generation, lastUndo, readOnly, create, update, remove, setCompleted, step, refresh, refreshDerived, error],
  );
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
}
