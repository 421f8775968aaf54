// The column-mapping methods: a preview of any CSV or XLSX (allowed on a read-only workbook, since
// it changes nothing), and importing a mapped table of figures per area as a census table.
// `options` lets tests shrink the reading worker's limits.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { TabularPreview } from '../../../shared/api/tabular.ts';
import type { AppContext } from '../app-context.ts';
import { importMappedTable } from './import-mapped-table.ts';
import { readTabular, type ReadTabularOptions } from './read-tabular.ts';
import { AppError } from '../app-error.ts';

type TabularMethods = 'previewTabularFile' | 'importMappedTable';

export type TabularHandlerOptions = Pick<ReadTabularOptions, 'limits' | 'zipLimits'>;

export function tabularHandlers(ctx: AppContext, options: TabularHandlerOptions = {}): Pick<ApiHandlers, TabularMethods> {
  const { sessions } = ctx;
  return {
    previewTabularFile: async ({ handle, source }): Promise<TabularPreview> => {
      sessions.get(handle);
      const data = await readTabular(path.resolve(source), { ...options, mode: 'preview' });
      refuseUnusable(data.fileName, data.sheets);
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

/**
 * A file with nothing to match columns for is refused with the reason, rather than opening the
 * column-matching form on "0 of 0 rows": no row under a header, or a first line of control
 * characters (a program or a damaged file, not a table saved from a spreadsheet).
 */
function refuseUnusable(fileName: string, sheets: ReadonlyArray<{ columns: readonly string[]; rowCount: number }>): void {
  const binary = /[\u0000-\u0008\u000E-\u001F]/;
  if (sheets.some((sheet) => sheet.columns.some((column) => binary.test(column)))) {
    throw new AppError('invalid-input', `"${fileName}" does not look like a table: its first line holds control characters, as a program or a damaged file does. Save the list from your spreadsheet as CSV (or use the Excel file itself) and choose that. Nothing was imported.`);
  }
  if (sheets.every((sheet) => sheet.rowCount === 0)) {
    throw new AppError('invalid-input', `"${fileName}" has no rows under a header line, so there is nothing to import. Check it is the file you meant: a header line naming the columns, then a row for each record. Nothing was imported.`);
  }
}
