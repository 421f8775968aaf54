// `ewb gaps`: what a workbook is missing or has let go stale, from the same rules the app shows.
// Read-only and lock-free like `ewb info`; finding gaps is an answer, not a failure, so it exits 0.
import type { Command } from 'commander';
import { SECTION_IDS } from '../../shared/domain/record-types.ts';
import { sectionById } from '../../shared/domain/sections.ts';
import type { Gap } from '../../shared/api/records.ts';
import type { CliContext } from './cli-context.ts';


/** One gap as `ewb gaps --json` prints it: the API's gap without its record type. */
export interface GapRow {
  section: string;
  rule: string;
  recordId: string | null;
  message: string;
}

export function gapRow(gap: Gap): GapRow {
  return { section: gap.section, rule: gap.rule, recordId: gap.recordId, message: gap.message };
}

/** The gaps grouped by section, sections in the worksheets' order, then a count. */
export function formatGaps(gaps: readonly GapRow[]): string {
  if (gaps.length === 0) return 'No gaps found.\n';
  const order = (section: string) => {
    const index = (SECTION_IDS as readonly string[]).indexOf(section);
    return index === -1 ? SECTION_IDS.length : index;
  };
  const sections = [...new Set(gaps.map((gap) => gap.section))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const lines: string[] = [];
  for (const section of sections) {
    const inSection = gaps.filter((gap) => gap.section === section);
    // The sections' names as the task list shows them.
    lines.push(`${sectionById(section)?.title ?? section} (${inSection.length})`);
    for (const gap of inSection) lines.push(`  - ${gap.message}`);
    lines.push('');
  }
  const sectionWord = sections.length === 1 ? 'section' : 'sections';
  lines.push(`${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'} in ${sections.length} ${sectionWord}.`);
  return `${lines.join('\n')}\n`;
}

export function registerGapCommands(program: Command, context: CliContext): void {
  program
    .command('gaps')
    .description('list what a workbook is missing or has not reviewed, by section (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--json', 'print a JSON array of { section, rule, recordId, message }')
    .action(async (file: string, options: { json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      let gaps: Gap[];
      try {
        gaps = await context.call('listGaps', { handle: info.handle });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      const rows = gaps.map(gapRow);
      if (options.json) context.json(rows);
      else context.io.out(formatGaps(rows));
    });
}
