// Audiences citing census figures as evidence of who they are and how many: (table, area,
// category). Links name the category, so they survive a table being imported again.
import type { EvidenceLink } from '../../../shared/api/census.ts';
import { DEFAULT_WHO_IS_MISSING_THRESHOLD } from '../../../shared/api/census.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { appendChange } from '../workbook/change-log.ts';
import type { ChangeContext } from '../records/record-changes.ts';

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
  db.prepare('INSERT INTO evidence_link (id, audience_id, table_id, area_id, category_name, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(link.id, link.audienceId, link.tableId, link.areaId, link.category, link.createdAt);
}

export function linkEvidence(db: WriteDb, ctx: ChangeContext, request: { audienceId: string; tableId: string; areaId: string | null; category: string }): EvidenceLink {
  let link: EvidenceLink | null = null;
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM audience WHERE id = ?').get(request.audienceId)) throw new AppError('not-found', 'That audience is no longer in the workbook.', { audienceId: 'Choose an audience that exists' });
    if (!db.prepare('SELECT 1 FROM census_category WHERE table_id = ? AND name = ? AND is_total = 0').get(request.tableId, request.category)) {
      throw new AppError('not-found', 'That census figure is no longer in the workbook: the table may have been removed or imported again without it.', { category: 'Choose a figure from the table' });
    }
    if (request.areaId !== null && !db.prepare('SELECT 1 FROM area WHERE id = ?').get(request.areaId)) throw new AppError('not-found', 'That area is no longer in the workbook.', { areaId: 'Choose an area that exists' });
    const existing = db.prepare('SELECT * FROM evidence_link WHERE audience_id = ? AND table_id = ? AND area_id IS ? AND category_name = ?').get(request.audienceId, request.tableId, request.areaId, request.category) as LinkRow | undefined;
    if (existing) {
      link = fromRow(existing);
      return;
    }
    const created: EvidenceLink = { id: ctx.newId(), ...request, createdAt: ctx.now() };
    insertEvidenceLink(db, created);
    appendChange(db, { id: ctx.newId(), at: created.createdAt, who: ctx.who, recordType: 'evidenceLink', recordId: created.id, action: 'create', before: null, after: created as unknown as Record<string, unknown> });
    link = created;
  }).immediate();
  return link as unknown as EvidenceLink;
}

export function unlinkEvidence(db: WriteDb, ctx: ChangeContext, id: string): boolean {
  let removed = false;
  db.transaction(() => {
    const row = db.prepare('SELECT * FROM evidence_link WHERE id = ?').get(id) as LinkRow | undefined;
    if (!row) return;
    db.prepare('DELETE FROM evidence_link WHERE id = ?').run(id);
    appendChange(db, { id: ctx.newId(), at: ctx.now(), who: ctx.who, recordType: 'evidenceLink', recordId: id, action: 'delete', before: fromRow(row) as unknown as Record<string, unknown>, after: null });
    removed = true;
  }).immediate();
  return removed;
}

/** Undo and redo of a link: put it back (if what it points at still exists) or take it away. */
export function applyEvidenceLink(db: WriteDb, present: boolean, link: EvidenceLink): void {
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

export const THRESHOLD_KEY = 'whoIsMissingThreshold';

export function readThreshold(db: ReadDb): number {
  const value = db.prepare('SELECT value FROM workbook_setting WHERE key = ?').pluck().get(THRESHOLD_KEY) as string | undefined;
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) && parsed > 0 && parsed < 1 ? parsed : DEFAULT_WHO_IS_MISSING_THRESHOLD;
}

export function writeSetting(db: WriteDb, key: string, value: string): void {
  db.prepare('INSERT INTO workbook_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
