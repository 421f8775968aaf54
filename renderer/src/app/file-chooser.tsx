// Choosing a file, the same call at both doors: Electron's native dialog, or the host's in-page
// browser of its workbooks folder.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import { FileBrowser, type ChooseFileOptions } from '../components/FileBrowser.tsx';

type Chooser = (options: ChooseFileOptions) => Promise<string | null>;

const ChooserContext = createContext<Chooser>(async () => null);

export function FileChooserProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [pending, setPending] = useState<{ options: ChooseFileOptions; resolve: (path: string | null) => void } | null>(null);
  const choose = useCallback<Chooser>(
    async (options) => {
      if (api.door === 'electron') {
        const result = await api.call('chooseFile', { mode: options.mode, purpose: options.purpose, title: options.title, ...(options.suggestedName ? { suggestedName: options.suggestedName } : {}) });
        return result.ok ? result.value.path : null;
      }
      return new Promise<string | null>((resolve) => setPending({ options, resolve }));
    },
    [api],
  );
  const value = useMemo(() => choose, [choose]);
  return (
    <ChooserContext.Provider value={value}>
      {children}
      {pending && (
        <FileBrowser
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
