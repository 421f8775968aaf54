// New workbook: force, title, period and marking, checked before the planner chooses where to save.
import { useState } from 'react';
import { WorkbookDetailsSchema, type WorkbookDetails } from '../../../shared/api/workbook.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import type { ApiClient } from '../api/client.ts';
import { ErrorSummary, summaryMessage } from '../components/ErrorSummary.tsx';
import { RadioGroup, SelectField, TextField } from '../components/fields.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { dateProblem } from '../components/date-parts.ts';
import { useForces } from './use-forces.ts';

const LABELS: Record<string, string> = { force: 'Force', title: 'Title', periodStart: 'Strategy period starts', periodEnd: 'Strategy period ends', marking: 'Protective marking' };

export function NewWorkbookForm({ api, onCreate, onCancel, busy }: { api: ApiClient; onCreate: (details: WorkbookDetails) => void; onCancel: () => void; busy: boolean }) {
  const forces = useForces(api);
  const [force, setForce] = useState('');
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [marking, setMarking] = useState('OFFICIAL-SENSITIVE');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit() {
    // Dates are checked in day, month and year terms; a date that is not right yet is left out of the rest.
    const startProblem = dateProblem('Strategy period starts', periodStart);
    const endProblem = dateProblem('Strategy period ends', periodEnd);
    const parsed = WorkbookDetailsSchema.safeParse({
      force,
      title,
      periodStart: startProblem ? null : periodStart || null,
      periodEnd: endProblem ? null : periodEnd || null,
      author: null,
      versionLabel: 'Draft 1',
      marking,
      reviewDate: null,
    });
    const found = { ...(parsed.success ? {} : fieldsFromIssues(parsed.error.issues)), ...(startProblem ? { periodStart: startProblem } : {}), ...(endProblem ? { periodEnd: endProblem } : {}) };
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    onCreate(parsed.data);
  }

  const summary = Object.entries(errors).map(([field, message]) => ({ field, target: `new-${field}`, message: summaryMessage(LABELS[field] ?? field, message) }));
  return (
    <form className="form panel" noValidate aria-labelledby="new-heading" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <h2 id="new-heading">New workbook</h2>
      <ErrorSummary errors={summary} />
      <SelectField id="new-force" label="Force" hint="The force whose strategy this is." value={force} error={errors.force} placeholder="Choose a force" options={forces.map((f) => ({ value: f.id, label: f.name }))} onChange={setForce} />
      <TextField id="new-title" label="Title" hint="For example: Community engagement strategy 2027 to 2030." value={title} error={errors.title} onChange={setTitle} />
      <div className="field-row">
        <DateInput id="new-periodStart" label="Strategy period starts" value={periodStart} error={errors.periodStart} onChange={setPeriodStart} />
        <DateInput id="new-periodEnd" label="Strategy period ends" value={periodEnd} error={errors.periodEnd} onChange={setPeriodEnd} />
      </div>
      <RadioGroup
        id="new-marking"
        legend="Protective marking"
        value={marking}
        error={errors.marking}
        onChange={setMarking}
        options={[
          { value: 'OFFICIAL', label: 'OFFICIAL' },
          { value: 'OFFICIAL-SENSITIVE', label: 'OFFICIAL-SENSITIVE', hint: 'The usual choice for a strategy that names groups, places and contacts.' },
        ]}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>Choose where to save and create</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
