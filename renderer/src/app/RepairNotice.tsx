// Shown while a workbook is open read-only because it holds values the app cannot use: each value
// with its record and what repairing it would do, and a button that lists the repairs once more
// before making them (the core keeps a copy of the file as it was), then opens it again.
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/result.ts';
import type { ValueCheck, ValueProblem } from '../../../shared/api/value-check.ts';
import type { ApiClient } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { useForces } from './use-forces.ts';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function where(problem: ValueProblem): string {
  return problem.recordType === 'workbook' ? 'Workbook details' : `${problem.recordLabel} “${problem.title}”`;
}

function ProblemTable({ problems }: { problems: readonly ValueProblem[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Values Engagement Workbook cannot use</caption>
      <thead>
        <tr>
          <th scope="col">Record</th>
          <th scope="col">Field</th>
          <th scope="col">What is wrong</th>
          <th scope="col">Repair</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={`${problem.recordType}:${problem.recordId ?? ''}:${problem.field}:${index}`}>
            <td>{where(problem)}</td>
            <td>{problem.fieldLabel}</td>
            <td>{problem.message}</td>
            <td>{problem.repair ?? (problem.choose === 'force' ? 'Choose the force below' : 'Cannot be repaired here')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface RepairNoticeProps {
  api: ApiClient;
  path: string;
  check: ValueCheck;
  /** Opens the workbook again once repaired, with a notice saying what was done. */
  onRepaired: (path: string, notice: string) => void;
}

export function RepairNotice({ api, path, check, onRepaired }: RepairNoticeProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const forces = useForces(api);
  const [forceId, setForceId] = useState('');
  // The one value no repair can guess: the user says which force's workbook this is.
  const chosen = forces.find((force) => force.id === forceId);
  const needsForce = check.problems.some((p) => p.choose === 'force');
  const unlisted = check.total - check.problems.length;
  const repairOf = (p: ValueProblem) => p.repair ?? (p.choose === 'force' && chosen ? `Set it to ${chosen.name}` : null);
  const repairs = check.problems.filter((p) => repairOf(p) !== null);
  const repairable = check.repairable + (needsForce && chosen ? 1 : 0);
  const left = check.total - repairable;

  async function repair() {
    setBusy(true);
    setError(null);
    const result = await api.call('repairWorkbook', { path, apply: true, ...(chosen ? { force: chosen.id } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { found, remaining, backupName } = result.value;
    setConfirming(false);
    const kept = backupName ? ` The file as it was is kept as “${backupName}”.` : '';
    onRepaired(path, `Repaired ${plural(found.total - remaining.total, 'value')}.${kept}`);
  }

  return (
    <>
      <Notice title="This workbook needs repair before it can be edited" kind="error">
        <p>
          It holds {plural(check.total, 'value')} that Engagement Workbook cannot use, perhaps because the file was changed by another program. It is open read-only so
          nothing more is built on them.
          {check.repairable === check.total
            ? ' All of them can be repaired.'
            : check.repairable > 0 || needsForce
              ? ` ${plural(check.repairable + (needsForce ? 1 : 0), 'of them', 'of them')} can be repaired here${needsForce ? ' (one once you choose the force)' : ''}${check.repairable + (needsForce ? 1 : 0) < check.total ? '; the others cannot' : ''}.`
              : ' None of them can be repaired here: use an earlier copy of the file, or ask your support team.'}
        </p>
        <details open={check.problems.length <= 10}>
          <summary>{check.problems.length <= 10 ? 'The values' : `Show the ${plural(check.problems.length, 'value')}`}</summary>
          <ProblemTable problems={check.problems} />
          {unlisted > 0 && <p>… and {plural(unlisted, 'more value')}, not listed here (“ewb check” lists them all).</p>}
        </details>
        {needsForce && (
          <div className="field">
            <label className="field__label" htmlFor="repair-force">
              Which force’s workbook is this?
            </label>
            <select id="repair-force" className="select" value={forceId} onChange={(event) => setForceId(event.target.value)}>
              <option value="">Choose the force</option>
              {forces.map((force) => (
                <option key={force.id} value={force.id}>
                  {force.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {repairable > 0 && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Repair {plural(repairable, 'value')}…
          </button>
        )}
      </Notice>
      {confirming && (
        <Dialog title="Repair this workbook?" wide onClose={() => !busy && setConfirming(false)}>
          <p>These repairs will be made together. A copy of the file as it is now is kept beside it first, so nothing is lost.</p>
          <ol>
            {repairs.map((problem, index) => (
              <li key={`${problem.recordType}:${problem.recordId ?? ''}:${problem.field}:${index}`}>
                {where(problem)}, {problem.fieldLabel}: {repairOf(problem)}.
              </li>
            ))}
          </ol>
          {repairable > repairs.length && <p>… and {plural(repairable - repairs.length, 'more repair')} of the same kinds.</p>}
          {left > 0 && <p>{plural(left, 'value')} cannot be repaired here and will stay as they are; the workbook stays read-only until they are put right.</p>}
          {error && (
            <p className="field__error" role="alert">
              {error.message}
            </p>
          )}
          <div className="button-group">
            <button type="button" className="button" disabled={busy} onClick={() => void repair()}>
              {busy ? 'Repairing…' : 'Repair and open again'}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
