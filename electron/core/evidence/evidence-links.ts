// Audiences citing census figures as evidence of who they are and how many: (table, area,
// category). Links name the category, so they survive a table being imported again. Linking and
// unlinking are changes (undoable); the "who is missing" threshold is a workbook setting.
import type { EvidenceLink } from '../../../shared/api/census.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { readSetting } from '../workbook/workbook-settings.ts';

interface LinkRow {
  id: string;
  audience_id: string;
  table_id: string;
  area_id: string | null;
  category_name: string;
  created_at: string;
}

function fromRow(row: LinkRow): EvidenceLink {
  return { id: row.id, audienceId: row.audience_id, tableId: row.table_id, areaId: row.area_id, category: row.category_name, createdAt: row.created_at };
}

export function listEvidenceLinks(db: ReadDb): EvidenceLink[] {
  return (db.prepare('SELECT * FROM evidence_link ORDER BY created_at, id').all() as LinkRow[]).map(fromRow);
}

export function insertEvidenceLink(db: WriteDb, link: EvidenceLink): void {
  requireWriteScope(db, 'An evidence link');
  db.prepare('INSERT INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(link.id, link.audienceId, link.tableId, link.areaId, link.category, link.createdAt);
}

export function linkEvidence(db: WriteDb, ctx: ChangeContext, request: { audienceId: string; tableId: string; areaId: string | null; category: string }): EvidenceLink {
  return writeChange(db, ctx, ({ at }) => {
    if (!db.prepare('SELECT 1 FROM audience WHERE id = ?').get(request.audienceId)) throw new AppError('not-found', 'That audience is no longer in the workbook.', { audienceId: 'Choose an audience that exists' });
    if (!db.prepare('SELECT 1 FROM census_category WHERE table_id = ? AND name = ? AND is_total = 0').get(request.tableId, request.category)) {
      throw new AppError('not-found', 'That census figure is no longer in the workbook: the table may have been removed or imported again without it.', { category: 'Choose a figure from the table' });
    }
    if (request.areaId !== null && !db.prepare('SELECT 1 FROM area WHERE id = ?').get(request.areaId)) throw new AppError('not-found', 'That area is no longer in the workbook.', { areaId: 'Choose an area that exists' });
    const existing = db.prepare('SELECT * FROM evidence_link WHERE audience_id = ? AND table_id = ? AND area_id IS ? AND category_name = ?').get(request.audienceId, request.tableId, request.areaId, request.category) as LinkRow | undefined;
    if (existing) return { result: fromRow(existing), change: null };
    const created: EvidenceLink = { id: ctx.newId(), ...request, createdAt: at };
    insertEvidenceLink(db, created);
    return { result: created, change: { kind: 'evidenceLink', recordId: created.id, action: 'create', before: null, after: created as unknown as Values } };
  }).result;
}

export function unlinkEvidence(db: WriteDb, ctx: ChangeContext, id: string): boolean {
  return writeChange(db, ctx, () => {
    const row = db.prepare('SELECT * FROM evidence_link WHERE id = ?').get(id) as LinkRow | undefined;
    if (!row) return { result: false, change: null };
    db.prepare('DELETE FROM evidence_link WHERE id = ?').run(id);
    return { result: true, change: { kind: 'evidenceLink', recordId: id, action: 'delete', before: fromRow(row) as unknown as Values, after: null } };
  }).result;
}

/** Undo and redo of a link: put it back (if what it points at still exists) or take it away. */
function applyEvidenceLink(db: WriteDb, present: boolean, link: EvidenceLink): void {
  if (!present) {
    db.prepare('DELETE FROM evidence_link WHERE id = ?').run(link.id);
    return;
  }
  const targetsExist =
    db.prepare('SELECT 1 FROM audience WHERE id = ?').get(link.audienceId) &&
    db.prepare('SELECT 1 FROM census_table WHERE id = ?').get(link.tableId) &&
    (link.areaId === null || db.prepare('SELECT 1 FROM area WHERE id = ?').get(link.areaId));
  if (targetsExist) db.prepare('INSERT OR IGNORE INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(link.id, link.audienceId, link.tableId, link.areaId, link.category, link.createdAt);
}

export const evidenceLinkChangeHandler: ChangeHandler = plainHandler({
  describe: (_db, entry) => (entry.action === 'create' ? 'linking an audience to a census figure' : 'unlinking an audience from a census figure'),
  apply(db, entry, direction) {
    const present = direction === 'forward' ? entry.action === 'create' : entry.action === 'delete';
    applyEvidenceLink(db, present, (entry.after ?? entry.before) as unknown as EvidenceLink);
  },
  footprint(entry) {
    const link = (entry.after ?? entry.before) as unknown as EvidenceLink | null;
    return [
      { kind: 'evidenceLink', id: entry.recordId, fields: null },
      ...(link ? [{ kind: 'audience' as const, id: link.audienceId, fields: ['evidence'] }] : []),
    ];
  },
});

/** The "who is missing" threshold: a share of an area's residents, 0.01 to 0.5. */
export function readThreshold(db: ReadDb): number {
  return readSetting(db, 'whoIsMissingThreshold');
}
