// The library's practices for one comparison, in title order, read with SQL and kept per connection
// for the next time the same query is asked. The join that finds them costs most of a comparison's
// time, while the library changes only when a workbook is added, removed, undone or redone — and a
// planner on the comparison screen goes back and forth between the same few kinds and depths.
import type { ComparisonQuery } from '../../../shared/api/library.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';

/** A practice as the comparison reads it: [entry id or null for ours, id, title, audience kinds, channel kinds, depth, outcome, evidence, verdict]. */
export type RawRow = [string | null, string, string, string, string, string | null, string | null, string | null, string | null];

/** A live entry of the library: who it is from and which workbook. */
export interface LiveEntry {
  id: string;
  force: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
}

// Rows come back as arrays (no object per row) and already in title order, so the only sort left
// in JavaScript is a stable one by column. The entry breaks the last tie (one practice in two
// workbooks of a force), so the order is the same however the rows are found.
export const PRACTICE_COLUMNS = 'p.id, p.title, p.audience_kinds, p.channel_kinds, p.depth, p.outcome, p.evidence_strength, p.verdict';
export const TITLE_ORDER = 'ORDER BY p.title COLLATE NOCASE, p.id';
const LIBRARY_ORDER = `${TITLE_ORDER}, p.entry_id`;
const LIVE = 'IN (SELECT id FROM library_entry WHERE live = 1)';

/** The library's live entries, without counting their practices (the comparison does not need the counts). */
export function liveEntries(db: ReadDb): LiveEntry[] {
  return statement(db, 'SELECT id, force_id AS force, title, period_start AS periodStart, period_end AS periodEnd FROM library_entry WHERE live = 1 ORDER BY id').all() as LiveEntry[];
}

/** The library's rows for a query, read with SQL: the kind index joined to the practices. */
export function libraryRows(db: ReadDb, query: ComparisonQuery): RawRow[] {
  if ('depth' in query) {
    return statement(db, `SELECT p.entry_id, ${PRACTICE_COLUMNS} FROM library_practice p WHERE p.depth = ? AND p.entry_id ${LIVE} ${LIBRARY_ORDER}`).raw(true).all(query.depth) as RawRow[];
  }
  const [axis, kind] = axisOf(query);
  return statement(
    db,
    `SELECT p.entry_id, ${PRACTICE_COLUMNS} FROM library_practice_kind k
       JOIN library_practice p ON p.entry_id = k.entry_id AND p.id = k.practice_id
     WHERE k.axis = ? AND k.kind = ? AND k.entry_id ${LIVE} ${LIBRARY_ORDER}`,
  )
    .raw(true)
    .all(axis, kind) as RawRow[];
}

function axisOf(query: { audienceKind: string } | { channelKind: string }): ['audience' | 'channel', string] {
  return 'audienceKind' in query ? ['audience', query.audienceKind] : ['channel', query.channelKind];
}

/**
 * The answers already read for the live entries named by `key`. An entry's practices are written
 * once, under an id of its own, and never change (undo and redo only switch which entries are live,
 * and a repair deletes an entry), so for the same live entries a query finds the same rows.
 */
interface KeptAnswers {
  key: string;
  answers: Map<string, RawRow[]>;
  rows: number;
}

/** Rows kept per connection at most (about 250 bytes each): every query over the bench's library of every force keeps about 90,000. */
export const MAX_KEPT_ROWS = 150_000;

const kept = new WeakMap<ReadDb, KeptAnswers>();

const queryName = (query: ComparisonQuery) => ('depth' in query ? `depth\u0000${query.depth}` : axisOf(query).join('\u0000'));

/**
 * `libraryRows`, kept for the next time the same query is asked of the same live library: the
 * first ask costs what it always did, the ones after only what the comparison does with the rows.
 * The rows handed back are shared: callers must not change them.
 */
export function keptLibraryRows(db: ReadDb, query: ComparisonQuery, live: readonly LiveEntry[], limit = MAX_KEPT_ROWS): RawRow[] {
  const key = live.map((entry) => entry.id).join(',');
  let answers = kept.get(db);
  if (answers?.key !== key) {
    answers = { key, answers: new Map(), rows: 0 };
    kept.set(db, answers);
  }
  const name = queryName(query);
  const known = answers.answers.get(name);
  if (known) return known;
  const rows = libraryRows(db, query);
  if (rows.length <= limit) {
    // Over the limit, start again rather than keep more: a library that large answers from SQL as before.
    if (answers.rows + rows.length > limit) {
      answers.answers.clear();
      answers.rows = 0;
    }
    answers.answers.set(name, rows);
    answers.rows += rows.length;
  }
  return rows;
}
