// Fills in the LSOAs each area contains from an ONS lookup CSV (e.g. LSOA21CD, LSOA21NM, WD22CD,
// WD22NM, …): the LSOA column is found by its header, and the area column is whichever column's
// values match the workbook's areas (by ONS code or by name) most often. One undoable change.
import path from 'node:path';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeDraft } from '../changes/change-log.ts';
import { batchChange } from '../changes/change-handlers.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { listRecords, updateRecordFields } from './record-store.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { fileSize } from '../evidence/import-census.ts';
import { runFileWorker, type WorkerLimits } from '../workers/run-file-worker.ts';

export const MAX_LOOKUP_BYTES = LIMITS.lookupCsvBytes;

export interface LookupResult {
  lsoaColumn: string;
  areaColumn: string;
  matchedAreas: number;
  addedCodes: number;
  unmatchedAreas: string[];
}

/**
 * Reads the lookup in a worker (memory and time limits; the app answers meanwhile), then writes
 * the LSOAs it found as one undoable change. `writable` gives the workbook's connection: asked for
 * before the file is read and again after, in case the workbook was closed meanwhile.
 */
export async function importAreaLookup(writable: () => WriteDb, ctx: ChangeContext, file: string, limits?: Partial<WorkerLimits>): Promise<LookupResult> {
  const name = path.basename(file);
  const areas = listRecords(writable(), 'area');
  if (areas.length === 0) throw new AppError('invalid-input', 'Add your areas first (with their ONS codes or names as the lookup spells them); then their LSOAs can be filled in from the lookup.');
  const found = await runFileWorker(
    { kind: 'lookup', file, areas: areas.map((a) => ({ id: a.id, onsCode: String(a.onsCode ?? ''), name: String(a.name) })) },
    { fileName: name, advice: "Save only the rows for your force's areas into a new file, and use that.", bytes: fileSize(file), ...(limits ? { limits } : {}) },
  );
  if (found.areaColumn === null) {
    throw new AppError('invalid-input', `None of your areas' ONS codes or names appear in "${name}". Check the areas' ONS codes (for example E05009317 for a ward) match the lookup's.`);
  }
  const best = { pairs: new Map(found.pairs) };
  const db = writable();
  const now = new Map(listRecords(db, 'area').map((a) => [a.id, a]));
  let added = 0;
  writeChange(db, ctx, ({ at }) => {
    const parts: ChangeDraft[] = [];
    for (const area of areas) {
      const incoming = best.pairs.get(area.id);
      const current = now.get(area.id);
      if (!incoming || !current) continue;
      const before = (current.lsoaCodes as string[]) ?? [];
      const after = [...new Set([...before, ...incoming])];
      if (after.length === before.length) continue;
      if (after.length > LIMITS.interchangeItemsPerList) {
        throw new AppError('invalid-input', `"${name}" would give the area "${String(current.name)}" ${formatCount(after.length)} LSOAs; an area holds at most ${formatCount(LIMITS.interchangeItemsPerList)}. Check the lookup's area column is the one you meant. Nothing was changed.`);
      }
      added += after.length - before.length;
      updateRecordFields(db, 'area', area.id, { lsoaCodes: after }, at);
      parts.push({ kind: 'area', recordId: area.id, action: 'update', before: { lsoaCodes: before, updatedAt: current.updatedAt }, after: { lsoaCodes: after, updatedAt: at } });
    }
    if (parts.length === 0) return { result: null, change: null };
    return { result: null, change: batchChange(ctx.newId(), `importing LSOAs for ${parts.length} area${parts.length === 1 ? '' : 's'} from ${name}`, parts) };
  });
  return {
    lsoaColumn: found.lsoaColumn,
    areaColumn: found.areaColumn,
    matchedAreas: best.pairs.size,
    addedCodes: added,
    unmatchedAreas: areas.filter((a) => !best.pairs.has(a.id)).map((a) => String(a.name)),
  };
}
