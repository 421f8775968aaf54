// The worksheet records' methods: list, create, edit, delete, and undo/redo across the workbook.
// Every write answers with what it wrote and, beside it, its effects on gaps, sections and undo.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { ChangeSummary } from '../../../shared/api/records.ts';
import { importAreaLookup } from './import-area-lookup.ts';
import type { AppContext } from '../app-context.ts';
import { redoNext, undoLast, undoState, type UndoStep } from '../changes/undo-redo.ts';
import { createRecord, deleteRecord, updateRecord } from './record-changes.ts';
import { listRecords } from './record-store.ts';

type RecordMethods = 'listRecords' | 'createRecord' | 'updateRecord' | 'deleteRecord' | 'getUndoState' | 'undo' | 'redo' | 'importAreaLookup';

function summary(step: UndoStep | null): ChangeSummary | null {
  return step ? { recordType: step.entry.kind, recordId: step.entry.recordId, action: step.entry.action, description: step.description } : null;
}

export function recordHandlers(ctx: AppContext): Pick<ApiHandlers, RecordMethods> {
  const { sessions } = ctx;
  const appVersion = ctx.deps.appVersion;

  function step(handle: string, which: 'undo' | 'redo') {
    const { session, db } = sessions.writableOf(handle);
    const done = (which === 'undo' ? undoLast : redoNext)(db, ctx.changeContext(), appVersion);
    const effects = ctx.effectsOf(session, done ? [done.entry] : []);
    return { change: summary(done), ...effects.undo, effects };
  }

  return {
    listRecords: ({ handle, type }) => ({ records: listRecords(sessions.get(handle).db, type) }),

    createRecord: ({ handle, type, values }) => {
      const { result, effects } = ctx.write(handle, (db, change) => createRecord(db, change, type, values));
      return { ...result, effects };
    },

    updateRecord: ({ handle, type, id, changes }) => {
      const { result, effects } = ctx.write(handle, (db, change) => updateRecord(db, change, type, id, changes));
      return { ...result, effects };
    },

    deleteRecord: ({ handle, type, id }) => {
      const { result, effects } = ctx.write(handle, (db, change) => deleteRecord(db, change, type, id));
      return { deleted: result, effects };
    },

    getUndoState: ({ handle }) => {
      const session = sessions.get(handle);
      return session.writable ? undoState(session.db) : { undoLabel: null, redoLabel: null };
    },

    undo: ({ handle }) => step(handle, 'undo'),

    redo: ({ handle }) => step(handle, 'redo'),

    importAreaLookup: async ({ handle, source }) => {
      const { result, effects } = await ctx.writeAsync(handle, (writable, change) => importAreaLookup(writable, change, path.resolve(source)));
      return { ...result, effects };
    },
  };
}
