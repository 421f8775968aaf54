// The force's logo for the cover of the strategy document: choose a PNG or JPEG (up to 2 MB),
// see it, or remove it.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.ts';
import { useChooseFile } from '../../app/file-chooser.tsx';
import type { WriteEffects } from '../../../../shared/api/records.ts';

interface Logo {
  dataUrl: string;
  width: number;
  height: number;
}

export function LogoPicker({ api, handle, readOnly, onEffects }: { api: ApiClient; handle: string; readOnly: boolean; onEffects?: ((effects: WriteEffects) => void) | undefined }) {
  const chooseFile = useChooseFile();
  const [logo, setLogo] = useState<Logo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.call('getWorkbookLogo', { handle }).then((result) => {
      if (result.ok) setLogo(result.value);
    });
  }, [api, handle]);

  async function choose() {
    const source = await chooseFile({ mode: 'open', purpose: 'image', title: "Choose the force's logo (PNG or JPEG)" });
    if (!source) return;
    const result = await api.call('setWorkbookLogo', { handle, source });
    if (result.ok) {
      setLogo(result.value.logo);
      onEffects?.(result.value.effects);
      setError(null);
    } else {
      setError(result.error.message);
    }
  }

  async function remove() {
    const result = await api.call('setWorkbookLogo', { handle, source: null });
    if (result.ok) {
      setLogo(null);
      onEffects?.(result.value.effects);
    } else setError(result.error.message);
  }

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <h3 className="field__label">Force logo (optional)</h3>
      <div className="field__hint">Shown on the cover of the strategy document. A PNG or JPEG of at most 2 MB.</div>
      {error && <p className="field__error" role="alert"><span className="visually-hidden">Error: </span>{error}</p>}
      {logo ? <img className="logo-preview" src={logo.dataUrl} alt="The force logo chosen for the cover" /> : <p className="field__hint">No logo chosen.</p>}
      {!readOnly && (
        <div className="button-group">
          <button type="button" className="button button--secondary button--small" onClick={() => void choose()}>{logo ? 'Choose another logo…' : 'Choose a logo…'}</button>
          {logo && <button type="button" className="button button--secondary button--small" onClick={() => void remove()}>Remove the logo</button>}
        </div>
      )}
    </div>
  );
}
