// A crime import (one file, or many from a folder or zip) as one change, so one Undo takes it all
// back out: each file's force-months are written inside the import's transaction (a slice of counts
// per turn of the event loop), each replacing the same force's month imported before, which is kept
// aside in the stash tables so Undo puts it back. The log entry holds only the files' names and their
// force-months; the counts never pass through the log.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { ChangeDraft, Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { deleteCrimeBatch, findCrimeBatchId, insertCrimeBatchInTurns } from './crime-store.ts';
import { dropCrimeStash, restoreCrimeStash, stashCrimeBatch } from './crime-stash.ts';
import type { CrimeFileRead } from './read-street-crime.ts';
import { cancelled } from './read-street-crime.ts';
import { forceById } from '../../../shared/domain/forces.ts';

interface ForceMonth extends Values {
  forceId: string;
  month: string;
}

/** What the log keeps of a crime import: small, whatever the files' size. */
interface ImportSide extends Values {
  /** The file imported, or the first of several. */
  fileName: string;
  /** Every file imported (entries written before imports of many files became one change lack it). */
  files?: string[];
  rows: number;
  forceMonths: ForceMonth[];
  /** The force-months among them that replaced imports made before this change. */
  replaced: ForceMonth[];
}

export interface StoredCrimeFile {
  batches: Array<{ forceId: string; month: string; replaced: boolean }>;
}

/** What an import has written so far within its change. */
export class CrimeImportLog {
  private readonly files: string[] = [];
  private rows = 0;
  private readonly forceMonths = new Map<string, ForceMonth>();
  private readonly replaced = new Map<string, ForceMonth>();
  /** Batches written by this change: one replaced again within it (the same month twice) needs no stash. */
  private readonly writtenHere = new Set<string>();

  private readonly change: { id: string; at: string };

  constructor(change: { id: string; at: string }) {
    this.change = change;
  }

  /**
   * Writes a file's force-months. Run inside a savepoint: if it throws, the caller rolls the file
   * back, and the log (which takes note only once the whole file is written) says nothing of it.
   */
  async store(db: WriteDb, newId: () => string, read: CrimeFileRead, signal?: AbortSignal): Promise<StoredCrimeFile> {
    const stored: StoredCrimeFile = { batches: [] };
    const added: string[] = [];
    const replaced: string[] = [];
    const written: string[] = [];
    for (const batch of read.batches) {
      if (signal?.aborted) throw cancelled(read.fileName);
      const key = `${batch.forceId} ${batch.month}`;
      const earlier = findCrimeBatchId(db, batch.forceId, batch.month);
      const replacedBefore = earlier !== null && !this.writtenHere.has(earlier);
      if (earlier !== null) {
        if (replacedBefore) stashCrimeBatch(db, earlier, this.change.id, 'undo');
        deleteCrimeBatch(db, earlier);
      }
      const batchId = newId();
      await insertCrimeBatchInTurns(db, batchId, this.change.at, read.fileName, read, batch, signal);
      written.push(batchId);
      if (!this.forceMonths.has(key)) added.push(key);
      if (replacedBefore && !this.replaced.has(key)) replaced.push(key);
      stored.batches.push({ forceId: batch.forceId, month: batch.month, replaced: earlier !== null });
    }
    if (signal?.aborted) throw cancelled(read.fileName);
    for (const key of added) this.forceMonths.set(key, toForceMonth(key));
    for (const key of replaced) this.replaced.set(key, toForceMonth(key));
    for (const id of written) this.writtenHere.add(id);
    if (read.batches.length > 0) {
      this.files.push(read.fileName);
      this.rows += read.rows;
    }
    return stored;
  }

  /** The log entry's draft, or null when nothing was written. */
  draft(): ChangeDraft | null {
    const [first] = this.files;
    if (first === undefined) return null;
    const side: ImportSide = { fileName: first, files: [...this.files], rows: this.rows, forceMonths: [...this.forceMonths.values()], replaced: [...this.replaced.values()] };
    return { kind: 'crimeImport', recordId: this.change.id, action: this.replaced.size > 0 ? 'update' : 'create', before: null, after: side };
  }
}

function toForceMonth(key: string): ForceMonth {
  const [forceId = '', month = ''] = key.split(' ');
  return { forceId, month };
}

function sideOf(entry: { after: Values | null; before: Values | null }): ImportSide {
  return (entry.after ?? entry.before) as unknown as ImportSide;
}

function describeImport(_db: ReadDb, entry: { after: Values | null; before: Values | null; action: string }): string {
  const side = sideOf(entry);
  const months = side.forceMonths ?? [];
  const first = months[0];
  const force = first ? (forceById(first.forceId)?.name ?? first.forceId) : '';
  const which = months.length === 1 && first ? ` (${force}, ${first.month})` : months.length > 1 ? ` (${months.length} force-months)` : '';
  const files = side.files ?? [side.fileName];
  const from = files.length > 1 ? `${files.length} files (“${side.fileName}” and others)` : `“${side.fileName}”`;
  return `importing crime from ${from}${which}${entry.action === 'update' ? ', replacing the months imported before' : ''}`;
}

export const crimeImportChangeHandler: ChangeHandler = plainHandler({
  describe: describeImport,
  /**
   * Back: the file's force-months are set aside for redo and whatever they replaced is put back.
   * Forward: the reverse. Either way what is live for those force-months is stashed first.
   */
  apply(db, entry, direction) {
    const keep = direction === 'back' ? 'redo' : 'undo';
    for (const { forceId, month } of sideOf(entry).forceMonths) {
      const live = findCrimeBatchId(db, forceId, month);
      if (live === null) continue;
      stashCrimeBatch(db, live, entry.id, keep);
      deleteCrimeBatch(db, live);
    }
    restoreCrimeStash(db, entry.id, direction === 'back' ? 'undo' : 'redo');
  },
  footprint: () => [{ kind: 'crimeImport', id: null, fields: null }],
  dropSideData: (db, entry) => dropCrimeStash(db, entry.id),
});
