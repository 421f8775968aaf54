// The browser host's stand-in for native file dialogs: a browser of its workbooks folder, with
// upload (to open a file from elsewhere) and a file-name box (to save). Beside each workbook it
// shows who holds its "in use" marker, and offers to clear one left by a program that has closed.
import { useCallback, useEffect, useState } from 'react';
import type { FolderEntry, FilePurpose } from '../../../shared/api/shell-contract.ts';
import type { LockStatus } from '../../../shared/api/workbook.ts';
import { PURPOSE_EXTENSIONS } from '../../../shared/api/shell-contract.ts';
import type { ApiClient } from '../api/client.ts';
import { Dialog } from './Dialog.tsx';
import { Notice } from './Notice.tsx';

export interface ChooseFileOptions {
  mode: 'open' | 'save';
  purpose: FilePurpose;
  title: string;
  suggestedName?: string;
  /** The workbook open in this window, so that its own "in use" marker is named as this workbook. */
  openWorkbookPath?: string;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A lock file's words are whatever it says: shown short, never trusted. */
function short(text: string | undefined, fallback: string): string {
  const value = (text ?? '').trim();
  return value ? value.slice(0, 80) : fallback;
}

function describeLock(lock: LockStatus, thisWorkbook: boolean): string {
  const since = lock.since && !Number.isNaN(Date.parse(lock.since)) ? ` since ${lock.since.slice(0, 16).replace('T', ' ')} UTC` : '';
  const user = short(lock.user, 'someone');
  switch (lock.state) {
    case 'mine':
      return thisWorkbook ? `This is the workbook you have open${since ? ` (open${since})` : ''}.` : `Open for editing in this app (another tab or window)${since}.`;
    case 'here':
      return `Open for editing by ${user} on this computer${since}.`;
    case 'elsewhere':
      return `Open for editing by ${user} on ${short(lock.host, 'another computer')}${since}.`;
    case 'stale':
      return `Marked as in use by ${user}${since}, but the program that marked it has closed.`;
    case 'damaged':
      return 'Has a damaged "in use" marker.';
  }
}

interface PendingUpload {
  file: File;
  content: string;
  /** What the user is asked to confirm next: replacing a file, then (separately) replacing a workbook. */
  ask: 'overwrite' | 'replace-workbook';
  message: string;
}

export function FileBrowser({ api, options, onDone }: { api: ApiClient; options: ChooseFileOptions; onDone: (path: string | null) => void }) {
  const extensions = PURPOSE_EXTENSIONS[options.purpose];
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  const [rootName, setRootName] = useState('the workbooks folder');
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(options.suggestedName ?? '');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingUpload | null>(null);

  const load = useCallback(
    async (target: string) => {
      const result = await api.call('listFolder', { folder: target });
      if (result.ok) {
        setFolder(result.value.folder);
        setEntries(result.value.entries);
        setError(null);
      } else {
        setError(result.error.message);
      }
    },
    [api],
  );

  useEffect(() => {
    void load('');
    void api.call('getEnvironment', {}).then((result) => {
      if (result.ok && result.value.workbooksFolder) setRootName(result.value.workbooksFolder);
    });
  }, [api, load]);

  const matches = (entry: FolderEntry) => entry.kind === 'folder' || extensions.some((ext) => entry.name.toLowerCase().endsWith(`.${ext}`));
  const join = (file: string) => (folder ? `${folder}/${file}` : file);

  async function send(file: File, content: string, confirmed: { overwrite: boolean; replaceWorkbook: boolean }) {
    const result = await api.call('uploadFile', { folder, name: file.name, contentBase64: content, ...confirmed });
    setPending(null);
    if (result.ok) onDone(result.value.path);
    else if (result.error.code === 'already-exists' && !confirmed.overwrite) setPending({ file, content, ask: 'overwrite', message: result.error.message });
    else if (result.error.code === 'replaces-workbook' && !confirmed.replaceWorkbook) setPending({ file, content, ask: 'replace-workbook', message: result.error.message });
    else setError(result.error.message);
  }

  async function upload(file: File) {
    setBusy(true);
    try {
      await send(file, await readAsBase64(file), { overwrite: false, replaceWorkbook: false });
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function confirmPending() {
    if (!pending) return;
    setBusy(true);
    try {
      await send(pending.file, pending.content, { overwrite: true, replaceWorkbook: pending.ask === 'replace-workbook' });
    } finally {
      setBusy(false);
    }
  }

  async function clearLock(entry: FolderEntry) {
    const result = await api.call('clearWorkbookLock', { path: entry.path });
    if (result.ok) await load(folder);
    else setError(result.error.message);
  }

  function save() {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Enter a file name.');
      return;
    }
    const withExtension = extensions.some((ext) => trimmed.toLowerCase().endsWith(`.${ext}`)) ? trimmed : `${trimmed}.${extensions[0]}`;
    onDone(join(withExtension));
  }

  const crumbs = folder ? folder.split('/') : [];
  return (
    <Dialog title={options.title} onClose={() => onDone(null)} wide>
      <p className="field__hint">
        Files are kept in <strong>{rootName}</strong>
        {crumbs.length > 0 && <> › {crumbs.join(' › ')}</>}.
      </p>
      {error && <p className="field__error" role="alert">{error}</p>}
      {folder && (
        <button type="button" className="link-button" onClick={() => void load(crumbs.slice(0, -1).join('/'))}>
          Up one folder
        </button>
      )}
      <ul className="file-list" aria-label="Files">
        {entries.filter(matches).map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              className="file-list__item"
              onClick={() => (entry.kind === 'folder' ? void load(entry.path) : options.mode === 'open' ? onDone(entry.path) : setName(entry.name))}
            >
              <span className="file-list__name">{entry.kind === 'folder' ? `📁 ${entry.name}` : entry.name}</span>
              <span className="file-list__meta">{entry.kind === 'file' ? `${formatSize(entry.size)} · ${entry.modified.slice(0, 10)}` : 'folder'}</span>
            </button>
            {entry.lock && (
              <p className="file-list__lock">
                {describeLock(entry.lock, entry.path === options.openWorkbookPath)}
                {(entry.lock.state === 'stale' || entry.lock.state === 'damaged') && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => void clearLock(entry)}>
                      Clear the marker for {entry.name}
                    </button>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
        {entries.filter(matches).length === 0 && <li className="file-list__empty">No {extensions.map((e) => `.${e}`).join(' or ')} files here yet.</li>}
      </ul>
      {pending && (
        <Notice title={pending.ask === 'overwrite' ? 'That file already exists' : 'That would replace a workbook'} kind="error">
          <p>{pending.message}</p>
          {pending.ask === 'replace-workbook' && <p>The workbook and everything in it would be gone. This cannot be undone.</p>}
          <div className="button-group">
            <button type="button" className="button button--warning" disabled={busy} onClick={() => void confirmPending()}>
              {pending.ask === 'overwrite' ? 'Replace the existing file' : 'Replace the workbook'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPending(null)}>Keep the existing file</button>
          </div>
        </Notice>
      )}
      {options.mode === 'open' ? (
        <div className="field">
          <label className="field__label" htmlFor="file-upload">Or bring in a file from this computer</label>
          <input id="file-upload" type="file" accept={extensions.map((e) => `.${e}`).join(',')} disabled={busy} onChange={(event) => { const file = event.target.files?.[0]; if (file) void upload(file); }} />
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="file-name">File name</label>
          <input id="file-name" className="input input--full" value={name} onChange={(event) => setName(event.target.value)} onKeyDown={(event) => { if (event.key === 'Enter') save(); }} />
        </div>
      )}
      <div className="button-group">
        {options.mode === 'save' && <button type="button" className="button" onClick={save}>Save here</button>}
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>Cancel</button>
      </div>
    </Dialog>
  );
}
