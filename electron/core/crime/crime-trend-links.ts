// Areas and audiences citing a crime trend as evidence: a crime type rising or falling in an area (or
// across the whole strategy area), against the previous three months or a year before. A citation
// names the trend, not its counts, so it holds while months are imported or replaced; citing and
// removing a citation are changes (undoable), and an audience's citation clears its "no evidence" gap.
import type { CrimeTrendLink } from '../../../shared/api/crime.ts';
import { crimeTypeById } from '../../../shared/domain/crime-types.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import type { Values } from '../changes/change-log.ts';
import type { Footprint } from '../changes/change-kinds.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

interface LinkRow {
  id: string;
  audience_id: string | null;
  citing_area_id: string | null;
  area_id: string | null;
  crime_type: string;
  comparison: 'previous' | 'year-before';
  created_at: string;
}

function fromRow(row: LinkRow): CrimeTrendLink {
  return { id: row.id, audienceId: row.audience_id, citingAreaId: row.citing_area_id, areaId: row.area_id, crimeType: row.crime_type, comparison: row.comparison, createdAt: row.created_at };
}

export function listCrimeTrendLinks(db: ReadDb): CrimeTrendLink[] {
  return (statement(db, 'SELECT * FROM crime_trend_link ORDER BY created_at, id').all() as LinkRow[]).map(fromRow);
}

/** The citations that go when a record is deleted: an audience's own, an area's own, and those of a trend in that area. */
export function crimeTrendLinksCiting(db: ReadDb, table: string, id: string): CrimeTrendLink[] {
  const where = table === 'audience' ? 'audience_id = @id' : table === 'area' ? 'citing_area_id = @id OR area_id = @id' : null;
  if (where === null) return [];
  return (statement(db, `SELECT * FROM crime_trend_link WHERE ${where} ORDER BY created_at, id`).all({ id }) as LinkRow[]).map(fromRow);
}

function exists(db: ReadDb, table: 'audience' | 'area', id: string | null): boolean {
  return id === null || statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

export function insertCrimeTrendLink(db: WriteDb, link: CrimeTrendLink): void {
  requireWriteScope(db, 'A crime trend citation');
  statement(db, 'INSERT OR IGNORE INTO crime_trend_link (id, audience_id, citing_area_id, area_id, crime_type, comparison, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    link.id,
    link.audienceId,
    link.citingAreaId,
    link.areaId,
    link.crimeType,
    link.comparison,
    link.createdAt,
  );
}

/** Puts citations back after the deletion that took them is undone, where what they name still exists. */
export function restoreCrimeTrendLinks(db: WriteDb, links: readonly CrimeTrendLink[]): void {
  for (const link of links) applyLink(db, true, link);
}

export type TrendCitation = Pick<CrimeTrendLink, 'audienceId' | 'citingAreaId' | 'areaId' | 'crimeType' | 'comparison'>;

export function linkCrimeTrend(db: WriteDb, ctx: ChangeContext, request: TrendCitation): CrimeTrendLink {
  return writeChange(db, ctx, ({ at }) => {
    if ((request.audienceId === null) === (request.citingAreaId === null)) throw new AppError('invalid-input', 'A trend is cited by one audience or one area.', { audienceId: 'Choose who cites the trend' });
    if (!exists(db, 'audience', request.audienceId)) throw new AppError('not-found', 'That audience is no longer in the workbook.', { audienceId: 'Choose an audience that exists' });
    if (!exists(db, 'area', request.citingAreaId)) throw new AppError('not-found', 'That area is no longer in the workbook.', { citingAreaId: 'Choose an area that exists' });
    if (!exists(db, 'area', request.areaId)) throw new AppError('not-found', 'The area of that trend is no longer in the workbook.', { areaId: 'Choose an area that exists' });
    if (!crimeTypeById(request.crimeType)) throw new AppError('invalid-input', `"${request.crimeType}" is not a police.uk crime type.`, { crimeType: 'Choose a crime type' });
    const existing = statement(db, 'SELECT * FROM crime_trend_link WHERE audience_id IS ? AND citing_area_id IS ? AND area_id IS ? AND crime_type = ? AND comparison = ?').get(
      request.audienceId,
      request.citingAreaId,
      request.areaId,
      request.crimeType,
      request.comparison,
    ) as LinkRow | undefined;
    if (existing) return { result: fromRow(existing), change: null };
    if ((statement(db, 'SELECT count(*) FROM crime_trend_link').pluck().get() as number) >= LIMITS.crimeTrendLinks) {
      throw new AppError('invalid-input', `The workbook already cites ${formatCount(LIMITS.crimeTrendLinks)} crime trends, the most it can hold.`);
    }
    const created: CrimeTrendLink = { id: ctx.newId(), ...request, createdAt: at };
    insertCrimeTrendLink(db, created);
    return { result: created, change: { kind: 'crimeTrendLink', recordId: created.id, action: 'create', before: null, after: created as unknown as Values } };
  }).result;
}

export function unlinkCrimeTrend(db: WriteDb, ctx: ChangeContext, id: string): boolean {
  return writeChange(db, ctx, () => {
    const row = statement(db, 'SELECT * FROM crime_trend_link WHERE id = ?').get(id) as LinkRow | undefined;
    if (!row) return { result: false, change: null };
    statement(db, 'DELETE FROM crime_trend_link WHERE id = ?').run(id);
    return { result: true, change: { kind: 'crimeTrendLink', recordId: id, action: 'delete', before: fromRow(row) as unknown as Values, after: null } };
  }).result;
}

/** Undo and redo of a citation: put it back (if what it names still exists) or take it away. */
function applyLink(db: WriteDb, present: boolean, link: CrimeTrendLink): void {
  requireWriteScope(db, 'A crime trend citation');
  if (!present) {
    statement(db, 'DELETE FROM crime_trend_link WHERE id = ?').run(link.id);
    return;
  }
  if (exists(db, 'audience', link.audienceId) && exists(db, 'area', link.citingAreaId) && exists(db, 'area', link.areaId)) insertCrimeTrendLink(db, link);
}

/** What a citation touches: itself, and the evidence of the audience or area citing it. */
export function crimeTrendLinkFootprint(link: Pick<CrimeTrendLink, 'id' | 'audienceId' | 'citingAreaId'>): Footprint[] {
  return [
    { kind: 'crimeTrendLink', id: link.id, fields: null },
    ...(link.audienceId ? [{ kind: 'audience' as const, id: link.audienceId, fields: ['evidence'] }] : []),
    ...(link.citingAreaId ? [{ kind: 'area' as const, id: link.citingAreaId, fields: ['evidence'] }] : []),
  ];
}

export const crimeTrendLinkChangeHandler: ChangeHandler = plainHandler({
  describe: (_db, entry) => (entry.action === 'create' ? 'citing a crime trend as evidence' : 'removing the citation of a crime trend'),
  apply(db, entry, direction) {
    const present = direction === 'forward' ? entry.action === 'create' : entry.action === 'delete';
    applyLink(db, present, (entry.after ?? entry.before) as unknown as CrimeTrendLink);
  },
  footprint(entry) {
    const link = (entry.after ?? entry.before) as unknown as CrimeTrendLink | null;
    return link ? crimeTrendLinkFootprint({ ...link, id: entry.recordId }) : [{ kind: 'crimeTrendLink', id: entry.recordId, fields: null }];
  },
});
