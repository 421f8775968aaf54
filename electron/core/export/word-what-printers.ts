// How the chapter "What we will say" prints: each message with its Welsh text beside the English
// (marked as Welsh, so Word reads it as Welsh) and its six-point check; and the community's
// priorities as "You said / We did" pairs, the way forces publish them. Owners only when asked for.
import type { FileChild } from 'docx';
import type { CheckResult, RecordValues } from '../../../shared/api/records.ts';
import type { RecordTypeDef } from '../../../shared/domain/record-types.ts';
import { MESSAGE_FREQUENCIES, MESSAGE_STATUSES, PRIORITY_STATUSES, QUALITY_CHECKS, RAISED_HOW, labelOf } from '../../../shared/domain/vocabularies.ts';
import type { ExportData } from './export-data.ts';
import { countOf, field, heading, intro, longDate, namesOf } from './word-blocks.ts';
import { table, type Cell, type Row, type Run } from './word-table.ts';

type Line = ReadonlyArray<string | Run>;

const ITALIC = (text: string): Run => ({ text, italics: true });
const LABEL = (text: string): Run => ({ text: `${text}: `, italics: true });

/** A planner's text as lines, each its own paragraph, in the given style. */
function textLines(text: string, style: Omit<Run, 'text'> = {}): Line[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => [{ text: line, ...style }]);
}

/** "Pass", "Not yet" or "Not checked": how a check reads in the document. */
export function checkWord(result: CheckResult | undefined): string {
  return result?.pass === true ? 'Pass' : result?.pass === false ? 'Not yet' : 'Not checked';
}

function checkLines(value: unknown): Line[] {
  const results = (typeof value === 'object' && value !== null ? value : {}) as Record<string, CheckResult | undefined>;
  return QUALITY_CHECKS.map((check) => {
    const result = results[check.id];
    const note = result?.note?.trim() ?? '';
    return [{ text: `${check.label}: `, bold: true }, checkWord(result), ...(note ? [ITALIC(` — ${note}`)] : [])];
  });
}

function linked(label: string, ids: unknown, data: ExportData): Line[] {
  const names = namesOf(ids, data.names);
  return names ? [[LABEL(label), names]] : [];
}

export function messagesPart(data: ExportData, def: RecordTypeDef): FileChild[] {
  const messages = data.records.message;
  const rows: Row[] = messages.map((message: RecordValues): Cell[] => {
    const about: Line[] = [...textLines(field(message, 'text'), { bold: true })];
    const welsh = field(message, 'textWelsh');
    if (welsh) about.push([LABEL('Cymraeg')], ...textLines(welsh, { lang: 'cy' }));
    const use = [labelOf(MESSAGE_STATUSES, message.status as string), labelOf(MESSAGE_FREQUENCIES, message.frequency as string | null).toLowerCase(), message.lastUsed ? `last used ${longDate(message.lastUsed)}` : ''].filter(Boolean).join(', ');
    about.push([ITALIC(use)]);
    about.push(...linked('Audiences', message.audienceIds, data), ...linked('Channels', message.channelIds, data), ...linked('Objectives', message.objectiveIds, data));
    if (data.personal && field(message, 'owner')) about.push([LABEL('Owner'), field(message, 'owner')]);
    return [{ paragraphs: about }, { paragraphs: checkLines(message.qualityCheck) }];
  });
  return [
    heading(def.print?.heading ?? def.plural, 2),
    intro(`The ${countOf(messages.length, 'message')} we will give, in English and, where we give it, Welsh: to whom, on which channels and for which objectives, each held to the six-point check (consistent with our aims, appropriate to the group, challenging to the force, tailored to the audience, specific and interesting).`),
    table(
      [
        { title: 'Message', width: 58 },
        { title: 'The six-point check', width: 42 },
      ],
      rows,
    ),
  ];
}

export function prioritiesPart(data: ExportData, def: RecordTypeDef): FileChild[] {
  const priorities = data.records.priority;
  const activities = data.records.activity ?? [];
  const rows: Row[] = priorities.map((priority: RecordValues): Cell[] => {
    const said: Line[] = [...textLines(field(priority, 'concern'), { bold: true })];
    const where = typeof priority.areaId === 'string' ? namesOf([priority.areaId], data.names) : '';
    const who = typeof priority.audienceId === 'string' ? namesOf([priority.audienceId], data.names) : '';
    const how = labelOf(RAISED_HOW, priority.raisedHow as string | null);
    const context = [who ? `Raised by ${who}` : '', where ? `in ${where}` : '', how ? `through ${how.charAt(0).toLowerCase()}${how.slice(1)}` : '', priority.raisedOn ? `on ${longDate(priority.raisedOn)}` : ''].filter(Boolean).join(' ');
    if (context) said.push([ITALIC(context.startsWith('Raised') ? context : `Raised ${context}`)]);
    const did: Line[] = field(priority, 'response') ? textLines(field(priority, 'response')) : [[ITALIC('No response agreed yet')]];
    const answering = activities.filter((activity) => Array.isArray(activity.priorityIds) && activity.priorityIds.includes(priority.id));
    if (answering.length > 0) did.push([LABEL('Activities'), namesOf(answering.map((a) => a.id), data.names)]);
    if (field(priority, 'feedback')) did.push([LABEL(priority.feedbackOn ? `We told you on ${longDate(priority.feedbackOn)}` : 'We told you')], ...textLines(field(priority, 'feedback')));
    return [{ paragraphs: said }, { paragraphs: did }, labelOf(PRIORITY_STATUSES, priority.status as string)];
  });
  return [
    heading(def.print?.heading ?? def.plural, 2),
    intro(`What the community raised with us (${countOf(priorities.length, 'priority', 'priorities')}), what we did about it and how we told them: "You said, we did".`),
    table(
      [
        { title: 'You said', width: 42 },
        { title: 'We did', width: 44 },
        { title: 'Status', width: 14 },
      ],
      rows,
    ),
  ];
}
