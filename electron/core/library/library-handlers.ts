// The practice library's methods: add other forces' workbooks (each checked as untrusted input, each
// added as one undoable change), list and remove entries, compare practice between forces, count
// practice by depth for the chart, and adopt or adapt a practice into our own what-works.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { LibraryEntrySummary } from '../../../shared/api/library.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { AppContext } from '../app-context.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { addToLibrary, removeFromLibrary } from './library-changes.ts';
import { listLibraryEntries } from './library-store.ts';
import type { LibrarySource } from './read-library-source.ts';
import { runFileWorker } from '../workers/run-file-worker.ts';
import { fileSize } from '../evidence/import-census.ts';
import { comparePractice, countPracticeByDepth, groupOf } from './compare-practice.ts';
import { adoptPractice } from './adopt-practice.ts';
import type { ReadDb } from '../db/open-database.ts';

type LibraryMethods = 'addToLibrary' | 'listLibrary' | 'removeFromLibrary' | 'comparePractice' | 'countPracticeByDepth' | 'adoptPractice';

export function listLibrary(db: ReadDb): LibraryEntrySummary[] {
  const ours = readWorkbookMeta(db).force;
  return listLibraryEntries(db).map((entry) => ({ ...entry, forceName: forceById(entry.force)?.name ?? entry.force, neighbour: groupOf(ours, entry.force) === 'neighbour' }) as LibraryEntrySummary);
}

export function libraryHandlers(ctx: AppContext): Pick<ApiHandlers, LibraryMethods> {
  const { sessions } = ctx;
  return {
    addToLibrary: async ({ handle, paths }) => {
      sessions.writableOf(handle);
      // Every file is checked before any is added: one bad file refuses them all, the workbook unchanged.
      // Each is read in a worker with a memory and a time limit (a small one here), so a huge or
      // hostile file costs a refusal and the app goes on answering meanwhile.
      const sources: LibrarySource[] = [];
      for (const file of paths) {
        sources.push(await runFileWorker({ kind: 'library', file: path.resolve(file) }, { fileName: path.basename(file), advice: 'Ask for a share copy, which holds less.', bytes: fileSize(file) }));
      }
      const { result, effects } = ctx.write(handle, (db, change) => sources.map((source) => ({ fileName: source.fileName, ...addToLibrary(db, change, source) })));
      return { added: result, effects };
    },

    listLibrary: ({ handle }) => listLibrary(sessions.get(handle).db),

    removeFromLibrary: ({ handle, entryId }) => {
      const { result, effects } = ctx.write(handle, (db, change) => removeFromLibrary(db, change, entryId));
      return { removed: result, effects };
    },

    comparePractice: ({ handle, query }) => comparePractice(sessions.get(handle).db, query),

    countPracticeByDepth: ({ handle }) => countPracticeByDepth(sessions.get(handle).db),

    adoptPractice: ({ handle, entryId, practiceId, verdict }) => {
      const { result, effects } = ctx.write(handle, (db, change) => adoptPractice(db, change, entryId, practiceId, verdict));
      return { ...result, effects };
    },
  };
}
