// The crime methods: importing police.uk files (import-crime.ts), and reading the counts by LSOA,
// by area and as each area's monthly picture with its trends (crime-rollup.ts).
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { importCrime } from './import-crime.ts';
import { areaCrime, crimeSummary, listAreaCounts, pageLsoaCounts } from './crime-rollup.ts';
import { linkCrimeTrend, listCrimeTrendLinks, unlinkCrimeTrend } from './crime-trend-links.ts';

type CrimeMethods = 'importCrime' | 'getCrimeSummary' | 'getAreaCrime' | 'listLsoaCrimeCounts' | 'listAreaCrimeCounts' | 'listCrimeTrendLinks' | 'linkCrimeTrend' | 'unlinkCrimeTrend';

export function crimeHandlers(ctx: AppContext): Pick<ApiHandlers, CrimeMethods> {
  const { sessions } = ctx;
  return {
    importCrime: ({ handle, sources, jobId }) =>
      ctx.jobs.run(jobId, async (report, signal) => {
        const { result, effects } = await ctx.writeAsync(handle, (writable, change) => importCrime(writable, change, sources.map((source) => path.resolve(source)), { report, signal }));
        return { ...result, effects };
      }),
    getCrimeSummary: ({ handle }) => crimeSummary(sessions.get(handle).db),
    getAreaCrime: ({ handle, areaId }) => areaCrime(sessions.get(handle).db, areaId),
    listLsoaCrimeCounts: ({ handle, afterLsoa, lsoaLimit }) => pageLsoaCounts(sessions.get(handle).db, afterLsoa ?? null, lsoaLimit),
    listAreaCrimeCounts: ({ handle }) => listAreaCounts(sessions.get(handle).db),
    listCrimeTrendLinks: ({ handle }) => listCrimeTrendLinks(sessions.get(handle).db),
    linkCrimeTrend: ({ handle, ...citation }) => {
      const { result, effects } = ctx.write(handle, (db, change) => linkCrimeTrend(db, change, citation));
      return { ...result, effects };
    },
    unlinkCrimeTrend: ({ handle, id }) => {
      const { result, effects } = ctx.write(handle, (db, change) => unlinkCrimeTrend(db, change, id));
      return { unlinked: result, effects };
    },
  };
}
