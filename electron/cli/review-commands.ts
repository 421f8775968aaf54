// `ewb assess` (the self-assessment against the five hallmarks: read-only, no lock) and
// `ewb roll-forward` (the next period's workbook, the previous one only read).
import type { Command } from 'commander';
import type { Assessment } from '../../shared/api/review.ts';
import { HALLMARKS } from '../../shared/domain/hallmarks.ts';
import { formatUkDate } from '../../shared/domain/uk-date.ts';
import type { CliContext } from './cli-context.ts';

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

/** The assessment as a planner reads it: each hallmark, its rating and note, then its indicators. */
export function formatAssessment(assessment: Assessment): string {
  const lines: string[] = [];
  for (const hallmark of HALLMARKS) {
    const rating = assessment.ratings.find((r) => r.hallmark === hallmark.id);
    lines.push(`${hallmark.label}: ${rating?.rating ? `rated ${rating.rating} of 5` : 'not rated yet'}`);
    if (rating?.note) lines.push(`  Evidence: ${rating.note}`);
    for (const item of assessment.indicators.filter((i) => i.hallmark === hallmark.id)) {
      lines.push(`  - ${item.indicator}: ${item.numerator} of ${item.denominator} (${percent(item.value)})`);
      lines.push(`    ${item.explanation}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function registerReviewCommands(program: Command, context: CliContext): void {
  program
    .command('assess')
    .description('the self-assessment against the five hallmarks: computed indicators and the ratings (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--json', 'print one JSON object { indicators: [...], ratings: [...] }')
    .action(async (file: string, options: { json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      let assessment: Assessment;
      try {
        assessment = await context.call('assessWorkbook', { handle: info.handle });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      if (options.json) context.json({ indicators: assessment.indicators, ratings: assessment.ratings });
      else context.io.out(formatAssessment(assessment));
    });

  program
    .command('roll-forward')
    .description('write a new workbook for the next period carrying the records forward (the old file is only read)')
    .argument('<file>', 'the .ewb file of the period ending')
    .argument('<new>', 'the new .ewb file to write (it must not exist)')
    .requiredOption('--period-start <date>', 'the new period starts, YYYY-MM-DD')
    .requiredOption('--period-end <date>', 'the new period ends, YYYY-MM-DD')
    .action(async (file: string, destination: string, options: { periodStart: string; periodEnd: string }) => {
      const info = await context.call('rollForwardWorkbook', { path: file, destination, periodStart: options.periodStart, periodEnd: options.periodEnd });
      await context.call('closeWorkbook', { handle: info.handle });
      const total = Object.entries(info.counts).filter(([type]) => type !== 'changes').reduce((sum, [, n]) => sum + n, 0);
      context.io.out(`Rolled forward to ${info.path}: "${info.meta.title}", ${formatUkDate(info.meta.periodStart)} to ${formatUkDate(info.meta.periodEnd)}, ${total} ${total === 1 ? 'record' : 'records'} carried forward, none reviewed yet. ${file} was not changed.\n`);
    });
}
