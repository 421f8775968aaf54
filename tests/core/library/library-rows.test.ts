// The library's rows for a comparison, kept per connection for the next ask, are exactly the rows the
// SQL join finds afresh, in the same order: on random libraries (titles that differ only in case and
// accents, one practice in two workbooks, hidden entries, practices of no depth), after entries are
// hidden, shown, added and deleted; and what is kept stays within its limit.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ComparisonQuery } from '../../../shared/api/library.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { ReadDb } from '../../../electron/core/db/open-database.ts';
import { keptLibraryRows, libraryRows, liveEntries } from '../../../electron/core/library/library-rows.ts';
import { seededRandom, type SeededRandom } from '../../helpers/seeded-random.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

const AUDIENCES = ['faith', 'deaf', 'students', 'farming'];
const CHANNELS = ['radio', 'patrol', 'survey'];
const DEPTHS = ['inform', 'consult', 'involve'];
const QUERIES: ComparisonQuery[] = [
  ...AUDIENCES.map((audienceKind) => ({ audienceKind }) as ComparisonQuery),
  ...CHANNELS.map((channelKind) => ({ channelKind }) as ComparisonQuery),
  ...DEPTHS.map((depth) => ({ depth }) as ComparisonQuery),
  { audienceKind: 'veterans' },
];
const TITLE_PARTS = ['a', 'A', 'b', 'B', 'é', 'É', 'ß', ' ', '2', '10', 'Forum', 'forum', 'z'];

async function emptyWorkbook(): Promise<string> {
  const core = testCore();
  const file = path.join(tempDir('ewb-library-rows-'), 'ours.ewb');
  await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  core.closeAll();
  return file;
}

let entryCount = 0;

/** An entry of `practices` random practices written straight with SQL, as addToLibrary leaves it. */
function addEntry(db: Database.Database, random: SeededRandom, practices: number, sharedIds: readonly string[]): string {
  entryCount += 1;
  const entryId = `entry-${String(entryCount).padStart(4, '0')}-${random.int(0, 999)}`;
  db.prepare(`INSERT INTO library_entry (id, workbook_id, force_id, title, period_start, period_end, source_kind, shared_at, file_name, added_at, live, hidden_by)
    VALUES (?, ?, ?, 'Strategy', NULL, NULL, 'workbook', NULL, 'f.ewb', '2026-01-01T00:00:00.000Z', 1, NULL)`).run(entryId, `wb-${entryId}`, random.pick(['surrey', 'sussex', 'cumbria']));
  const practice = db.prepare(`INSERT INTO library_practice (entry_id, id, title, audience_kinds, channel_kinds, depth, origin, outcome, evidence_strength, verdict) VALUES (?, ?, ?, ?, ?, ?, 'our-now', ?, ?, ?)`);
  const kind = db.prepare('INSERT OR IGNORE INTO library_practice_kind (entry_id, practice_id, axis, kind) VALUES (?, ?, ?, ?)');
  const used = new Set<string>();
  for (let n = 0; n < practices; n += 1) {
    // Now and then the same practice id as another workbook's, so title and id tie across entries.
    let id = random.next() < 0.2 && sharedIds.length > 0 ? random.pick(sharedIds) : `p-${random.int(0, 99_999)}`;
    if (used.has(id)) id = `${id}-${n}`;
    used.add(id);
    const title = Array.from({ length: random.int(1, 4) }, () => random.pick(TITLE_PARTS)).join('').trim() || 'x';
    const audiences = random.sample(AUDIENCES, random.int(0, 2));
    const channels = random.sample(CHANNELS, random.int(0, 2));
    practice.run(entryId, id, title, JSON.stringify(audiences), JSON.stringify(channels), random.next() < 0.2 ? null : random.pick(DEPTHS), random.pick(['improved', null]), random.pick(['evaluated', 'anecdotal', null]), random.pick(['adopt', 'avoid', null]));
    for (const k of audiences) kind.run(entryId, id, 'audience', k);
    for (const k of channels) kind.run(entryId, id, 'channel', k);
  }
  return entryId;
}

function expectSameRows(db: Database.Database): void {
  const read = db as ReadDb;
  for (const query of QUERIES) {
    const fresh = libraryRows(read, query);
    // The first ask reads (or finds what an earlier ask of the same live library kept), the second finds it kept.
    expect(keptLibraryRows(read, query, liveEntries(read)), JSON.stringify(query)).toEqual(fresh);
    expect(keptLibraryRows(read, query, liveEntries(read)), JSON.stringify(query)).toEqual(fresh);
  }
}

