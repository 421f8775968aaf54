// One field of a record form, chosen by the field's kind in its descriptor.
import { memo } from 'react';
import type { FieldDef } from '../../../shared/domain/record-types.ts';
import { describedBy, Field } from '../components/fields.tsx';
import { LinkPicker, type LinkOption } from '../components/LinkPicker.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { ChecklistField } from '../components/ChecklistField.tsx';
import { splitCodes, type ChecklistDraft, type DraftValue } from './record-draft.ts';

interface EditorProps {
  idPrefix: string;
  field: FieldDef;
  value: DraftValue | undefined;
  error: string | undefined;
  disabled: boolean;
  refOptions: LinkOption[];
  /** `immediate` when the change should be saved at once (a choice) rather than as typing pauses. */
  onChange: (value: DraftValue, immediate?: boolean) => void;
  onBlur: () => void;
}

function tags(field: FieldDef) {
  if (field.specialCategory) return <span className="tag tag--special">Special-category personal data</span>;
  if (field.personal) return <span className="tag tag--personal">Personal data</span>;
  return null;
}

/** Drawn again only when its own props change: typing in one field leaves the others alone. */
export const RecordFieldEditor = memo(function RecordFieldEditor({ idPrefix, field, value, error, disabled, refOptions, onChange, onBlur }: EditorProps) {
  const id = `${idPrefix}-${field.name}`;
  const label = `${field.label}${field.required ? '' : ' (optional)'}`;
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: id,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(field.hint), error),
  } as const;

  if (field.kind === 'enumList') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <LinkPicker
        id={id}
        legend={label}
        noun={field.label.toLowerCase()}
        hint={field.hint}
        error={error}
        disabled={disabled}
        options={(field.vocabulary ?? []).map((item) => ({ id: item.id, label: item.label }))}
        value={chosen}
        onChange={(ids) => onChange(ids)}
      />
    );
  }

  if (field.kind === 'checklist') {
    const checks = field.checks ?? [];
    const draft = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as ChecklistDraft;
    return <ChecklistField id={id} legend={field.label} hint={field.hint} checks={checks} value={draft} error={error} disabled={disabled} onChange={(next, immediate) => onChange(next, immediate)} onBlur={onBlur} />;
  }

  if (field.kind === 'boolean') {
    return (
      <div className={`field${error ? ' field--error' : ''}`}>
        {field.hint && <div className="field__hint" id={`${id}-hint`}>{field.hint}</div>}
        {error && <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked, true)} {...common} />
          <span>{field.label}</span>
        </label>
      </div>
    );
  }

  if (field.kind === 'date') {
    return <DateInput id={id} label={label} hint={field.hint} value={text} error={error} disabled={disabled} onChange={(next) => onChange(next)} onBlur={onBlur} />;
  }

  let control;
  switch (field.kind) {
    case 'longText':
      // Welsh text is marked as Welsh, so screen readers speak it and spelling is checked as Welsh.
      control = <textarea className={`textarea${error ? ' input--error' : ''}`} rows={4} value={text} lang={field.lang} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} {...common} />;
      break;
    case 'codeList': {
      const count = splitCodes(text).length;
      control = (
        <>
          <textarea className={`textarea textarea--codes${error ? ' input--error' : ''}`} rows={3} value={text} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} spellCheck={false} {...common} />
          <p className="field__hint">{count} {count === 1 ? 'code' : 'codes'}</p>
        </>
      );
      break;
    }
    case 'integer':
      control = <input className={`input input--half${error ? ' input--error' : ''}`} inputMode="numeric" value={text} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} {...common} />;
      break;
    case 'enum':
      control = (
        <select className={`select${error ? ' input--error' : ''}`} value={text} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{field.required ? 'Choose…' : '(none)'}</option>
          {(field.vocabulary ?? []).map((item) => (
            <option key={item.id} value={item.id}>{item.label}</option>
          ))}
        </select>
      );
      break;
    case 'ref':
      control = (
        <select className={`select${error ? ' input--error' : ''}`} value={text} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{field.required ? 'Choose…' : '(none)'}</option>
          {refOptions.map((option) => (
            <option key={option.id} value={option.id}>{option.label}</option>
          ))}
        </select>
      );
      break;
    default:
      control = <input className={`input input--full${error ? ' input--error' : ''}`} value={text} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} {...common} />;
  }
  return (
    <Field id={id} label={label} hint={field.hint} error={error}>
      {tags(field)}
      {control}
    </Field>
  );
});
