// `ewb import partners` and `ewb import assets`: a contact list from a CSV or XLSX, each column
// mapped to a field with --map, rows matching what the workbook holds (the same name or email)
// merged rather than added twice; one undoable change, and a summary of what was added, merged
// and skipped. --dry-run only says what would happen.
import type { Command } from 'commander';
import { CONTACT_FIELDS, CONTACT_NAME_FIELD, type ContactImportResult, type ContactTarget } from '../../shared/api/contacts.ts';
import type { CliContext } from './cli-context.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What an import did (or would do), a line each for the totals, every merge and every skip listed. */
export function contactSummary(result: ContactImportResult, words: { one: string; many: string }): string {
  const done = result.applied ? { add: 'Added', merge: 'merged', skip: 'skipped' } : { add: 'Would add', merge: 'would merge', skip: 'would skip' };
  const lines = [`${done.add} ${plural(result.added, words.one, words.many)} from ${result.fileName}; ${done.merge} ${plural(result.merged, 'row', 'rows')} into ${words.many} already recorded; ${done.skip} ${plural(result.skipped, 'row', 'rows')}.`];
  for (const merge of result.merges) lines.push(`  merged: row ${merge.row}, “${merge.name}”, into “${merge.into}”${merge.fields.length > 0 ? ` (adds ${merge.fields.join(', ').toLowerCase()})` : ''}`);
  for (const skip of result.skips) lines.push(`  skipped: row ${skip.row}: ${skip.reason}`);
  const unlisted = result.merged - result.merges.length + (result.skipped - result.skips.length);
  if (unlisted > 0) lines.push(`  (and ${unlisted} more not listed)`);
  return `${lines.join('\n')}\n`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function registerOne(importCommand: Command, context: CliContext, target: ContactTarget, name: string, words: { one: string; many: string }): void {
  const fields = CONTACT_FIELDS[target];
  importCommand
    .command(name)
    .description(`import a list of ${words.many} from a CSV or Excel file; rows with the same ${CONTACT_NAME_FIELD[target] === 'organisation' ? 'organisation' : 'name'} or email as one already recorded are merged into it`)
    .argument('<file>', 'the .ewb file')
    .argument('<list>', 'the list: a .csv or .xlsx file with a header row')
    .requiredOption('--map <field=Column>', `which column fills which field (repeat for each); fields: ${fields.join(', ')}`, collect)
    .option('--sheet <name>', 'the sheet of an Excel file (the first when left out)')
    .option('--dry-run', 'only say what would be added, merged and skipped; change nothing')
    .allowExcessArguments(false)
    .action(async (file: string, list: string, options: { map: string[]; sheet?: string; dryRun?: boolean }) => {
      const columns = options.map.map((pair) => {
        const at = pair.indexOf('=');
        const field = at < 0 ? '' : pair.slice(0, at).trim();
        const column = at < 0 ? '' : pair.slice(at + 1).trim();
        if (!field || !column) context.refuse(`--map "${pair}" should be field=Column, for example --map ${CONTACT_NAME_FIELD[target]}="Organisation name".`);
        if (!fields.includes(field)) context.refuse(`--map names the field "${field}", which a list of ${words.many} does not have; the fields are ${fields.join(', ')}.`);
        return { field, column };
      });
      const { info, notices } = await context.call('openWorkbook', { path: file, readOnly: false });
      for (const notice of notices) context.io.err(`note: ${notice}\n`);
      let result: ContactImportResult;
      try {
        result = await context.call('importContacts', { handle: info.handle, source: list, target, columns, apply: !options.dryRun, ...(options.sheet === undefined ? {} : { sheet: options.sheet }) });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      context.io.out(contactSummary(result, words));
    });
}

export function registerContactImportCommands(importCommand: Command, context: CliContext): void {
  registerOne(importCommand, context, 'partner', 'partners', { one: 'partner', many: 'partners' });
  registerOne(importCommand, context, 'asset', 'assets', { one: 'asset', many: 'assets' });
}
