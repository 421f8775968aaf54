// Repairs what the value checks can put right, in one transaction: every repairable problem's
// statements (values first, then loops broken, then ids put in lower case), links checked, and the
// whole workbook checked again before it commits. Anything left is reported, not guessed at.
import type { Statement } from 'better-sqlite3';
import type { ValueCheck } from '../../../shared/api/value-check.ts';
import { AppError } from '../app-error.ts';
import { checkValues, findValueProblems, valueCheckCollector } from './check-values.ts';
import type { WriteDb } from './open-database.ts';
import { NEW_ID, NOW, type Fix, type RepairChoices } from './value-problem.ts';
import { insertLogRow, toJson } from '../changes/change-log.ts';

export interface RepairOutcome {
  found: ValueCheck;
  remaining: ValueCheck;
}

/**
 * Makes every repair it can, in one transaction, and writes one entry in the history saying who
 * repaired how many values and when. The entry cannot be undone: undoing a repair would put back
 * values the app cannot use (the backup copy beside the file keeps them).
 */
export function repairValues(db: WriteDb, options: { now: string; newId: () => string; who: string; choices?: RepairChoices }): RepairOutcome {
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
    const found = collector.report();
    const repaired = fixes.length;
    if (repaired > 0) {
      insertLogRow(db, {
        id: options.newId(),
        at: options.now,
        who: options.who,
        record_type: 'repair',
        record_id: 'workbook',
        action: 'update',
        before_json: null,
        after_json: toJson({ description: `repairing ${repaired} value${repaired === 1 ? '' : 's'} the app could not use`, repaired }),
        state: 0,
        target_seq: null,
        personal: 0,
        undoable: 0,
        redacted_at: null,
      });
    }
    outcome = { found, remaining: checkValues(db) };
  }).immediate();
  return outcome as unknown as RepairOutcome;
}
