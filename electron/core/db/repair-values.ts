// Repairs what the value checks can put right, in one transaction: every repairable problem's
// statements (values first, then loops broken, then ids put in lower case), links checked, and the
// whole workbook checked again before it commits. Anything left is reported, not guessed at.
import type { Statement } from 'better-sqlite3';
import type { ValueCheck } from '../../../shared/api/value-check.ts';
import { AppError } from '../app-error.ts';
import { checkValues, findValueProblems, valueCheckCollector } from './check-values.ts';
import type { WriteDb } from './open-database.ts';
import { NEW_ID, NOW, type Fix, type RepairChoices } from './value-problem.ts';

export interface RepairOutcome {
  found: ValueCheck;
  remaining: ValueCheck;
}

export function repairValues(db: WriteDb, options: { now: string; newId: () => string; choices?: RepairChoices }): RepairOutcome {
  let outcome: RepairOutcome | null = null;
  db.transaction(() => {
    const collector = valueCheckCollector();
    const fixes: Fix[] = [];
    findValueProblems(db, (problem) => {
      collector.emit(problem);
      if (problem.fix) fixes.push(problem.fix);
    }, options.choices);
    // Changing an id and every pointer to it is consistent only once all of it is done.
    db.pragma('defer_foreign_keys = ON');
    const statements = new Map<string, Statement<unknown[]>>();
    for (const phase of [0, 1, 2] as const) {
      for (const { statements: steps } of fixes.filter((f) => f.phase === phase)) {
        for (const step of steps) {
          let prepared = statements.get(step.sql);
          if (!prepared) statements.set(step.sql, (prepared = db.prepare(step.sql)));
          prepared.run(...step.params.map((param) => (param === NOW ? options.now : param === NEW_ID ? options.newId() : param)));
        }
      }
    }
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) throw new AppError('internal', `The repair would have left ${dangling.length} links pointing at nothing, so nothing was changed.`);
    outcome = { found: collector.report(), remaining: checkValues(db) };
  }).immediate();
  return outcome as unknown as RepairOutcome;
}
