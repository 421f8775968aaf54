// Editing the workbook's details and its logo, as changes: each undoable, the author's name treated
// as personal data in the history, and the logo (up to 2 MB) kept for undo in a side table rather
// than in the log.
import { WORKBOOK_PERSONAL_FIELDS, type WorkbookDetails } from '../../../shared/api/workbook.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { diffFields, type ChangeDraft, type Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { checkLogo, writeLogo, type Logo } from './workbook-logo.ts';
import { detailsOf, readWorkbookMeta, updateWorkbookRow, validDetails } from './workbook-store.ts';

/** Writes merged, validated details inside a change, answering its part of the change (null when nothing differs). */
export function applyWorkbookDetails(db: WriteDb, appVersion: string, merged: WorkbookDetails, at: string): ChangeDraft | null {
  const before = readWorkbookMeta(db);
  const diff = diffFields(detailsOf(before), merged);
  if (!diff) return null;
  updateWorkbookRow(db, merged, appVersion, at);
  return { kind: 'workbook', recordId: before.id, action: 'update', before: diff.before, after: diff.after };
}

/** Applies an edit of the details (already merged and validated) as one change; false if nothing changed. */
export function changeWorkbookDetails(db: WriteDb, ctx: ChangeContext, appVersion: string, merged: WorkbookDetails): boolean {
  return writeChange(db, ctx, ({ at }) => {
    const change = applyWorkbookDetails(db, appVersion, merged, at);
    return { result: change !== null, change };
  }).result;
}

function hasPersonal(values: Values | null): boolean {
  return values !== null && WORKBOOK_PERSONAL_FIELDS.some((name) => typeof values[name] === 'string' && values[name] !== '');
}

function withoutPersonal(values: Values | null): Values | null {
  if (values === null) return null;
  const copy = { ...values };
  for (const name of WORKBOOK_PERSONAL_FIELDS) if (name in copy) copy[name] = null;
  return copy;
}

export function workbookChangeHandler(): ChangeHandler {
  return {
    describe: () => 'editing the workbook details',
    apply(db, entry, direction, env) {
      const fields = (direction === 'back' ? entry.before : entry.after) ?? {};
      const details = validDetails({ ...detailsOf(readWorkbookMeta(db)), ...fields });
      updateWorkbookRow(db, details, env.appVersion, env.at);
    },
    holdsPersonal: (entry) => hasPersonal(entry.before) || hasPersonal(entry.after),
    redact: (entry) => ({ before: withoutPersonal(entry.before), after: withoutPersonal(entry.after) }),
    footprint: (entry) => [{ kind: 'workbook', id: null, fields: Object.keys(entry.after ?? {}) }],
  };
}

// ——— The logo ———

function stashLogo(db: WriteDb, changeId: string, side: 'before' | 'after', logo: Logo | null): void {
  requireWriteScope(db, 'A logo');
  db.prepare('INSERT INTO logo_stash (change_id, side, media_type, bytes) VALUES (?, ?, ?, ?)').run(changeId, side, logo?.mediaType ?? null, logo?.bytes ?? null);
}

function stashedLogo(db: ReadDb, changeId: string, side: 'before' | 'after'): Logo | null {
  const row = db.prepare('SELECT media_type, bytes FROM logo_stash WHERE change_id = ? AND side = ?').get(changeId, side) as { media_type: string | null; bytes: Buffer | null } | undefined;
  if (!row) throw new Error(`The logo kept for this change (${changeId}) is missing`);
  return row.bytes ? checkLogo(Buffer.from(row.bytes), 'the logo kept for undo') : null;
}

function currentLogo(db: ReadDb): Logo | null {
  const row = db.prepare('SELECT logo, logo_type FROM workbook WHERE singleton = 1').get() as { logo: Buffer | null; logo_type: string | null } | undefined;
  return row?.logo && row.logo_type ? { mediaType: row.logo_type as Logo['mediaType'], bytes: Buffer.from(row.logo), width: 0, height: 0 } : null;
}

/** Sets (or with null removes) the logo as one undoable change. */
export function changeLogo(db: WriteDb, ctx: ChangeContext, logo: Logo | null): void {
  writeChange(db, ctx, ({ id }) => {
    const before = currentLogo(db);
    // Choosing the logo already there is no change (and no step of undo that does nothing).
    if ((before === null && logo === null) || (before !== null && logo !== null && before.bytes.equals(logo.bytes))) return { result: null, change: null };
    stashLogo(db, id, 'before', before);
    stashLogo(db, id, 'after', logo);
    writeLogo(db, logo);
    return { result: null, change: { kind: 'logo', recordId: 'logo', action: 'update', before: { mediaType: before?.mediaType ?? null }, after: { mediaType: logo?.mediaType ?? null } } };
  });
}

export const logoChangeHandler: ChangeHandler = plainHandler({
  describe: (_db, entry) => (entry.after?.mediaType ? 'choosing the logo' : 'removing the logo'),
  apply(db, entry, direction) {
    writeLogo(db, stashedLogo(db, entry.id, direction === 'back' ? 'before' : 'after'));
  },
  footprint: () => [{ kind: 'logo', id: null, fields: null }],
  dropSideData: (db, entry) => {
    db.prepare('DELETE FROM logo_stash WHERE change_id = ?').run(entry.id);
  },
});
