// Export: the Word strategy document and the Excel workbook, with the sections to include and
// whether personal data goes out (off by default, with a warning when turned on); a progress bar
// while it runs; "Open folder" (or, in the browser, a download) when done; and when each was last
// written from this computer.
import { useState } from 'react';
import { EXPORT_SECTIONS, type ExportResult, type ExportSectionId } from '../../../../shared/api/export.ts';
import type { ApiError } from '../../../../shared/api/result.ts';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { JobProgressBar, newJobId } from '../../components/JobProgressBar.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useWorkbookData } from '../workbook-data.tsx';
import { recordExports, useLastExports } from './last-exports.ts';
import { formatLocalDateTime } from '../../components/format-local-time.ts';
import { ShareCopy } from './ShareCopy.tsx';

function suggestedName(info: WorkbookInfo, extension: string): string {
  const day = new Date().toISOString().slice(0, 10);
  const base = info.meta.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Strategy';
  return `${base} ${day}.${extension}`;
}

export function ExportSection({ info, shareRequest = null }: { info: WorkbookInfo; shareRequest?: number | null }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const [word, setWord] = useState(true);
  const [excel, setExcel] = useState(true);
  const [sections, setSections] = useState<ExportSectionId[]>(EXPORT_SECTIONS.map((s) => s.id));
  const [personal, setPersonal] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const lastExports = useLastExports(info.meta.id);

  async function run() {
    // The button stays focusable while it runs (it says "Exporting…"), so the keyboard is not dropped.
    if (jobId !== null) return;
    setError(null);
    setResult(null);
    if (!word && !excel) {
      setError({ code: 'invalid-input', message: 'Choose Word, Excel or both.' });
      return;
    }
    const wordPath = word ? await chooseFile({ mode: 'save', purpose: 'word', title: 'Save the Word strategy document', suggestedName: suggestedName(info, 'docx') }) : null;
    if (word && !wordPath) return;
    const excelPath = excel ? await chooseFile({ mode: 'save', purpose: 'excel', title: 'Save the Excel workbook', suggestedName: suggestedName(info, 'xlsx') }) : null;
    if (excel && !excelPath) return;
    const job = newJobId();
    setJobId(job);
    const answer = await data.api.call('exportWorkbook', { handle: data.handle, word: wordPath, excel: excelPath, sections, personal, jobId: job });
    setJobId(null);
    if (answer.ok) {
      setResult(answer.value);
      recordExports(info.meta.id, answer.value.files, new Date().toISOString());
    } else setError(answer.error);
  }

  async function openFolder(path: string) {
    if (data.api.door === 'electron') await data.api.call('showInFolder', { path });
    else await data.api.download(path);
  }

  return (
    <div className="worksheet">
      <p className="lead">The deliverables your organisation runs on: a Word strategy document to circulate and an Excel workbook to work from. Both carry the protective marking, {info.meta.marking}, on every page.</p>
      <section className="last-exports" aria-labelledby="last-exports-heading">
        <h3 id="last-exports-heading" className="worksheet__block-title">Last written from this computer</h3>
        <dl className="summary-list">
          {(['word', 'excel'] as const).map((kind) => (
            <div className="summary-list__row" key={kind}>
              <dt>{kind === 'word' ? 'Word strategy document' : 'Excel workbook'}</dt>
              <dd data-testid={`last-export-${kind}`}>{lastExports[kind] ? `${formatLocalDateTime(lastExports[kind].at)}, to ${lastExports[kind].path}` : 'Not written yet'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <fieldset className="field fieldset">
        <legend className="field__label">What to write</legend>
        <label className="checkbox"><input type="checkbox" checked={word} onChange={(e) => setWord(e.target.checked)} /><span>Word strategy document (.docx)</span></label>
        <label className="checkbox"><input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} /><span>Excel workbook (.xlsx)</span></label>
      </fieldset>
      <fieldset className="field fieldset">
        <legend className="field__label">Sections to include</legend>
        <div className="field__hint">Sections left out still keep their heading in the document, with a line saying so.</div>
        {EXPORT_SECTIONS.map((section) => (
          <label key={section.id} className="checkbox">
            <input type="checkbox" checked={sections.includes(section.id)} onChange={(e) => setSections(e.target.checked ? EXPORT_SECTIONS.map((s) => s.id).filter((id) => id === section.id || sections.includes(id)) : sections.filter((id) => id !== section.id))} />
            <span>{section.title}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="checkbox"><input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} /><span>Include personal data</span></label>
        {personal && (
          <Notice title="Personal data will be included" kind="error">
            <p>People's names, phone numbers, email addresses and any special-category notes (faith, ethnicity, health) will be written into the files. Only do this if everyone who will receive them needs it, and handle the files as the marking requires.</p>
          </Notice>
        )}
      </div>
      <div className="button-group">
        <button type="button" className="button" aria-disabled={jobId !== null} onClick={() => void run()}>{jobId ? 'Exporting…' : 'Export…'}</button>
      </div>
      {jobId && <JobProgressBar api={data.api} jobId={jobId} label="Exporting" />}
      {error && <Notice title={errorHeading(error)} kind="error" takeFocus onDismiss={() => setError(null)}><p>{error.message}</p></Notice>}
      {result && (
        <Notice title="Export finished" kind="success" takeFocus onDismiss={() => setResult(null)}>
          <ul>
            {result.files.map((file) => (
              <li key={file.path}>
                {file.kind === 'word' ? 'Word strategy document' : 'Excel workbook'}: {file.path}{' '}
                <button type="button" className="link-button" onClick={() => void openFolder(file.path)}>
                  {data.api.door === 'electron' ? 'Open folder' : 'Download'}<span className="visually-hidden"> {file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <ShareCopy info={info} request={shareRequest} />
    </div>
  );
}
