// The workbook engine behind every door (Electron IPC, the loopback host, the CLI): the contract's
// handlers, and `call`, the one boundary that validates requests and turns errors into values.
import fs from 'node:fs';
import path from 'node:path';
import { contract, isMethodName, type ApiHandlers, type MethodName, type ResponseOf } from '../../shared/api/contract.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import { WorkbookDetailsSchema, type WorkbookDetails, type WorkbookInfo } from '../../shared/api/workbook.ts';
import { FORCES } from '../../shared/domain/forces.ts';
import { AppError, invalidInput, toApiError, type Logger } from './app-error.ts';
import { inspectHeader } from './db/inspect-header.ts';
import { LATEST_SCHEMA_VERSION } from './db/migrations/index.ts';
import { appVersionForSchema, openReadOnly } from './db/open-database.ts';
import { writeFileDurably } from './fs/durable-write.ts';
import { dumpWorkbook, countInterchangeRecords, interchangeToText } from './interchange/dump-workbook.ts';
import { readInterchangeFile } from './interchange/read-interchange.ts';
import { appendChange, diffFields } from './workbook/change-log.ts';
import { createWorkbookFile } from './workbook/create-workbook-file.ts';
import { RecentWorkbooks } from './workbook/recent-workbooks.ts';
import { saveCopy } from './workbook/save-copy.ts';
import { WorkbookSessions, type Session } from './workbook/workbook-sessions.ts';
import { countRecords, detailsOf, insertWorkbookRow, readWorkbookMeta, updateWorkbookRow } from './workbook/workbook-store.ts';
import type { LockIdentity } from './workbook/workbook-lock.ts';

export interface AppCoreDeps {
  clock: () => Date;
  newId: () => string;
  paths: { configDir: string };
  log: Logger;
  appVersion: string;
  /** Who is working: written to lock files and the change log. */
  identity: LockIdentity;
}

export interface AppCore {
  handlers: ApiHandlers;
  /** The boundary: any method name and payload in, a Result out — never a throw. */
  call(method: string, request: unknown): Promise<Result<unknown>>;
  closeAll(): void;
}

