// The pages before the method's chapters that a force expects of a strategy it signs: document
// control (version, date, owner, approver, review date, what this copy holds, and the change
// history from the version labels), then an executive summary generated from the workbook — its
// aims, the priority audiences (high and medium) and where they stand, and the main gaps.
import { PageBreak, Paragraph, TextRun } from 'docx';
import { EXPORT_SECTIONS } from '../../../shared/api/export.ts';
import { chapterOfPart, exportPartOf, type ExportPartId } from '../../../shared/domain/sections.ts';
import { ENGAGEMENT_STATES, PRIORITIES, labelOf } from '../../../shared/domain/vocabularies.ts';
import { GAP_RULES } from '../gaps/gap-rules.ts';
import type { ExportData } from './export-data.ts';
import { worksheetSectionsOf } from './exported-sections.ts';
import { LEFT_OUT } from './word-sections.ts';
import { registerTitle, registerTypes } from './word-registers.ts';
import { STYLE, bullet, countOf, field, gapLine, heading, intro, longDate, para, safe, ukDay, wholeNumber } from './word-blocks.ts';
import { table, type Row } from './word-table.ts';
import type { Block } from './word-record-printers.ts';

const TO_BE_CONFIRMED = 'To be confirmed';
/** How many priority audiences the summary names; the rest are counted. */
export const SUMMARY_AUDIENCES = 12;
/** How many kinds of gap the summary lists, largest first. */
const SUMMARY_GAP_RULES = 6;
/** How many versions the change history lists, the latest last. */
const HISTORY_ROWS = 15;

function strategyPeriod(data: ExportData): string {
  const start = longDate(data.meta.periodStart);
  const end = longDate(data.meta.periodEnd);
  if (start && end) return `${start} to ${end}`;
  if (start) return `From ${start}`;
  if (end) return `Until ${end}`;
  return TO_BE_CONFIRMED;
}

/** What this copy holds: every part, or the ones chosen; with or without personal data. */
function thisCopy(data: ExportData): string {
  const chosen = EXPORT_SECTIONS.filter((part) => data.sections.includes(part.id));
  const parts = chosen.length === EXPORT_SECTIONS.length ? 'The whole strategy' : `Only ${chosen.map((part) => part.title).join('; ')} (the other chapters keep their headings and say they were left out)`;
  const personal = data.personal ? 'with personal data: handle it as such' : 'without personal data (names and contact details of people are left out)';
  return `${parts}, ${personal}.`;
}

function titleLine(text: string): Paragraph {
  return new Paragraph({ style: STYLE.contentsTitle, children: [new TextRun(safe(text))] });
}

function boldLine(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text: safe(text), bold: true })] });
}

/** The document control page: the page after the cover, before the contents. */
export function documentControl(data: ExportData): Block[] {
  const { meta } = data;
  const items: Array<[string, string]> = [
    ['Title', safe(meta.title)],
    ['Force', safe(data.forceName)],
    ['Version', safe(meta.versionLabel).trim() || TO_BE_CONFIRMED],
    ['Date of this copy', ukDay(data.generatedAt)],
    ['Owner', safe(meta.owner ?? '').trim() || TO_BE_CONFIRMED],
    ['Approved by', safe(meta.approver ?? '').trim() || TO_BE_CONFIRMED],
    ['Protective marking', safe(meta.marking)],
    ['Strategy period', strategyPeriod(data)],
    ['Next review', longDate(meta.reviewDate) || TO_BE_CONFIRMED],
  ];
  const author = safe(meta.author ?? '').trim();
  if (author) items.push(['Author', author]);
  items.push(['This copy', thisCopy(data)]);
  const rows: Row[] = items.map(([item, detail]) => [{ runs: [{ text: item, bold: true }] }, detail]);
  const versions = data.versions.slice(-HISTORY_ROWS);
  const earlier = data.versions.length - versions.length;
  return [
    titleLine('Document control'),
    intro('Who owns and approves this strategy, which version this is and when it will next be reviewed.'),
    table(
      [
        { title: 'Item', width: 28 },
        { title: 'Detail', width: 72 },
      ],
      rows,
    ),
    boldLine('Change history'),
    ...(versions.length === 0
      ? [gapLine('No version has been labelled yet: give the strategy a version label in its workbook details.')]
      : [
          intro(`Each version of the strategy, from the day its label was set in the workbook${earlier > 0 ? ` (the latest ${versions.length}; ${countOf(earlier, 'earlier one')} not shown)` : ''}.`),
          table(
            [
              { title: 'Version', width: 50 },
              { title: 'From', width: 50 },
            ],
            versions.map((version) => [safe(version.label), ukDay(version.at)]),
          ),
        ]),
  ];
}

/** "Riverside, Eastgate and Mill End", or "its 12 areas". */
function strategyArea(data: ExportData): string {
  const top = data.records.area.filter((area) => !area.parentId).map((area) => field(area, 'name'));
  if (top.length === 0) return 'its communities';
  if (top.length > 3) return `the communities of its ${wholeNumber(top.length)} areas`;
  return `the communities of ${top.length === 1 ? top[0] : `${top.slice(0, -1).join(', ')} and ${top.at(-1)}`}`;
}

function periodPhrase(data: ExportData): string {
  const start = longDate(data.meta.periodStart);
  const end = longDate(data.meta.periodEnd);
  if (start && end) return ` from ${start} to ${end}`;
  if (end) return ` until ${end}`;
  if (start) return ` from ${start}`;
  return '';
}

