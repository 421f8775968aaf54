// Review: the workbook's review date (set in its details) and whether it has come, "Start a review"
// (the walk through what changed and what is stale, ending in a log entry), what is overdue for
// review, the review log, and rolling forward into the next period's workbook.
import { useState } from 'react';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';
import { Notice } from '../../components/Notice.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { useReviewStatus } from '../good/use-assessment.ts';
import { MarkReviewedList, ReviewWalk } from './ReviewWalk.tsx';
import { RollForward } from './RollForward.tsx';

export function ReviewSection({ info, onOpenWorkbook }: { info: WorkbookInfo; onOpenWorkbook: (path: string, notice: string) => void }) {
  const data = useWorkbookData();
  const [status, refresh] = useReviewStatus();
  const [walking, setWalking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const log = [...data.records.reviewEntry].sort((a, b) => String(b.reviewedOn).localeCompare(String(a.reviewedOn)) || b.createdAt.localeCompare(a.createdAt));
  if (!status) return <p>Reading the review status…</p>;
  return (
    <div className="review-section">
      <details className="guidance">
        <summary>Why this matters</summary>
        <p>A strategy is never finished: communities, crime and the ways people want to hear from us all change. A review looks at what has changed since the last one and at anything nobody has looked at for a year, and records what it found and decided.</p>
      </details>
      {done && <Notice title="Review logged" takeFocus onDismiss={() => setDone(null)}><p>{done}</p></Notice>}
      <dl className="summary-list">
        <div className="summary-list__row"><dt>Review date</dt><dd>{status.reviewDate ? `${formatUkDate(status.reviewDate)}${status.due ? ' (due now)' : ''}` : 'Not set: set it in Workbook details'}</dd></div>
        <div className="summary-list__row"><dt>Last review</dt><dd>{status.lastReview ? `${formatUkDate(status.lastReview.reviewedOn)}: ${status.lastReview.summary}` : 'None yet'}</dd></div>
        <div className="summary-list__row"><dt>Changes since</dt><dd>{status.changeCount}</dd></div>
        <div className="summary-list__row"><dt>Not reviewed for over 12 months</dt><dd>{status.stale.length}</dd></div>
      </dl>
      {walking ? (
        <ReviewWalk status={status} onCancel={() => setWalking(false)} onDone={(message) => { setWalking(false); setDone(message); refresh(); }} />
      ) : (
        <>
          <div className="button-group">
            <button type="button" className="button" disabled={data.readOnly} onClick={() => { setDone(null); setWalking(true); }}>Start a review</button>
          </div>
          <h3>Not reviewed for over 12 months</h3>
          <MarkReviewedList status={status} />
        </>
      )}
      <h3 id="review-log-heading">Review log</h3>
      {log.length === 0 ? (
        <p>No reviews logged yet.</p>
      ) : (
        <table className="table" aria-labelledby="review-log-heading">
          <thead>
            <tr><th scope="col">Reviewed on</th><th scope="col">Reviewer</th><th scope="col">What the review found</th><th scope="col">What was decided</th></tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id}>
                <td>{formatUkDate(String(entry.reviewedOn))}</td>
                <td>{String(entry.reviewer ?? '')}</td>
                <td>{String(entry.summary)}</td>
                <td>{String(entry.decisions ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RollForward info={info} onOpenWorkbook={onOpenWorkbook} />
    </div>
  );
}
