// Adding a workbook to the practice library and removing one, as changes: each is one step of undo.
// A newer copy of the same workbook (same id) replaces the older entry; the entry a change hides is
// kept (not live) until the change can no longer be undone, so undo and redo only switch which is live.
import { forceById } from '../../../shared/domain/forces.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { countLiveEntries, dropEntriesHiddenBy, getLibraryEntry, hideLibraryEntry, insertLibraryEntry, liveEntryOfWorkbook, showLibraryEntry } from './library-store.ts';
import type { LibrarySource } from './read-library-source.ts';

interface EntrySummary extends Values {
  entryId: string;
  workbookId: string;
  force: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  practices: number;
}

export interface AddedToLibrary {
  entryId: string;
  /** The entry of the same workbook it replaced, if any. */
  replaced: string | null;
  practices: number;
}

function summaryOf(entryId: string, source: { workbookId: string; force: string; title: string; periodStart: string | null; periodEnd: string | null }, practices: number): EntrySummary {
  return { entryId, workbookId: source.workbookId, force: source.force, title: source.title, periodStart: source.periodStart, periodEnd: source.periodEnd, practices };
}

/** Copies a checked source's practices into the library as one change; the same workbook replaces its older entry. */
export function addToLibrary(db: WriteDb, ctx: ChangeContext, source: LibrarySource): AddedToLibrary {
  const ours = readWorkbookMeta(db);
  if (ours.id === source.workbookId) throw new AppError('invalid-input', `"${source.fileName}" is this workbook itself (or a copy of it): the library holds other forces' practice. Nothing was added.`);
  return writeChange(db, ctx, ({ id: changeId, at }) => {
    const earlier = liveEntryOfWorkbook(db, source.workbookId);
    if (earlier === null && countLiveEntries(db) >= LIMITS.libraryEntries) {
      throw new AppError('invalid-input', `The library already holds ${formatCount(LIMITS.libraryEntries)} workbooks, the most it can. Remove some before adding more.`);
    }
    const older = earlier === null ? null : getLibraryEntry(db, earlier);
    const before = older === null ? null : summaryOf(older.id, older, older.practices);
    if (earlier !== null) hideLibraryEntry(db, earlier, changeId);
    // A fresh id each time: the older entry stays beside it (hidden) while this change can be undone.
    const entryId = ctx.newId();
    insertLibraryEntry(db, { id: entryId, workbookId: source.workbookId, force: source.force, title: source.title, periodStart: source.periodStart, periodEnd: source.periodEnd, sourceKind: source.sourceKind, sharedAt: source.sharedAt, fileName: source.fileName, addedAt: at }, source.practices);
    const after = { ...summaryOf(entryId, source, source.practices.length), replacedEntryId: earlier };
    return { result: { entryId, replaced: earlier, practices: source.practices.length }, change: { kind: 'libraryEntry', recordId: entryId, action: earlier === null ? 'create' : 'update', before, after } };
  }).result;
}

/** Takes an entry out of the library as one change (undo puts it back). */
export function removeFromLibrary(db: WriteDb, ctx: ChangeContext, entryId: string): boolean {
  return writeChange(db, ctx, ({ id: changeId }) => {
    const entry = getLibraryEntry(db, entryId);
    if (!entry || entry.live !== 1) return { result: false, change: null };
    hideLibraryEntry(db, entryId, changeId);
    return { result: true, change: { kind: 'libraryEntry', recordId: entryId, action: 'delete', before: summaryOf(entryId, entry, entry.practices), after: null } };
  }).result;
}

function forceName(force: unknown): string {
  return forceById(String(force))?.name ?? String(force);
}

export const libraryChangeHandler: ChangeHandler = plainHandler({
  describe(_db, entry) {
    const side = entry.after ?? entry.before;
    const what = `${forceName(side?.force)}'s workbook “${String(side?.title ?? '')}”`;
    if (entry.action === 'delete') return `removing ${what} from the practice library`;
    return `adding ${what} to the practice library${entry.action === 'update' ? ' (replacing its older copy)' : ''}`;
  },
  apply(db, entry, direction) {
    if (entry.action === 'delete') {
      if (direction === 'back') showLibraryEntry(db, entry.recordId);
      else hideLibraryEntry(db, entry.recordId, entry.id);
      return;
    }
    const replaced = typeof entry.after?.replacedEntryId === 'string' ? entry.after.replacedEntryId : null;
    // Hide before showing: one live entry per workbook at every moment.
    if (direction === 'back') {
      hideLibraryEntry(db, entry.recordId, entry.id);
      if (replaced) showLibraryEntry(db, replaced);
    } else {
      if (replaced) hideLibraryEntry(db, replaced, entry.id);
      showLibraryEntry(db, entry.recordId);
    }
  },
  footprint: (entry) => [{ kind: 'libraryEntry', id: entry.recordId, fields: null }],
  dropSideData: (db, entry) => dropEntriesHiddenBy(db, entry.id),
});
