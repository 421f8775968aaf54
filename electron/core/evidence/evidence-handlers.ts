// The census methods. Importing lives in import-census.ts (reading the file in parse-census-csv.ts),
// storing and removing tables as changes in census-changes.ts, reading them in census-store.ts; the
// per-area view, evidence links and settings are in evidence-link-handlers.ts.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../app-error.ts';
import { removeCensusTable } from './census-changes.ts';
import { getCensusTable, listCensusFigures, listCensusTables } from './census-store.ts';
import { importCensus } from './import-census.ts';

type EvidenceMethods = 'importCensus' | 'listCensusTables' | 'deleteCensusTable' | 'listCensusFigures';

export function evidenceHandlers(ctx: AppContext): Pick<ApiHandlers, EvidenceMethods> {
  const { sessions } = ctx;
  return {
    importCensus: ({ handle, source, tableCode, jobId }) =>
      ctx.jobs.run(jobId, async (report) => {
        const { result, effects } = await ctx.writeAsync(handle, (writable, change) => importCensus(writable, change, path.resolve(source), tableCode, report));
        return { ...result, effects };
      }),

    listCensusTables: ({ handle }) => listCensusTables(sessions.get(handle).db),

    deleteCensusTable: ({ handle, tableId }) => {
      const { result, effects } = ctx.write(handle, (db, change) => removeCensusTable(db, change, tableId));
      return { deleted: result, effects };
    },

    listCensusFigures: ({ handle, tableId }) => {
      const { db } = sessions.get(handle);
      if (tableId !== undefined && !getCensusTable(db, tableId)) throw new AppError('not-found', 'That census table is no longer in the workbook: it may have been removed.');
      return listCensusFigures(db, tableId);
    },
  };
}
