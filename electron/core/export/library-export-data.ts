// What the Word appendix "What neighbouring forces do" needs, read with the rest of the export's
// data: kept apart from the Word writer so reading it never loads the document library.
import type { ComparisonRow } from '../../../shared/api/library.ts';
import { AUDIENCE_KINDS } from '../../../shared/domain/vocabularies.ts';
import type { ReadDb } from '../db/open-database.ts';
import { comparePractice } from '../library/compare-practice.ts';
import { countLiveEntries } from '../library/library-store.ts';

export interface LibraryExport {
  /** Each kind of audience among ours (in the vocabulary's order) with its neighbours' practice. */
  kinds: Array<{ kind: string; rows: ComparisonRow[] }>;
  audiencesWithoutPractice: Array<{ name: string; kind: string }>;
}

/** What the appendix needs, or null when the library is empty. */
export function collectLibraryExport(db: ReadDb): LibraryExport | null {
  if (countLiveEntries(db) === 0) return null;
  const ours = new Set(db.prepare('SELECT DISTINCT kind FROM audience').pluck().all() as string[]);
  const kinds = AUDIENCE_KINDS.filter((k) => ours.has(k.id)).map((k) => {
    const comparison = comparePractice(db, { audienceKind: k.id });
    return { kind: k.id, rows: comparison.rows.filter((row) => row.group === 'neighbour') };
  });
  const without = kinds.length === 0 ? [] : comparePractice(db, { audienceKind: kinds[0]!.kind }).audiencesWithoutPractice.map(({ name, kind }) => ({ name, kind }));
  return { kinds, audiencesWithoutPractice: without };
}
