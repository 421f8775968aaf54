// Reads and writes the workbook's settings (table workbook_setting). Writes happen only inside a
// logged change (see changes/write-change.ts); a missing or unreadable value reads as the default.
import { SETTINGS, isSettingKey, settingValue, type SettingKey } from '../../../shared/api/settings.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';

export function readStoredSetting(db: ReadDb, key: string): string | null {
  return (db.prepare('SELECT value FROM workbook_setting WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function readSetting(db: ReadDb, key: SettingKey): number {
  return settingValue(key, readStoredSetting(db, key));
}

/** Stores a setting as text; null removes it (so it reads as its default again). */
export function writeSetting(db: WriteDb, key: string, value: string | null): void {
  requireWriteScope(db, `The setting ${key}`);
  if (value === null) db.prepare('DELETE FROM workbook_setting WHERE key = ?').run(key);
  else db.prepare('INSERT INTO workbook_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function listSettings(db: ReadDb): Array<{ key: string; value: string }> {
  return db.prepare('SELECT key, value FROM workbook_setting ORDER BY key').all() as Array<{ key: string; value: string }>;
}


/** Changes a setting as one undoable change; returns the value now in force. */
export function changeSetting(db: WriteDb, ctx: ChangeContext, key: SettingKey, value: number): number {
  writeChange(db, ctx, () => {
    const before = readStoredSetting(db, key);
    const after = String(value);
    if (before === after || (before === null && value === SETTINGS[key].default)) return { result: null, change: null };
    writeSetting(db, key, after);
    return { result: null, change: { kind: 'setting', recordId: key, action: 'update', before: { value: before }, after: { value: after } } };
  });
  return readSetting(db, key);
}

export const settingChangeHandler: ChangeHandler = plainHandler({
  describe: (_db, entry) => `changing ${isSettingKey(entry.recordId) ? SETTINGS[entry.recordId].what : `the setting ${entry.recordId}`}`,
  apply(db, entry, direction) {
    const value = (direction === 'back' ? entry.before : entry.after)?.value;
    writeSetting(db, entry.recordId, typeof value === 'string' ? value : null);
  },
  footprint: (entry) => [{ kind: 'setting', id: entry.recordId, fields: null }],
});
