// The overview, the workbook's first screen: progress through the task list, the open gaps by
// section (each a link to its record), the hallmarks' indicators as charts beside the planner's
// ratings, what is due for review, and what has changed since the last review.
import type { Gap } from '../../../../shared/api/records.ts';
import { HALLMARKS } from '../../../../shared/domain/hallmarks.ts';
import { METHOD_SECTIONS, sectionById } from '../../../../shared/domain/sections.ts';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { noGapsText } from '../no-gaps-text.ts';
import { useAssessment, useReviewStatus } from '../good/use-assessment.ts';

/** Gaps shown per section before "and N more". */
const GAPS_SHOWN = 5;

export function OverviewSection({ onOpenGap, onSelect }: { onOpenGap: (gap: Gap) => void; onSelect: (section: string) => void }) {
  const data = useWorkbookData();
  const assessment = useAssessment();
  const [status] = useReviewStatus();
  const completed = data.sections.filter((s) => s.status === 'Completed').length;
  const started = data.sections.filter((s) => s.status === 'In progress').length;
  const order = (id: string) => METHOD_SECTIONS.findIndex((s) => s.id === id);
  const bySection = [...new Set(data.gaps.map((g) => g.section))].sort((a, b) => order(a) - order(b));
  return (
    <div className="overview">
      <section aria-labelledby="overview-progress">
        <h3 id="overview-progress">Progress</h3>
        <p>
          <strong>{completed} of {data.sections.length}</strong> sections completed; {started} in progress.
        </p>
        <progress className="progress" max={data.sections.length || 1} value={completed} aria-labelledby="overview-progress" />
      </section>

      <section aria-labelledby="overview-gaps">
        <h3 id="overview-gaps">Open gaps: {data.gaps.length}</h3>
        {bySection.length === 0 ? (
          <p>{noGapsText(data.sections)}</p>
        ) : (
          bySection.map((section) => {
            const gaps = data.gaps.filter((g) => g.section === section);
            const title = sectionById(section)?.title ?? section;
            return (
              <div key={section} className="overview__gaps">
                <h4 id={`overview-gaps-${section}`}>{title} ({gaps.length})</h4>
                <ul className="list" aria-labelledby={`overview-gaps-${section}`}>
                  {gaps.slice(0, GAPS_SHOWN).map((gap) => (
                    <li key={gap.key}>
                      <button type="button" className="link-button" onClick={() => onOpenGap(gap)}>{gap.message}</button>
                    </li>
                  ))}
                </ul>
                {gaps.length > GAPS_SHOWN && (
                  <button type="button" className="link-button" onClick={() => onSelect(section)}>
                    And {gaps.length - GAPS_SHOWN} more in {title}
                  </button>
                )}
              </div>
            );
          })
        )}
      </section>

      <section aria-labelledby="overview-hallmarks">
        <h3 id="overview-hallmarks">The hallmarks of good engagement</h3>
        {!assessment ? (
          <p>Working out the indicators…</p>
        ) : (
          HALLMARKS.map((hallmark) => (
            <div key={hallmark.id} className="overview__hallmark">
              <h4>{hallmark.label}</h4>
              <IndicatorChart idPrefix={`overview-${hallmark.id}`} title={hallmark.label} indicators={assessment.indicators.filter((i) => i.hallmark === hallmark.id)} rating={assessment.ratings.find((r) => r.hallmark === hallmark.id)} />
            </div>
          ))
        )}
        <button type="button" className="link-button" onClick={() => onSelect('good')}>Rate the hallmarks in What good looks like</button>
      </section>

      <section aria-labelledby="overview-review">
        <h3 id="overview-review">Due for review</h3>
        {!status ? (
          <p>Reading the review status…</p>
        ) : (
          <>
            <p>
              {status.reviewDate ? `The strategy is due for review on ${formatUkDate(status.reviewDate)}${status.due ? ': that date has come.' : '.'}` : 'No review date is set: set one in Workbook details.'}{' '}
              {status.stale.length === 0 ? 'No record has gone over 12 months without a review.' : `${status.stale.length} ${status.stale.length === 1 ? 'record has' : 'records have'} not been reviewed for over 12 months.`}
            </p>
            <h3 id="overview-changes">{status.lastReview ? `Changed since the last review (${formatUkDate(status.lastReview.reviewedOn)}): ${status.changeCount}` : `Changes so far (no review yet): ${status.changeCount}`}</h3>
            {status.changes.length > 0 && (
              <ul className="list" aria-labelledby="overview-changes">
                {status.changes.slice(0, 10).map((c) => <li key={c.seq}>{sectionById(c.section)?.title ?? c.section}: {c.description}, {formatUkDate(c.at.slice(0, 10))}</li>)}
              </ul>
            )}
            <button type="button" className="link-button" onClick={() => onSelect('review')}>Go to Review</button>
          </>
        )}
      </section>
    </div>
  );
}
