// Importing (or importing again) and removing a census table, as changes: each is one step of undo,
// its rows kept for undo and redo in the stash tables, never in the log. The change's handler says
// how each is undone and redone.
import type { ImportCensusResult } from '../../../shared/api/census.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, writeChangeInTurns, type ChangeContext } from '../changes/write-change.ts';
import { findCensusTableId, getCensusTable, writeCensusTable, writeCensusTableInTurns, type CensusTableData } from './census-store.ts';
import { dropCensusStash, removeLiveCensusTable, restoreCensusTable, stashCensusTable, stashCensusTableInTurns } from './census-stash.ts';

interface TableSummary extends Values {
  code: string;
  title: string;
  geographyLevel: string;
}

function summaryOf(db: ReadDb, tableId: string): TableSummary | null {
  const row = db.prepare('SELECT code, title, geography_level AS geographyLevel FROM census_table WHERE id = ?').get(tableId) as TableSummary | undefined;
  return row ? { ...row } : null;
}

/**
 * Writes a table (replacing the same code at the same level, under the same id) as one change.
 * Census and mapped imports both store through this.
 */
export function storeCensusTable(db: WriteDb, ctx: ChangeContext, data: CensusTableData): ImportCensusResult {
  const { result } = writeChange(db, ctx, ({ id: changeId, at }) => {
    const earlier = findCensusTableId(db, data.code, data.geographyLevel);
    const before = earlier === null ? null : summaryOf(db, earlier);
    const tableId = earlier ?? ctx.newId();
    // What is replaced is kept aside, so undo can put it back.
    if (earlier !== null) stashCensusTable(db, earlier, changeId, 'undo', false);
    writeCensusTable(db, tableId, at, data);
    const after: TableSummary = { code: data.code, title: data.title, geographyLevel: data.geographyLevel, source: data.source, fileName: data.fileName };
    return { result: { tableId, replaced: earlier !== null }, change: { kind: 'censusTable', recordId: tableId, action: earlier === null ? 'create' : 'update', before, after } };
  });
  const table = getCensusTable(db, result.tableId);
  if (!table) throw new AppError('internal', `The table ${data.code} was written but could not be read back.`);
  return { table, replaced: result.replaced, rows: data.geographies.length };
}

/**
 * The same for an import: a large table is written a slice at a time, with turns of the event loop
 * between, so the app goes on answering other workbooks while it is saved (this workbook's other
 * writes wait, refused with a message, until it is done).
 */
export async function storeCensusTableInTurns(db: WriteDb, ctx: ChangeContext, data: CensusTableData): Promise<ImportCensusResult> {
  const { result } = await writeChangeInTurns(db, ctx, async ({ id: changeId, at }) => {
    const earlier = findCensusTableId(db, data.code, data.geographyLevel);
    const before = earlier === null ? null : summaryOf(db, earlier);
    const tableId = earlier ?? ctx.newId();
    if (earlier !== null) await stashCensusTableInTurns(db, earlier, changeId, 'undo', false);
    await writeCensusTableInTurns(db, tableId, at, data);
    const after: TableSummary = { code: data.code, title: data.title, geographyLevel: data.geographyLevel, source: data.source, fileName: data.fileName };
    return { result: { tableId, replaced: earlier !== null }, change: { kind: 'censusTable', recordId: tableId, action: earlier === null ? 'create' : 'update', before, after } };
  });
  const table = getCensusTable(db, result.tableId);
  if (!table) throw new AppError('internal', `The table ${data.code} was written but could not be read back.`);
  return { table, replaced: result.replaced, rows: data.geographies.length };
}

/** Removes a table, its figures and the evidence links citing it, as one undoable change. */
export function removeCensusTable(db: WriteDb, ctx: ChangeContext, tableId: string): boolean {
  return writeChange(db, ctx, ({ id: changeId }) => {
    const before = summaryOf(db, tableId);
    if (!before) return { result: false, change: null };
    stashCensusTable(db, tableId, changeId, 'undo', true);
    removeLiveCensusTable(db, tableId);
    return { result: true, change: { kind: 'censusTable', recordId: tableId, action: 'delete', before, after: null } };
  }).result;
}

export const censusChangeHandler: ChangeHandler = plainHandler({
  describe(_db, entry) {
    const code = String((entry.after ?? entry.before)?.code ?? '');
    if (entry.action === 'delete') return `removing census table ${code}`.trim();
    return `importing census table ${code}${entry.action === 'update' ? ' again' : ''}`.trim();
  },
  apply(db, entry, direction) {
    const tableId = entry.recordId;
    if (entry.action === 'create') {
      if (direction === 'back') {
        stashCensusTable(db, tableId, entry.id, 'redo', true);
        removeLiveCensusTable(db, tableId);
      } else restoreCensusTable(db, entry.id, 'redo');
    } else if (entry.action === 'update') {
      const keep = direction === 'back' ? 'redo' : 'undo';
      stashCensusTable(db, tableId, entry.id, keep, false);
      restoreCensusTable(db, entry.id, direction === 'back' ? 'undo' : 'redo');
    } else if (direction === 'back') {
      restoreCensusTable(db, entry.id, 'undo');
    } else {
      stashCensusTable(db, tableId, entry.id, 'undo', true);
      removeLiveCensusTable(db, tableId);
    }
  },
  footprint: (entry) => [{ kind: 'censusTable', id: entry.recordId, fields: null }],
  dropSideData: (db, entry) => dropCensusStash(db, entry.id),
});
