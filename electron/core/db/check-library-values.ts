// Checks the practice library's tables against what the app can use: each entry's force, ids,
// dates and times, and each practice against the library's schema (its choices from our
// vocabularies, its texts within their limits). The schema's own checks hold lengths and lists; a
// bad entry's repair is to take it out of the library, to be added again from the force's file.
import { InterchangeLibraryEntrySchema, LibraryPracticeSchema } from '../../../shared/api/library.ts';
import { practiceFromRow } from '../library/library-store.ts';
import type { ReadDb } from './open-database.ts';
import { fix, printable, statement, type Emit, type ProblemPlace } from './value-problem.ts';

function removeEntry(id: string) {
  return { repair: 'Take this workbook out of the practice library; add it again from the force’s file', fix: fix([statement('DELETE FROM library_entry WHERE id = ?', id)]) };
}

interface EntryRow {
  id: string;
  workbookId: string;
  force: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  sourceKind: string;
  sharedAt: string | null;
  fileName: string;
  addedAt: string;
}

export function checkLibraryValues(db: ReadDb, emit: Emit): void {
  const entries = db.prepare(
    `SELECT id, workbook_id AS workbookId, force_id AS force, title, period_start AS periodStart, period_end AS periodEnd, source_kind AS sourceKind,
       shared_at AS sharedAt, file_name AS fileName, added_at AS addedAt FROM library_entry`,
  );
  const practices = db.prepare('SELECT * FROM library_practice WHERE entry_id = ?');
  for (const entry of entries.all() as EntryRow[]) {
    const place: ProblemPlace = { recordType: 'libraryEntry', recordLabel: 'Workbook in the practice library', recordId: entry.id, title: printable(entry.title) };
    const head = InterchangeLibraryEntrySchema.omit({ practices: true }).safeParse(entry);
    if (!head.success) {
      const issue = head.error.issues[0]!;
      emit({ ...place, field: String(issue.path[0] ?? ''), fieldLabel: String(issue.path[0] ?? 'Details'), message: issue.message, ...removeEntry(entry.id) });
      continue;
    }
    for (const row of practices.iterate(entry.id) as Iterable<Parameters<typeof practiceFromRow>[0]>) {
      let problem: string | null = null;
      let field = '';
      try {
        const parsed = LibraryPracticeSchema.safeParse(practiceFromRow(row));
        if (!parsed.success) {
          field = String(parsed.error.issues[0]!.path[0] ?? '');
          problem = `the practice “${printable(String(row.title))}”: ${parsed.error.issues[0]!.message}`;
        }
      } catch {
        problem = `the practice “${printable(String(row.title))}” cannot be read`;
      }
      if (problem) {
        emit({ ...place, field, fieldLabel: field || 'Practice', message: problem, ...removeEntry(entry.id) });
        break;
      }
    }
  }
}
