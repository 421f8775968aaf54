// "Save a copy for sharing…": first what the copy will leave out and what stays, with each note
// listed by record and a tick to keep it; then where to save; then the result. The copy itself is
// built by the core (a new workbook with provenance), so nothing here decides what is personal.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/result.ts';
import type { ShareSummary } from '../../../../shared/api/share.ts';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { errorHeading } from '../../api/error-messages.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useWorkbookData } from '../workbook-data.tsx';

function shareFileName(info: WorkbookInfo): string {
  const base = info.meta.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 70) || 'Strategy';
  return `${base} (for sharing ${new Date().toISOString().slice(0, 10)}).ewb`;
}

function ShareSummaryView({ summary, kept, onKeep }: { summary: ShareSummary; kept: ReadonlySet<string>; onKeep: (key: string, keep: boolean) => void }) {
  const personal = summary.leftOut.personal.filter((entry) => entry.values > 0);
  return (
    <>
      <h3 className="worksheet__block-title" id="share-left-out">Left out of the copy</h3>
      <ul aria-labelledby="share-left-out" data-testid="share-left-out">
        {personal.map((entry) => <li key={entry.recordType}>{entry.label}: {entry.fields.join(', ')} ({entry.values} {entry.values === 1 ? 'value' : 'values'})</li>)}
        {summary.leftOut.details.map((detail) => <li key={detail}>{detail}</li>)}
        {summary.leftOut.records.map((record) => <li key={record.recordId}>{record.label} “{record.title}” ({record.why === 'unticked' ? 'not ticked for share copies' : 'it belongs to a record left out'})</li>)}
        <li>Notes you do not tick below</li>
        <li>The history of changes, and who made them</li>
      </ul>
      <fieldset className="field fieldset">
        <legend className="field__label">Notes</legend>
        <div className="field__hint">Notes can name people. Tick only those that should go to the other force. What a practice was and what came of it always go.</div>
        {summary.notes.length === 0 && <p>This workbook has no notes.</p>}
        <div className="share-notes">
          {summary.notes.map((note) => (
            <label className="checkbox" key={note.key}>
              <input type="checkbox" checked={kept.has(note.key)} onChange={(e) => onKeep(note.key, e.target.checked)} />
              <span><strong>{note.recordLabel} “{note.title}”, {note.fieldLabel}:</strong> {note.preview}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <h3 className="worksheet__block-title" id="share-stays">What the copy holds</h3>
      <ul aria-labelledby="share-stays" data-testid="share-stays">
        <li>The workbook’s title, force, period and marking</li>
        {summary.stays.map((entry) => <li key={entry.label}>{entry.label}: {entry.count.toLocaleString('en-GB')}</li>)}
      </ul>
    </>
  );
}

/** The Export section's block; `request` changes when File › Save a copy for sharing… is chosen. */
export function ShareCopy({ info, request }: { info: WorkbookInfo; request: number | null }) {
  const data = useWorkbookData();
  const chooseFile = useChooseFile();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState<ShareSummary | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ path: string; message: string } | null>(null);

  async function start() {
    // The button stays focusable while the copy is saved (it says so), so the keyboard is not dropped.
    if (saving) return;
    setError(null);
    setSaved(null);
    setSummary(null);
    setKept(new Set());
    setOpen(true);
    const answer = await data.api.call('previewShareCopy', { handle: data.handle });
    if (answer.ok) setSummary(answer.value);
    else {
      setOpen(false);
      setError(answer.error);
    }
  }

  useEffect(() => {
    // Only a new request from the menu opens it (start is remade each render).
    if (request !== null) void start();
  }, [request]);

  async function save() {
    // The summary steps aside for the file chooser (one dialog at a time) and comes back, as it was, if no place is chosen.
    setOpen(false);
    const destination = await chooseFile({ mode: 'save', purpose: 'workbook', title: 'Save the copy for sharing', suggestedName: shareFileName(info), openWorkbookPath: info.path });
    if (!destination) {
      setOpen(true);
      return;
    }
    setSaving(true);
    const answer = await data.api.call('saveShareCopy', { handle: data.handle, destination, keepNotes: [...kept] });
    setSaving(false);
    if (answer.ok) setSaved({ path: answer.value.path, message: `Share copy from ${answer.value.provenance.forceName}, ${answer.value.provenance.sharedAt.slice(0, 10)}, with its provenance (SHA-256 ${answer.value.provenance.sha256.slice(0, 16)}…).` });
    else setError(answer.error);
  }

  async function openFolder(path: string) {
    if (data.api.door === 'electron') await data.api.call('showInFolder', { path });
    else await data.api.download(path);
  }

  return (
    <section className="share-copy" aria-labelledby="share-copy-heading">
      <h3 id="share-copy-heading" className="worksheet__block-title">A copy for another force</h3>
      <p>A new workbook to send to another force: no one’s personal details or names, no notes you have not chosen, no record you have not ticked for sharing, and no history. It records where it came from, so the other force can check it has not been changed.</p>
      <div className="button-group">
        <button type="button" className="button button--secondary" aria-disabled={saving} onClick={() => void start()}>{saving ? 'Saving the copy…' : 'Save a copy for sharing…'}</button>
      </div>
      {saving && <p role="status" className="share-copy__progress">Saving the copy for sharing: building a new workbook from what may be shared, then checking it…</p>}
      {error && <Notice title={errorHeading(error)} kind="error" takeFocus onDismiss={() => setError(null)}><p>{error.message}</p></Notice>}
      {saved && (
        <Notice title="Copy for sharing saved" kind="success" takeFocus onDismiss={() => setSaved(null)}>
          <p>{saved.path}</p>
          <p>{saved.message}</p>
          <button type="button" className="link-button" onClick={() => void openFolder(saved.path)}>
            {data.api.door === 'electron' ? 'Open folder' : 'Download'}<span className="visually-hidden"> {saved.path}</span>
          </button>
        </Notice>
      )}
      {open && (
        <Dialog title="Save a copy for sharing" wide onClose={() => setOpen(false)}>
          {summary ? (
            <ShareSummaryView summary={summary} kept={kept} onKeep={(key, keep) => setKept((current) => { const next = new Set(current); if (keep) next.add(key); else next.delete(key); return next; })} />
          ) : (
            <p role="status">Reading the workbook…</p>
          )}
          <div className="button-group">
            <button type="button" className="button" disabled={!summary} onClick={() => void save()}>Choose where to save…</button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>Cancel</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
