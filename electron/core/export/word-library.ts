// The appendix "What neighbouring forces do": for each kind of audience we plan for, the practice
// our land neighbours recorded in the workbooks of our practice library — a force at a time, each
// practice with its channels, depth, outcome, evidence and verdict — and our audiences that no
// force has recorded practice for. Only neighbours: the comparison with every force is on screen.
import type { ComparisonRow } from '../../../shared/api/library.ts';
import { AUDIENCE_KINDS, CHANNEL_KINDS, ENGAGEMENT_DEPTHS, EVIDENCE_STRENGTHS, PRACTICE_OUTCOMES, VERDICTS, labelOf } from '../../../shared/domain/vocabularies.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { LibraryExport } from './library-export-data.ts';
import { gapLine, heading, intro } from './word-blocks.ts';
import { table } from './word-table.ts';
import type { Block } from './word-record-printers.ts';

function line(row: ComparisonRow): string[] {
  return [row.title, row.channelKinds.map((k) => labelOf(CHANNEL_KINDS, k)).join(', '), labelOf(ENGAGEMENT_DEPTHS, row.depth), labelOf(PRACTICE_OUTCOMES, row.outcome), labelOf(EVIDENCE_STRENGTHS, row.evidenceStrength), labelOf(VERDICTS, row.verdict)];
}

export function libraryAppendix(library: LibraryExport, letter: string): Block[] {
  const blocks: Block[] = [
    heading(`Appendix ${letter}: What neighbouring forces do`, 1, { pageBreakBefore: true }),
    intro('Practice our neighbouring forces recorded for the kinds of audience this strategy plans for, from their workbooks in our practice library: what they did, through which channels, how deeply they engaged people, what came of it and how strong the evidence is.'),
  ];
  if (library.kinds.length === 0) blocks.push(gapLine('To be completed: the audiences this strategy plans for, so their kinds can be compared.'));
  for (const { kind, rows } of library.kinds) {
    blocks.push(heading(labelOf(AUDIENCE_KINDS, kind), 2));
    if (rows.length === 0) {
      blocks.push(gapLine('No neighbouring force has recorded practice for this kind of audience.'));
      continue;
    }
    const tableRows: Array<string[] | { group: string }> = [];
    let force = '';
    for (const row of rows) {
      if (row.force !== force) {
        force = row.force;
        tableRows.push({ group: `${forceById(force)?.name ?? force}${row.workbookLabel ? `: ${row.workbookLabel}` : ''}` });
      }
      tableRows.push(line(row));
    }
    blocks.push(
      table(
        [
          { title: 'Practice', width: 28 },
          { title: 'Channels', width: 18 },
          { title: 'Depth', width: 11 },
          { title: 'Outcome', width: 15 },
          { title: 'Evidence', width: 14 },
          { title: 'Their verdict', width: 14 },
        ],
        tableRows,
      ),
    );
  }
  if (library.audiencesWithoutPractice.length > 0) {
    blocks.push(heading('Audiences no force has recorded practice for', 2));
    blocks.push(intro(library.audiencesWithoutPractice.map((a) => `${a.name} (${labelOf(AUDIENCE_KINDS, a.kind)})`).join('; ') + '.'));
  }
  return blocks;
}
