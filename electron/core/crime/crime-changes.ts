// A crime file imported as one change: its force-months written in one transaction (a slice of counts
// per turn of the event loop), each replacing the same force's month imported before, which is kept
// aside in the stash tables so Undo puts it back. The log entry holds only the file's name and its
// force-months; the counts never pass through the log.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChangeInTurns, type ChangeContext } from '../changes/write-change.ts';
import { deleteCrimeBatch, findCrimeBatchId, insertCrimeBatchInTurns } from './crime-store.ts';
import { dropCrimeStash, restoreCrimeStash, stashCrimeBatch } from './crime-stash.ts';
import type { CrimeFileRead } from './read-street-crime.ts';
import { cancelled } from './read-street-crime.ts';
import { forceById } from '../../../shared/domain/forces.ts';

interface ForceMonth extends Values {
  forceId: string;
  month: string;
}

/** What the log keeps of a crime import: small, whatever the file's size. */
interface ImportSide extends Values {
  fileName: string;
  rows: number;
  forceMonths: ForceMonth[];
  /** The force-months among them that replaced earlier imports. */
  replaced: ForceMonth[];
}

export interface StoredCrimeFile {
  batches: Array<{ forceId: string; month: string; replaced: boolean }>;
}

/** Writes a file's force-months as one change (committed, or rolled back whole if cancelled or failed). */
export async function storeCrimeFile(db: WriteDb, ctx: ChangeContext, read: CrimeFileRead, signal?: AbortSignal): Promise<StoredCrimeFile> {
  const { result } = await writeChangeInTurns(db, ctx, async ({ id: changeId, at }) => {
    const stored: StoredCrimeFile = { batches: [] };
    const replaced: ForceMonth[] = [];
    for (const batch of read.batches) {
      if (signal?.aborted) throw cancelled(read.fileName);
      const earlier = findCrimeBatchId(db, batch.forceId, batch.month);
      if (earlier !== null) {
        stashCrimeBatch(db, earlier, changeId, 'undo');
        deleteCrimeBatch(db, earlier);
        replaced.push({ forceId: batch.forceId, month: batch.month });
      }
      await insertCrimeBatchInTurns(db, ctx.newId(), at, read.fileName, read, batch, signal);
      stored.batches.push({ forceId: batch.forceId, month: batch.month, replaced: earlier !== null });
    }
    if (signal?.aborted) throw cancelled(read.fileName);
    if (read.batches.length === 0) return { result: stored, change: null };
    const side: ImportSide = { fileName: read.fileName, rows: read.rows, forceMonths: read.batches.map((b) => ({ forceId: b.forceId, month: b.month })), replaced };
    return { result: stored, change: { kind: 'crimeImport', recordId: changeId, action: replaced.length > 0 ? 'update' : 'create', before: null, after: side } };
  });
  return result;
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
  return `importing crime from “${side.fileName}”${which}${entry.action === 'update' ? ', replacing the months imported before' : ''}`;
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
