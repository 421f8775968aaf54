// The self-assessment and the review cycle as contract methods: the first two only read the open
// workbook (ratings are records, written through the record methods); finishing a review writes its
// log entry and the next review date as one change.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { assessWorkbook } from './assess-workbook.ts';
import { reviewStatus } from './review-status.ts';
import { finishReview } from './finish-review.ts';

export function reviewHandlers(ctx: AppContext): Pick<ApiHandlers, 'assessWorkbook' | 'getReviewStatus' | 'finishReview'> {
  const today = () => ctx.deps.clock().toISOString().slice(0, 10);
  return {
    assessWorkbook: ({ handle }) => assessWorkbook(ctx.sessions.get(handle).db, today()),
    getReviewStatus: ({ handle }) => reviewStatus(ctx.sessions.get(handle).db, today()),
    finishReview: ({ handle, entry, nextReviewDate }) => {
      const { result, effects } = ctx.write(handle, (db, change) => finishReview(db, change, ctx.deps.appVersion, entry, nextReviewDate));
      return { ...result, effects };
    },
  };
}
