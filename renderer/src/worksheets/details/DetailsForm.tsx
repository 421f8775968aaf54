// The workbook's details: edits save themselves shortly after typing stops (and at once when a
// field is left), with inline errors and an error summary. Nothing typed is lost: invalid values
// stay in the form, marked, until they are put right.
import { useMemo, useRef, useState } from 'react';
import { useAutosave, type SaveState } from '../use-autosave.ts';
import { LogoPicker } from './LogoPicker.tsx';
import type { WriteEffects } from '../../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import type { ApiClient } from '../../api/client.ts';
import { ErrorSummary, summaryMessage, type FieldError } from '../../components/ErrorSummary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/fields.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { draftOf, saveableChanges, validateDraft, type Draft } from './details-draft.ts';
import { useForces } from '../../app/use-forces.ts';

const LABELS: Record<keyof Draft, string> = {
  force: 'Force',
  title: 'Title',
  periodStart: 'Strategy period starts',
  periodEnd: 'Strategy period ends',
  author: 'Author',
  versionLabel: 'Version label',
  marking: 'Protective marking',
  reviewDate: 'Next review date',
  owner: 'Owner',
  approver: 'Approved by',
};

export function DetailsForm({ api, info, onSaved, onSaveState, onEffects }: { api: ApiClient; info: WorkbookInfo; onSaved: (info: WorkbookInfo) => void; onSaveState: (state: SaveState) => void; onEffects?: (effects: WriteEffects) => void }) {
  const forces = useForces(api);
  const [draft, setDraft] = useState<Draft>(() => draftOf(info.meta));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const saved = useRef<Draft>(draftOf(info.meta));
  const latest = useRef(draft);
  const readOnly = info.readOnly;

  const errors = useMemo(() => ({ ...validateDraft(draft), ...serverErrors }), [draft, serverErrors]);
  const shownErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => touched.has(field)));

  const autosave = useAutosave<Draft>(async (current) => {
    const problems = validateDraft(current);
    const changes = saveableChanges(current, saved.current, problems);
    const settled: SaveState = Object.keys(problems).length > 0 ? { kind: 'invalid' } : { kind: 'saved' };
    if (Object.keys(changes).length === 0) return settled;
    const result = await api.call('updateWorkbookDetails', { handle: info.handle, changes });
    if (!result.ok) {
      setServerErrors(result.error.fields ?? {});
      return { kind: 'failed', message: result.error.message };
    }
    saved.current = { ...saved.current, ...draftOf(result.value.meta) };
    setServerErrors({});
    onSaved(result.value);
    return settled;
  }, onSaveState);
  const flush = autosave.flush;

  function change(field: keyof Draft, value: string, immediate = false) {
    const next = { ...latest.current, [field]: value };
    latest.current = next;
    setDraft(next);
    setServerErrors({});
    setTouched((old) => new Set(old).add(field));
    autosave.schedule(next, immediate);
  }

  const summary: FieldError[] = Object.entries(shownErrors).map(([field, message]) => ({ field, target: `details-${field}`, message: summaryMessage(LABELS[field as keyof Draft] ?? field, message) }));

  return (
    <form className="form" noValidate onSubmit={(event) => { event.preventDefault(); flush(); }} aria-label="Workbook details">
      <ErrorSummary errors={summary} />
      {readOnly && <p className="inset">This workbook is open read-only, so its details cannot be changed here.</p>}
      <TextField id="details-title" label={LABELS.title} hint="The strategy's name as it will appear on the cover of the document." value={draft.title} error={shownErrors.title} onChange={(v) => change('title', v)} onBlur={flush} disabled={readOnly} />
      <SelectField id="details-force" label={LABELS.force} value={draft.force} error={shownErrors.force} options={forces.map((f) => ({ value: f.id, label: f.name }))} onChange={(v) => change('force', v, true)} disabled={readOnly} />
      <div className="field-row">
        <DateInput id="details-periodStart" label={LABELS.periodStart} value={draft.periodStart} error={shownErrors.periodStart} onChange={(v) => change('periodStart', v)} onBlur={flush} disabled={readOnly} />
        <DateInput id="details-periodEnd" label={LABELS.periodEnd} value={draft.periodEnd} error={shownErrors.periodEnd} onChange={(v) => change('periodEnd', v)} onBlur={flush} disabled={readOnly} />
      </div>
      <TextField id="details-author" label={LABELS.author} hint="A person's name is personal data: it is left out of share copies." value={draft.author} error={shownErrors.author} onChange={(v) => change('author', v)} onBlur={flush} disabled={readOnly} />
      <TextField id="details-versionLabel" label={LABELS.versionLabel} hint="For example: Draft 2, or Version 1.0 for the agreed strategy." value={draft.versionLabel} error={shownErrors.versionLabel} onChange={(v) => change('versionLabel', v)} onBlur={flush} width="half" disabled={readOnly} />
      <DateInput id="details-reviewDate" label={LABELS.reviewDate} hint="When the strategy will next be reviewed." value={draft.reviewDate} error={shownErrors.reviewDate} onChange={(v) => change('reviewDate', v)} onBlur={flush} disabled={readOnly} />
      <TextField id="details-owner" label={LABELS.owner} hint="The post that owns the strategy, for its document control: for example, Superintendent, Neighbourhood Policing. A post, not a person's name." value={draft.owner} error={shownErrors.owner} onChange={(v) => change('owner', v)} onBlur={flush} disabled={readOnly} />
      <TextField id="details-approver" label={LABELS.approver} hint="The post that approves it: for example, Assistant Chief Constable, Local Policing. A post, not a person's name." value={draft.approver} error={shownErrors.approver} onChange={(v) => change('approver', v)} onBlur={flush} disabled={readOnly} />
      <RadioGroup
        id="details-marking"
        legend={LABELS.marking}
        value={draft.marking}
        error={shownErrors.marking}
        disabled={readOnly}
        onChange={(v) => change('marking', v, true)}
        options={[
          { value: 'OFFICIAL', label: 'OFFICIAL', hint: 'Routine business information.' },
          { value: 'OFFICIAL-SENSITIVE', label: 'OFFICIAL-SENSITIVE', hint: 'Would cause harm if lost or shared without need: most engagement strategies that name groups, places and contacts.' },
        ]}
      />
      <LogoPicker api={api} handle={info.handle} readOnly={readOnly} onEffects={onEffects} />
    </form>
  );
}
