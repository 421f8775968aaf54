// "Import a contact list": the planner's own CSV or Excel list of partners (or assets) through the
// column-mapping step, then a check of what would be added, merged with what is already recorded
// (the same name or email, case and spacing ignored) and skipped, then the import as one undoable
// change, and a summary that says what was merged.
import { useState } from 'react';
import { CONTACT_DEFAULTS, CONTACT_FIELDS, CONTACT_NAME_FIELD, type ContactImportResult, type ContactTarget } from '../../../../shared/api/contacts.ts';
import { RECORD_TYPES } from '../../../../shared/domain/record-types.ts';
import { labelOf } from '../../../../shared/domain/vocabularies.ts';
import { ColumnMappingDialog, type Mapping, type MappingField } from '../../components/ColumnMappingDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { JobProgressBar } from '../../components/JobProgressBar.tsx';
import { MessageLines } from '../../components/MessageLines.tsx';
import { Notice } from '../../components/Notice.tsx';
import { errorHeading } from '../../api/error-messages.ts';
import { useTabularImport } from '../use-tabular-import.ts';
import { useWorkbookData } from '../workbook-data.tsx';

/** How each field's column is guessed from the list's headers. */
const GUESSES: Readonly<Record<string, RegExp>> = {
  organisation: /^(organi[sz]ation|organi[sz]ation name|partner|company|body)$/i,
  name: /^(name|asset|group|organi[sz]ation)$/i,
  sector: /sector/i,
  kind: /^(kind|type)$/i,
  contactName: /^(contact|contact name|name of contact)$/i,
  personName: /^(contact|contact name|person)$/i,
  contactRole: /^(role|job title|position)$/i,
  role: /^role$/i,
  phone: /phone|tel|mobile/i,
  email: /e-?mail/i,
  relationship: /relationship/i,
  lastContact: /last (contact|spoke|met)/i,
  whatTheyBring: /bring|offer/i,
  notes: /^(notes?|comments?)$/i,
};

