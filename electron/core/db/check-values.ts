// Checks every value inside an opened workbook against the contract's schemas, and its
// hierarchies for loops: what a file edited outside the app (or by an older bug) may hold that the
// app cannot use. Rows are streamed, so a large workbook is checked without being loaded.
import { MAX_LISTED_PROBLEMS, type ValueCheck, type ValueProblem } from '../../../shared/api/value-check.ts';
import { checkCensusValues } from './check-census-values.ts';
import { checkHistory } from './check-history.ts';
import { checkCrimeValues } from './check-crime-values.ts';
import { checkLibraryValues } from './check-library-values.ts';
import { checkLoops } from './check-loops.ts';
import { checkRecordValues } from './check-record-values.ts';
import { checkWorkbookValues } from './check-workbook-values.ts';
import { checkReceptivityValues } from '../receptivity/check-receptivity-values.ts';
import type { ReadDb } from './open-database.ts';
import type { Emit, FoundProblem, RepairChoices } from './value-problem.ts';

/** Calls `emit` for every value the app cannot use, each with its repair (or none); `choices` are the user's. */
export function findValueProblems(db: ReadDb, emit: Emit, choices: RepairChoices = {}): void {
  checkWorkbookValues(db, emit, choices);
  checkRecordValues(db, emit);
  checkLoops(db, emit);
  checkCensusValues(db, emit);
  checkReceptivityValues(db, emit);
  checkHistory(db, emit);
  checkCrimeValues(db, emit);
  checkLibraryValues(db, emit);
}

/** What the user is shown of a problem (its repair's statements stay inside the core). */
export function publicProblem(problem: FoundProblem): ValueProblem {
  const { fix: _fix, ...shown } = problem;
  return shown;
}

/** Collects problems into a report: every one counted, the first MAX_LISTED_PROBLEMS listed. */
export function valueCheckCollector(): { emit: Emit; report(): ValueCheck } {
  let total = 0;
  let repairable = 0;
  const problems: ValueProblem[] = [];
  return {
    emit(problem) {
      total += 1;
      if (problem.fix) repairable += 1;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(publicProblem(problem));
    },
    report: () => ({ total, repairable, problems }),
  };
}

/** Checks the values of an open workbook; nothing is written. */
export function checkValues(db: ReadDb, choices: RepairChoices = {}): ValueCheck {
  const collector = valueCheckCollector();
  findValueProblems(db, collector.emit, choices);
  return collector.report();
}

/** For a notice or an error, after the file's name: how many values, and the first. */
export function summariseValueCheck(check: ValueCheck): string {
  const first = check.problems[0];
  const example = first ? ` (the first: ${describeProblem(first)})` : '';
  const values = check.total === 1 ? '1 value' : `${check.total.toLocaleString('en-GB')} values`;
  return `holds ${values} that Engagement Workbook cannot use${example}`;
}

/** A problem in one line: which record, which field, what is wrong. */
export function describeProblem(problem: ValueProblem): string {
  const which = problem.recordType === 'workbook' ? 'Workbook details' : `${problem.recordLabel} “${problem.title}”`;
  return `${which}, ${problem.fieldLabel}: ${problem.message}`;
}
