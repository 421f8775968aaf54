// Reads and writes the workbook's one metadata row. Store functions take the database first and
// use parameterised SQL only.
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { readUserVersion } from '../db/run-migrations.ts';
import { WorkbookDetailsSchema, type RolledFrom, type WorkbookDetails, type WorkbookMeta } from '../../../shared/api/workbook.ts';
import { RECORD_TYPE_NAMES } from '../../../shared/domain/record-types.ts';
import { invalidInput } from '../app-error.ts';
import { countRecordsOf } from '../records/record-store.ts';
import type { ProtectiveMarking } from '../../../shared/domain/markings.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

interface WorkbookRow {
  id: string;
  force_id: string;
  title: string;
  period_start: string | null;
  period_end: string | null;
  author: string | null;
  version_label: string;
  marking: string;
  review_date: string | null;
  owner: string | null;
  approver: string | null;
  rolled_from_id: string | null;
  rolled_from_title: string | null;
  rolled_from_period_start: string | null;
  rolled_from_period_end: string | null;
  app_version: string;
  created_at: string;
  modified_at: string;
}

export function readWorkbookMeta(db: ReadDb): WorkbookMeta {
  const row = statement(db, 'SELECT * FROM workbook WHERE singleton = 1').get() as WorkbookRow | undefined;
  if (!row) throw new Error('The workbook row is missing');
  return {
    id: row.id,
    force: row.force_id,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    author: row.author,
    versionLabel: row.version_label,
    marking: row.marking as ProtectiveMarking,
    reviewDate: row.review_date,
    owner: row.owner,
    approver: row.approver,
    rolledFrom: row.rolled_from_id ? { id: row.rolled_from_id, title: row.rolled_from_title ?? '', periodStart: row.rolled_from_period_start, periodEnd: row.rolled_from_period_end } : null,
    schemaVersion: readUserVersion(db),
    appVersion: row.app_version,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export function detailsOf(meta: WorkbookMeta): WorkbookDetails {
  return {
    force: meta.force,
    title: meta.title,
    periodStart: meta.periodStart,
    periodEnd: meta.periodEnd,
    author: meta.author,
    versionLabel: meta.versionLabel,
    marking: meta.marking,
    reviewDate: meta.reviewDate,
    owner: meta.owner,
    approver: meta.approver,
  };
}

export interface NewWorkbookRow {
  id: string;
  details: WorkbookDetails;
  /** The previous period's workbook, for one rolled forward. */
  rolledFrom?: RolledFrom | null;
  appVersion: string;
  createdAt: string;
  modifiedAt: string;
}

export function insertWorkbookRow(db: WriteDb, row: NewWorkbookRow): void {
  requireWriteScope(db, 'The workbook row');
  const d = row.details;
  statement(db, 
    `INSERT INTO workbook (singleton, id, force_id, title, period_start, period_end, author, version_label, marking,
       review_date, owner, approver, rolled_from_id, rolled_from_title, rolled_from_period_start, rolled_from_period_end,
       app_version, created_at, modified_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, d.force, d.title, d.periodStart, d.periodEnd, d.author, d.versionLabel, d.marking, d.reviewDate, d.owner, d.approver, ...rolledFromColumns(row.rolledFrom ?? null), row.appVersion, row.createdAt, row.modifiedAt);
}

function rolledFromColumns(from: RolledFrom | null): Array<string | null> {
  return from ? [from.id, from.title, from.periodStart, from.periodEnd] : [null, null, null, null];
}

export function updateWorkbookRow(db: WriteDb, details: WorkbookDetails, appVersion: string, modifiedAt: string): void {
  requireWriteScope(db, 'The workbook details');
  statement(db, 
    `UPDATE workbook SET force_id = ?, title = ?, period_start = ?, period_end = ?, author = ?, version_label = ?,
       marking = ?, review_date = ?, owner = ?, approver = ?, app_version = ?, modified_at = ? WHERE singleton = 1`,
  ).run(details.force, details.title, details.periodStart, details.periodEnd, details.author, details.versionLabel, details.marking, details.reviewDate, details.owner, details.approver, appVersion, modifiedAt);
}

/** Counts of what the workbook holds, by record type, for `ewb info` and the overview. */
export function countRecords(db: ReadDb): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of RECORD_TYPE_NAMES) counts[type] = countRecordsOf(db, type);
  // Entries are never deleted, so the last sequence number is the count, without a scan.
  counts.changes = (statement(db, 'SELECT max(seq) FROM change_log').pluck().get() as number | null) ?? 0;
  return counts;
}

export function validDetails(details: unknown): WorkbookDetails {
  const parsed = WorkbookDetailsSchema.safeParse(details);
  if (!parsed.success) throw invalidInput(parsed.error, 'The workbook details are not complete');
  return parsed.data;
}
