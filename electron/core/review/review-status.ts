// What a review looks at: the workbook's review date (its details) and whether it has come, the
// records nobody has reviewed for over twelve months, and what has changed since the last review
// (the change log since its entry was written), each change in words with its section.
import type { ReadDb } from '../db/open-database.ts';
import { listRecords, titleOf } from '../records/record-store.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { reviewCutoff } from '../gaps/gap-rules.ts';
import { describeChange } from '../changes/undo-redo.ts';
import { changeFromRow, type LogRow } from '../changes/change-log.ts';
import { isChangeKind } from '../changes/change-kinds.ts';
import { statement } from '../db/statements.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, REVIEW_RECORD_TYPES, isRecordTypeName, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { SHOWN_CHANGES, type ReviewChange, type ReviewStatus, type StaleRecord } from '../../../shared/api/review.ts';

/** The section a change belongs to, by its kind: a record's section, or the screen that makes it. */
const SECTION_OF_KIND: Readonly<Record<string, string>> = {
  workbook: 'details',
  setting: 'details',
  logo: 'details',
  receptivity: 'receptivity',
  censusTable: 'census',
  evidenceLink: 'census',
  crimeImport: 'crime',
  crimeTrendLink: 'crime',
};

function sectionOfChange(kind: string, recordId: string): string {
  if (isRecordTypeName(kind)) return RECORD_TYPES[kind].section;
  // A section marked completed (or not) is logged under the section's own id.
  if (kind === 'section') return recordId;
  return SECTION_OF_KIND[kind] ?? 'details';
}

/** Records last reviewed (or, never reviewed, added) more than twelve months before `today`. */
export function staleRecords(db: ReadDb, today: string): StaleRecord[] {
  const cutoff = reviewCutoff(new Date(`${today}T00:00:00Z`));
  const types = RECORD_TYPE_NAMES.filter((type) => !REVIEW_RECORD_TYPES.includes(type));
  return types.flatMap((type: RecordTypeName) =>
    listRecords(db, type).flatMap((record) => {
      const since = record.reviewedAt ?? record.createdAt.slice(0, 10);
      return since < cutoff ? [{ type, id: record.id, title: titleOf(record, type), section: RECORD_TYPES[type].section, lastReviewed: record.reviewedAt, since }] : [];
    }),
  );
}

function lastReview(db: ReadDb): ReviewStatus['lastReview'] {
  const entries = listRecords(db, 'reviewEntry').sort((a, b) => String(a.reviewedOn).localeCompare(String(b.reviewedOn)) || a.createdAt.localeCompare(b.createdAt));
  const last = entries.at(-1);
  return last ? { id: last.id, reviewedOn: String(last.reviewedOn), summary: String(last.summary), at: last.createdAt } : null;
}

/** The changes in force made after `since` (a timestamp; all of them when null), newest first. */
export function changesSince(db: ReadDb, since: string | null, limit = SHOWN_CHANGES): { changes: ReviewChange[]; count: number } {
  const where = `state = 0 AND action IN ('create', 'update', 'delete')${since ? ' AND at > ?' : ''}`;
  const params = since ? [since] : [];
  const count = statement(db, `SELECT count(*) FROM change_log WHERE ${where}`).pluck().get(...params) as number;
  const rows = statement(db, `SELECT * FROM change_log WHERE ${where} ORDER BY seq DESC LIMIT ?`).all(...params, limit) as LogRow[];
  const changes = rows.flatMap((row) => {
    if (!isChangeKind(row.record_type)) return [];
    const entry = changeFromRow(row);
    let description: string;
    try {
      description = describeChange(db, entry);
    } catch {
      // A record the change names may since have gone; the kind and action still say something.
      description = `${row.action === 'create' ? 'adding' : row.action === 'delete' ? 'deleting' : 'editing'} ${row.record_type}`;
    }
    return [{ seq: row.seq, at: row.at, section: sectionOfChange(row.record_type, row.record_id), recordType: isRecordTypeName(row.record_type) ? row.record_type : null, recordId: row.record_id, description }];
  });
  return { changes, count };
}

/** Everything the review screen and the overview show about the review cycle. `today` is YYYY-MM-DD. */
export function reviewStatus(db: ReadDb, today: string): ReviewStatus {
  const meta = readWorkbookMeta(db);
  const last = lastReview(db);
  const { changes, count } = changesSince(db, last?.at ?? null);
  return { reviewDate: meta.reviewDate, due: meta.reviewDate !== null && meta.reviewDate <= today, lastReview: last, stale: staleRecords(db, today), changes, changeCount: count };
}
