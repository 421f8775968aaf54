// Who listens where, when the grid is too large for tables of symbols (word-registers.ts decides):
// the body counts, by priority, how many audiences have a channel marked yes, only partly, only no
// or nothing known, and lists in full the high-priority audiences no channel is marked yes for
// (the ones to act on); the register appendix lists every audience. Listed audience by audience
// (the channels marked yes, partly and no, each with the evidence noted), its length grows with
// what the grid says, not with audiences × channels.
import type { RecordValues } from '../../../shared/api/records.ts';
import { RECEPTIVITY_SYMBOLS, receptivityLabel, type ReceptivityCell, type ReceptivityValue } from '../../../shared/api/receptivity.ts';
import { PRIORITIES } from '../../../shared/domain/vocabularies.ts';
import type { ExportData } from './export-data.ts';
import { countOf, field, heading, intro, para, wholeNumber } from './word-blocks.ts';
import { receptivityBlocks } from './word-how-printers.ts';
import type { Block } from './word-record-printers.ts';
import { IN_FULL_LIMIT, gridIsRegister, registerTitle } from './word-registers.ts';
import { table, type Cell, type Column, type Row, type Run } from './word-table.ts';

const TITLE = 'Who listens where';
const VALUES = ['yes', 'partly', 'no', 'unknown'] as const;

function cellsByAudience(data: ExportData): Map<string, ReceptivityCell[]> {
  const byAudience = new Map<string, ReceptivityCell[]>();
  for (const cell of data.receptivity) byAudience.set(cell.audienceId, [...(byAudience.get(cell.audienceId) ?? []), cell]);
  return byAudience;
}

/** The best an audience's cells say: yes somewhere, else partly, else no; unknown when nothing is known. */
function bestOf(cells: readonly ReceptivityCell[]): ReceptivityValue {
  return VALUES.find((value) => value !== 'unknown' && cells.some((cell) => cell.value === value)) ?? 'unknown';
}

function heading3(value: ReceptivityValue, words: string): string {
  return `${RECEPTIVITY_SYMBOLS[value]} ${words}`;
}

/** Audiences named in the line counting those the grid says nothing of; the register of audiences has them all. */
const SILENT_NAMED = 12;

/** Whether the grid says anything of an audience that these columns would show. */
function saysSomething(cells: readonly ReceptivityCell[], values: readonly ReceptivityValue[]): boolean {
  return cells.some((cell) => values.includes(cell.value) && (cell.value !== 'unknown' || cell.note.trim() !== ''));
}

/**
 * Audiences down, what their cells say across: the channels marked each value, with the evidence
 * noted in italics. Audiences the grid says nothing of are counted (and the first few named) in one
 * line after the table, not given rows of empty cells: with 2,000 audiences those rows were most of
 * a 126-page appendix.
 */
function listBlocks(data: ExportData, audiences: readonly RecordValues[], byAudience: ReadonlyMap<string, ReceptivityCell[]>, options: { grouped: boolean; values: readonly ReceptivityValue[] }): Block[] {
  const { grouped, values } = options;
  const columns: Column[] = [{ title: 'Audience', width: 22 }, ...values.map((value) => ({ title: heading3(value, value === 'unknown' ? 'Not known (noted)' : receptivityLabel(value)), width: value === 'unknown' ? 18 : 20 }))];
  const row = (audience: RecordValues): Cell[] => {
    const cells = byAudience.get(audience.id) ?? [];
    return [
      field(audience, 'name'),
      ...values.map((value): Cell => {
        const said = cells.filter((cell) => cell.value === value && (value !== 'unknown' || cell.note.trim() !== ''));
        return { paragraphs: said.map((cell): Array<string | Run> => [data.names.get(cell.channelId) ?? '', ...(cell.note.trim() ? [{ text: ` — ${cell.note.trim()}`, italics: true }] : [])]) };
      }),
    ];
  };
  const rows: Row[] = [];
  const silent: RecordValues[] = [];
  for (const priority of PRIORITIES) {
    const ofPriority = audiences.filter((audience) => audience.priority === priority.id);
    const speaking = ofPriority.filter((audience) => saysSomething(byAudience.get(audience.id) ?? [], values));
    silent.push(...ofPriority.filter((audience) => !speaking.includes(audience)));
    if (speaking.length === 0) continue;
    if (grouped) rows.push({ group: `${priority.label} priority` });
    for (const audience of speaking) rows.push(row(audience));
  }
  const blocks: Block[] = rows.length > 0 ? [table(columns, rows)] : [];
  if (silent.length > 0) {
    const named = silent.slice(0, SILENT_NAMED).map((audience) => field(audience, 'name'));
    const rest = silent.length - named.length;
    const byPriority = PRIORITIES.map((priority) => ({ priority, n: silent.filter((audience) => audience.priority === priority.id).length })).filter((p) => p.n > 0);
    const split = grouped && byPriority.length > 1 ? ` (${byPriority.map((p) => `${wholeNumber(p.n)} ${p.priority.label.toLowerCase()}`).join(', ')} priority)` : '';
    const verb = silent.length === 1 ? 'has' : 'have';
    blocks.push(para(`${rows.length > 0 ? 'Besides these, ' : ''}${countOf(silent.length, 'audience')}${split} ${verb} nothing in the grid yet: ${named.join(', ')}${rest > 0 ? ` and ${wholeNumber(rest)} more` : ''}.`));
  }
  return blocks;
}

