// The census methods. Importing lives in import-census.ts (reading the file in parse-census-csv.ts),
// listing and removing tables in census-store.ts; the per-area view, evidence links and settings
// are in evidence-link-handlers.ts.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../app-error.ts';
import { deleteCensusTable, getCensusTable, listCensusFigures, listCensusTables } from './census-store.ts';
import { importCensus } from './import-census.ts';
import { pageCensusFigures, refuseTooManyFigures } from './census-figures.ts';

type EvidenceMethods = 'importCensus' | 'listCensusTables' | 'deleteCensusTable' | 'listCensusFigures';

export function evidenceHandlers(ctx: AppContext): Pick<ApiHandlers, EvidenceMethods> {
  const { sessions } = ctx;
  return {
    importCensus: ({ handle, source, tableCode, jobId }) => ctx.jobs.run(jobId, (report) => importCensus(() => sessions.writableOf(handle).db, ctx.changeContext(), path.resolve(source), tableCode, report)),

    listCensusTables: ({ handle }) => listCensusTables(sessions.get(handle).db),

    deleteCensusTable: ({ handle, tableId }) => ({ deleted: deleteCensusTable(sessions.writableOf(handle).db, tableId) }),

    listCensusFigures: ({ handle, tableId, after, limit }) => {
      const { db } = sessions.get(handle);
      if (tableId !== undefined && !getCensusTable(db, tableId)) throw new AppError('not-found', 'That census table is no longer in the workbook: it may have been removed.');
      if (tableId !== undefined && limit !== undefined) return pageCensusFigures(db, tableId, after ?? null, limit);
      refuseTooManyFigures(db, tableId);
      return listCensusFigures(db, tableId);
    },
  };
}
