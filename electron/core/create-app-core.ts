// The workbook engine behind every door (Electron IPC, the loopback host, the CLI): each feature's
// handlers joined into one map the compiler checks against the contract, and `call`, the one
// boundary that validates requests and turns errors into values.
import path from 'node:path';
import { contract, isMethodName, type ApiHandlers, type MethodName, type ParsedRequestOf } from '../../shared/api/contract.ts';
import { exportWorkbook } from './export/export-workbook.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import { invalidInput, toApiError } from './app-error.ts';
import { createAppContext, type AppCoreDeps } from './app-context.ts';
import { evidenceHandlers } from './evidence/evidence-handlers.ts';
import { evidenceLinkHandlers } from './evidence/evidence-link-handlers.ts';
import { gapHandlers } from './gaps/gap-handlers.ts';
import { tabularHandlers } from './imports/tabular-handlers.ts';
import { recordHandlers } from './records/record-handlers.ts';
import { repairHandlers } from './workbook/repair-handlers.ts';
import { workbookHandlers } from './workbook/workbook-handlers.ts';

export type { AppCoreDeps };

export interface AppCore {
  handlers: ApiHandlers;
  /** The boundary: any method name and payload in, a Result out — never a throw. */
  call(method: string, request: unknown): Promise<Result<unknown>>;
  closeAll(): void;
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const ctx = createAppContext(deps);
  const handlers = {
    getJobProgress: ({ jobId }: { jobId: string }) => ctx.jobs.get(jobId),
    exportWorkbook: ({ handle, jobId, ...options }: ParsedRequestOf<'exportWorkbook'>) => ctx.jobs.run(jobId, (report) => exportWorkbook(ctx.sessions.get(handle).db, { ...options, word: options.word && path.resolve(options.word), excel: options.excel && path.resolve(options.excel) }, deps.clock(), report)),
    ...workbookHandlers(ctx),
    ...repairHandlers(ctx),
    ...recordHandlers(ctx),
    ...gapHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...evidenceLinkHandlers(ctx),
    ...tabularHandlers(ctx),
  } satisfies ApiHandlers;

  async function call(method: string, request: unknown): Promise<Result<unknown>> {
    try {
      if (!isMethodName(method)) return fail({ code: 'invalid-input', message: `There is no API method "${method}".` });
      const parsed = contract[method].request.safeParse(request ?? {});
      if (!parsed.success) throw invalidInput(parsed.error, `The request to ${method} is not valid`);
      const handler = handlers[method] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      return fail(toApiError(error, deps.log));
    }
  }

  return { handlers, call, closeAll: () => ctx.sessions.closeAll() };
}

export type { MethodName };
