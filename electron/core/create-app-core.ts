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
import { crimeHandlers } from './crime/crime-handlers.ts';
import { libraryHandlers } from './library/library-handlers.ts';
import { reviewHandlers } from './review/review-handlers.ts';
import { evidenceLinkHandlers } from './evidence/evidence-link-handlers.ts';
import { gapHandlers } from './gaps/gap-handlers.ts';
import { tabularHandlers } from './imports/tabular-handlers.ts';
import { receptivityHandlers } from './receptivity/receptivity-handlers.ts';
import { contactHandlers } from './contacts/contact-handlers.ts';
import { recordHandlers } from './records/record-handlers.ts';
import { repairHandlers } from './workbook/repair-handlers.ts';
import { workbookHandlers } from './workbook/workbook-handlers.ts';
import { lockHandlers } from './workbook/lock-handlers.ts';
import { shareHandlers } from './share/share-handlers.ts';
import { guardWriteTarget, type WriteIntent } from './workbook/guard-write-target.ts';
import { sweepPrivateFolders } from './fs/temporary-files.ts';
import { realPathOf } from './fs/real-path.ts';
import { lockStatus } from './workbook/workbook-lock.ts';
import type { LockStatus } from '../../shared/api/workbook.ts';

export type { AppCoreDeps };

export interface AppCore {
  handlers: ApiHandlers;
  /** The boundary: any method name and payload in, a Result out — never a throw. */
  call(method: string, request: unknown): Promise<Result<unknown>>;
  closeAll(): void;
  /** The check every write to a chosen path passes (for the doors' own writes, e.g. the host's uploads). */
  guardWrite(target: string, intent: WriteIntent): void;
  /** Records a temporary file beside a destination until the answer is called (see PendingTemporaries). */
  beginTemporary(file: string): () => void;
  /** Who holds the "in use" marker of the workbook at `file` (for the host's file browser). */
  lockStatusOf(file: string): LockStatus | null;
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const ctx = createAppContext(deps);
  // What a process killed mid-save or mid-check left behind is cleared when the next one starts.
  sweepPrivateFolders();
  ctx.temporaries.sweep();
  const guardWrite = (target: string, intent: WriteIntent) => guardWriteTarget(target, intent, { isOpenHere: (file) => ctx.sessions.isOpenHere(file), identity: deps.identity });
  const exportTo = (handle: string, options: Omit<ParsedRequestOf<'exportWorkbook'>, 'handle' | 'jobId'>) => {
    const session = ctx.sessions.get(handle);
    const word = options.word && path.resolve(options.word);
    const excel = options.excel && path.resolve(options.excel);
    for (const target of [word, excel]) if (target) guardWrite(target, { content: 'other', sources: [session.realPath] });
    return { db: session.db, options: { ...options, word, excel } };
  };
  const handlers = {
    getJobProgress: ({ jobId }: { jobId: string }) => ctx.jobs.get(jobId),
    cancelJob: ({ jobId }: { jobId: string }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
    exportWorkbook: ({ handle, jobId, ...request }: ParsedRequestOf<'exportWorkbook'>) => {
      const { db, options } = exportTo(handle, request);
      return ctx.jobs.run(jobId, (report) => exportWorkbook(db, options, deps.clock(), report));
    },
    ...workbookHandlers(ctx),
    ...repairHandlers(ctx),
    ...lockHandlers(ctx),
    ...recordHandlers(ctx),
    ...gapHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...evidenceLinkHandlers(ctx),
    ...tabularHandlers(ctx),
    ...receptivityHandlers(ctx),
    ...contactHandlers(ctx),
    ...crimeHandlers(ctx),
    ...libraryHandlers(ctx),
    ...reviewHandlers(ctx),
    ...shareHandlers(ctx),
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

  return { handlers, call, closeAll: () => ctx.sessions.closeAll(), guardWrite, beginTemporary: (file) => ctx.temporaries.begin(file), lockStatusOf: (file) => lockStatus(realPathOf(file), deps.identity) };
}

export type { MethodName };
