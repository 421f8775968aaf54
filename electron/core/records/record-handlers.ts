// The worksheet records' methods: list, create, edit, delete, and undo/redo across the workbook.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import { importAreaLookup } from './import-area-lookup.ts';
import type { AppContext } from '../app-context.ts';
import type { WriteDb } from '../db/open-database.ts';
import { detailsOf, readWorkbookMeta, updateWorkbookRow, validDetails } from '../workbook/workbook-store.ts';
import { writeCompletion } from '../gaps/section-completion.ts';
import { createRecord, deleteRecord, updateRecord } from './record-changes.ts';
import { listRecords } from './record-store.ts';
import { redoNext, undoLast, undoState, type SpecialAppliers } from './undo-redo.ts';

type RecordMethods = 'listRecords' | 'createRecord' | 'updateRecord' | 'deleteRecord' | 'getUndoState' | 'undo' | 'redo' | 'importAreaLookup';

export function specialAppliers(appVersion: string): SpecialAppliers {
  return {
    workbook(db: WriteDb, fields, at) {
      const details = validDetails({ ...detailsOf(readWorkbookMeta(db)), ...fields });
      updateWorkbookRow(db, details, appVersion, at);
    },
    section(db: WriteDb, section, completedAt) {
      writeCompletion(db, section, completedAt);
    },
  };
}

export function recordHandlers(ctx: AppContext): Pick<ApiHandlers, RecordMethods> {
  const { sessions } = ctx;
  const special = specialAppliers(ctx.deps.appVersion);
  return {
    listRecords: ({ handle, type }) => ({ records: listRecords(sessions.get(handle).db, type) }),

    createRecord: ({ handle, type, values }) => createRecord(sessions.writableOf(handle).db, ctx.changeContext(), type, values),

    updateRecord: ({ handle, type, id, changes }) => updateRecord(sessions.writableOf(handle).db, ctx.changeContext(), type, id, changes),

    deleteRecord: ({ handle, type, id }) => ({ deleted: deleteRecord(sessions.writableOf(handle).db, ctx.changeContext(), type, id) }),

    getUndoState: ({ handle }) => {
      const session = sessions.get(handle);
      return session.writable ? undoState(session.db) : { undoLabel: null, redoLabel: null };
    },

    undo: ({ handle }) => {
      const { db } = sessions.writableOf(handle);
      const change = undoLast(db, ctx.now(), special);
      return { change, ...undoState(db) };
    },

    importAreaLookup: ({ handle, source }) => importAreaLookup(() => sessions.writableOf(handle).db, ctx.changeContext(), path.resolve(source)),

    redo: ({ handle }) => {
      const { db } = sessions.writableOf(handle);
      const change = redoNext(db, ctx.now(), special);
      return { change, ...undoState(db) };
    },
  };
}
