// `ewb share FILE.ewb OUT.ewb [--keep-notes ID…] [--dry-run]`: a copy to send to another force,
// with what it leaves out said first. Never prompts: --dry-run prints the summary and writes nothing.
import type { Command } from 'commander';
import type { ShareSummary } from '../../shared/api/share.ts';
import type { CliContext } from './cli-context.ts';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The summary as lines: what is left out, the notes (kept or not, with the key to keep one), what stays. */
export function summaryText(summary: ShareSummary): string {
  const lines = [`Share copy of "${summary.title}" (${summary.forceName})`, '', 'Left out:'];
  for (const entry of summary.leftOut.personal) if (entry.values > 0) lines.push(`  ${entry.label}: ${entry.fields.join(', ')} (${plural(entry.values, 'value')})`);
  for (const detail of summary.leftOut.details) lines.push(`  ${detail}`);
  for (const record of summary.leftOut.records) lines.push(`  ${record.label} "${record.title}" (${record.why === 'unticked' ? 'not ticked for share copies' : 'it belongs to a record left out'})`);
  const dropped = summary.notes.filter((note) => !note.kept);
  if (dropped.length > 0) lines.push(`  ${plural(dropped.length, 'note')} (listed below)`);
  lines.push('  The history of changes');
  lines.push('', 'Notes (keep one with --keep-notes KEY, or every note of a record with its id):');
  if (summary.notes.length === 0) lines.push('  (none)');
  for (const note of summary.notes) lines.push(`  [${note.kept ? 'kept' : 'left out'}] ${note.recordLabel} "${note.title}", ${note.fieldLabel}: ${note.key}`);
  lines.push('', 'Stays:');
  if (summary.stays.length === 0) lines.push('  (nothing but the workbook details)');
  for (const entry of summary.stays) lines.push(`  ${entry.label}: ${entry.count.toLocaleString('en-GB')}`);
  return `${lines.join('\n')}\n`;
}

export function registerShareCommand(program: Command, context: CliContext): void {
  program
    .command('share')
    .description('write a copy to share with another force: no personal data, names, unchosen notes, unticked records or history; with provenance')
    .argument('<file>', 'the workbook to share')
    .argument('<out>', 'the share copy to write (.ewb; must not exist)')
    .option('--keep-notes <ids...>', 'notes to keep: a note key as the summary lists it, or a record id for all of its notes')
    .option('--dry-run', 'print what would be left out and kept, and write nothing')
    .action(async (file: string, out: string, options: { keepNotes?: string[]; dryRun?: boolean }) => {
      const keepNotes = options.keepNotes ?? [];
      if (options.dryRun) {
        context.io.out(summaryText(await context.call('previewShareCopy', { path: file, keepNotes })));
        return;
      }
      const result = await context.call('saveShareCopy', { path: file, destination: out, keepNotes });
      context.io.out(summaryText(result.summary));
      context.io.out(`\nWrote ${result.path}: share copy from ${result.provenance.forceName}, ${result.provenance.sharedAt.slice(0, 10)} (SHA-256 ${result.provenance.sha256}).\n`);
    });
}
