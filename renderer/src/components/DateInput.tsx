// A date as day, month and year in three boxes (the GOV.UK date input): no browser date picker
// (which shows mm/dd/yyyy on some machines and takes a six-digit year), a year of four digits at
// most, and a whole date pasted into any box ("31/03/2028", "2028-03-31") spread across the three.
import { memo, useEffect, useRef, useState, type ClipboardEvent, type FocusEvent } from 'react';
import { partsOf, valueOfParts, type DateParts } from './date-parts.ts';

interface DateInputProps {
  /** The id of the day box (so error summaries and gap links land on the first box). */
  id: string;
  label: string;
  hint?: string | undefined;
  /** '' | YYYY-MM-DD | the parts as typed (see date-parts.ts). */
  value: string;
  error?: string | undefined;
  disabled?: boolean | undefined;
  onChange: (value: string) => void;
  /** Focus has left the three boxes. */
  onBlur?: (() => void) | undefined;
}

const PASTED = [/^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/, /^(\d{4})-(\d{1,2})-(\d{1,2})$/];

function pastedParts(text: string): DateParts | null {
  const trimmed = text.trim();
  const dayFirst = PASTED[0]!.exec(trimmed);
  if (dayFirst) return { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3]! };
  const yearFirst = PASTED[1]!.exec(trimmed);
  if (yearFirst) return { day: yearFirst[3]!, month: yearFirst[2]!, year: yearFirst[1]! };
  return null;
}

/** Drawn again only when its own props change (a form redraws as each key is typed elsewhere in it). */
export const DateInput = memo(function DateInput({ id, label, hint, value, error, disabled, onChange, onBlur }: DateInputProps) {
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  // What is typed stays as typed ("03" is not rewritten to "3" mid-typing); a value changed from
  // outside (undo, "Reviewed today") replaces it.
  const lastSent = useRef(value);
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setParts(partsOf(value));
    }
  }, [value]);

  function update(next: DateParts) {
    setParts(next);
    const encoded = valueOfParts(next);
    lastSent.current = encoded;
    onChange(encoded);
  }

  function paste(event: ClipboardEvent<HTMLInputElement>) {
    const whole = pastedParts(event.clipboardData.getData('text'));
    if (!whole) return;
    event.preventDefault();
    update(whole);
  }

  function leave(event: FocusEvent<HTMLFieldSetElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onBlur?.();
  }

  const hintText = `${hint ? `${hint} ` : ''}For example, 31 3 2028.`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, boxId: string, name: string, width: number) => (
    <div className="date-input__item">
      <label className="date-input__label" htmlFor={boxId}>{name}</label>
      <input
        id={boxId}
        name={boxId}
        className={`input date-input__input date-input__input--${part}${error ? ' input--error' : ''}`}
        inputMode={part === 'month' ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        // A year has four digits (no 32029); a month may be typed as its name.
        maxLength={part === 'month' ? 9 : width}
        value={parts[part]}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(event) => update({ ...parts, [part]: event.target.value })}
        onPaste={paste}
      />
    </div>
  );
  return (
    <fieldset className={`field fieldset date-input${error ? ' field--error' : ''}`} role="group" aria-describedby={describedBy} onBlur={leave}>
      <legend className="field__label">{label}</legend>
      <div className="field__hint" id={`${id}-hint`}>{hintText}</div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="date-input__boxes">
        {box('day', id, 'Day', 2)}
        {box('month', `${id}-month`, 'Month', 2)}
        {box('year', `${id}-year`, 'Year', 4)}
      </div>
    </fieldset>
  );
});
