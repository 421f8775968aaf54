// The steps every import of the planner's own spreadsheet shares: choose a CSV or Excel file, read
// a preview of it for the column-mapping step, then run the import as a job whose progress can be
// shown; the error of whichever step failed is kept for the dialog to say.
import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/result.ts';
import type { TabularPreview } from '../../../shared/api/tabular.ts';
import { useChooseFile } from '../app/file-chooser.tsx';
import { newJobId } from '../components/JobProgressBar.tsx';
import { useWorkbookData } from './workbook-data.tsx';

export interface TabularImport {
  /** The file chosen, once its preview has been read. */
  source: string | null;
  preview: TabularPreview | null;
  error: ApiError | null;
  setError: (error: ApiError | null) => void;
  busy: boolean;
  /** The job under way, whose progress may be shown. */
  jobId: string | null;
  /** Asks for a file titled `title` and reads its preview; `onChosen` runs once a file is chosen. */
  choose: (title: string, onChosen?: () => void) => Promise<void>;
  /** Runs `call` on the chosen file as a job: its value, or null with its error kept. */
  runJob: <T>(call: (source: string, jobId: string) => Promise<Result<T>>) => Promise<T | null>;
  /** Forgets the file and its preview. */
  clear: () => void;
}

export function useTabularImport(): TabularImport {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const [source, setSource] = useState<string | null>(null);
  const [preview, setPreview] = useState<TabularPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  async function choose(title: string, onChosen?: () => void) {
    const chosen = await chooseFile({ mode: 'open', purpose: 'spreadsheet', title });
    if (!chosen) return;
    setBusy(true);
    setError(null);
    onChosen?.();
    const result = await data.api.call('previewTabularFile', { handle: data.handle, source: chosen });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSource(chosen);
    setPreview(result.value);
  }

  async function runJob<T>(call: (source: string, jobId: string) => Promise<Result<T>>): Promise<T | null> {
    if (!source) return null;
    setBusy(true);
    setError(null);
    const job = newJobId();
    setJobId(job);
    const result = await call(source, job);
    setJobId(null);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.value;
  }

  function clear() {
    setSource(null);
    setPreview(null);
  }

  return { source, preview, error, setError, busy, jobId, choose, runJob, clear };
}
