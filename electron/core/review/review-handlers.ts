// The self-assessment and the review cycle as contract methods: both only read the open workbook
// (ratings and review-log entries are records, written through the record methods).
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { assessWorkbook } from './assess-workbook.ts';
import { reviewStatus } from './review-status.ts';

export function reviewHandlers(ctx: AppContext): Pick<ApiHandlers, 'assessWorkbook' | 'getReviewStatus'> {
  const today = () => ctx.deps.clock().toISOString().slice(0, 10);
  return {
    assessWorkbook: ({ handle }) => assessWorkbook(ctx.sessions.get(handle).db, today()),
    getReviewStatus: ({ handle }) => reviewStatus(ctx.sessions.get(handle).db, today()),
  };
}