function mappingFields(target: ContactTarget): MappingField[] {
  const def = RECORD_TYPES[target];
  return CONTACT_FIELDS[target].map((name) => {
    const field = def.fields.find((f) => f.name === name);
    const label = name === 'notes' ? 'Notes' : (field?.label ?? name);
    const fallback = CONTACT_DEFAULTS[target][name];
    const hint = name === CONTACT_NAME_FIELD[target] ? 'Rows are matched with what the workbook holds by this, or by email.' : fallback && field ? `Without a column, each is recorded as “${labelOf(field.vocabulary ?? [], fallback)}”.` : field?.personal ? 'Personal data: kept out of exports and share copies unless you ask.' : undefined;
    const required = name === CONTACT_NAME_FIELD[target];
    return { key: name, label: `Column with the ${label.toLowerCase()}${required ? '' : ' (optional)'}`, kind: 'column', required, ...(hint ? { hint } : {}), ...(GUESSES[name] ? { guess: GUESSES[name] } : {}), noneLabel: '(none)' } satisfies MappingField;
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** What a check or an import did, in words: added, merged (each said), skipped (each with why). */
function ResultText({ result }: { result: ContactImportResult }) {
  const def = RECORD_TYPES[result.target];
  const verb = result.applied ? { add: 'added', merge: 'merged', skip: 'skipped' } : { add: 'will be added', merge: 'will be merged', skip: 'will be skipped' };
  return (
    <>
      <p>
        {plural(result.added, def.label.toLowerCase(), def.plural.toLowerCase())} {verb.add}; {plural(result.merged, 'row', 'rows')} {verb.merge} with {def.plural.toLowerCase()} already recorded; {plural(result.skipped, 'row', 'rows')} {verb.skip}.
      </p>
      {result.merges.length > 0 && (
        <>
          <p>Merged, because the name or email matches:</p>
          <ul>
            {result.merges.map((merge) => (
              <li key={merge.row}>
                Row {merge.row}, “{merge.name}”, into “{merge.into}”{merge.fields.length > 0 ? `: adds ${merge.fields.join(', ').toLowerCase()}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.skips.length > 0 && (
        <>
          <p>Skipped:</p>
          <ul>
            {result.skips.map((skip) => (
              <li key={skip.row}>Row {skip.row}: {skip.reason}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ContactListImport({ target }: { target: ContactTarget }) {
  const data = useWorkbookData();
  const file = useTabularImport();
  const { preview, error, setError, busy, jobId } = file;
  const def = RECORD_TYPES[target];
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [check, setCheck] = useState<ContactImportResult | null>(null);
  const [done, setDone] = useState<ContactImportResult | null>(null);

  function reset() {
    file.clear();
    setMapping(null);
    setCheck(null);
  }

  async function run(chosen: Mapping, apply: boolean) {
    const columns = CONTACT_FIELDS[target].flatMap((field) => (typeof chosen[field] === 'string' && chosen[field] ? [{ field, column: chosen[field] as string }] : []));
    const value = await file.runJob((source, job) => data.api.call('importContacts', { handle: data.handle, source, target, columns, apply, jobId: job, ...(chosen.sheet ? { sheet: chosen.sheet } : {}) }));
    if (!value) return;
    const { effects, ...outcome } = value;
    if (!apply) {
      setMapping(chosen);
      setCheck(outcome);
      return;
    }
    reset();
    setDone(outcome);
    if (effects) data.applyEffects(effects);
    await data.refresh();
  }

  return (
    <div className="toolbar">
      <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void file.choose(`Choose a list of ${def.plural.toLowerCase()} (CSV or Excel)`, () => setDone(null))}>
        {busy && !preview ? 'Reading the list…' : `Import a list of ${def.plural.toLowerCase()} (CSV or Excel)…`}
      </button>
      <p className="field__hint">Your own contact list: you say which column is which; rows matching a {def.label.toLowerCase()} already recorded (the same name or email) are merged into it, not added twice.</p>
      {error && !preview && (
        <Notice title={errorHeading(error)} kind="error" onDismiss={() => setError(null)}>
          <MessageLines message={error.message} />
        </Notice>
      )}
      {done && (
        <Notice title={`${def.plural} imported from ${done.fileName}`} kind="success" onDismiss={() => setDone(null)}>
          <ResultText result={done} />
          <p>You can undo the whole import in one step.</p>
        </Notice>
      )}
      {preview && !check && (
        <ColumnMappingDialog
          title={`Which column is which in your list of ${def.plural.toLowerCase()}?`}
          preview={preview}
          fields={mappingFields(target)}
          submitLabel="Check the list"
          busy={busy}
          errors={error?.fields ?? {}}
          message={error?.message ?? null}
          onSubmit={(chosen) => void run(chosen, false)}
          onCancel={() => { reset(); setError(null); }}
          busyLabel="Checking the list…"
          progress={jobId && <JobProgressBar api={data.api} jobId={jobId} label="Checking the list" />}
        />
      )}
      {check && mapping && (
        <Dialog title={`Import ${plural(check.added + check.merged, 'row', 'rows')} from ${check.fileName}?`} onClose={() => { reset(); setError(null); }} wide>
          {error && <div className="field__error" role="alert"><MessageLines message={error.message} /></div>}
          <ResultText result={check} />
          {jobId && <JobProgressBar api={data.api} jobId={jobId} label={`Importing ${def.plural.toLowerCase()}`} />}
          <div className="button-group">
            <button type="button" className="button" disabled={busy || check.added + check.merged === 0} onClick={() => void run(mapping, true)}>
              {busy ? 'Importing…' : `Import ${def.plural.toLowerCase()}`}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setCheck(null)}>Back to the columns</button>
            <button type="button" className="button button--secondary" onClick={() => { reset(); setError(null); }}>Cancel</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
