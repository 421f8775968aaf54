// "What good looks like": the self-assessment. For each of the five hallmarks, what it asks, the
// indicators the core works out from the workbook (as a chart with a table beside it), and the
// planner's rating (1 to 5) and evidence note, each saved as an undoable change. The statements of
// what good will look like, written with the aims, sit beside them.
import { useState } from 'react';
import { HALLMARKS } from '../../../../shared/domain/hallmarks.ts';
import type { RecordValues } from '../../../../shared/api/records.ts';
import { IndicatorChart } from '../../charts/IndicatorChart.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { useAssessment } from './use-assessment.ts';

const RATING_OPTIONS = [
  { value: '', label: 'Not rated yet' },
  { value: '1', label: '1 – far from it' },
  { value: '2', label: '2 – some way to go' },
  { value: '3', label: '3 – partly there' },
  { value: '4', label: '4 – mostly there' },
  { value: '5', label: '5 – we do this well' },
];

function latestRating(records: RecordValues[], hallmark: string): RecordValues | undefined {
  return records.filter((r) => r.hallmark === hallmark).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
}

function RatingForm({ hallmark, label }: { hallmark: string; label: string }) {
  const data = useWorkbookData();
  const record = latestRating(data.records.hallmarkRating, hallmark);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownNote = note ?? String(record?.evidence ?? '');
  async function save(changes: Record<string, unknown>) {
    const result = record ? await data.update('hallmarkRating', record.id, changes) : await data.create('hallmarkRating', { hallmark, ...changes });
    setError(result.ok ? null : result.error.message);
    if (result.ok) setNote(null);
  }
  const id = `rating-${hallmark}`;
  return (
    <div className="rating-form">
      {error && <p className="field__error" role="alert">{error}</p>}
      <div className="field">
        <label className="field__label" htmlFor={id}>Our rating: {label.toLowerCase()}</label>
        <select id={id} className="select" value={record?.rating === null || record?.rating === undefined ? '' : String(record.rating)} disabled={data.readOnly} onChange={(e) => void save({ rating: e.target.value ? Number(e.target.value) : null })}>
          {RATING_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-evidence`}>Evidence for the rating</label>
        <div className="field__hint" id={`${id}-evidence-hint`}>What the rating rests on: what you have seen, counted or been told.</div>
        <textarea id={`${id}-evidence`} aria-describedby={`${id}-evidence-hint`} className="textarea" rows={3} value={shownNote} disabled={data.readOnly} onChange={(e) => setNote(e.target.value)} onBlur={() => { if (note !== null && note !== String(record?.evidence ?? '')) void save({ evidence: note }); }} />
      </div>
    </div>
  );
}

export function GoodSection() {
  const data = useWorkbookData();
  const assessment = useAssessment();
  const statements = data.records.goodStatement;
  return (
    <div className="good-section">
      <details className="guidance" open>
        <summary>Why this matters</summary>
        <p>A strategy is judged by what it changes, not by how much it does. Rate your engagement against each hallmark from 1 (far from it) to 5 (we do this well), and say what the rating rests on. The figures beside each hallmark are worked out from the workbook, and say how.</p>
      </details>
      <section aria-labelledby="good-statements-heading" className="good-statements">
        <h3 id="good-statements-heading">What good will look like</h3>
        {statements.length === 0 ? (
          <p>No statements yet. Write them in Aims and objectives: at the end of the strategy period, what will be true?</p>
        ) : (
          <ul className="list">{statements.map((s) => <li key={s.id}>{String(s.statement)}</li>)}</ul>
        )}
      </section>
      {HALLMARKS.map((hallmark) => (
        <section key={hallmark.id} className="hallmark" aria-labelledby={`hallmark-${hallmark.id}`}>
          <h3 id={`hallmark-${hallmark.id}`}>{hallmark.label}</h3>
          <p className="field__hint">{hallmark.hint}</p>
          {assessment ? (
            <IndicatorChart idPrefix={`good-${hallmark.id}`} title={hallmark.label} indicators={assessment.indicators.filter((i) => i.hallmark === hallmark.id)} rating={assessment.ratings.find((r) => r.hallmark === hallmark.id)} />
          ) : (
            <p>Working out the indicators…</p>
          )}
          <RatingForm hallmark={hallmark.id} label={hallmark.label} />
        </section>
      ))}
    </div>
  );
}
