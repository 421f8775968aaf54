// What every feature's handlers share: the injected dependencies, the open workbooks, the recent
// list, and the few helpers that shape an answer about an open workbook.
import type { ResponseOf } from '../../shared/api/contract.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import type { Logger } from './app-error.ts';
import type { ChangeContext } from './records/record-changes.ts';
import { RecentWorkbooks } from './workbook/recent-workbooks.ts';
import { JobProgress } from './jobs/job-progress.ts';
import { WorkbookSessions, type Session } from './workbook/workbook-sessions.ts';
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
}

export function createAppContext(deps: AppCoreDeps): AppContext {
  const sessions = new WorkbookSessions(deps.identity, deps.clock, deps.newId);
  const recent = new RecentWorkbooks(deps.paths.configDir, deps.log);
  const now = () => deps.clock().toISOString();

  const infoOf = (session: Session): WorkbookInfo => ({
    handle: session.handle,
    path: session.path,
    readOnly: session.writable === null,
    meta: { ...readWorkbookMeta(session.db), schemaVersion: session.fileVersion },
    counts: countRecords(session.db),
  });

  const rememberRecent = (info: WorkbookInfo) => recent.remember({ path: info.path, title: info.meta.title, force: info.meta.force, lastOpened: now() });

  return {
    deps,
    sessions,
    recent,
    now,
    infoOf,
    rememberRecent,
    openSession(file, readOnly, takeOverLock) {
      const { session, notices } = readOnly ? { session: sessions.openForReading(file), notices: [] as string[] } : sessions.openForEditing(file, takeOverLock);
      const info = infoOf(session);
      rememberRecent(info);
      return { info, notices };
    },
    changeContext: () => ({ now, newId: deps.newId, who: deps.identity.user }),
    jobs: new JobProgress(),
    temporaries: new PendingTemporaries(deps.paths.configDir, deps.identity.host),
  };
}
