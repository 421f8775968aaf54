// `ewb library add|list|remove` and `ewb compare`: other forces' workbooks into the practice library
// (each checked as untrusted input, each one undoable change), and practice compared between forces
// for one kind of audience, one kind of channel or one depth — ours first, then neighbours, then others.
import type { Command } from 'commander';
import type { Comparison, LibraryEntrySummary } from '../../shared/api/library.ts';
import { forceById } from '../../shared/domain/forces.ts';
import { AUDIENCE_KINDS, CHANNEL_KINDS, ENGAGEMENT_DEPTHS, labelOf } from '../../shared/domain/vocabularies.ts';
import type { CliContext } from './cli-context.ts';

function period(entry: { periodStart: string | null; periodEnd: string | null }): string {
  return entry.periodStart || entry.periodEnd ? `${entry.periodStart ?? '…'} to ${entry.periodEnd ?? '…'}` : 'no period given';
}

function choose(option: string, value: string, vocabulary: ReadonlyArray<{ id: string }>, context: CliContext): void {
  if (!vocabulary.some((item) => item.id === value)) context.refuse(`${option} takes one of ${vocabulary.map((item) => item.id).join(', ')}; "${value}" is not one.`);
}

export function registerLibraryCommands(program: Command, context: CliContext): void {
  const library = program.command('library').description("the practice library: other forces' workbooks whose practice is compared with ours");

  library
    .command('add')
    .description("add other forces' workbooks (share copies or whole ones); each is checked as opening checks a workbook, and a newer copy of the same workbook replaces the older")
    .argument('<file>', 'our .ewb file')
    .argument('<others...>', "other forces' .ewb files")
    .action(async (file: string, others: string[]) => {
      const { info, notices } = await context.call('openWorkbook', { path: file, readOnly: false });
      for (const notice of notices) context.io.err(`note: ${notice}\n`);
      try {
        const { added } = await context.call('addToLibrary', { handle: info.handle, paths: others });
        for (const entry of added) context.io.out(`Added ${entry.fileName}: ${entry.practices} practice${entry.practices === 1 ? '' : 's'}${entry.replaced ? ' (replacing the older copy of the same workbook)' : ''}.\n`);
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });

  library
    .command('list')
    .description('the workbooks in the library, with where each came from (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--json', 'print a JSON array of { id, workbookId, force, forceName, title, periodStart, periodEnd, sourceKind, sharedAt, fileName, addedAt, practices, neighbour }')
    .action(async (file: string, options: { json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      let entries: LibraryEntrySummary[];
      try {
        entries = await context.call('listLibrary', { handle: info.handle });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      if (options.json) return context.json(entries);
      if (entries.length === 0) return context.io.out('The library is empty. Add other forces\' workbooks with "ewb library add FILE.ewb OTHER.ewb".\n');
      for (const entry of entries) {
        context.io.out(`${entry.id}  ${entry.forceName}${entry.neighbour ? ' (neighbour)' : ''}: “${entry.title}”, ${period(entry)}; ${entry.practices} practice${entry.practices === 1 ? '' : 's'}; ${entry.sourceKind === 'share-copy' ? 'share copy' : 'whole workbook'} ${entry.fileName}, added ${entry.addedAt.slice(0, 10)}\n`);
      }
    });

  library
    .command('remove')
    .description('take a workbook out of the library (the id is the first column of "ewb library list")')
    .argument('<file>', 'the .ewb file')
    .argument('<id>', 'the library entry id')
    .action(async (file: string, id: string) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: false });
      try {
        const { removed } = await context.call('removeFromLibrary', { handle: info.handle, entryId: id });
        if (!removed) context.refuse(`The library holds no entry ${id}. "ewb library list" shows the ids.`);
        context.io.out(`Removed ${id} from the library.\n`);
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });

  program
    .command('compare')
    .description('what each force did for one kind of audience, one kind of channel or one depth: ours first, then land neighbours, then the others (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--audience-kind <kind>', `one of: ${AUDIENCE_KINDS.map((k) => k.id).join(', ')}`)
    .option('--channel-kind <kind>', `one of: ${CHANNEL_KINDS.map((k) => k.id).join(', ')}`)
    .option('--depth <depth>', `one of: ${ENGAGEMENT_DEPTHS.map((d) => d.id).join(', ')}`)
    .option('--json', 'print a JSON array of { force, neighbour, practiceId, title, audienceKinds, channelKinds, depth, outcome, evidenceStrength, verdict }')
    .action(async (file: string, options: { audienceKind?: string; channelKind?: string; depth?: string; json?: boolean }) => {
      const given = [options.audienceKind, options.channelKind, options.depth].filter((value) => value !== undefined);
      if (given.length !== 1) context.refuse('Say what to compare by: one of --audience-kind K, --channel-kind K or --depth D.');
      if (options.audienceKind !== undefined) choose('--audience-kind', options.audienceKind, AUDIENCE_KINDS, context);
      if (options.channelKind !== undefined) choose('--channel-kind', options.channelKind, CHANNEL_KINDS, context);
      if (options.depth !== undefined) choose('--depth', options.depth, ENGAGEMENT_DEPTHS, context);
      const query = options.audienceKind !== undefined ? { audienceKind: options.audienceKind } : options.channelKind !== undefined ? { channelKind: options.channelKind } : { depth: options.depth };
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      let comparison: Comparison;
      try {
        comparison = await context.call('comparePractice', { handle: info.handle, query });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      if (options.json) {
        return context.json(comparison.rows.map((row) => ({ force: row.force, neighbour: row.neighbour, practiceId: row.practiceId, title: row.title, audienceKinds: row.audienceKinds, channelKinds: row.channelKinds, depth: row.depth, outcome: row.outcome, evidenceStrength: row.evidenceStrength, verdict: row.verdict })));
      }
      if (comparison.rows.length === 0) context.io.out('No force has recorded practice for that.\n');
      let force = '';
      for (const row of comparison.rows) {
        if (row.force !== force) {
          force = row.force;
          context.io.out(`${forceById(force)?.name ?? force}${row.group === 'ours' ? ' (ours)' : row.neighbour ? ' (neighbour)' : ''}\n`);
        }
        const facts = [labelOf(ENGAGEMENT_DEPTHS, row.depth), row.outcome, row.evidenceStrength, row.verdict].filter(Boolean).join(', ');
        context.io.out(`  ${row.highlight ? '* ' : '  '}${row.title}${facts ? ` — ${facts}` : ''}${row.workbookLabel ? ` [${row.workbookLabel}]` : ''}\n`);
      }
      if (comparison.rows.some((row) => row.highlight)) context.io.out('* rated well by a neighbour (adopt, evaluated or monitored) and not among our practices\n');
      for (const audience of comparison.audiencesWithoutPractice) context.io.out(`No force has recorded practice for our audience “${audience.name}” (${labelOf(AUDIENCE_KINDS, audience.kind)}).\n`);
    });
}
