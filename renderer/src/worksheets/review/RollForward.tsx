// "Roll forward": a new workbook for the next period, carrying every record forward (same ids, none
// reviewed yet) and naming this one; this workbook's file is only read. The new one then opens.
import { useState } from 'react';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { dateProblem } from '../../components/date-parts.ts';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { useWorkbookData } from '../workbook-data.tsx';

function nextPeriod(info: WorkbookInfo): { start: string; end: string } {
  const end = info.meta.periodEnd;
  const start = info.meta.periodStart;
  if (!start || !end) return { start: '', end: '' };
  const years = Math.max(1, Number(end.slice(0, 4)) - Number(start.slice(0, 4)));
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: next, end: `${Number(end.slice(0, 4)) + years}${end.slice(4)}` };
}

export function RollForward({ info, onOpenWorkbook }: { info: WorkbookInfo; onOpenWorkbook: (path: string, notice: string) => void }) {
  const { api } = useWorkbookData();
  const chooseFile = useChooseFile();
  const [period, setPeriod] = useState(() => nextPeriod(info));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  /** What is wrong with the dates, in day, month and year terms, checked before a file name is asked for. */
  function periodProblems(): Record<string, string> {
    const found: Record<string, string> = {};
    const start = dateProblem('The next period starts', period.start, true);
    const end = dateProblem('The next period ends', period.end, true);
    if (start) found.periodStart = start;
    if (end) found.periodEnd = end;
    if (!start && !end && period.end <= period.start) found.periodEnd = `The next period must end after it starts (${formatUkDate(period.start)})`;
    return found;
  }

  async function roll() {
    setMessage(null);
    const problems = periodProblems();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const destination = await chooseFile({ mode: 'save', purpose: 'workbook', title: 'Save the next period’s workbook', suggestedName: `${info.meta.title.replace(/[\\/:*?"<>|]/g, '').slice(0, 80)} (next period).ewb`, openWorkbookPath: info.path });
    if (!destination) return;
    const result = await api.call('rollForwardWorkbook', { path: info.path, destination, periodStart: period.start, periodEnd: period.end });
    if (!result.ok) {
      // A field the form names is shown beside it; anything else (the file, the disk) above.
      const fields = result.error.fields ?? {};
      setErrors(fields);
      setMessage(Object.keys(fields).some((name) => name === 'periodStart' || name === 'periodEnd') ? null : result.error.message);
      return;
    }
    await api.call('closeWorkbook', { handle: result.value.handle });
    onOpenWorkbook(result.value.path, `This is the workbook for the next period, rolled forward from “${info.meta.title}”. Its records are those of the last period, none reviewed yet; the last period’s file was not changed.`);
  }
  return (
    <section className="roll-forward" aria-labelledby="roll-forward-heading">
      <h3 id="roll-forward-heading">Roll forward to the next period</h3>
      <p>Writes a new workbook for the next strategy period with every record carried forward, ready to review. This workbook is not changed.</p>
      {message && <p className="field__error" role="alert">{message}</p>}
      <DateInput id="roll-periodStart" label="The next period starts" value={period.start} error={errors.periodStart} onChange={(v) => setPeriod({ ...period, start: v })} />
      <DateInput id="roll-periodEnd" label="The next period ends" value={period.end} error={errors.periodEnd} onChange={(v) => setPeriod({ ...period, end: v })} />
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void roll()}>Roll forward…</button>
      </div>
    </section>
  );
}
