// "Import another table": any CSV or Excel file of figures by area, through the column-mapping
// step — which column holds the area codes, which the figures, where they come from.
import type { ImportCensusResult } from '../../../../shared/api/census.ts';
import type { WriteEffects } from '../../../../shared/api/records.ts';
import { ColumnMappingDialog, type Mapping, type MappingField } from '../../components/ColumnMappingDialog.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { JobProgressBar } from '../../components/JobProgressBar.tsx';
import { useTabularImport } from '../use-tabular-import.ts';

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
  const file = useTabularImport();
  const { preview, error, busy, jobId } = file;

  async function submit(mapping: Mapping) {
    const imported = await file.runJob((source, job) =>
      data.api.call('importMappedTable', {
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
      }),
    );
    if (!imported) return;
    file.clear();
    onImported(imported);
  }

  return (
    <>
      <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void file.choose('Choose a CSV or Excel file of figures by area')}>
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
          onCancel={() => { file.clear(); file.setError(null); }}
        />
      )}
    </>
  );
}
