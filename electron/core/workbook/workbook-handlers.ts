// The workbook's own methods: forces, create, open, close, details, save a copy, check, recent
// files, the interchange format in and out, a new copy of the worked example, and the next
// period's workbook rolled forward from this one.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import { FORCES } from '../../../shared/domain/forces.ts';
import { AppError, toApiError } from '../app-error.ts';
import type { AppContext } from '../app-context.ts';
import { inspectHeader } from '../db/inspect-header.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { appVersionForSchema, openReadOnly } from '../db/open-database.ts';
import { removeQuietly, temporaryPathBeside } from '../fs/durable-write.ts';
import { writeInterchangeFile } from '../interchange/write-interchange.ts';
import { fileSize } from '../evidence/import-census.ts';
import { runFileWorker } from '../workers/run-file-worker.ts';
import { changeLogo, changeWorkbookDetails } from './details-changes.ts';
import { checkWorkbookDestination, createWorkbookFile } from './create-workbook-file.ts';
import { checkValues, summariseValueCheck } from '../db/check-values.ts';
import { saveCopy } from './save-copy.ts';
import { describeShareCheck } from '../share/share-handlers.ts';
import { guardWriteTarget, type WriteIntent } from './guard-write-target.ts';
import { readLogo, readLogoFile, type Logo } from './workbook-logo.ts';
import { detailsOf, insertWorkbookRow, readWorkbookMeta, validDetails } from './workbook-store.ts';
import { workedExample } from './worked-example.ts';
import type { RolledFrom, WorkbookDetailsChanges } from '../../../shared/api/workbook.ts';

type WorkbookMethods = 'rollForwardWorkbook' | 'getWorkbookLogo' | 'setWorkbookLogo' | 'listForces' | 'createWorkbook' | 'openWorkbook' | 'closeWorkbook' | 'getWorkbook' | 'updateWorkbookDetails' | 'saveWorkbookCopy' | 'checkWorkbook' | 'listRecentWorkbooks' | 'forgetRecentWorkbook' | 'dumpWorkbook' | 'createWorkbookFromInterchange' | 'createWorkedExample';

