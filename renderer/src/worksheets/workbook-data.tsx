// The open workbook's worksheet data in the page: records by type, section statuses, gaps and
// what undo/redo would do. Every write goes through the API, whose answer carries its effects
// (changed section states, gaps opened and closed, undo state): one request per write.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues, SectionState, WriteEffects } from '../../../shared/api/records.ts';
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
  /** Re-reads statuses, gaps and undo labels from scratch. */
  refreshStatus(): Promise<void>;
  /** Takes in what a write answered beside its result: section states, gaps, undo labels. */
  applyEffects(effects: WriteEffects): void;
  /** Reads the workbook's details again after a write that changed them (finishing a review). */
  detailsChanged(): Promise<void>;
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

  const applyEffects = useCallback((effects: WriteEffects) => {
    if (effects.sections.length > 0) {
      const changed = new Map(effects.sections.map((state) => [state.section, state]));
      setSections((current) => current.map((state) => changed.get(state.section) ?? state));
    }
    if (effects.gaps.added.length > 0 || effects.gaps.removed.length > 0) {
      const removed = new Set(effects.gaps.removed);
      setGaps((current) => [...current.filter((gap) => !removed.has(gap.key)), ...effects.gaps.added]);
    }
    setUndo(effects.undo);
    // A later change makes "Undid …" old news: the header stops saying it (an undo sets it again after this).
    setLastUndo(null);
  }, []);

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
  const reload = useCallback(async (replaceForms: boolean, derived = true) => {
    const results = await Promise.all(RECORD_TYPE_NAMES.map((type) => api.call('listRecords', { handle, type })));
    const next = { ...EMPTY };
    RECORD_TYPE_NAMES.forEach((type, index) => {
      const result = results[index];
      if (result?.ok) next[type] = result.value.records as RecordValues[];
    });
    setRecords(next);
    if (replaceForms) setGeneration((g) => g + 1);
    if (derived) await refreshDerived();
    setLoaded(true);
  }, [api, handle, refreshDerived]);

  const refresh = useCallback(() => reload(true), [reload]);

  useEffect(() => {
    void reload(false);
  }, [reload]);

  const create = useCallback(
    async (type: RecordTypeName, values: Record<string, unknown>) => {
      const answer = await api.call('createRecord', { handle, type, values });
      if (!answer.ok) return answer;
      const { effects, ...record } = answer.value;
      setRecords((current) => ({ ...current, [type]: [...current[type], record as RecordValues] }));
      applyEffects(effects);
      return { ok: true, value: record as RecordValues } as Result<RecordValues>;
    },
    [api, handle, applyEffects],
  );

  const update = useCallback(
    async (type: RecordTypeName, id: string, changes: Record<string, unknown>) => {
      const answer = await api.call('updateRecord', { handle, type, id, changes });
      if (!answer.ok) return answer;
      const { effects, ...record } = answer.value;
      setRecords((current) => ({ ...current, [type]: current[type].map((existing) => (existing.id === id ? (record as RecordValues) : existing)) }));
      applyEffects(effects);
      return { ok: true, value: record as RecordValues } as Result<RecordValues>;
    },
    [api, handle, applyEffects],
  );

  const remove = useCallback(
    async (type: RecordTypeName, id: string) => {
      const answer = await api.call('deleteRecord', { handle, type, id });
      if (!answer.ok) return answer;
      applyEffects(answer.value.effects);
      // A deletion can clear other records' links to it: reload the records.
      await reload(true, false);
      return { ok: true, value: { deleted: answer.value.deleted } } as Result<{ deleted: boolean }>;
    },
    [api, handle, reload, applyEffects],
  );

  const setCompleted = useCallback(
    async (section: string, completed: boolean) => {
      const answer = await api.call('setSectionCompleted', { handle, section: section as never, completed });
      if (!answer.ok) return answer;
      const { effects, ...state } = answer.value;
      applyEffects(effects);
      return { ok: true, value: state } as Result<SectionState>;
    },
    [api, handle, applyEffects],
  );

  const step = useCallback(
    async (method: 'undo' | 'redo') => {
      const result = await api.call(method, { handle });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (result.value.change?.recordType === 'workbook' || result.value.change?.recordType === 'batch') await onDetails.current();
      applyEffects(result.value.effects);
      await reload(true, false);
      // Said once the screen shows the result, so what is read out matches what is seen.
      setLastUndo(result.value.change?.description ?? (method === 'undo' ? 'Nothing to undo' : 'Nothing to redo'));
    },
    [api, handle, reload, applyEffects],
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
      applyEffects,
      detailsChanged: () => onDetails.current(),
      error,
      clearError: () => setError(null),
    }),
    [api, handle, records, sections, gaps, undo, loaded, generation, lastUndo, readOnly, create, update, remove, setCompleted, step, refresh, refreshDerived, applyEffects, error],
  );
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
}
