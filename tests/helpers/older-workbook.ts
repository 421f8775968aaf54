// Workbooks as an older app wrote them, for the tests of each migration: one way to stamp a file as
// ours at an old schema version with its details row, to give it history, and to check what a
// migration kept, so that every migration test starts from the same kind of file.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { APPLICATION_ID } from '../../electron/core/db/file-format.ts';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.ts';
import { runMigrations } from '../../electron/core/db/run-migrations.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { expectOk, testCore } from './test-core.ts';

/** The details row of an older workbook; what is left out is what the app of its day left empty. */
export interface OlderDetails {
  id: string;
  forceId: string;
  title: string;
  appVersion: string;
  createdAt: string;
  modifiedAt: string;
  periodStart?: string;
  periodEnd?: string;
  author?: string;
  versionLabel?: string;
}

/** Brings `db` to schema `version` only, stamped as a workbook, and writes its details row. */
export function olderWorkbook(db: Database.Database, version: number, details: OlderDetails): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, version);
  db.prepare(
    `INSERT INTO workbook (singleton, id, force_id, title, period_start, period_end, author, version_label, marking, review_date, app_version, created_at, modified_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'OFFICIAL', NULL, ?, ?, ?)`,
  ).run(
    details.id,
    details.forceId,
    details.title,
    details.periodStart ?? null,
    details.periodEnd ?? null,
    details.author ?? null,
    details.versionLabel ?? '',
    details.appVersion,
    details.createdAt,
    details.modifiedAt,
  );
}

/** Writes an older workbook to `file` as the app of its day left it: closed, with no journal beside it. */
export function writeOlderWorkbookFile(file: string, build: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  build(db);
  db.close();
}

export interface OlderAudience {
  id: string;
  at: string;
  name: string;
  kind: string;
  engagementState: string;
  priority: string;
}

/** Adds an audience and the change-log entry that created it (the log as rebuilt by migration 6). */
export function audienceWithHistory(db: Database.Database, audience: OlderAudience): void {
  const { id, at, name, kind, engagementState, priority } = audience;
  db.prepare(`INSERT INTO audience (id, created_at, updated_at, name, kind, engagement_state, priority) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, at, at, name, kind, engagementState, priority);
  const record = { id, createdAt: at, updatedAt: at, reviewedAt: null, shareable: true, notes: '', name, kind, sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState, priority, whatWeKnow: '', owner: '', areaIds: [] };
  db.prepare("INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json, personal) VALUES ('c1', ?, 'planner', 'audience', ?, 'create', NULL, ?, 0)").run(at, id, JSON.stringify(record));
}

/**
 * Runs migration `version` on `db` and holds that the history and the rows of `kept` are as they
 * were, that every table in `added` is there and empty, and that the file passes its own checks.
 */
export function expectMigrationKeeps(db: Database.Database, version: number, tables: { kept: string[]; added: string[] }): void {
  const rows = (table: string): unknown[] => db.prepare(`SELECT * FROM ${table}`).all();
  const before = db.prepare('SELECT * FROM change_log ORDER BY seq').all();
  const keptBefore = tables.kept.map(rows);
  expect(runMigrations(db, version)).toBe(version);
  expect(db.prepare('SELECT * FROM change_log ORDER BY seq').all()).toEqual(before);
  expect(tables.kept.map(rows)).toEqual(keptBefore);
  for (const table of tables.added) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** Opens an older workbook file in the app, which brings it up to the latest schema. */
export async function openOlderInApp(file: string): Promise<{ core: ReturnType<typeof testCore>; info: WorkbookInfo }> {
  const core = testCore();
  const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
  expect(info.meta.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  return { core, info };
}
