// "Fill in LSOAs from a lookup file": choose an ONS lookup CSV; the areas it matches get their
// LSOAs, and the planner is told what matched and what did not. One undoable change.
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result.ts';
import { Notice } from '../components/Notice.tsx';
import { useChooseFile } from '../app/file-chooser.tsx';
import { errorHeading } from '../api/error-messages.ts';
import { useWorkbookData } from './workbook-data.tsx';

interface Outcome {
  matchedAreas: number;
  addedCodes: number;
  unmatchedAreas: string[];
  areaColumn: string;
}

export function AreaLookupImport() {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run() {
    const source = await chooseFile({ mode: 'open', purpose: 'csv', title: 'Choose an LSOA lookup file (CSV)' });
    if (!source) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await data.api.call('importAreaLookup', { handle: data.handle, source });
    setBusy(false);
    if (result.ok) {
      setOutcome(result.value);
      data.applyEffects(result.value.effects);
      await data.refresh();
    } else {
      setError(result.error);
    }
  }

  return (
    <div className="toolbar">
      <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run()}>
        {busy ? 'Reading the lookup file…' : 'Fill in LSOAs from a lookup file…'}
      </button>
      <p className="field__hint">An ONS lookup CSV (for example LSOA21CD, WD22CD, WD22NM): areas are matched by their ONS code or name.</p>
      {outcome && (
        <Notice title="LSOAs filled in" kind="success" onDismiss={() => setOutcome(null)}>
          <p>
            {outcome.addedCodes} LSOA {outcome.addedCodes === 1 ? 'code was' : 'codes were'} added to {outcome.matchedAreas} {outcome.matchedAreas === 1 ? 'area' : 'areas'}, matched on the column {outcome.areaColumn}.
          </p>
          {outcome.unmatchedAreas.length > 0 && <p>Not in the file: {outcome.unmatchedAreas.join(', ')}.</p>}
        </Notice>
      )}
      {error && (
        <Notice title={errorHeading(error, 'file')} kind="error" onDismiss={() => setError(null)}>
          <p>{error.message}</p>
        </Notice>
      )}
    </div>
  );
}
