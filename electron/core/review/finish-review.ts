// Finishing a review: its review-log entry and the next review date written as one change, so the
// review cannot be logged with the date left where it was, and one undo takes back both.
import type { WriteDb } from '../db/open-database.ts';
import { AppError } from '../app-error.ts';
import { batchChange } from '../changes/change-handlers.ts';
import type { ChangeDraft } from '../changes/change-log.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { insertNewRecord, validNewRecord } from '../records/record-changes.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';
import { applyWorkbookDetails } from '../workbook/details-changes.ts';
import { detailsOf, readWorkbookMeta, validDetails } from '../workbook/workbook-store.ts';

/**
 * Writes the review-log entry and, when `nextReviewDate` is given, moves the workbook's review date
 * to it; the next date must come after the review. Nothing is written if either is refused.
 */
export function finishReview(db: WriteDb, ctx: ChangeContext, appVersion: string, entry: unknown, nextReviewDate: string | null): RecordValues {
  const values = validNewRecord('reviewEntry', entry);
  const reviewedOn = String(values.reviewedOn);
  if (nextReviewDate !== null && nextReviewDate <= reviewedOn) {
    throw new AppError('invalid-input', `The review was not logged: the next review date (${formatUkDate(nextReviewDate)}) must come after the review (${formatUkDate(reviewedOn)}).`, { nextReviewDate: `Choose a date after ${formatUkDate(reviewedOn)}` });
  }
  return writeChange(db, ctx, ({ at }) => {
    const { record, change } = insertNewRecord(db, ctx, 'reviewEntry', values, at);
    const parts: ChangeDraft[] = [change];
    if (nextReviewDate !== null) {
      const details = applyWorkbookDetails(db, appVersion, validDetails({ ...detailsOf(readWorkbookMeta(db)), reviewDate: nextReviewDate }), at);
      if (details) parts.push(details);
    }
    const description = `logging the review of ${formatUkDate(reviewedOn)}${parts.length > 1 ? ` and setting the next for ${formatUkDate(nextReviewDate!)}` : ''}`;
    return { result: record, change: parts.length === 1 ? change : batchChange(ctx.newId(), description, parts) };
  }).result;
}