describe('the library rows kept for the next ask', () => {
  it('are the rows the SQL finds, in its order, on random libraries as entries come and go', async () => {
    const file = await emptyWorkbook();
    const db = new Database(file);
    db.pragma('synchronous = OFF');
    try {
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const random = seededRandom(seed);
        db.exec('DELETE FROM library_practice_kind; DELETE FROM library_practice; DELETE FROM library_entry;');
        const sharedIds = ['p-shared-1', 'p-shared-2', 'p-shared-3'];
        const entries = db.transaction(() => Array.from({ length: random.int(1, 6) }, () => addEntry(db, random, random.int(0, 40), sharedIds)))();
        expectSameRows(db);
        // Hidden (replaced or removed, still undoable), shown again, deleted for good, added anew.
        const hidden = random.pick(entries);
        db.prepare("UPDATE library_entry SET live = 0, hidden_by = 'change-1' WHERE id = ?").run(hidden);
        expectSameRows(db);
        db.prepare('UPDATE library_entry SET live = 1, hidden_by = NULL WHERE id = ?').run(hidden);
        expectSameRows(db);
        entries.push(db.transaction(() => addEntry(db, random, random.int(1, 30), sharedIds))());
        expectSameRows(db);
        db.prepare('DELETE FROM library_entry WHERE id = ?').run(random.pick(entries));
        expectSameRows(db);
      }
    } finally {
      db.close();
    }
  });

  it('keeps at most its limit of rows: an answer larger than that is read afresh each time, and a full store starts again', async () => {
    const file = await emptyWorkbook();
    const db = new Database(file);
    db.pragma('synchronous = OFF');
    try {
      const read = db as ReadDb;
      const big = 'entry-big';
      db.prepare(`INSERT INTO library_entry (id, workbook_id, force_id, title, source_kind, file_name, added_at) VALUES (?, 'wb-big', 'essex', 'Big', 'workbook', 'b.ewb', '2026-01-01T00:00:00.000Z')`).run(big);
      const practice = db.prepare(`INSERT INTO library_practice (entry_id, id, title, audience_kinds, channel_kinds, depth, origin) VALUES (?, ?, ?, '[]', '[]', 'inform', 'our-now')`);
      const kind = db.prepare('INSERT INTO library_practice_kind (entry_id, practice_id, axis, kind) VALUES (?, ?, ?, ?)');
      // A limit of 300 rows (the app's is 150,000). Every practice is for faith (one more than the
      // limit); two thirds are by radio, two fifths for deaf people.
      const limit = 300;
      db.transaction(() => {
        for (let n = 0; n <= limit; n += 1) {
          practice.run(big, `big-${n}`, `Practice ${n}`);
          kind.run(big, `big-${n}`, 'audience', 'faith');
          if (n < (limit * 2) / 3) kind.run(big, `big-${n}`, 'channel', 'radio');
          if (n < (limit * 2) / 5) kind.run(big, `big-${n}`, 'audience', 'deaf');
        }
      })();
      const ask = (query: ComparisonQuery) => keptLibraryRows(read, query, liveEntries(read), limit);
      const faith = ask({ audienceKind: 'faith' });
      expect(faith).toHaveLength(limit + 1);
      expect(ask({ audienceKind: 'faith' })).not.toBe(faith);
      const radio = ask({ channelKind: 'radio' });
      expect(ask({ channelKind: 'radio' })).toBe(radio);
      // Radio and deaf together are more than the limit: keeping deaf lets radio go.
      const deaf = ask({ audienceKind: 'deaf' });
      expect(ask({ audienceKind: 'deaf' })).toBe(deaf);
      const radioAgain = ask({ channelKind: 'radio' });
      expect(radioAgain).not.toBe(radio);
      expect(radioAgain).toEqual(radio);
      // Hidden, the entry's rows are no longer found, kept or not.
      db.prepare("UPDATE library_entry SET live = 0, hidden_by = 'change-2' WHERE id = ?").run(big);
      expect(ask({ channelKind: 'radio' })).toEqual([]);
    } finally {
      db.close();
    }
  });
});