function validDetails(details: unknown): WorkbookDetails {
  const parsed = WorkbookDetailsSchema.safeParse(details);
  if (!parsed.success) throw invalidInput(parsed.error, 'The workbook details are not complete');
  return parsed.data;
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const sessions = new WorkbookSessions(deps.identity, deps.clock, deps.newId);
  const recent = new RecentWorkbooks(deps.paths.configDir, deps.log);
  const now = () => deps.clock().toISOString();

  function infoOf(session: Session): WorkbookInfo {
    return {
      handle: session.handle,
      path: session.path,
      readOnly: session.writable === null,
      meta: { ...readWorkbookMeta(session.db), schemaVersion: session.fileVersion },
      counts: countRecords(session.db),
    };
  }

  function rememberRecent(info: WorkbookInfo): void {
    recent.remember({ path: info.path, title: info.meta.title, force: info.meta.force, lastOpened: now() });
  }

  function openSession(file: string, readOnly: boolean, takeOverLock: boolean): ResponseOf<'openWorkbook'> {
    if (readOnly) {
      const session = sessions.openForReading(file);
      const info = infoOf(session);
      rememberRecent(info);
      return { info, notices: [] };
    }
    const { session, notices } = sessions.openForEditing(file, takeOverLock);
    const info = infoOf(session);
    rememberRecent(info);
    return { info, notices };
  }

  const handlers = {
    listForces: () => FORCES.map((force) => ({ id: force.id, name: force.name, policeUkName: force.policeUkName, neighbours: [...force.neighbours] })),

    createWorkbook: ({ path: file, details }) => {
      const absolute = path.resolve(file);
      const stamp = now();
      createWorkbookFile(absolute, (db) =>
        insertWorkbookRow(db, { id: deps.newId(), details: validDetails(details), appVersion: deps.appVersion, createdAt: stamp, modifiedAt: stamp }),
      );
      return openSession(absolute, false, false).info;
    },

    openWorkbook: ({ path: file, readOnly, takeOverLock }) => openSession(file, readOnly, takeOverLock),

    closeWorkbook: ({ handle }) => ({ closed: sessions.close(handle) }),

    getWorkbook: ({ handle }) => infoOf(sessions.get(handle)),

    updateWorkbookDetails: ({ handle, changes }) => {
      const { session, db } = sessions.writableOf(handle);
      const before = readWorkbookMeta(db);
      const merged = validDetails({ ...detailsOf(before), ...changes });
      const diff = diffFields(detailsOf(before), merged);
      if (diff) {
        db.transaction(() => {
          const stamp = now();
          updateWorkbookRow(db, merged, deps.appVersion, stamp);
          appendChange(db, { id: deps.newId(), at: stamp, who: deps.identity.user, recordType: 'workbook', recordId: before.id, action: 'update', ...diff });
        }).immediate();
      }
      const info = infoOf(session);
      // The recent list shows title and force; keep it current without an extra write per edit.
      if (diff && ('title' in diff.after || 'force' in diff.after)) rememberRecent(info);
      return info;
    },

    saveWorkbookCopy: ({ handle, destination, overwrite }) => {
      const session = sessions.get(handle);
      const target = path.resolve(destination);
      saveCopy(session.db, session.path, target, overwrite);
      return { path: target };
    },

    checkWorkbook: ({ path: file }) => {
      const absolute = path.resolve(file);
      let schemaVersion: number | null = null;
      try {
        schemaVersion = inspectHeader(absolute).userVersion;
      } catch {
        schemaVersion = null;
      }
      try {
        const db = openReadOnly(absolute);
        try {
          const meta = readWorkbookMeta(db);
          return { path: absolute, ok: true, schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION, appVersion: meta.appVersion, problems: [] };
        } finally {
          db.close();
        }
      } catch (error) {
        const apiError = toApiError(error, deps.log);
        return { path: absolute, ok: false, schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION, appVersion: schemaVersion ? appVersionForSchema(schemaVersion) : null, problems: [apiError.message] };
      }
    },

    listRecentWorkbooks: () => recent.list(),

    forgetRecentWorkbook: ({ path: file }) => ({ forgotten: recent.forget(file) }),

    dumpWorkbook: ({ path: file, destination, personal }) => {
      const db = openReadOnly(path.resolve(file));
      try {
        const data = dumpWorkbook(db, { personal });
        const target = path.resolve(destination);
        if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
          throw new AppError('invalid-input', `${target} is a folder. Give the name of the JSON file to write.`, { destination: 'Give a file name' });
        }
        writeFileDurably(target, interchangeToText(data));
        return { path: target, counts: countInterchangeRecords(data) };
      } finally {
        db.close();
      }
    },

    createWorkbookFromInterchange: ({ path: file, source, keepId, overrides }) => {
      const data = readInterchangeFile(path.resolve(source));
      const { id, createdAt, modifiedAt, ...fromFile } = data.workbook;
      const details = validDetails({ author: null, ...fromFile, ...overrides });
      const absolute = path.resolve(file);
      createWorkbookFile(absolute, (db) =>
        insertWorkbookRow(db, { id: keepId ? id : deps.newId(), details, appVersion: deps.appVersion, createdAt, modifiedAt }),
      );
      return openSession(absolute, false, false).info;
    },
  } satisfies ApiHandlers;

  async function call(method: string, request: unknown): Promise<Result<unknown>> {
    try {
      if (!isMethodName(method)) return fail({ code: 'invalid-input', message: `There is no API method "${method}".` });
      const parsed = contract[method].request.safeParse(request ?? {});
      if (!parsed.success) throw invalidInput(parsed.error, `The request to ${method} is not valid`);
      const handler = handlers[method] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      return fail(toApiError(error, deps.log));
    }
  }

  return { handlers, call, closeAll: () => sessions.closeAll() };
}

export type { MethodName };
