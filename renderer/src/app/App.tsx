// The app frame: home (in the shell) or a workbook (which draws the shell with its title bar), and
// the open/create flows with their lock decisions and errors.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/api/result.ts';
import type { WorkbookDetails, WorkbookInfo } from '../../../shared/api/workbook.ts';
import { DEFAULT_MARKING } from '../../../shared/domain/markings.ts';
import type { ApiClient } from '../api/client.ts';
import { errorHeading } from '../api/error-messages.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { AppShell } from './AppShell.tsx';
import { FileChooserProvider, useChooseFile } from './file-chooser.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { WorkbookScreen } from './WorkbookScreen.tsx';

interface Open {
  info: WorkbookInfo;
  notices: string[];
}

interface LockPrompt {
  path: string;
  error: ApiError;
}

function suggestedFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Workbook';
  return `${base}.ewb`;
}

const OPEN_HANDLE_KEY = 'ewb-open-handle';

function Frame({ api }: { api: ApiClient }) {
  const chooseFile = useChooseFile();
  const [open, setOpenState] = useState<Open | null>(null);
  // A reload (or a renderer restart) comes back to the workbook that was open, not to home.
  const setOpen = useCallback((next: Open | null | ((current: Open | null) => Open | null)) => {
    setOpenState((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      if (value) sessionStorage.setItem(OPEN_HANDLE_KEY, value.info.handle);
      else sessionStorage.removeItem(OPEN_HANDLE_KEY);
      return value;
    });
  }, []);
  useEffect(() => {
    const handle = sessionStorage.getItem(OPEN_HANDLE_KEY);
    if (!handle) return;
    void api.call('getWorkbook', { handle }).then((result) => {
      if (result.ok) setOpenState((current) => current ?? { info: result.value, notices: [] });
      else sessionStorage.removeItem(OPEN_HANDLE_KEY);
    });
  }, [api]);
  const [error, setError] = useState<ApiError | null>(null);
  const [lockPrompt, setLockPrompt] = useState<LockPrompt | null>(null);
  const [busy, setBusy] = useState(false);
  // A request from the menu to show a section of the open workbook.
  const [jump, setJump] = useState<{ section: string; at: number; share?: boolean } | null>(null);

  const openPath = useCallback(
    async (path: string, options: { readOnly?: boolean; takeOverLock?: boolean; notices?: string[] } = {}) => {
      const { notices: earlier = [], ...request } = options;
      setBusy(true);
      setError(null);
      const result = await api.call('openWorkbook', { path, ...request });
      setBusy(false);
      if (result.ok) {
        if (open) await api.call('closeWorkbook', { handle: open.info.handle });
        setOpen({ info: result.value.info, notices: [...earlier, ...result.value.notices] });
        setLockPrompt(null);
      } else if (result.error.code === 'in-use' || result.error.code === 'in-use-elsewhere') {
        setLockPrompt({ path, error: result.error });
      } else {
        setError(result.error);
      }
    },
    [api, open, setOpen],
  );

  const openDialog = useCallback(async () => {
    const path = await chooseFile({ mode: 'open', purpose: 'workbook', title: 'Open a workbook', openWorkbookPath: open?.info.path });
    if (path) await openPath(path);
  }, [chooseFile, openPath, open]);

  const create = useCallback(
    async (details: WorkbookDetails) => {
      const path = await chooseFile({ mode: 'save', purpose: 'workbook', title: 'Save the new workbook', suggestedName: suggestedFileName(details.title) });
      if (!path) return;
      setBusy(true);
      const result = await api.call('createWorkbook', { path, details });
      setBusy(false);
      if (result.ok) {
        setError(null);
        setOpen({ info: result.value, notices: [] });
      } else {
        setError(result.error);
      }
    },
    [api, chooseFile, setOpen],
  );

  // The worked example: a new copy of a fictional neighbourhood strategy, to explore and change freely.
  const openExample = useCallback(async () => {
    const path = await chooseFile({ mode: 'save', purpose: 'workbook', title: 'Save a copy of the worked example', suggestedName: 'Worked example.ewb' });
    if (!path) return;
    setBusy(true);
    const result = await api.call('createWorkedExample', { path });
    setBusy(false);
    if (result.ok) {
      setError(null);
      if (open) await api.call('closeWorkbook', { handle: open.info.handle });
      setOpen({ info: result.value, notices: ['This is a copy of the worked example: a fictional strategy to explore. Change it as you like; the original is not touched.'] });
    } else {
      setError(result.error);
    }
  }, [api, chooseFile, open, setOpen]);

  const updateInfo = useCallback((info: WorkbookInfo) => setOpen((current) => current && { ...current, info }), [setOpen]);

  const close = useCallback(async () => {
    if (open) await api.call('closeWorkbook', { handle: open.info.handle });
    setOpen(null);
  }, [api, open, setOpen]);

  const saveCopy = useCallback(async () => {
    if (!open) return;
    const destination = await chooseFile({ mode: 'save', purpose: 'workbook', title: 'Save a copy', suggestedName: suggestedFileName(`${open.info.meta.title} copy`), openWorkbookPath: open.info.path });
    if (!destination) return;
    const result = await api.call('saveWorkbookCopy', { handle: open.info.handle, destination });
    setOpen((current) => current && { ...current, notices: result.ok ? [`A copy was saved as ${result.value.path}.`] : current.notices });
    if (!result.ok) setError(result.error);
  }, [api, chooseFile, open, setOpen]);

  const dropFile = useCallback(
    async (file: File) => {
      if (!file.name.toLowerCase().endsWith('.ewb')) {
        setError({ code: 'not-a-workbook', message: `"${file.name}" is not a workbook file: workbooks end in .ewb.` });
        return;
      }
      const path = api.pathForFile(file);
      if (path) {
        await openPath(path);
        return;
      }
      // The browser host cannot see the file's own path: bring a copy into its workbooks folder.
      const content = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
        reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
        reader.readAsDataURL(file);
      });
      const uploaded = await api.call('uploadFile', { folder: '', name: file.name, contentBase64: content });
      if (uploaded.ok) await openPath(uploaded.value.path);
      else setError(uploaded.error);
    },
    [api, openPath],
  );

  useEffect(
    () =>
      api.onMenuCommand((command, argument) => {
        if (command === 'open') void openDialog();
        else if ((command === 'open-recent' || command === 'open-path') && argument) void openPath(argument);
        else if (command === 'close') void close();
        else if (command === 'save-copy') void saveCopy();
        else if (command === 'new') void close();
        else if (command === 'export') setJump({ section: 'export', at: Date.now() });
        else if (command === 'share-copy') setJump({ section: 'export', at: Date.now(), share: true });
      }),
    [api, openDialog, openPath, close, saveCopy],
  );

  const marking = open?.info.meta.marking ?? DEFAULT_MARKING;
  const errorNotice = error && (
    <Notice title={errorHeading(error)} kind="error" onDismiss={() => setError(null)}>
      <p>{error.message}</p>
    </Notice>
  );
  return (
    <>
      {open ? (
        <WorkbookScreen
          key={open.info.handle}
          api={api}
          info={open.info}
          notices={open.notices}
          frameNotice={errorNotice}
          onInfo={updateInfo}
          onDismissNotices={() => setOpen((current) => current && { ...current, notices: [] })}
          onClose={() => void close()}
          onSaveCopy={() => void saveCopy()}
          jump={jump}
          onReopen={(path, notice) => void openPath(path, { notices: [notice] })}
        />
      ) : (
        <AppShell marking={marking}>
          {/* A fresh scroll region each time home shows, so nothing keeps another screen's place. */}
          <main className="scroll-region home-main" id="main" tabIndex={-1}>
            {errorNotice}
            <HomeScreen api={api} busy={busy} creating={busy} onOpenPath={(p) => void openPath(p)} onOpenDialog={() => void openDialog()} onCreate={(d) => void create(d)} onOpenExample={() => void openExample()} onDropFile={(f) => void dropFile(f)} />
          </main>
        </AppShell>
      )}
      {lockPrompt && (
        <Dialog title={errorHeading(lockPrompt.error)} onClose={() => setLockPrompt(null)}>
          <p>{lockPrompt.error.message}</p>
          <p className="field__hint">
            If you take over editing, whoever has it open now can no longer save their changes to it. Take over only if you are sure
            they have finished, or the program holding it has stopped responding.
          </p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => void openPath(lockPrompt.path, { readOnly: true })}>Open read-only</button>
            <button type="button" className="button button--warning" onClick={() => void openPath(lockPrompt.path, { takeOverLock: true })}>Take over editing</button>
            <button type="button" className="button button--secondary" onClick={() => setLockPrompt(null)}>Cancel</button>
          </div>
        </Dialog>
      )}
    </>
  );
}

export function App({ api }: { api: ApiClient }) {
  const stableApi = useMemo(() => api, [api]);
  return (
    <FileChooserProvider api={stableApi}>
      <Frame api={stableApi} />
    </FileChooserProvider>
  );
}
