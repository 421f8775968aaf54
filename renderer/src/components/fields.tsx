// Form fields with a label, hint and inline error, wired for screen readers.
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint && <div className="field__hint" id={`${id}-hint`}>{hint}</div>}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'date';
  disabled?: boolean;
  width?: 'full' | 'half' | 'date';
}

export function TextField({ id, label, value, onChange, onBlur, hint, error, type = 'text', disabled, width = 'full' }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        className={`input input--${width}${error ? ' input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        spellCheck={type === 'text'}
      />
    </Field>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
  placeholder?: string;
}

export function SelectField({ id, label, value, options, onChange, hint, error, disabled, placeholder }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        className={`select${error ? ' input--error' : ''}`}
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </Field>
  );
}

interface RadioGroupProps {
  id: string;
  legend: string;
  value: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

export function RadioGroup({ id, legend, value, options, onChange, error, disabled }: RadioGroupProps) {
  return (
    <fieldset className={`field fieldset${error ? ' field--error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {error && <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p>}
      {options.map((option, index) => (
        <div className="radio" key={option.value}>
          <input
            className="radio__input"
            type="radio"
            id={index === 0 ? id : `${id}-${option.value}`}
            name={id}
            value={option.value}
            checked={value === option.value}
            disabled={disabled}
            onChange={() => onChange(option.value)}
            aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
          />
          <label className="radio__label" htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
          {option.hint && <div className="field__hint radio__hint" id={`${id}-${option.value}-hint`}>{option.hint}</div>}
        </div>
      ))}
    </fieldset>
  );
}
