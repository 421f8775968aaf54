// What every feature's handlers share: the injected dependencies, the open workbooks, the recent
// list, and the few helpers that shape an answer about an open workbook.
import type { ResponseOf } from '../../shared/api/contract.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import type { WriteEffects } from '../../shared/api/records.ts';
import type { Logger } from './app-error.ts';
import type { ChangeEntry } from './changes/change-log.ts';
import type { ChangeContext } from './changes/write-change.ts';
import { changeHandler } from './changes/change-handlers.ts';
import { undoState } from './changes/undo-redo.ts';
import { retireOldChanges } from './changes/retention.ts';
import { WorkbookDerived } from './gaps/workbook-derived.ts';
import type { WriteDb } from './db/open-database.ts';
import { RecentWorkbooks } from './workbook/recent-workbooks.ts';
import { JobProgress } from './jobs/job-progress.ts';
import { WorkbookSessions, type Session } from './workbook/workbook-sessions.ts';
import { withValueCheck, type ValueChecks } from './workbook/open-with-value-check.ts';
import { countRecords, readWorkbookMeta } from './workbook/workbook-store.ts';
import type { LockIdentity } from './workbook/workbook-lock.ts';
import { PendingTemporaries } from './fs/temporary-files.ts';

export interface AppCoreDeps {
  clock: () => Date;
  newId: () => string;
  paths: { configDir: string };
  log: Logger;
  appVersion: string;
  /** Who is working: written to lock files and the change log. */
  identity: LockIdentity;
}

export interface AppContext {
  deps: AppCoreDeps;
  sessions: WorkbookSessions;
  recent: RecentWorkbooks;
  now(): string;
  infoOf(session: Session): WorkbookInfo;
  rememberRecent(info: WorkbookInfo): void;
  openSession(file: string, readOnly: boolean, takeOverLock: boolean): ResponseOf<'openWorkbook'>;
  changeContext(): ChangeContext;
  jobs: JobProgress;
  /** Temporary files beside destinations, recorded so a killed process's are cleared on the next start. */
  temporaries: PendingTemporaries;
  /** The open workbook's gaps and section states, kept up to date as it is edited. */
  derivedOf(session: Session): WorkbookDerived;
  /**
   * The one write path for a door's request: runs `write` on the workbook's writable connection
   * with a change context that notes every change committed, then answers with the write's result
   * and its effects (section states, gaps opened and closed, undo state).
   */
  write<T>(handle: string, write: (db: WriteDb, change: ChangeContext) => T): { result: T; effects: WriteEffects };
  /**
   * The same for work that reads a file first: `writable` gives the connection (ask again after
   * awaiting: the workbook may have been closed meanwhile).
   */
  writeAsync<T>(handle: string, write: (writable: () => WriteDb, change: ChangeContext) => Promise<T>): Promise<{ result: T; effects: WriteEffects }>;
  /** The effects of changes already committed (undo and redo use this). */
  effectsOf(session: Session, entries: readonly ChangeEntry[]): WriteEffects;
}

export function createAppContext(deps: AppCoreDeps): AppContext {
  const sessions = new WorkbookSessions(deps.identity, deps.clock, deps.newId);
  const recent = new RecentWorkbooks(deps.paths.configDir, deps.log);
  const now = () => deps.clock().toISOString();

  const valueChecks: ValueChecks = new WeakMap();
  const infoOf = (session: Session): WorkbookInfo => {
    const needsRepair = valueChecks.get(session);
    return {
      handle: session.handle,
      path: session.path,
      readOnly: session.writable === null,
      meta: { ...readWorkbookMeta(session.db), schemaVersion: session.fileVersion },
      counts: countRecords(session.db),
      ...(needsRepair ? { needsRepair } : {}),
    };
  };

  const derived = new WeakMap<Session, WorkbookDerived>();
  const derivedOf = (session: Session): WorkbookDerived => {
    let state = derived.get(session);
    if (!state) {
      state = new WorkbookDerived(session.db, deps.clock);
      derived.set(session, state);
    }
    return state;
  };
  const changeContext = (onCommitted?: (entry: ChangeEntry) => void): ChangeContext => ({ now, newId: deps.newId, who: deps.identity.user, ...(onCommitted ? { onCommitted } : {}) });
  const effectsOf = (session: Session, entries: readonly ChangeEntry[]): WriteEffects => {
    const { gaps, sections } = derivedOf(session).afterWrite(entries.flatMap((entry) => changeHandler(entry.kind).footprint(entry)));
    return { sections, gaps, undo: undoState(session.db) };
  };

  const rememberRecent = (info: WorkbookInfo) => recent.remember({ path: info.path, title: info.meta.title, force: info.meta.force, lastOpened: now() });

  return {
    deps,
    sessions,
    recent,
    now,
    infoOf,
    rememberRecent,
    openSession(file, readOnly, takeOverLock) {
      const opened = readOnly ? { session: sessions.openForReading(file), notices: [] as string[] } : sessions.openForEditing(file, takeOverLock);
      const { session, notices } = withValueCheck(sessions, opened, valueChecks);
      // Changes older than the retention period can no longer be undone: their personal values go now,
      // not at the next edit, so a workbook only opened and closed keeps none past their time.
      if (session.writable) retireOldChanges(session.writable, now());
      const info = infoOf(session);
      rememberRecent(info);
      return { info, notices };
    },
    changeContext: () => changeContext(),
    jobs: new JobProgress(),
    temporaries: new PendingTemporaries(deps.paths.configDir, deps.identity.host),
    derivedOf,
    effectsOf,
    write(handle, write) {
      const { session, db } = sessions.writableOf(handle);
      const committed: ChangeEntry[] = [];
      const result = write(db, changeContext((entry) => committed.push(entry)));
      return { result, effects: effectsOf(session, committed) };
    },
    async writeAsync(handle, write) {
      const committed: ChangeEntry[] = [];
      const result = await write(() => sessions.writableOf(handle).db, changeContext((entry) => committed.push(entry)));
      return { result, effects: effectsOf(sessions.get(handle), committed) };
    },
  };
}
