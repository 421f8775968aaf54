// Choosing the records a record links to: a filterable list of checkboxes, the chosen ones first.
// With thousands of candidates only the first matches are listed; the filter finds the rest.
import { useMemo, useState } from 'react';

export interface LinkOption {
  id: string;
  label: string;
}

const SHOWN = 60;

export function LinkPicker({ id, legend, noun, options, value, onChange, disabled, error, hint }: { id: string; legend: string; /** What is being chosen, in lower case (e.g. 'areas'), for the search box. */ noun?: string; options: LinkOption[]; value: string[]; onChange: (ids: string[]) => void; disabled?: boolean; error?: string | undefined; hint?: string }) {
  const what = noun ?? legend.toLowerCase();
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(value), [value]);
  const labelOf = useMemo(() => new Map(options.map((option) => [option.id, option.label])), [options]);
  // Worked out when the options, the choice or the filter change, not on every render of the form
  // around it: with thousands of options, each keystroke elsewhere in the form went through them all.
  const lowered = useMemo(() => options.map((option) => option.label.toLowerCase()), [options]);
  const needle = filter.trim().toLowerCase();
  const others = useMemo(() => options.filter((option, index) => !chosen.has(option.id) && (!needle || lowered[index]!.includes(needle))), [options, lowered, chosen, needle]);
  const toggle = (target: string) => onChange(chosen.has(target) ? value.filter((v) => v !== target) : [...value, target]);

  return (
    <fieldset className={`field fieldset link-picker${error ? ' field--error' : ''}`} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && <div className="field__hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p>}
      {options.length === 0 ? (
        <p className="field__hint">None recorded yet.</p>
      ) : (
        <>
          {value.length > 0 && (
            <ul className="link-picker__chosen" aria-label={`Chosen ${what}`}>
              {value.map((target) => (
                <li key={target}>
                  <label className="checkbox">
                    <input type="checkbox" checked disabled={disabled} onChange={() => toggle(target)} />
                    <span>{labelOf.get(target) ?? '(deleted)'}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {options.length > value.length && (
            <>
              <label className="visually-hidden" htmlFor={`${id}-filter`}>Find {what} to add</label>
              <input id={`${id}-filter`} className="input input--full link-picker__filter" type="search" placeholder={`Find ${what} to add`} value={filter} disabled={disabled} onChange={(event) => setFilter(event.target.value)} />
              <ul className="link-picker__options">
                {others.slice(0, SHOWN).map((option) => (
                  <li key={option.id}>
                    <label className="checkbox">
                      <input type="checkbox" checked={false} disabled={disabled} onChange={() => toggle(option.id)} />
                      <span>{option.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
              {others.length > SHOWN && <p className="field__hint">{others.length - SHOWN} more: type to find them.</p>}
            </>
          )}
        </>
      )}
    </fieldset>
  );
}
