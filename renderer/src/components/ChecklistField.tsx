// A checklist in a record form (a message's six-point check): one group a check, each with pass,
// not yet or not checked as radio buttons (arrow keys move between them) and a note of why. Each
// group is a fieldset whose legend names the check, so a screen reader announces "Specific: Pass".
import type { VocabItem } from '../../../shared/domain/vocabularies.ts';
import type { ChecklistDraft } from '../worksheets/record-draft.ts';

interface ChecklistFieldProps {
  id: string;
  legend: string;
  hint?: string;
  checks: readonly VocabItem[];
  value: ChecklistDraft;
  error?: string | undefined;
  disabled: boolean;
  /** `immediate` for a choice (saved at once); a note is saved as it is typed, like other text. */
  onChange: (value: ChecklistDraft, immediate: boolean) => void;
  onBlur: () => void;
}

const RESULTS: ReadonlyArray<{ id: string; label: string; pass: boolean | null }> = [
  { id: 'pass', label: 'Pass', pass: true },
  { id: 'not-yet', label: 'Not yet', pass: false },
  { id: 'not-checked', label: 'Not checked', pass: null },
];

export function ChecklistField({ id, legend, hint, checks, value, error, disabled, onChange, onBlur }: ChecklistFieldProps) {
  const passed = checks.filter((check) => value[check.id]?.pass === true).length;
  const set = (checkId: string, next: { pass?: boolean | null; note?: string }, immediate: boolean) => {
    const current = value[checkId] ?? { pass: null, note: '' };
    onChange({ ...value, [checkId]: { ...current, ...next } }, immediate);
  };
  return (
    <fieldset className={`field checklist${error ? ' field--error' : ''}`} id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && <div className="field__hint" id={`${id}-hint`}>{hint}</div>}
      <p className="checklist__summary" aria-live="polite">{passed} of {checks.length} passed</p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {checks.map((check) => {
        const result = value[check.id] ?? { pass: null, note: '' };
        const rowId = `${id}-${check.id}`;
        return (
          <fieldset className="checklist__row" key={check.id} aria-describedby={check.hint ? `${rowId}-hint` : undefined}>
            <legend className="checklist__check">{check.label}</legend>
            {check.hint && <div className="field__hint" id={`${rowId}-hint`}>{check.hint}</div>}
            <div className="checklist__results">
              {RESULTS.map((option) => (
                <label className="checklist__result" key={option.id}>
                  <input type="radio" name={rowId} value={option.id} checked={result.pass === option.pass} disabled={disabled} onChange={() => set(check.id, { pass: option.pass }, true)} />
                  {option.label}
                </label>
              ))}
            </div>
            <label className="checklist__note-label" htmlFor={`${rowId}-note`}>Note on {check.label.toLowerCase()} (optional)</label>
            <input className="input input--full" id={`${rowId}-note`} name={`${rowId}-note`} value={result.note} disabled={disabled} onChange={(event) => set(check.id, { note: event.target.value }, false)} onBlur={onBlur} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
