// "Start a review": a walk through the workbook, section by section, showing what changed since
// the last review and what has not been reviewed for over a year (each with "Mark reviewed"), and
// ending in the review-log entry (when, who, what the review found and what was decided) and the
// date of the next review, a year on unless the planner says otherwise: both written as one change.
import { useRef, useState, useLayoutEffect } from 'react';
import type { ReviewStatus } from '../../../../shared/api/review.ts';
import { METHOD_SECTIONS } from '../../../../shared/domain/sections.ts';
import { RECORD_TYPES } from '../../../../shared/domain/record-types.ts';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';
import { yearAfter } from '../../../../shared/domain/recurrence.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { dateProblem } from '../../components/date-parts.ts';
import { TextField } from '../../components/fields.tsx';
import { useWorkbookData } from '../workbook-data.tsx';

export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The sections with something to look at, in the task list's order. */
export function reviewSteps(status: ReviewStatus): Array<{ section: string; title: string }> {
  const touched = new Set([...status.changes.map((c) => c.section), ...status.stale.map((s) => s.section)]);
  return METHOD_SECTIONS.filter((s) => touched.has(s.id)).map((s) => ({ section: s.id, title: s.title }));
}

export function MarkReviewedList({ status, section }: { status: ReviewStatus; section?: string }) {
  const data = useWorkbookData();
  const [error, setError] = useState<string | null>(null);
  const stale = status.stale.filter((s) => section === undefined || s.section === section);
  if (stale.length === 0) return <p>Nothing here has gone over a year without a review.</p>;
  return (
    <>
      {error && <p className="field__error" role="alert">{error}</p>}
      <ul className="review-list">
        {stale.slice(0, 200).map((record) => (
          <li key={record.id} className="review-list__item">
            <span>
              {RECORD_TYPES[record.type].label} “{record.title}”: {record.lastReviewed ? `last reviewed ${formatUkDate(record.lastReviewed)}` : `not reviewed since it was added on ${formatUkDate(record.since)}`}
            </span>
            <button type="button" className="button button--secondary button--small" disabled={data.readOnly} onClick={async () => {
              const result = await data.update(record.type, record.id, { reviewedAt: localToday() });
              setError(result.ok ? null : result.error.message);
            }}>
              Mark reviewed<span className="visually-hidden">: {RECORD_TYPES[record.type].label.toLowerCase()} {record.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {stale.length > 200 && <p className="field__hint">And {stale.length - 200} more; they show here as you mark these.</p>}
    </>
  );
}

export function ReviewWalk({ status, onDone, onCancel }: { status: ReviewStatus; onDone: (message: string) => void; onCancel: () => void }) {
  const data = useWorkbookData();
  const steps = reviewSteps(status);
  const [step, setStep] = useState(0);
  const [entry, setEntry] = useState({ reviewedOn: localToday(), reviewer: '', summary: '', decisions: '' });
  // A year after the review unless the planner changes it; following the review date (while that is
  // a real date) until then.
  const [nextReview, setNextReview] = useState<string | null>(null);
  const reviewedOnProblem = dateProblem('Reviewed on', entry.reviewedOn, true);
  const nextReviewOn = nextReview ?? (reviewedOnProblem ? '' : yearAfter(entry.reviewedOn));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [step]);
  const last = steps.length;
  const current = steps[step];

  async function finish() {
    // Everything the form can check is said at once, in day, month and year terms, before anything is sent.
    const found: Record<string, string> = {};
    if (reviewedOnProblem) found.reviewedOn = reviewedOnProblem;
    const nextProblem = dateProblem('Next review due', nextReviewOn);
    if (nextProblem) found.nextReviewDate = nextProblem;
    else if (!reviewedOnProblem && nextReviewOn !== '' && nextReviewOn <= entry.reviewedOn) found.nextReviewDate = `Next review due must come after the review (${formatUkDate(entry.reviewedOn)})`;
    if (entry.summary.trim() === '') found.summary = 'Enter what the review found';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const result = await data.api.call('finishReview', {
      handle: data.handle,
      entry: { reviewedOn: entry.reviewedOn, reviewer: entry.reviewer, summary: entry.summary, decisions: entry.decisions },
      nextReviewDate: nextReviewOn === '' ? null : nextReviewOn,
    });
    if (!result.ok) {
      setErrors(result.error.fields ?? { summary: result.error.message });
      return;
    }
    data.applyEffects(result.value.effects);
    await Promise.all([data.refresh(), data.detailsChanged()]);
    onDone(`Review of ${formatUkDate(entry.reviewedOn)} written to the review log.${nextReviewOn ? ` The next review is due on ${formatUkDate(nextReviewOn)}.` : ''}`);
  }

  return (
    <section className="review-walk" aria-labelledby="review-step-heading">
      <h3 id="review-step-heading" ref={heading} tabIndex={-1}>
        Step {step + 1} of {last + 1}: {current ? current.title : 'Write the review log entry'}
      </h3>
      {current ? (
        <>
          <h4>What changed since the last review</h4>
          {status.changes.filter((c) => c.section === current.section).length === 0 ? (
            <p>No changes here since the last review.</p>
          ) : (
            <ul className="list">{status.changes.filter((c) => c.section === current.section).map((c) => <li key={c.seq}>{c.description[0]!.toUpperCase() + c.description.slice(1)}, {formatUkDate(c.at.slice(0, 10))}</li>)}</ul>
          )}
          <h4>Not reviewed for over 12 months</h4>
          <MarkReviewedList status={status} section={current.section} />
        </>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void finish(); }}>
          {steps.length === 0 && <p>Nothing has changed since the last review and nothing is overdue. Say so in the log.</p>}
          {Object.keys(errors).length > 1 && (
            <div className="error-summary" role="alert">
              <p className="error-summary__title">The review was not logged: {Object.keys(errors).length} things to put right</p>
              <ul>{Object.entries(errors).map(([field, text]) => <li key={field}>{text}</li>)}</ul>
            </div>
          )}
          <DateInput id="review-reviewedOn" label="Reviewed on" value={entry.reviewedOn} error={errors.reviewedOn} onChange={(v) => setEntry({ ...entry, reviewedOn: v })} />
          <TextField id="review-reviewer" label="Reviewer (optional)" hint="A person's name is personal data: it is left out of share copies, and of exports unless you include personal data." value={entry.reviewer} error={errors.reviewer} onChange={(v) => setEntry({ ...entry, reviewer: v })} />
          <div className={`field${errors.summary ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor="review-summary">What the review found</label>
            {errors.summary && <p className="field__error" id="review-summary-error"><span className="visually-hidden">Error: </span>{errors.summary}</p>}
            <textarea id="review-summary" className="textarea" rows={4} value={entry.summary} aria-describedby={errors.summary ? 'review-summary-error' : undefined} onChange={(e) => setEntry({ ...entry, summary: e.target.value })} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="review-decisions">What was decided (optional)</label>
            <textarea id="review-decisions" className="textarea" rows={4} value={entry.decisions} onChange={(e) => setEntry({ ...entry, decisions: e.target.value })} />
          </div>
          <DateInput
            id="review-next"
            label="Next review due (optional)"
            hint={`A year after this review unless you change it. Clear it to keep the workbook's review date as it is${status.reviewDate ? ` (${formatUkDate(status.reviewDate)})` : ''}.`}
            value={nextReviewOn}
            error={errors.nextReviewDate}
            onChange={(v) => setNextReview(v)}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={data.readOnly}>Write to the review log</button>
          </div>
        </form>
      )}
      <div className="button-group">
        {step > 0 && <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>Previous</button>}
        {step < last && <button type="button" className="button" onClick={() => setStep(step + 1)}>Next<span className="visually-hidden">: {steps[step + 1]?.title ?? 'the review log entry'}</span></button>}
        <button type="button" className="link-button" onClick={onCancel}>Stop the review</button>
      </div>
    </section>
  );
}
