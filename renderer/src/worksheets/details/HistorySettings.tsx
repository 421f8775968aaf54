// How far back undo reaches, and so how long the history of changes keeps personal details (names,
// contact details, special-category notes) before they are removed from the file: a workbook
// setting, 30 days unless changed. Set with a button, one undoable change.
import { useEffect, useState } from 'react';
import { SETTINGS } from '../../../../shared/api/settings.ts';
import type { WriteEffects } from '../../../../shared/api/records.ts';
import type { ApiClient } from '../../api/client.ts';
import { describedBy } from '../../components/fields.tsx';

const ID = 'history-retention-days';

export function HistorySettings({ api, handle, readOnly, generation, onEffects }: { api: ApiClient; handle: string; readOnly: boolean; generation: number; onEffects: (effects: WriteEffects) => void }) {
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void api.call('getSettings', { handle }).then((result) => {
      if (!result.ok) return;
      setSaved(result.value.changeRetentionDays);
      setDays(String(result.value.changeRetentionDays));
    });
  }, [api, handle, generation]);

  async function save() {
    setNotice(null);
    const value = Number(days.trim());
    const checked = SETTINGS.changeRetentionDays.schema.safeParse(value);
    if (days.trim() === '' || !checked.success) {
      setError(`Enter ${SETTINGS.changeRetentionDays.valid}`);
      return;
    }
    const result = await api.call('changeSettings', { handle, changes: { changeRetentionDays: checked.data } });
    if (!result.ok) {
      setError(result.error.fields?.['changes.changeRetentionDays'] ?? result.error.message);
      return;
    }
    setError(undefined);
    setSaved(result.value.changeRetentionDays);
    onEffects(result.value.effects);
    setNotice(`Undo now reaches back ${result.value.changeRetentionDays} day${result.value.changeRetentionDays === 1 ? '' : 's'}; personal details in older changes are removed at the next edit.`);
  }

  const hint = 'Undo reaches back this far. After that, the names and contact details held in the history of changes are removed from the file (who changed what, and when, stays). The law asks that personal data is kept no longer than it is needed.';
  return (
    <section className="worksheet__block" aria-labelledby="history-settings-heading">
      <h3 id="history-settings-heading" className="worksheet__block-title">History of changes</h3>
      <div className="field-row field-row--end">
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={ID}>Keep personal details in the history for (days)</label>
          <div className="field__hint" id={`${ID}-hint`}>{hint}</div>
          {error && (
            <p className="field__error" id={`${ID}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <input
            id={ID}
            className={`input input--date${error ? ' input--error' : ''}`}
            inputMode="numeric"
            value={days}
            disabled={readOnly}
            aria-describedby={describedBy(ID, true, error)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setDays(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void save();
            }}
          />
        </div>
        {!readOnly && (
          <button type="button" className="button button--secondary button--small field-row__button" disabled={saved !== null && String(saved) === days.trim()} onClick={() => void save()}>
            Set days
          </button>
        )}
      </div>
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
