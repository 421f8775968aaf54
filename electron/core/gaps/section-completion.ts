// A section marked as completed by the planner (and unmarked): kept in the workbook, undoable.
import type { WriteDb } from '../db/open-database.ts';
import { appendChange } from '../workbook/change-log.ts';
import type { ChangeContext } from '../records/record-changes.ts';
import { readCompletions } from './compute-gaps.ts';

export function writeCompletion(db: WriteDb, section: string, completedAt: string | null): void {
  if (completedAt === null) db.prepare('DELETE FROM section_state WHERE section = ?').run(section);
  else db.prepare('INSERT INTO section_state (section, completed_at) VALUES (?, ?) ON CONFLICT (section) DO UPDATE SET completed_at = excluded.completed_at').run(section, completedAt);
}

export function setCompletion(db: WriteDb, ctx: ChangeContext, section: string, completed: boolean): void {
  db.transaction(() => {
    const before = readCompletions(db).get(section) ?? null;
    const after = completed ? (before ?? ctx.now()) : null;
    if (before === after) return;
    writeCompletion(db, section, after);
    appendChange(db, { id: ctx.newId(), at: ctx.now(), who: ctx.who, recordType: 'section', recordId: section, action: 'update', before: { completedAt: before }, after: { completedAt: after } });
  }).immediate();
}
