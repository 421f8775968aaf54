// Choosing a file, the same call at both doors: Electron's native dialog, or the host's in-page
// browser of its workbooks folder.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import { FileBrowser, type ChooseFileOptions } from '../components/FileBrowser.tsx';

type Chooser = (options: ChooseFileOptions) => Promise<string | null>;

const ChooserContext = createContext<Chooser>(async () => null);

export function FileChooserProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  // Each choice is numbered so that one following another gets a fresh browser (its own file name and folder).
  const [pending, setPending] = useState<{ options: ChooseFileOptions; resolve: (path: string | null) => void; serial: number } | null>(null);
  const serial = useRef(0);
  const choose = useCallback<Chooser>(
    async (options) => {
      if (api.door === 'electron') {
        const result = await api.call('chooseFile', { mode: options.mode, purpose: options.purpose, title: options.title, ...(options.suggestedName ? { suggestedName: options.suggestedName } : {}) });
        return result.ok ? result.value.path : null;
      }
      return new Promise<string | null>((resolve) => setPending({ options, resolve, serial: ++serial.current }));
    },
    [api],
  );
  const value = useMemo(() => choose, [choose]);
  return (
    <ChooserContext.Provider value={value}>
      {children}
      {pending && (
        <FileBrowser
          key={pending.serial}
          api={api}
          options={pending.options}
          onDone={(path) => {
            pending.resolve(path);
            setPending(null);
          }}
        />
      )}
    </ChooserContext.Provider>
  );
}

export function useChooseFile(): Chooser {
  return useContext(ChooserContext);
}
