// Choosing the records a record links to: a filterable list of checkboxes, the chosen ones first.
// With thousands of candidates only the first matches are listed; the filter finds the rest.
import { memo, useCallback, useMemo, useRef, useState } from 'react';

export interface LinkOption {
  id: string;
  label: string;
}

const SHOWN = 60;

/** One option to add: drawn again only when it or the picker's state changes, not as the filter moves others in and out. */
const OptionRow = memo(function OptionRow({ option, disabled, onToggle }: { option: LinkOption; disabled: boolean | undefined; onToggle: (id: string) => void }) {
  return (
    <li>
      <label className="checkbox">
        <input type="checkbox" checked={false} disabled={disabled} onChange={() => onToggle(option.id)} />
        <span>{option.label}</span>
      </label>
    </li>
  );
});

/** Drawn again only when its own props change: typing elsewhere in a form leaves a picker of thousands alone. */
export const LinkPicker = memo(function LinkPicker({ id, legend, noun, options, value, onChange, disabled, error, hint }: { id: string; legend: string; /** What is being chosen, in lower case (e.g. 'areas'), for the search box. */ noun?: string; options: LinkOption[]; value: string[]; onChange: (ids: string[]) => void; disabled?: boolean; error?: string | undefined; hint?: string }) {
  const what = noun ?? legend.toLowerCase();
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(value), [value]);
  const labelOf = useMemo(() => new Map(options.map((option) => [option.id, option.label])), [options]);
  // Worked out when the options, the choice or the filter change, not on every render of the form
  // around it: with thousands of options, each keystroke elsewhere in the form went through them all.
  const lowered = useMemo(() => options.map((option) => option.label.toLowerCase()), [options]);
  const needle = filter.trim().toLowerCase();
  const others = useMemo(() => options.filter((option, index) => !chosen.has(option.id) && (!needle || lowered[index]!.includes(needle))), [options, lowered, chosen, needle]);
  // The same handler from render to render (reading the newest choice), so unchanged rows stay as drawn.
  const latest = useRef({ value, chosen, onChange });
  latest.current = { value, chosen, onChange };
  const toggle = useCallback((target: string) => {
    const { value: ids, chosen: set, onChange: change } = latest.current;
    change(set.has(target) ? ids.filter((v) => v !== target) : [...ids, target]);
  }, []);

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
                {others.slice(0, SHOWN).map((option) => <OptionRow key={option.id} option={option} disabled={disabled} onToggle={toggle} />)}
              </ul>
              {others.length > SHOWN && <p className="field__hint">{others.length - SHOWN} more: type to find them.</p>}
            </>
          )}
        </>
      )}
    </fieldset>
  );
});
