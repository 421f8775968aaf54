// The browser host's stand-in for native file dialogs: a browser of its workbooks folder, with
// upload (to open a file from elsewhere) and a file-name box (to save).
import { useCallback, useEffect, useState } from 'react';
import type { FolderEntry, FilePurpose } from '../../../shared/api/shell-contract.ts';
import { PURPOSE_EXTENSIONS } from '../../../shared/api/shell-contract.ts';
import type { ApiClient } from '../api/client.ts';
import { Dialog } from './Dialog.tsx';

export interface ChooseFileOptions {
  mode: 'open' | 'save';
  purpose: FilePurpose;
  title: string;
  suggestedName?: string;
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

export function FileBrowser({ api, options, onDone }: { api: ApiClient; options: ChooseFileOptions; onDone: (path: string | null) => void }) {
  const extensions = PURPOSE_EXTENSIONS[options.purpose];
  const [folder, setFolder] = useState('');
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  const [rootName, setRootName] = useState('the workbooks folder');
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(options.suggestedName ?? '');
  const [busy, setBusy] = useState(false);

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

  async function upload(file: File) {
    setBusy(true);
    try {
      const content = await readAsBase64(file);
      const result = await api.call('uploadFile', { folder, name: file.name, contentBase64: content });
      if (result.ok) onDone(result.value.path);
      else setError(result.error.message);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
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
          </li>
        ))}
        {entries.filter(matches).length === 0 && <li className="file-list__empty">No {extensions.map((e) => `.${e}`).join(' or ')} files here yet.</li>}
      </ul>
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
