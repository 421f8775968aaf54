// The census methods. Importing lives in import-census.ts (reading the file in parse-census-csv.ts),
// storing and removing tables as changes in census-changes.ts, reading them in census-store.ts; the
// per-area view, evidence links and settings are in evidence-link-handlers.ts.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../app-error.ts';
import { statement } from '../db/statements.ts';
import { removeCensusTable } from './census-changes.ts';
import { listCensusFigures, listCensusTables } from './census-store.ts';
import { importCensus } from './import-census.ts';
import { pageCensusFigures, refuseTooManyFigures } from './census-figures.ts';

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

    listCensusFigures: ({ handle, tableId, after, limit }) => {
      const { db } = sessions.get(handle);
      // Asked for once a page: only whether the table is there (its full description counts every geography).
      if (tableId !== undefined && !statement(db, 'SELECT 1 FROM census_table WHERE id = ?').get(tableId)) throw new AppError('not-found', 'That census table is no longer in the workbook: it may have been removed.');
      if (tableId !== undefined && limit !== undefined) return pageCensusFigures(db, tableId, after ?? null, limit);
      refuseTooManyFigures(db, tableId);
      return listCensusFigures(db, tableId);
    },
  };
}
