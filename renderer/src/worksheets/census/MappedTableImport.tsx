// "Import another table": any CSV or Excel file of figures by area, through the column-mapping
// step — which column holds the area codes, which the figures, where they come from.
import { useState } from 'react';
import type { ImportCensusResult } from '../../../../shared/api/census.ts';
import type { WriteEffects } from '../../../../shared/api/records.ts';
import type { TabularPreview } from '../../../../shared/api/tabular.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { ColumnMappingDialog, type Mapping, type MappingField } from '../../components/ColumnMappingDialog.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { JobProgressBar, newJobId } from '../../components/JobProgressBar.tsx';

const FIELDS: MappingField[] = [
  { key: 'geographyColumn', label: 'Column with the area codes', kind: 'column', required: true, hint: 'ONS codes such as E01024133 (LSOA) or E05009317 (ward), so the figures match your areas.', guess: /code|cd$/i },
  { key: 'geographyNameColumn', label: 'Column with the area names', kind: 'column', required: false, guess: /name|nm$/i },
  { key: 'valueColumns', label: 'Columns of figures', kind: 'columns', required: true, hint: 'Each becomes a category, counted per area.' },
  { key: 'totalColumn', label: "Column with each area's total", kind: 'column', required: false, noneLabel: 'None: add up the chosen figures', guess: /total/i },
  { key: 'code', label: 'Short code for the table', kind: 'text', required: true, hint: 'Letters and numbers, for example HOUSING24.' },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'sourceDescription', label: 'Where the figures come from', kind: 'text', required: true, hint: 'For example: City council housing survey, 2024.' },
  { key: 'referenceDate', label: 'Date of the figures (optional)', kind: 'text', required: false },
];

export function MappedTableImport({ onImported }: { onImported: (result: ImportCensusResult & { effects: WriteEffects }) => void }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const [source, setSource] = useState<string | null>(null);
  const [preview, setPreview] = useState<TabularPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  async function start() {
    const chosen = await chooseFile({ mode: 'open', purpose: 'spreadsheet', title: 'Choose a CSV or Excel file of figures by area' });
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await data.api.call('previewTabularFile', { handle: data.handle, source: chosen });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSource(chosen);
    setPreview(result.value);
  }

  async function submit(mapping: Mapping) {
    if (!source) return;
    setBusy(true);
    setError(null);
    const job = newJobId();
    setJobId(job);
    const result = await data.api.call('importMappedTable', {
      jobId: job,
      handle: data.handle,
      source,
      sheet: mapping.sheet || undefined,
      geographyColumn: String(mapping.geographyColumn ?? ''),
      geographyNameColumn: (mapping.geographyNameColumn as string | null) ?? null,
      valueColumns: (mapping.valueColumns as string[]) ?? [],
      totalColumn: (mapping.totalColumn as string | null) ?? null,
      code: String(mapping.code ?? '').trim(),
      title: String(mapping.title ?? ''),
      sourceDescription: String(mapping.sourceDescription ?? ''),
      referenceDate: String(mapping.referenceDate ?? ''),
    });
    setJobId(null);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPreview(null);
    setSource(null);
    onImported(result.value);
  }

  return (
    <>
      <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void start()}>
        Import another table (CSV or Excel)…
      </button>
      {error && !preview && <p className="field__error" role="alert">{error.message}</p>}
      {preview && jobId && <JobProgressBar api={data.api} jobId={jobId} label="Importing the table" />}
      {preview && (
        <ColumnMappingDialog
          title="Which column is which?"
          preview={preview}
          fields={FIELDS}
          submitLabel="Import the table"
          busy={busy}
          errors={error?.fields ?? {}}
          message={error?.message ?? null}
          onSubmit={(mapping) => void submit(mapping)}
          onCancel={() => { setPreview(null); setError(null); }}
        />
      )}
    </>
  );
}
