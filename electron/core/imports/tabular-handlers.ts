// The column-mapping methods: a preview of any CSV or XLSX (allowed on a read-only workbook, since
// it changes nothing), and importing a mapped table of figures per area as a census table.
// `options` lets tests shrink the reading worker's limits.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { TabularPreview } from '../../../shared/api/tabular.ts';
import type { AppContext } from '../app-context.ts';
import { importMappedTable } from './import-mapped-table.ts';
import { readTabular, type ReadTabularOptions } from './read-tabular.ts';

type TabularMethods = 'previewTabularFile' | 'importMappedTable';

export type TabularHandlerOptions = Pick<ReadTabularOptions, 'limits' | 'zipLimits'>;

export function tabularHandlers(ctx: AppContext, options: TabularHandlerOptions = {}): Pick<ApiHandlers, TabularMethods> {
  const { sessions } = ctx;
  return {
    previewTabularFile: async ({ handle, source }): Promise<TabularPreview> => {
      sessions.get(handle);
      const data = await readTabular(path.resolve(source), { ...options, mode: 'preview' });
      return {
        kind: data.kind,
        fileName: data.fileName,
        sheets: data.sheets.map(({ name, columns, rows, rowCount }) => ({ name, columns, rows, rowCount })),
      };
    },

    importMappedTable: (request) =>
      ctx.jobs.run(request.jobId, async (report) => {
        report({ stage: 'Reading the file', done: 0, total: 0 });
        const { result, effects } = await ctx.writeAsync(request.handle, (writable, change) => importMappedTable(writable, change, request, options));
        return { ...result, effects };
      }),
  };
}
