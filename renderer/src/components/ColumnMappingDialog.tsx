// The column-mapping step for any CSV or spreadsheet from elsewhere: a preview of the sheet, then
// the planner says which column is which. Generic: each import describes what it needs (one
// column, several columns, or a piece of text), so later imports reuse it unchanged.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TabularPreview } from '../../../shared/api/tabular.ts';
import { Dialog } from './Dialog.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { MessageLines } from './MessageLines.tsx';

export type MappingField =
  | { key: string; label: string; kind: 'column'; required: boolean; hint?: string; guess?: RegExp; noneLabel?: string }
  | { key: string; label: string; kind: 'columns'; required: boolean; hint?: string }
  | { key: string; label: string; kind: 'text'; required: boolean; hint?: string; initial?: string };

export type Mapping = Record<string, string | string[] | null> & { sheet: string };

interface Props {
  title: string;
  preview: TabularPreview;
  fields: MappingField[];
  submitLabel: string;
  busy: boolean;
  /** Field key → message, from the core's refusal. */
  errors: Record<string, string>;
  message: string | null;
  onSubmit: (mapping: Mapping) => void;
  onCancel: () => void;
  /** Shown above the buttons while the mapping is being used (a progress bar). */
  progress?: ReactNode;
  /** The submit button's words while busy. */
  busyLabel?: string;
}

export function ColumnMappingDialog({ title, preview, fields, submitLabel, busy, errors, message, onSubmit, onCancel, progress, busyLabel = 'Importing…' }: Props) {
  const [sheetName, setSheetName] = useState(preview.sheets[0]?.name ?? '');
  const sheet = preview.sheets.find((s) => s.name === sheetName) ?? preview.sheets[0];
  const columns = useMemo(() => sheet?.columns ?? [], [sheet]);
  const initial = useMemo(() => {
    const values: Record<string, string | string[] | null> = {};
    for (const field of fields) {
      if (field.kind === 'column') values[field.key] = (field.guess && columns.find((c) => field.guess!.test(c))) || null;
      else if (field.kind === 'columns') values[field.key] = [];
      else values[field.key] = field.initial ?? '';
    }
    return values;
  }, [fields, columns]);
  const [values, setValues] = useState<Record<string, string | string[] | null>>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});

  function submit() {
    const problems: Record<string, string> = {};
    for (const field of fields) {
      const value = values[field.key];
      const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
      if (field.required && empty) problems[field.key] = field.kind === 'text' ? `Enter ${field.label.toLowerCase()}` : `Choose ${field.label.toLowerCase()}`;
    }
    setLocal(problems);
    if (Object.keys(problems).length === 0) onSubmit({ ...values, sheet: sheet?.name ?? '' });
  }

  const shown = { ...errors, ...local };
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const summary = Object.entries(shown).map(([key, text]) => ({ field: key, target: `map-${key}`, message: `${labelOf(key)}: ${text}` }));

  // The core's refusal shows at the top of a long dialog: it takes the focus, so it is seen and read out.
  const messageRef = useRef<HTMLDivElement>(null);
  const showMessage = Boolean(message) && summary.length === 0;
  useEffect(() => {
    if (showMessage) messageRef.current?.focus();
  }, [showMessage, message]);

  return (
    <Dialog title={title} onClose={onCancel} wide>
      <ErrorSummary errors={summary} />
      {showMessage && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={messageRef} aria-labelledby="mapping-problem-title">
          <h2 className="error-summary__title" id="mapping-problem-title">There is a problem</h2>
          <MessageLines message={message!} />
        </div>
      )}
      {preview.sheets.length > 1 && (
        <div className="field">
          <label className="field__label" htmlFor="map-sheet">Sheet</label>
          <select id="map-sheet" className="select" value={sheet?.name} onChange={(e) => { setSheetName(e.target.value); setValues(initial); }}>
            {preview.sheets.map((s) => <option key={s.name} value={s.name}>{s.name} ({s.rowCount} rows)</option>)}
          </select>
        </div>
      )}
      {sheet && (
        <div className="mapping-preview" tabIndex={0} role="region" aria-label={`The first rows of ${preview.fileName}`}>
          <table className="table table--compact">
            <caption className="field__hint">The first {sheet.rows.length} of {sheet.rowCount} rows of {preview.fileName}{preview.sheets.length > 1 ? `, sheet ${sheet.name}` : ''}</caption>
            <thead><tr>{sheet.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
            <tbody>{sheet.rows.map((row, i) => <tr key={i}>{sheet.columns.map((c, j) => <td key={c}>{row[j] ?? ''}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
      {fields.map((field) => {
        const id = `map-${field.key}`;
        const error = shown[field.key];
        if (field.kind === 'columns') {
          const chosen = (values[field.key] as string[]) ?? [];
          return (
            <fieldset key={field.key} className={`field fieldset${error ? ' field--error' : ''}`} id={id} tabIndex={-1}>
              <legend className="field__label">{field.label}</legend>
              {field.hint && <div className="field__hint">{field.hint}</div>}
              {error && <p className="field__error"><span className="visually-hidden">Error: </span>{error}</p>}
              <div className="mapping-columns">
                {columns.map((column) => (
                  <label key={column} className="checkbox">
                    <input type="checkbox" checked={chosen.includes(column)} onChange={(e) => setValues({ ...values, [field.key]: e.target.checked ? [...chosen, column] : chosen.filter((c) => c !== column) })} />
                    <span>{column}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        }
        if (field.kind === 'column') {
          return (
            <div key={field.key} className={`field${error ? ' field--error' : ''}`}>
              <label className="field__label" htmlFor={id}>{field.label}</label>
              {field.hint && <div className="field__hint">{field.hint}</div>}
              {error && <p className="field__error"><span className="visually-hidden">Error: </span>{error}</p>}
              <select id={id} className="select" value={(values[field.key] as string | null) ?? ''} onChange={(e) => setValues({ ...values, [field.key]: e.target.value || null })}>
                <option value="">{field.required ? 'Choose a column…' : (field.noneLabel ?? '(none)')}</option>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
          );
        }
        return (
          <div key={field.key} className={`field${error ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={id}>{field.label}</label>
            {field.hint && <div className="field__hint">{field.hint}</div>}
            {error && <p className="field__error"><span className="visually-hidden">Error: </span>{error}</p>}
            <input id={id} className="input input--full" value={(values[field.key] as string) ?? ''} onChange={(e) => setValues({ ...values, [field.key]: e.target.value })} />
          </div>
        );
      })}
      {progress}
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={submit}>{busy ? busyLabel : submitLabel}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </Dialog>
  );
}