export function workbookHandlers(ctx: AppContext): Pick<ApiHandlers, WorkbookMethods> {
  const { deps, sessions, recent, now, infoOf, rememberRecent, openSession } = ctx;
  const guard = (target: string, intent: WriteIntent) => guardWriteTarget(target, intent, { isOpenHere: (file) => sessions.isOpenHere(file), identity: deps.identity });
  const logoAnswer = (logo: Logo | null) => (logo ? { mediaType: logo.mediaType, width: logo.width, height: logo.height, dataUrl: `data:${logo.mediaType};base64,${logo.bytes.toString('base64')}` } : null);
  return {
    getWorkbookLogo: ({ handle }) => logoAnswer(readLogo(sessions.get(handle).db)),

    setWorkbookLogo: ({ handle, source }) => {
      sessions.writableOf(handle);
      const logo = source === null ? null : readLogoFile(path.resolve(source));
      const { effects } = ctx.write(handle, (db, change) => changeLogo(db, change, logo));
      return { logo: logoAnswer(logo), effects };
    },

    listForces: () => FORCES.map((force) => ({ id: force.id, name: force.name, policeUkName: force.policeUkName, neighbours: [...force.neighbours] })),

    createWorkbook: ({ path: file, details }) => {
      // createWorkbookFile never replaces a file (it links into place), so it needs no write guard.
      const absolute = path.resolve(file);
      const stamp = now();
      createWorkbookFile(absolute, (db) =>
        insertWorkbookRow(db, { id: deps.newId(), details: validDetails(details), appVersion: deps.appVersion, createdAt: stamp, modifiedAt: stamp }),
      ctx.temporaries);
      return openSession(absolute, false, false).info;
    },

    openWorkbook: ({ path: file, readOnly, takeOverLock }) => openSession(file, readOnly, takeOverLock),

    closeWorkbook: ({ handle }) => ({ closed: sessions.close(handle) }),

    getWorkbook: ({ handle }) => infoOf(sessions.get(handle)),

    updateWorkbookDetails: ({ handle, changes }) => {
      const { session, db } = sessions.writableOf(handle);
      const before = readWorkbookMeta(db);
      const merged = validDetails({ ...detailsOf(before), ...changes });
      const { result: changed, effects } = ctx.write(handle, (writable, change) => changeWorkbookDetails(writable, change, deps.appVersion, merged));
      const info = infoOf(session);
      // The recent list shows title and force; keep it current without an extra write per edit.
      if (changed && (merged.title !== before.title || merged.force !== before.force)) rememberRecent(info);
      return { ...info, effects };
    },

    saveWorkbookCopy: ({ handle, destination, overwrite }) => {
      const session = sessions.get(handle);
      const target = path.resolve(destination);
      guard(target, { content: 'workbook', sources: [session.realPath] });
      saveCopy(session.db, session.realPath, target, overwrite, undefined, ctx.temporaries);
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
          const values = checkValues(db);
          const problems = values.total > 0 ? [`"${path.basename(absolute)}" ${summariseValueCheck(values)}.`] : [];
          // A share copy whose content no longer matches its digest is not what it claims to be.
          const share = values.total === 0 ? describeShareCheck(db) : null;
          if (share && !share.verified) problems.push(`"${path.basename(absolute)}" is a ${share.message}.`);
          return { path: absolute, ok: problems.length === 0, schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION, appVersion: meta.appVersion, problems, values, share };
        } finally {
          db.close();
        }
      } catch (error) {
        const apiError = toApiError(error, deps.log);
        return { path: absolute, ok: false, schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION, appVersion: schemaVersion ? appVersionForSchema(schemaVersion) : null, problems: [apiError.message], values: null };
      }
    },

    listRecentWorkbooks: () => recent.list(),

    forgetRecentWorkbook: ({ path: file }) => ({ forgotten: recent.forget(file) }),

    dumpWorkbook: ({ path: file, destination, personal, replaceWorkbook }) => {
      const target = path.resolve(destination);
      // Checked before the workbook is read, and again just before writing (it may have been opened meanwhile).
      const intent: WriteIntent = { content: 'other', replaceWorkbook, sources: [path.resolve(file)] };
      guard(target, intent);
      const db = openReadOnly(path.resolve(file));
      try {
        // A dump of values the format cannot carry would be refused when read back: say so now.
        const values = checkValues(db);
        if (values.total > 0) throw new AppError('invalid-input', `"${path.basename(file)}" cannot be written as an interchange file: it ${summariseValueCheck(values)}. Open it to repair them, or run "ewb repair".`);
        if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
          throw new AppError('invalid-input', `${target} is a folder. Give the name of the JSON file to write.`, { destination: 'Give a file name' });
        }
        guard(target, intent);
        return { path: target, counts: writeInterchangeFile(db, target, { personal }).counts };
      } finally {
        db.close();
      }
    },

    createWorkbookFromInterchange: async ({ path: file, source, keepId, overrides }) => {
      await fromInterchange(path.resolve(file), path.resolve(source), keepId, overrides);
      return openSession(path.resolve(file), false, false).info;
    },

    // A new copy of the worked example, made current, built as any interchange file is.
    createWorkedExample: async ({ path: file }) => {
      const absolute = path.resolve(file);
      checkWorkbookDestination(absolute, false);
      const source = `${temporaryPathBeside(absolute)}.json`;
      const forget = ctx.temporaries.begin(source);
      try {
        fs.writeFileSync(source, JSON.stringify(workedExample(deps.clock())), { flag: 'wx' });
        await fromInterchange(absolute, source, false, {});
      } finally {
        removeQuietly(source);
        forget();
      }
      return openSession(absolute, false, false).info;
    },

    // The next period's workbook: the previous one written out in full (personal fields too: it is
    // the same force's own strategy) to a private interchange file, and built from it as any is.
    rollForwardWorkbook: async ({ path: file, destination, periodStart, periodEnd }) => {
      const absolute = path.resolve(destination);
      checkWorkbookDestination(absolute, false);
      const sourcePath = path.resolve(file);
      if (sourcePath === absolute) throw new AppError('invalid-input', 'The new workbook needs a name of its own: rolling forward never writes over the previous period’s workbook.', { destination: 'Choose a new file name' });
      const source = `${temporaryPathBeside(absolute)}.json`;
      const forget = ctx.temporaries.begin(source);
      try {
        const db = openReadOnly(sourcePath);
        let rolledFrom;
        try {
          const values = checkValues(db);
          if (values.total > 0) throw new AppError('invalid-input', `"${path.basename(file)}" cannot be rolled forward yet: it ${summariseValueCheck(values)}. Open it to repair them, or run "ewb repair".`);
          const meta = readWorkbookMeta(db);
          rolledFrom = { id: meta.id, title: meta.title, periodStart: meta.periodStart, periodEnd: meta.periodEnd };
          writeInterchangeFile(db, source, { personal: true });
        } finally {
          db.close();
        }
        await fromInterchange(absolute, source, false, { periodStart, periodEnd, reviewDate: null }, rolledFrom);
      } finally {
        removeQuietly(source);
        forget();
      }
      return openSession(absolute, false, false).info;
    },
  };

  // Read and built in a worker with a memory and a time limit: a hostile or huge file costs a
  // refusal, never the process, and other workbooks go on answering meanwhile.
  async function fromInterchange(absolute: string, from: string, keepId: boolean, overrides: WorkbookDetailsChanges, rolledFrom?: RolledFrom): Promise<void> {
    checkWorkbookDestination(absolute, false);
    const temporary = temporaryPathBeside(absolute);
    // Recorded while it exists, so one left by a kill is removed on the next start.
    const forget = ctx.temporaries.begin(temporary);
    try {
      await runFileWorker(
        { kind: 'interchange', source: from, destination: absolute, temporary, newId: deps.newId(), keepId, overrides, appVersion: deps.appVersion, ...(rolledFrom ? { rolledFrom } : {}) },
        { fileName: path.basename(from), advice: 'Make the file again with "ewb dump", or split the workbook.', bytes: fileSize(from) },
      );
    } finally {
      removeQuietly(temporary);
      removeQuietly(`${temporary}-journal`);
      forget();
    }
  }
}
