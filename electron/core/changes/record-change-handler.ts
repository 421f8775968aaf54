// How a change to a worksheet record is described, undone and redone, which of its values are
// personal, and what it touched. One handler serves every record type, driven by its descriptor.
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { emptyValue, type RecordValues } from '../../../shared/api/records.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { deleteRecordRow, getRecord, insertRecord, missingIds, replaceLinks, titleOf, updateRecordFields, type DeletionSnapshot } from '../records/record-store.ts';
import { restoreEvidenceLinks } from '../evidence/evidence-links.ts';
import { cellKey, restoreCells } from '../receptivity/receptivity-store.ts';
import { crimeTrendLinkFootprint, restoreCrimeTrendLinks } from '../crime/crime-trend-links.ts';
import type { ChangeDraft, ChangeEntry, Values } from './change-log.ts';
import type { Footprint } from './change-kinds.ts';
import type { ApplyEnv, ChangeHandler, Direction } from './change-handler.ts';

const VERBS = { create: 'adding', update: 'editing', delete: 'deleting' } as const;

function personalNames(type: RecordTypeName): string[] {
  return RECORD_TYPES[type].fields.filter((f) => f.personal || f.specialCategory).map((f) => f.name);
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** The values with every personal field emptied (those present only). */
function withoutPersonal(type: RecordTypeName, values: Values | null): Values | null {
  if (values === null) return null;
  const copy: Values = { ...values };
  for (const field of RECORD_TYPES[type].fields) {
    if ((field.personal || field.specialCategory) && field.name in copy) copy[field.name] = emptyValue(field);
  }
  return copy;
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
    // Put the other record's links back exactly as they were, in their order.
    const targets = link.targets ?? [record.id];
    const gone = new Set(missingIds(db, def.target, targets));
    replaceLinks(db, link.type, link.id, link.link, link.targets ? targets.filter((id) => !gone.has(id)) : null, record.id);
  }
  restoreEvidenceLinks(db, snapshot.evidenceLinks ?? []);
  restoreCells(db, snapshot.receptivity ?? []);
  restoreCrimeTrendLinks(db, snapshot.crimeTrendLinks ?? []);
}

export function recordChangeHandler(type: RecordTypeName): ChangeHandler {
  const def = RECORD_TYPES[type];
  const personal = personalNames(type);
  const snapshotOf = (entry: ChangeDraft) => entry.before as unknown as DeletionSnapshot;
  return {
    describe(db: ReadDb, entry: ChangeEntry): string {
      const values = entry.action === 'delete' ? (snapshotOf(entry)?.record ?? null) : entry.action === 'create' ? entry.after : getRecord(db, type, entry.recordId);
      const title = values ? titleOf(values, type) : '';
      return `${VERBS[entry.action]} ${def.label.toLowerCase()}${title ? ` “${title}”` : ''}`;
    },

    apply(db: WriteDb, entry: ChangeEntry, direction: Direction, env: ApplyEnv): void {
      const removes = (entry.action === 'create' && direction === 'back') || (entry.action === 'delete' && direction === 'forward');
      if (removes) deleteRecordRow(db, type, entry.recordId);
      else if (entry.action === 'create') insertRecord(db, type, entry.after as RecordValues);
      else if (entry.action === 'delete') restoreDeleted(db, type, snapshotOf(entry), env.at);
      else {
        // Edits carry the record's updatedAt before and after, so undo and redo give back exactly
        // the record as it was (entries written before that take the time of the undo).
        const fields = (direction === 'back' ? entry.before : entry.after) ?? {};
        const { updatedAt, ...changes } = fields as Values & { updatedAt?: string };
        updateRecordFields(db, type, entry.recordId, changes, typeof updatedAt === 'string' ? updatedAt : env.at);
      }
    },

    holdsPersonal(entry: ChangeDraft): boolean {
      if (personal.length === 0) return false;
      const sides = entry.action === 'delete' ? [snapshotOf(entry)?.record ?? null] : [entry.before, entry.after];
      return sides.some((values) => values !== null && personal.some((name) => hasValue(values[name])));
    },

    redact(entry: ChangeDraft) {
      if (entry.action === 'delete') {
        const snapshot = snapshotOf(entry);
        return { before: snapshot ? ({ ...snapshot, record: withoutPersonal(type, snapshot.record as unknown as Values) } as unknown as Values) : null, after: null };
      }
      return { before: withoutPersonal(type, entry.before), after: withoutPersonal(type, entry.after) };
    },

    footprint(entry: ChangeDraft): Footprint[] {
      if (entry.action === 'update') {
        const fields = Object.keys(entry.after ?? {}).filter((name) => name !== 'updatedAt');
        return [{ kind: type, id: entry.recordId, fields }];
      }
      const touched: Footprint[] = [{ kind: type, id: entry.recordId, fields: null }];
      if (entry.action === 'delete') {
        const snapshot = snapshotOf(entry);
        for (const ref of snapshot?.refs ?? []) touched.push({ kind: ref.type, id: ref.id, fields: [ref.field] });
        for (const link of snapshot?.links ?? []) touched.push({ kind: link.type, id: link.id, fields: [link.link] });
        for (const link of snapshot?.evidenceLinks ?? []) touched.push({ kind: 'evidenceLink', id: link.id, fields: null }, { kind: 'audience', id: link.audienceId, fields: ['evidence'] });
        for (const cell of snapshot?.receptivity ?? []) touched.push({ kind: 'receptivity', id: cellKey(cell.audienceId, cell.channelId), fields: null }, { kind: 'audience', id: cell.audienceId, fields: ['receptivity'] });
        for (const link of snapshot?.crimeTrendLinks ?? []) touched.push(...crimeTrendLinkFootprint(link));
      }
      return touched;
    },
  };
}
