// `ewb similar`: the pairs of messages that say much the same thing, as the gap "A message says much
// the same as an earlier one" finds them. Read-only and lock-free like `ewb gaps`; exits 0 either way.
import type { Command } from 'commander';
import type { CliContext } from './cli-context.ts';

export interface SimilarRow {
  a: string;
  b: string;
  score: number;
}

/** The opening of a message's text, on one line, cut at a word within 80 characters, for the readable list. */
function opening(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** Each pair as its score and the two messages' openings, the later first, then a count. */
export function formatSimilar(pairs: readonly SimilarRow[], texts: ReadonlyMap<string, string>): string {
  if (pairs.length === 0) return 'No near-duplicate messages found.\n';
  const lines: string[] = [];
  for (const pair of pairs) {
    lines.push(`${pair.score.toFixed(2)}  “${opening(texts.get(pair.b))}” (${pair.b})`);
    lines.push(`      says much the same as the earlier “${opening(texts.get(pair.a))}” (${pair.a})`);
  }
  lines.push('');
  lines.push(`${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'} of near-duplicate messages.`);
  return `${lines.join('\n')}\n`;
}

export function registerSimilarCommands(program: Command, context: CliContext): void {
  program
    .command('similar')
    .description('list pairs of messages that say much the same thing in other words (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--json', 'print a JSON array of { a, b, score }: message ids, a the earlier, score 0 to 1')
    .action(async (file: string, options: { json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      try {
        const pairs = await context.call('listSimilarMessages', { handle: info.handle });
        if (options.json) {
          context.json(pairs);
          return;
        }
        const { records } = await context.call('listRecords', { handle: info.handle, type: 'message' });
        context.io.out(formatSimilar(pairs, new Map(records.map((record) => [String(record.id), String(record.text ?? '')] as const))));
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });
}
