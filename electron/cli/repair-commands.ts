// `ewb repair` and the value listing `ewb check` prints: each value the app cannot use, with its
// record, and what a repair does about it.
import path from 'node:path';
import type { Command } from 'commander';
import type { ValueCheck, ValueProblem } from '../../shared/api/value-check.ts';
import { findForce } from '../../shared/domain/forces.ts';
import type { CliContext } from './cli-context.ts';

/** One problem on one line: record type, id, title, field, what is wrong, and the repair. */
export function problemLine(problem: ValueProblem): string {
  const id = problem.recordId ? ` ${problem.recordId}` : '';
  const repair = problem.repair
    ? `repair: ${problem.repair.charAt(0).toLowerCase()}${problem.repair.slice(1)}`
    : problem.choose === 'force'
      ? 'repair: choose the force (ewb repair --force NAME)'
      : 'cannot be repaired here';
  return `${problem.recordType}${id} “${problem.title}”, ${problem.fieldLabel} (${problem.field}): ${problem.message} — ${repair}`;
}

export function printValueCheck(context: CliContext, check: ValueCheck): void {
  for (const problem of check.problems) context.io.out(`${problemLine(problem)}\n`);
  const more = check.total - check.problems.length;
  if (more > 0) context.io.out(`… and ${more.toLocaleString('en-GB')} more\n`);
}

export function registerRepairCommand(program: Command, context: CliContext): void {
  program
    .command('repair')
    .description('list the repairs of values the app cannot use; with --yes make them (after a backup copy beside the file)')
    .argument('<file>', 'the .ewb file')
    .option('--yes', 'make the repairs (without it, nothing is changed)')
    .option('--force <name>', "the workbook's force, when the one stored is not a UK force: its own name or its police.uk name")
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, options: { yes?: boolean; json?: boolean; force?: string }) => {
      const force = options.force === undefined ? undefined : findForce(options.force);
      if (options.force !== undefined && !force) context.refuse(`there is no force called "${options.force}". Run "ewb forces" for the list.`);
      const report = await context.call('repairWorkbook', { path: file, apply: Boolean(options.yes), ...(force ? { force: force.id } : {}) });
      const name = path.basename(report.path);
      if (options.json) context.json(report);
      else if (report.found.total === 0) context.io.out(`ok: ${name} holds no values that need repair.\n`);
      else {
        printValueCheck(context, report.found);
        if (report.applied) context.io.out(`Repaired ${report.found.total - report.remaining.total} of ${report.found.total} (the file as it was is kept as "${report.backupName}").\n`);
        else if (report.found.repairable > 0) context.io.out(`Nothing has been changed: run "ewb repair ${file} --yes" to make the ${report.found.repairable === 1 ? 'repair' : `${report.found.repairable} repairs`} listed.\n`);
      }
      if (report.applied ? report.remaining.total > 0 : report.found.total > 0) {
        const left = report.applied ? report.remaining : report.found;
        const unrepairable = left.total - left.repairable;
        const reason = report.applied
          ? `${left.total} ${left.total === 1 ? 'value' : 'values'} in ${name} could not be repaired here; the file opens read-only until they are put right`
          : `${name} holds ${left.total} ${left.total === 1 ? 'value' : 'values'} the app cannot use${unrepairable > 0 ? ` (${unrepairable} cannot be repaired here)` : ''}`;
        if (options.json) context.failQuietly(reason);
        context.refuse(reason);
      }
    });
}