/** The body's "Who listens where": tables of symbols for a grid that fits, else counts and the high-priority audiences. */
export function receptivityBody(data: ExportData): Block[] {
  if (!gridIsRegister(data)) return receptivityBlocks(data);
  const audiences = data.records.audience;
  const byAudience = cellsByAudience(data);
  // The high-priority audiences no channel is marked yes for are the ones to act on; the register holds the rest.
  const high = audiences.filter((audience) => audience.priority === 'high' && bestOf(byAudience.get(audience.id) ?? []) !== 'yes');
  const inFull = high.length > 0 && high.length <= IN_FULL_LIMIT;
  const blocks: Block[] = [
    heading(TITLE, 2),
    para(
      `The grid of ${countOf(audiences.length, 'audience')} by ${countOf(data.records.channel.length, 'channel')} is too large to set out here, so this section counts what it says${inFull ? ` and lists in full the ${wholeNumber(high.length)} high-priority audiences with no channel marked yes` : ''}. Every audience is in ${registerTitle(data, 'receptivity')}.`,
    ),
    intro('How many audiences of each priority have a channel marked yes; failing that, one marked partly; failing that, only channels marked no; or nothing known yet:'),
  ];
  const outcomes = VALUES.map((value) => ({ value, title: heading3(value, value === 'yes' ? 'Yes on one or more' : value === 'partly' ? 'Partly at best' : value === 'no' ? 'Only no' : 'Nothing known') }));
  const columns: Column[] = [{ title: 'Priority', width: 16 }, ...outcomes.map((o) => ({ title: o.title, width: 18, numeric: true })), { title: 'All', width: 12, numeric: true }];
  const totals = new Array<number>(outcomes.length + 1).fill(0);
  const rows: Row[] = [];
  for (const priority of PRIORITIES) {
    const ofPriority = audiences.filter((audience) => audience.priority === priority.id);
    if (ofPriority.length === 0) continue;
    const counts = outcomes.map((o) => ofPriority.filter((audience) => bestOf(byAudience.get(audience.id) ?? []) === o.value).length);
    counts.push(ofPriority.length);
    counts.forEach((n, i) => (totals[i]! += n));
    rows.push([priority.label, ...counts.map(wholeNumber)]);
  }
  rows.push([{ runs: [{ text: 'All', bold: true }] }, ...totals.map((n) => ({ runs: [{ text: wholeNumber(n), bold: true }] }))]);
  blocks.push(table(columns, rows));
  blocks.push(heading('High-priority audiences with no channel marked yes', 3));
  if (high.length === 0) blocks.push(para('Every high-priority audience has a channel marked yes.'));
  else if (!inFull) blocks.push(para(`The ${wholeNumber(high.length)} high-priority audiences with no channel marked yes are too many to list here: see ${registerTitle(data, 'receptivity')}.`));
  else blocks.push(intro('What the grid says of each high-priority audience no channel is marked yes for, with the evidence noted:'), ...listBlocks(data, high, byAudience, { grouped: false, values: VALUES.filter((value) => value !== 'yes') }));
  return blocks;
}

/** The register of who listens where: every audience, by priority, with what the grid says of it. */
export function receptivityAppendix(data: ExportData): Block[] {
  return [
    heading(registerTitle(data, 'receptivity'), 1, { pageBreakBefore: true }),
    intro(`For each of the ${countOf(data.records.audience.length, 'audience')}, by priority: the channels marked yes, partly and no, and those not known where the grid notes why, each with the evidence noted.`),
    ...listBlocks(data, data.records.audience, cellsByAudience(data), { grouped: true, values: VALUES }),
  ];
}