function chapterName(type: 'audience' | 'aim', data?: ExportData): string {
  if (data && registerTypes(data).includes(type)) return registerTitle(data, type);
  const part = exportPartOf(type);
  const chapter = part ? chapterOfPart(part) : undefined;
  return chapter ? `chapter ${chapter.number}, ${chapter.title}` : 'the chapters that follow';
}

function leftOut(data: ExportData, type: 'aim' | 'audience'): boolean {
  return !data.sections.includes(exportPartOf(type) as ExportPartId);
}

function aimsSummary(data: ExportData): Block[] {
  if (leftOut(data, 'aim')) return [gapLine(LEFT_OUT)];
  const aims = data.records.aim;
  if (aims.length === 0) return [gapLine('To be completed: the aims of the strategy.')];
  const objectives = data.records.objective;
  const shown = aims.slice(0, SUMMARY_AUDIENCES);
  const blocks: Block[] = [intro(`The strategy has ${countOf(aims.length, 'aim')}, served by ${countOf(objectives.length, 'objective')} (${chapterName('aim')}):`)];
  for (const aim of shown) {
    const served = objectives.filter((objective) => objective.aimId === aim.id).length;
    blocks.push(bullet({ text: field(aim, 'title') }, { text: ` (${countOf(served, 'objective')})`, italics: true }));
  }
  if (aims.length > shown.length) blocks.push(para(`… and ${countOf(aims.length - shown.length, 'more aim')}.`));
  return blocks;
}

function audiencesSummary(data: ExportData): Block[] {
  if (leftOut(data, 'audience')) return [gapLine(LEFT_OUT)];
  const priority = data.records.audience.filter((audience) => audience.priority === 'high' || audience.priority === 'medium');
  const all = data.records.audience.length;
  if (all === 0) return [gapLine('To be completed: the audiences we will engage, and which are our priority.')];
  if (priority.length === 0) return [para(`None of the ${countOf(all, 'audience')} recorded is yet marked high or medium priority.`)];
  const high = priority.filter((audience) => audience.priority === 'high').length;
  const states = ENGAGEMENT_STATES.map((state) => [state, priority.filter((audience) => audience.engagementState === state.id).length] as const).filter(([, n]) => n > 0);
  // The tally adds up to the priority audiences it speaks of: those with no state recorded are counted too.
  const unrecorded = priority.length - states.reduce((sum, [, n]) => sum + n, 0);
  const stand = [...states.map(([state, n]) => `${wholeNumber(n)} ${state.label.toLowerCase()}`), ...(unrecorded > 0 ? [`${wholeNumber(unrecorded)} not yet recorded`] : [])].join(', ');
  const them = priority.length === 1 ? 'it' : `these ${wholeNumber(priority.length)}`;
  const blocks: Block[] = [
    intro(`Of the ${countOf(all, 'audience')} we will engage, ${wholeNumber(high)} ${high === 1 ? 'is' : 'are'} high priority and ${wholeNumber(priority.length - high)} medium. Where we stand with ${them} now: ${stand}.`),
  ];
  const shown = priority.slice(0, SUMMARY_AUDIENCES);
  for (const audience of shown) {
    blocks.push(bullet({ text: field(audience, 'name') }, { text: ` — ${labelOf(PRIORITIES, audience.priority as string).toLowerCase()} priority, ${labelOf(ENGAGEMENT_STATES, audience.engagementState as string).toLowerCase()}`, italics: true }));
  }
  const more = priority.length - shown.length;
  blocks.push(para(more > 0 ? `… and ${countOf(more, 'more priority audience')}: every audience is in ${chapterName('audience', data)}.` : `Every audience is in ${chapterName('audience', data)}.`));
  return blocks;
}

function gapsSummary(data: ExportData): Block[] {
  const sections = new Set<string>(worksheetSectionsOf(data.sections));
  const gaps = data.gaps.filter((gap) => sections.has(gap.section));
  const which = sections.size < worksheetSectionsOf(EXPORT_SECTIONS.map((part) => part.id)).length ? ' in the sections of this copy' : '';
  if (gaps.length === 0) return [para(`The workbook shows no open gaps${which}.`)];
  const byRule = new Map<string, number>();
  for (const gap of gaps) byRule.set(gap.rule, (byRule.get(gap.rule) ?? 0) + 1);
  const ranked = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, SUMMARY_GAP_RULES);
  const rest = ranked.slice(shown.length).reduce((sum, [, n]) => sum + n, 0);
  const rows: Row[] = shown.map(([rule, n]) => [GAP_RULES[rule] ?? rule, wholeNumber(n)]);
  if (rest > 0) rows.push(['Other gaps', wholeNumber(rest)]);
  return [
    intro(`The workbook shows ${countOf(gaps.length, 'open gap')}${which}, the most common first; the Excel workbook’s Summary lists each one.`),
    table(
      [
        { title: 'Gap', width: 82 },
        { title: 'How many', width: 18, numeric: true },
      ],
      rows,
    ),
  ];
}

/** The executive summary, after the contents and before chapter 1. */
export function executiveSummary(data: ExportData): Block[] {
  // How far the planners have marked the workbook's sections is their working progress, not part of
  // a strategy to be signed: the Excel workbook's Summary has it, section by section.
  return [
    heading('Executive summary', 1),
    para(`This strategy sets out how ${safe(data.forceName)} will engage ${strategyArea(data)}${periodPhrase(data)}.`),
    heading('Aims', 3),
    ...aimsSummary(data),
    heading('Priority audiences', 3),
    ...audiencesSummary(data),
    heading('The main gaps', 3),
    ...gapsSummary(data),
    // Chapter 1 starts on a page of its own.
    new Paragraph({ children: [new PageBreak()] }),
  ];
}
