// Importing contact lists (partners or assets) through the column-mapping step: first what would
// happen, then the import itself as one undoable change. `options` lets tests shrink the reading
// worker's limits.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { importContacts, type ContactReadOptions } from './import-contacts.ts';

export function contactHandlers(ctx: AppContext, options: ContactReadOptions = {}): Pick<ApiHandlers, 'importContacts'> {
  return {
    importContacts: (request) =>
      ctx.jobs.run(request.jobId, async (report) => {
        report({ stage: 'Reading the list', done: 0, total: 0 });
        const { result, effects } = await ctx.writeAsync(request.handle, (writable, change) => importContacts(writable, change, request, options, report));
        return { ...result, effects: result.applied ? effects : null };
      }),
  };
}
