// Undo and redo across the whole workbook, built on the change log kept inside it: undo applies
// the last change in force backwards; redo applies the first undone one forwards. Both survive
// closing and reopening the workbook. Undone steps write no new entries; they flip `undone`.
import { isRecordTypeName, RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { ChangeSummary, RecordValues } from '../../../shared/api/records.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { entryFromRow, type ChangeEntry, type ChangeRow } from '../workbook/change-log.ts';
import { deleteRecordRow, getRecord, insertRecord, missingIds, titleOf, updateRecordFields } from './record-store.ts';
import type { DeletionSnapshot } from './record-changes.ts';
import type { EvidenceLink } from '../../../shared/api/census.ts';
import { applyEvidenceLink, writeSetting } from '../evidence/evidence-links.ts';

/** How non-record entries (workbook details, section completion) are applied. */
export interface SpecialAppliers {
  workbook(db: WriteDb, fields: Record<string, unknown>, at: string): void;
  section(db: WriteDb, section: string, completedAt: string | null): void;
}

const VERBS = { create: 'adding', update: 'editing', delete: 'deleting' } as const;

/** Entries kept for the history but not undone: an import is removed by deleting its table. */
const NOT_UNDOABLE = "('censusTable', 'logo')";

function lastInForce(db: ReadDb): ChangeEntry | null {
  const row = db.prepare(`SELECT * FROM change_log WHERE undone = 0 AND record_type NOT IN ${NOT_UNDOABLE} ORDER BY seq DESC LIMIT 1`).get() as ChangeRow | undefined;
  return row ? entryFromRow(row) : null;
}

function firstUndone(db: ReadDb): ChangeEntry | null {
  const row = db.prepare(`SELECT * FROM change_log WHERE undone = 1 AND record_type NOT IN ${NOT_UNDOABLE} ORDER BY seq ASC LIMIT 1`).get() as ChangeRow | undefined;
  return row ? entryFromRow(row) : null;
}

export function describeChange(db: ReadDb, entry: ChangeEntry): string {
  if (entry.recordType === 'evidenceLink') return entry.action === 'create' ? 'linking an audience to a census figure' : 'unlinking an audience from a census figure';
  if (entry.recordType === 'setting') return 'changing the “who is missing” threshold';
  if (entry.recordType === 'censusTable') return `importing census table ${String(entry.after?.code ?? '')}`.trim();
  if (entry.recordType === 'batch') return String(entry.after?.description ?? 'a group of changes');
  if (entry.recordType === 'workbook') return 'editing the workbook details';
  if (entry.recordType === 'section') return `marking the ${entry.recordId} section ${entry.after?.completedAt ? 'completed' : 'not completed'}`;
  if (!isRecordTypeName(entry.recordType)) return `${VERBS[entry.action]} a record`;
  const type = entry.recordType;
  const snapshot = entry.action === 'delete' ? ((entry.before as unknown as DeletionSnapshot | null)?.record ?? null) : entry.action === 'create' ? entry.after : getRecord(db, type, entry.recordId);
  const title = snapshot ? titleOf(snapshot, type) : '';
  return `${VERBS[entry.action]} ${RECORD_TYPES[type].label.toLowerCase()}${title ? ` “${title}”` : ''}`;
}

export function undoState(db: ReadDb): { undoLabel: string | null; redoLabel: string | null } {
  const undo = lastInForce(db);
  const redo = firstUndone(db);
  return { undoLabel: undo ? `Undo ${describeChange(db, undo)}` : null, redoLabel: redo ? `Redo ${describeChange(db, redo)}` : null };
}

function restoreDeleted(db: WriteDb, type: RecordTypeName, snapshot: DeletionSnapshot, at: string): void {
  const record = { ...snapshot.record } as RecordValues;
  for (const link of RECORD_TYPES[type].links) {
    const ids = (record[link.name] as string[] | undefined) ?? [];
    const gone = new Set(missingIds(db, link.target, ids));
    record[link.name] = ids.filter((id) => !gone.has(id));
  }
  insertRecord(db, type, record);
  for (const ref of snapshot.refs) {
    const owner = getRecord(db, ref.type, ref.id);
    if (owner) updateRecordFields(db, ref.type, ref.id, { [ref.field]: record.id }, ref.updatedAt ?? owner.updatedAt ?? at);
  }
  for (const link of snapshot.links) {
    const def = RECORD_TYPES[link.type].links.find((l) => l.name === link.link);
    if (!def || !getRecord(db, link.type, link.id)) continue;
    if (link.targets) {
      // Put the other record's links back exactly as they were, in their order.
      const gone = new Set(missingIds(db, def.target, link.targets));
      db.prepare(`DELETE FROM ${def.table} WHERE owner_id = ?`).run(link.id);
      const insert = db.prepare(`INSERT OR IGNORE INTO ${def.table} (owner_id, target_id) VALUES (?, ?)`);
      for (const target of link.targets) if (!gone.has(target)) insert.run(link.id, target);
    } else {
      db.prepare(`INSERT OR IGNORE INTO ${def.table} (owner_id, target_id) VALUES (?, ?)`).run(link.id, record.id);
    }
  }
}

function apply(db: WriteDb, entry: ChangeEntry, direction: 'back' | 'forward', at: string, special: SpecialAppliers): void {
  const fields = (direction === 'back' ? entry.before : entry.after) ?? {};
  if (entry.recordType === 'batch') {
    // A change made of several (an import): its parts, last first when going back.
    const parts = (fields.entries as ChangeEntry[] | undefined) ?? [];
    for (const part of direction === 'back' ? [...parts].reverse() : parts) apply(db, part, direction, at, special);
    return;
  }
  if (entry.recordType === 'workbook') {
    special.workbook(db, fields, at);
    return;
  }
  if (entry.recordType === 'evidenceLink') {
    const present = direction === 'forward' ? entry.action === 'create' : entry.action === 'delete';
    applyEvidenceLink(db, present, (entry.after ?? entry.before) as unknown as EvidenceLink);
    return;
  }
  if (entry.recordType === 'setting') {
    writeSetting(db, entry.recordId, String(fields.value ?? ''));
    return;
  }
  if (entry.recordType === 'section') {
    special.section(db, entry.recordId, (fields.completedAt as string | null | undefined) ?? null);
    return;
  }
  if (!isRecordTypeName(entry.recordType)) return;
  const type = entry.recordType;
  const removes = (entry.action === 'create' && direction === 'back') || (entry.action === 'delete' && direction === 'forward');
  const restores = (entry.action === 'create' && direction === 'forward') || (entry.action === 'delete' && direction === 'back');
  if (removes) deleteRecordRow(db, type, entry.recordId);
  else if (restores && entry.action === 'create') insertRecord(db, type, entry.after as RecordValues);
  else if (restores) restoreDeleted(db, type, entry.before as unknown as DeletionSnapshot, at);
  else {
    // Edits carry the record's updatedAt before and after, so undo and redo give back exactly
    // the record as it was (older entries without it take the time of the undo).
    const { updatedAt, ...changes } = fields as Record<string, unknown> & { updatedAt?: string };
    updateRecordFields(db, type, entry.recordId, changes, typeof updatedAt === 'string' ? updatedAt : at);
  }
}

export function undoLast(db: WriteDb, at: string, special: SpecialAppliers): ChangeSummary | null {
  let summary: ChangeSummary | null = null;
  db.transaction(() => {
    const entry = lastInForce(db);
    if (!entry) return;
    const description = `Undid ${describeChange(db, entry)}`;
    apply(db, entry, 'back', at, special);
    db.prepare('UPDATE change_log SET undone = 1 WHERE seq = ?').run(entry.seq);
    summary = { recordType: entry.recordType, recordId: entry.recordId, action: entry.action, description };
  }).immediate();
  return summary;
}

export function redoNext(db: WriteDb, at: string, special: SpecialAppliers): ChangeSummary | null {
  let summary: ChangeSummary | null = null;
  db.transaction(() => {
    const entry = firstUndone(db);
    if (!entry) return;
    apply(db, entry, 'forward', at, special);
    db.prepare('UPDATE change_log SET undone = 0 WHERE seq = ?').run(entry.seq);
    summary = { recordType: entry.recordType, recordId: entry.recordId, action: entry.action, description: `Redid ${describeChange(db, entry)}` };
  }).immediate();
  return summary;
}
