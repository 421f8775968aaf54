// A section marked as completed by the planner (and unmarked): kept in the workbook, undoable.
import { sectionById } from '../../../shared/domain/sections.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { plainHandler, type ChangeHandler } from '../changes/change-handler.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { requireWriteScope } from '../changes/write-scope.ts';

export function readCompletions(db: ReadDb): Map<string, string | null> {
  const rows = db.prepare('SELECT section, completed_at FROM section_state').all() as Array<{ section: string; completed_at: string | null }>;
  return new Map(rows.map((row) => [row.section, row.completed_at]));
}

export function writeCompletion(db: WriteDb, section: string, completedAt: string | null): void {
  requireWriteScope(db, 'A section completion');
  if (completedAt === null) db.prepare('DELETE FROM section_state WHERE section = ?').run(section);
  else db.prepare('INSERT INTO section_state (section, completed_at) VALUES (?, ?) ON CONFLICT (section) DO UPDATE SET completed_at = excluded.completed_at').run(section, completedAt);
}

export function setCompletion(db: WriteDb, ctx: ChangeContext, section: string, completed: boolean): void {
  writeChange(db, ctx, ({ at }) => {
    const before = readCompletions(db).get(section) ?? null;
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
