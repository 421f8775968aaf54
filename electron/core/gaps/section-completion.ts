// A section marked as completed by the planner (and unmarked): kept in the workbook, undoable.
import { recordTypeNamesInSection, sectionById } from '../../../shared/domain/sections.ts';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { AppError } from '../app-error.ts';
import { countRecordsOf } from '../records/record-store.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';
import { statement } from '../db/statements.ts';

export function readCompletions(db: ReadDb): Map<string, string | null> {
  const rows = statement(db, 'SELECT section, completed_at FROM section_state').all() as Array<{ section: string; completed_at: string | null }>;
  return new Map(rows.map((row) => [row.section, row.completed_at]));
}

export function writeCompletion(db: WriteDb, section: string, completedAt: string | null): void {
  requireWriteScope(db, 'A section completion');
  if (completedAt === null) statement(db, 'DELETE FROM section_state WHERE section = ?').run(section);
  else statement(db, 'INSERT INTO section_state (section, completed_at) VALUES (?, ?) ON CONFLICT (section) DO UPDATE SET completed_at = excluded.completed_at').run(section, completedAt);
}

/** What a section must hold before it can be marked completed, in words; null when it holds something. */
function emptyReason(db: ReadDb, section: string): string | null {
  if (section === 'census') return statement(db, 'SELECT count(*) FROM census_table').pluck().get() === 0 ? 'import a census table' : null;
  const types = recordTypeNamesInSection(section);
  if (types.some((type) => countRecordsOf(db, type) > 0)) return null;
  // The section's first record type is what the rest of it hangs from (an aim before its objectives).
  const label = types[0] ? RECORD_TYPES[types[0]].label.toLowerCase() : 'something';
  return `add ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

export function setCompletion(db: WriteDb, ctx: ChangeContext, section: string, completed: boolean): void {
  writeChange(db, ctx, ({ at }) => {
    const before = readCompletions(db).get(section) ?? null;
    // A section with nothing in it is not finished: marking it so would mislead whoever reads the status.
    const missing = completed && before === null ? emptyReason(db, section) : null;
    if (missing) throw new AppError('invalid-input', `“${sectionById(section)?.title ?? section}” has nothing in it yet: ${missing} before marking it completed.`);
    const after = completed ? (before ?? at) : null;
    if (before === after) return { result: null, change: null };
    writeCompletion(db, section, after);
    return { result: null, change: { kind: 'section', recordId: section, action: 'update', before: { completedAt: before }, after: { completedAt: after } } };
  });
}

export const sectionChangeHandler: ChangeHandler = plainHandler({
  describe: (_db, entry) => `marking “${sectionById(entry.recordId)?.title ?? entry.recordId}” ${entry.after?.completedAt ? 'completed' : 'not completed'}`,
  apply(db, entry, direction) {
    const completedAt = (direction === 'back' ? entry.before : entry.after)?.completedAt;
    writeCompletion(db, entry.recordId, typeof completedAt === 'string' ? completedAt : null);
  },
  footprint: (entry) => [{ kind: 'section', id: entry.recordId, fields: null }],
});
