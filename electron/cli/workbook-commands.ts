// `ewb new | info | check | dump | forces`: the workbook file from the command line.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { findForce, forceById } from '../../shared/domain/forces.ts';
import { PROTECTIVE_MARKINGS, DEFAULT_MARKING } from '../../shared/domain/markings.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import type { CliContext } from './cli-context.ts';
import { printValueCheck } from './repair-commands.ts';

function forceIdFrom(context: CliContext, name: string): string {
  const force = findForce(name);
  if (!force) context.refuse(`there is no force called "${name}". Run "ewb forces" for the list; either the force's own name or its police.uk name will do.`);
  return force.id;
}

function forceName(id: string): string {
  return forceById(id)?.name ?? id;
}

function printInfo(context: CliContext, info: WorkbookInfo): void {
  const m = info.meta;
  const period = m.periodStart || m.periodEnd ? `${m.periodStart ?? '?'} to ${m.periodEnd ?? '?'}` : '(not set)';
  const lines: Array<[string, string]> = [
    ['File', info.path],
    ['Title', m.title],
    ['Force', forceName(m.force)],
    ['Period', period],
    ['Marking', m.marking],
    ['Author', m.author ?? '(not set)'],
    ['Version label', m.versionLabel || '(not set)'],
    ['Review date', m.reviewDate ?? '(not set)'],
    ['Owner', m.owner ?? '(not set)'],
    ['Approved by', m.approver ?? '(not set)'],
    ['Workbook id', m.id],
    ...(m.rolledFrom ? [['Rolled forward from', `"${m.rolledFrom.title}" (${m.rolledFrom.periodStart ?? '?'} to ${m.rolledFrom.periodEnd ?? '?'}), workbook id ${m.rolledFrom.id}`] as [string, string]] : []),
    ['File format', `${m.schemaVersion} (last saved by version ${m.appVersion})`],
    ['Created', m.createdAt],
    ['Modified', m.modifiedAt],
    ['Records', Object.entries(info.counts).map(([type, n]) => `${type} ${n}`).join(', ') || 'none'],
  ];
  if (info.needsRepair) lines.push(['Needs repair', `${info.needsRepair.total} ${info.needsRepair.total === 1 ? 'value' : 'values'} the app cannot use (run "ewb check" to list them)`]);
  const width = Math.max(...lines.map(([label]) => label.length)) + 2;
  context.io.out(lines.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}\n`).join(''));
}

export function registerWorkbookCommands(program: Command, context: CliContext): void {
  program
    .command('new')
    .description('make a new workbook (from scratch, or from an interchange JSON file with --from)')
    .argument('<file>', 'the .ewb file to create')
    .option('--force <name>', 'owning force: its own name or its police.uk name (see "ewb forces")')
    .option('--title <title>', 'title of the strategy')
    .option('--period-start <date>', 'strategy period start, YYYY-MM-DD')
    .option('--period-end <date>', 'strategy period end, YYYY-MM-DD')
    .option('--author <name>', 'author')
    .option('--version-label <label>', 'version label, e.g. "Draft 1"')
    .option('--owner <post>', 'the post that owns the strategy, e.g. "Superintendent, Neighbourhood Policing"')
    .option('--approver <post>', 'the post that approves it, e.g. "Assistant Chief Constable, Local Policing"')
    .addOption(new Option('--marking <marking>', 'protective marking').choices(PROTECTIVE_MARKINGS))
    .option('--from <json>', 'make it from an interchange file written by "ewb dump"')
    .option('--keep-id', 'with --from: keep the workbook id from the file instead of making a new one')
    .action(async (file: string, options: Record<string, string | boolean | undefined>) => {
      const given = {
        ...(options.force !== undefined ? { force: forceIdFrom(context, String(options.force)) } : {}),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.periodStart !== undefined ? { periodStart: options.periodStart } : {}),
        ...(options.periodEnd !== undefined ? { periodEnd: options.periodEnd } : {}),
        ...(options.author !== undefined ? { author: options.author } : {}),
        ...(options.versionLabel !== undefined ? { versionLabel: options.versionLabel } : {}),
        ...(options.owner !== undefined ? { owner: options.owner } : {}),
        ...(options.approver !== undefined ? { approver: options.approver } : {}),
        ...(options.marking !== undefined ? { marking: options.marking } : {}),
      };
      let info: WorkbookInfo;
      if (options.from) {
        info = await context.call('createWorkbookFromInterchange', { path: file, source: String(options.from), keepId: Boolean(options.keepId), overrides: given });
      } else {
        if (options.keepId) context.refuse('--keep-id only makes sense with --from.');
        if (given.force === undefined || given.title === undefined) context.refuse('a new workbook needs --force and --title (or --from IN.json).');
        info = await context.call('createWorkbook', {
          path: file,
          details: { periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: DEFAULT_MARKING, reviewDate: null, ...given },
        });
      }
      await context.call('closeWorkbook', { handle: info.handle });
      context.io.out(`Created ${info.path} (${forceName(info.meta.force)}, "${info.meta.title}", ${info.meta.marking}).\n`);
    });

  program
    .command('info')
    .description("show a workbook's details and record counts (read-only; takes no lock)")
    .argument('<file>', 'the .ewb file')
    .option('--json', 'print one JSON object')
    .action(async (file: string, options: { json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      await context.call('closeWorkbook', { handle: info.handle });
      if (options.json) {
        context.json({ path: info.path, ...info.meta, forceName: forceName(info.meta.force), counts: info.counts });
      } else {
        printInfo(context, info);
      }
    });

  program
    .command('check')
    .description("check a file is a sound workbook: integrity, schema, version and every value in it (read-only; never changes it)")
    .argument('<file>', 'the file to check')
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, options: { json?: boolean }) => {
      const report = await context.call('checkWorkbook', { path: file });
      if (options.json) context.json(report);
      if (!report.ok) {
        if (!options.json && report.values && report.values.total > 0) {
          printValueCheck(context, report.values);
          context.refuse(`${report.problems.join('; ')} Run "ewb repair ${file}" to see what can be repaired.`);
        }
        if (options.json) context.failQuietly(report.problems.join('; '));
        context.refuse(report.problems.join('; '));
      }
      if (!options.json) context.io.out(`ok: ${path.basename(report.path)} is a sound workbook (file format ${report.schemaVersion}, last saved by version ${report.appVersion}).\n`);
      if (!options.json && report.share) context.io.out(`${report.share.message}.\n`);
    });

  program
    .command('dump')
    .description('write a workbook as interchange JSON (personal fields only with --personal)')
    .argument('<file>', 'the .ewb file')
    .argument('<out>', 'the JSON file to write')
    .option('--personal', 'include personal fields (names of people, contact details)')
    .option('--replace-workbook', 'OUT is a workbook and may be replaced by the JSON (refused otherwise)')
    .action(async (file: string, out: string, options: { personal?: boolean; replaceWorkbook?: boolean }) => {
      const request = { path: file, destination: out, personal: Boolean(options.personal), replaceWorkbook: Boolean(options.replaceWorkbook) };
      const result = await context.call('dumpWorkbook', request, (error) =>
        error.code === 'replaces-workbook' ? `${error.message.replace(/ Choose another name, or confirm.*$/, '')} Choose another name, or add --replace-workbook if that is what you want.` : undefined,
      );
      const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
      context.io.out(`Wrote ${result.path} (workbook details and ${total} records${options.personal ? ', personal fields included' : ''}).\n`);
    });

  program
    .command('forces')
    .description('list the UK police forces, their police.uk names and land neighbours')
    .option('--json', 'print a JSON array of { name, policeUkName, neighbours }')
    .action(async (options: { json?: boolean }) => {
      const forces = await context.call('listForces', {});
      const nameOf = new Map(forces.map((force) => [force.id, force.name]));
      const rows = forces.map((force) => ({ name: force.name, policeUkName: force.policeUkName, neighbours: force.neighbours.map((id) => nameOf.get(id) ?? id) }));
      if (options.json) {
        context.json(rows);
        return;
      }
      for (const row of rows) {
        const alias = row.policeUkName && row.policeUkName !== row.name ? ` (police.uk: ${row.policeUkName})` : '';
        context.io.out(`${row.name}${alias}\n    neighbours: ${row.neighbours.join(', ') || 'none'}\n`);
      }
    });
}

export function registerSchemaCommand(program: Command, context: CliContext, schemaOf: () => Record<string, unknown>): void {
  program
    .command('schema')
    .description('print the JSON Schema of the interchange format (what "ewb dump" writes)')
    .action(() => context.json(schemaOf()));
}
