// A record's form beside the list: fields from its descriptor, link pickers, notes and review
// date. Edits save themselves shortly after typing stops (at once when a field is left); a new
// record is created as soon as its required fields are filled in. Invalid values stay, marked, and
// what cannot be saved yet is kept on the draft shelf, so closing the form never loses it.
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { RECORD_TYPES, type FieldDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { ErrorSummary, summaryMessage } from '../components/ErrorSummary.tsx';
import { Field } from '../components/fields.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { Question, useAnswered } from '../components/Question.tsx';
import { LinkPicker, type LinkOption } from '../components/LinkPicker.tsx';
import { CitedFigures } from './census/CitedFigures.tsx';
import { RecordFieldEditor } from './RecordFieldEditor.tsx';
import { changedValues, draftOf, emptyDraft, isShown, startDraft, validateDraft, valuesOf, type Draft, type DraftValue } from './record-draft.ts';
import { typedValues } from './draft-shelf.ts';
import { useDraftShelf } from './drafts-context.tsx';
import { useWorkbookData } from './workbook-data.tsx';
import { titleOf } from './record-titles.ts';
import { linkOptions } from './link-options.ts';
import { useAutosave, type SaveState } from './use-autosave.ts';
import type { FocusRequest } from './gap-targets.ts';

interface RecordFormProps {
  type: RecordTypeName;
  /** null for a new record. */
  record: RecordValues | null;
  /** The key its unsaved values are kept under on the draft shelf (for a new record, its form's key). */
  draftKey: string;
  /** Where focus goes once the form shows (a gap's field). */
  focus: FocusRequest | null;
  /** The planner asked for this form (Add, Continue): focus goes to its first field. */
  focusFirst: boolean;
  onCreated: (id: string) => void;
  onDeleted: () => void;
  /** A new record's draft was discarded (after the question). */
  onDiscarded: () => void;
  onSaveState: (state: SaveState) => void;
}

/** The fields with errors whose values differ from what is saved: what an existing record keeps on the shelf. */
function unsavedValues(type: RecordTypeName, draft: Draft, saved: RecordValues): Draft {
  const errors = validateDraft(type, draft, false);
  const savedDraft = draftOf(type, saved);
  return Object.fromEntries(Object.entries(typedValues(draft, savedDraft)).filter(([name]) => errors[name]));
}

/** One empty choice for every picker with none, so a picker's memos hold from render to render. */
const NO_LINKS: string[] = [];
const NO_OPTIONS: LinkOption[] = [];

const COMMON_LABELS: Readonly<Record<string, string>> = { reviewedAt: 'Last reviewed', notes: 'Notes', shareable: 'Include in share copies' };

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function RecordForm({ type, record, draftKey, focus, focusFirst, onCreated, onDeleted, onDiscarded, onSaveState }: RecordFormProps) {
  const data = useWorkbookData();
  const shelf = useDraftShelf();
  const def = RECORD_TYPES[type];
  // Where the form starts: the record as saved, or a new record's first draft; then what was kept.
  const [start] = useState<Draft>(() => (record ? draftOf(type, record) : startDraft(type, data.records)));
  const [kept] = useState(() => shelf.get(record ? record.id : draftKey));
  const [draft, setDraft] = useState<Draft>(() => ({ ...start, ...(kept?.values ?? {}) }));
  const [touched, setTouched] = useState<Set<string>>(() => new Set(kept?.touched ?? []));
  const touchedRef = useRef(touched);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const deleteAnswered = useAnswered(confirmDelete);
  const discardAnswered = useAnswered(confirmDiscard);
  const saved = useRef<RecordValues | null>(record);
  const latest = useRef(draft);
  const idPrefix = `${type}-form`;
  const disabled = data.readOnly;
  const formRef = useRef<HTMLFormElement>(null);

  // A form the planner asked for starts at its first field; a gap's link lands on the field that would close it.
  const startsFocused = useRef(focusFirst);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    if (focus) {
      // A date is focused on its day, a list of links on its filter.
      const target = focus.field ? (document.getElementById(`${idPrefix}-${focus.field}`) ?? document.getElementById(`${idPrefix}-${focus.field}-day`) ?? document.getElementById(`${idPrefix}-${focus.field}-filter`)) : null;
      (target ?? document.getElementById(`${idPrefix}-heading`))?.focus();
    } else if (startsFocused.current) {
      startsFocused.current = false;
      form.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    }
  }, [focus, idPrefix]);

  const errors = useMemo(() => ({ ...validateDraft(type, draft, saved.current === null), ...serverErrors }), [type, draft, serverErrors]);
  const shown = Object.fromEntries(Object.entries(errors).filter(([name]) => touched.has(name)));

  const autosave = useAutosave<Draft>(async (current) => {
    const existing = saved.current;
    const problems = validateDraft(type, current, existing === null);
    const settled: SaveState = Object.keys(problems).length > 0 ? { kind: 'invalid' } : { kind: 'saved' };
    if (existing === null) {
      // A new record is created as soon as it is valid; until then it waits, marked.
      if (Object.keys(problems).length > 0) return settled;
      const result = await data.create(type, valuesOf(type, current));
      if (!result.ok) {
        setServerErrors(result.error.fields ?? {});
        touchedRef.current = new Set([...touchedRef.current, ...Object.keys(result.error.fields ?? {})]);
        setTouched(touchedRef.current);
        return { kind: 'failed', message: result.error.message };
      }
      saved.current = result.value;
      // Saved at last: no longer a draft (this runs even if the form has closed meanwhile).
      shelf.discard(draftKey);
      setServerErrors({});
      onCreated(result.value.id);
      return settled;
    }
    const changes = changedValues(type, current, existing, problems);
    if (Object.keys(changes).length === 0) return settled;
    const result = await data.update(type, existing.id, changes);
    if (!result.ok) {
      setServerErrors(result.error.fields ?? {});
      return { kind: 'failed', message: result.error.message };
    }
    saved.current = result.value;
    setServerErrors({});
    return settled;
  }, onSaveState, undefined, () => shelf.get(saved.current ? saved.current.id : draftKey) !== undefined);
  const flush = autosave.flush;

  // A kept new record that can already be saved (it was put aside mid-save) is saved now.
  useEffect(() => {
    if (kept && saved.current === null && Object.keys(validateDraft(type, latest.current, true)).length === 0) autosave.schedule(latest.current, true);
  }, [kept, type, autosave]);

  /** Keeps on the shelf what cannot be saved yet, or takes it off once there is nothing left to keep. */
  function shelve(next: Draft, names: Set<string>) {
    const existing = saved.current;
    if (existing === null) {
      if (Object.keys(typedValues(next, start)).length === 0) shelf.discard(draftKey);
      else shelf.keep({ key: draftKey, type, recordId: null, values: typedValues(next, emptyDraft(type)), touched: [...names] });
      return;
    }
    const unsaved = unsavedValues(type, next, existing);
    if (Object.keys(unsaved).length === 0) shelf.discard(existing.id);
    else shelf.keep({ key: existing.id, type, recordId: existing.id, values: unsaved, touched: Object.keys(unsaved) });
  }

  function change(name: string, value: DraftValue, immediate = false) {
    const next = { ...latest.current, [name]: value };
    latest.current = next;
    setDraft(next);
    setServerErrors({});
    const names = new Set(touchedRef.current).add(name);
    touchedRef.current = names;
    setTouched(names);
    shelve(next, names);
    autosave.schedule(next, immediate);
  }

  // Each field's handler stays the same from render to render (it calls the newest `change`), so a
  // keystroke redraws only the field typed in: redrawing every input of a long form at each key cost
  // a millisecond an input in a big workbook (the browser's work on each input's name and type).
  const changeRef = useRef(change);
  changeRef.current = change;
  const handlers = useMemo(() => {
    const choice = (kind: FieldDef['kind']) => kind === 'enum' || kind === 'enumList' || kind === 'ref';
    const byName = new Map<string, (value: DraftValue, immediate?: boolean) => void>();
    for (const field of def.fields) byName.set(field.name, (value, immediate) => changeRef.current(field.name, value, immediate ?? choice(field.kind)));
    for (const link of def.links) byName.set(link.name, (ids) => changeRef.current(link.name, ids, true));
    byName.set('reviewedAt', (value) => changeRef.current('reviewedAt', value));
    return byName;
  }, [def]);
  const onNotes = useCallback((event: ChangeEvent<HTMLTextAreaElement>) => changeRef.current('notes', event.target.value), []);
  const onShareable = useCallback((event: ChangeEvent<HTMLInputElement>) => changeRef.current('shareable', event.target.checked, true), []);

  function discard() {
    shelf.discard(draftKey);
    onDiscarded();
  }

  const optionsFor = (target: RecordTypeName, exclude?: string, where?: FieldDef['targetWhere']) => linkOptions(target, data.records[target], exclude, where);
  const summary = Object.entries(shown).map(([name, message]) => {
    const label = def.fields.find((f) => f.name === name)?.label ?? def.links.find((l) => l.name === name)?.label ?? COMMON_LABELS[name] ?? name;
    return { field: name, target: `${idPrefix}-${name}`, message: summaryMessage(label, message) };
  });
  const isNew = saved.current === null;
  const missingRequired = isNew ? def.fields.filter((f) => f.required && errors[f.name]).map((f) => f.label) : [];

  return (
    <form ref={formRef} className="record-form" noValidate aria-label={isNew ? `New ${def.label.toLowerCase()}` : `${def.label}: ${titleOf(type, saved.current!)}`} onSubmit={(event) => { event.preventDefault(); flush(); }}>
      <h3 className="record-form__title" id={`${idPrefix}-heading`} tabIndex={-1}>{isNew ? `New ${def.label.toLowerCase()}` : titleOf(type, saved.current!)}</h3>
      <ErrorSummary errors={summary} />
      {isNew && missingRequired.length > 0 && <p className="inset">It is saved as soon as these are filled in: {missingRequired.join(', ')}. Until then it is kept as a draft: closing the form or going to another section does not lose it.</p>}
      {def.fields.filter((field) => isShown(field, draft)).map((field) => (
        <RecordFieldEditor
          key={field.name}
          idPrefix={idPrefix}
          field={field}
          value={draft[field.name]}
          error={shown[field.name]}
          disabled={disabled}
          refOptions={field.target ? optionsFor(field.target, saved.current?.id, field.targetWhere) : NO_OPTIONS}
          onChange={handlers.get(field.name)!}
          onBlur={flush}
        />
      ))}
      {def.links.map((link) => (
        <LinkPicker
          key={link.name}
          id={`${idPrefix}-${link.name}`}
          legend={`${link.label} (optional)`}
          noun={link.label.toLowerCase()}
          options={optionsFor(link.target)}
          value={(draft[link.name] as string[] | undefined) ?? NO_LINKS}
          error={shown[link.name]}
          disabled={disabled}
          onChange={handlers.get(link.name)!}
        />
      ))}
      {type === 'audience' && !isNew && <CitedFigures audienceId={saved.current!.id} headingId={`${idPrefix}-cited`} />}
      <Field id={`${idPrefix}-notes`} label="Notes (optional)" error={shown.notes}>
        <textarea id={`${idPrefix}-notes`} className="textarea" rows={3} value={String(draft.notes ?? '')} disabled={disabled} onChange={onNotes} onBlur={flush} />
      </Field>
      <div className="field-row field-row--end">
        <DateInput id={`${idPrefix}-reviewedAt`} label="Last reviewed (optional)" value={String(draft.reviewedAt ?? '')} error={shown.reviewedAt} disabled={disabled} onChange={handlers.get('reviewedAt')!} onBlur={flush} />
        <button type="button" className="button button--secondary button--small field-row__button" disabled={disabled} onClick={() => change('reviewedAt', today(), true)}>Reviewed today</button>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" id={`${idPrefix}-shareable`} checked={draft.shareable !== false} disabled={disabled} onChange={onShareable} />
          <span>Include in share copies sent to other forces</span>
        </label>
      </div>
      {isNew && !disabled && (
        <div className="record-form__danger">
          {confirmDiscard ? (
            <Question label="Confirm discarding">
              <p>Discard this unfinished {def.label.toLowerCase()}? What you typed will be lost.</p>
              <button type="button" className="button button--warning" onClick={discard}>Discard it</button>
              <button type="button" className="button button--secondary" onClick={() => { discardAnswered.declined(); setConfirmDiscard(false); }}>Keep it</button>
            </Question>
          ) : (
            <button type="button" ref={discardAnswered.trigger} className="button button--secondary" onClick={() => setConfirmDiscard(true)}>Discard this {def.label.toLowerCase()}…</button>
          )}
        </div>
      )}
      {!isNew && !disabled && (
        <div className="record-form__danger">
          {confirmDelete ? (
            <Question label="Confirm deletion">
              <p>Delete “{titleOf(type, saved.current!)}”? You can undo this.</p>
              <button type="button" className="button button--warning" onClick={() => void data.remove(type, saved.current!.id).then((result) => { if (result.ok) { shelf.discard(saved.current!.id); onDeleted(); } else { setConfirmDelete(false); setServerErrors({}); autosave.reportFailure(result.error.message); } })}>Delete</button>
              <button type="button" className="button button--secondary" onClick={() => { deleteAnswered.declined(); setConfirmDelete(false); }}>Keep it</button>
            </Question>
          ) : (
            <button type="button" ref={deleteAnswered.trigger} className="button button--secondary" onClick={() => setConfirmDelete(true)}>Delete this {def.label.toLowerCase()}</button>
          )}
        </div>
      )}
    </form>
  );
}
