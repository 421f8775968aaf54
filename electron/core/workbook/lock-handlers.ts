// Who holds a workbook's "in use" marker, and clearing one left by a process that has ended: what
// a file browser shows beside a workbook, and the way out of a stale lock without a restart.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { realPathOf } from '../fs/real-path.ts';
import { clearStaleLock, lockStatus } from './workbook-lock.ts';

export function lockHandlers(ctx: AppContext): Pick<ApiHandlers, 'getWorkbookLock' | 'clearWorkbookLock'> {
  const { identity } = ctx.deps;
  return {
    getWorkbookLock: ({ path: file }) => lockStatus(realPathOf(file), identity),
    clearWorkbookLock: ({ path: file }) => clearStaleLock(realPathOf(file), identity),
  };
}
