// How the chapter "How we will reach them" prints: the channels, who listens where (the
// receptivity grid as tables of symbols and words, readable in greyscale), partners by sector,
// community events and what works. Personal fields (owners, contacts) only when the export asks.
import type { RecordValues } from '../../../shared/api/records.ts';
import { RECEPTIVITY_SYMBOLS, receptivityLabel, type ReceptivityValue } from '../../../shared/api/receptivity.ts';
import type { RecordTypeDef } from '../../../shared/domain/record-types.ts';
import {
  AUDIENCE_KINDS,
  CHANNEL_KINDS,
  CHANNEL_STATUSES,
  ENGAGEMENT_DEPTHS,
  EVENT_STATUSES,
  EVIDENCE_STRENGTHS,
  FORCE_CHOICES,
  PARTNER_RELATIONSHIPS,
  PARTNER_SECTORS,
  POLICE_ROLES,
  PRACTICE_ORIGINS,
  PRACTICE_OUTCOMES,
  PRIORITIES,
  RECURRENCES,
  SOCIAL_PLATFORMS,
  VERDICTS,
  labelOf,
} from '../../../shared/domain/vocabularies.ts';
import type { FileChild } from 'docx';
import type { ExportData } from './export-data.ts';
import { nextEventDate } from '../../../shared/domain/event-dates.ts';
import { bullet, countOf, field, gapLine, heading, intro, longDate, namesOf } from './word-blocks.ts';
import { TABLE_WIDTH, headingWidth, table, type Cell, type Column, type Row, type Run } from './word-table.ts';

type Block = FileChild;

const ITALIC = (text: string): Run => ({ text, italics: true });

function list(values: unknown): string[] {
  return Array.isArray(values) ? values.map(String) : [];
}

function nameOf(id: unknown, data: ExportData): string {
  return typeof id === 'string' ? namesOf([id], data.names) : '';
}

// ——— Channels ———

export function channelsPart(data: ExportData, def: RecordTypeDef): Block[] {
  const channels = data.records.channel;
  const blocks: Block[] = [heading(def.print?.heading ?? def.plural, 2)];
  if (channels.length === 0) return [...blocks, gapLine('No channels have been recorded yet.')];
  const columns: Column[] = [
    { title: 'Channel', width: 30 },
    { title: 'Status', width: 15 },
    { title: 'Reach', width: 25 },
    { title: 'Cost', width: 15 },
  ];
  if (data.personal) columns.push({ title: 'Owner', width: 15 });
  const rows: Row[] = channels.map((channel) => {
    const kind = labelOf(CHANNEL_KINDS, channel.kind as string);
    const platform = channel.kind === 'social-media' ? labelOf(SOCIAL_PLATFORMS, channel.platform as string | null) : '';
    const reach: Array<ReadonlyArray<string | Run>> = [];
    if (typeof channel.reach === 'number') reach.push([countOf(channel.reach, 'person', 'people')]);
    if (field(channel, 'reachMeasure')) reach.push([ITALIC(field(channel, 'reachMeasure'))]);
    const cells: Cell[] = [
      { paragraphs: [[field(channel, 'name')], [ITALIC(platform ? `${kind}: ${platform}` : kind)]] },
      labelOf(CHANNEL_STATUSES, channel.status as string),
      reach.length > 0 ? { paragraphs: reach } : { runs: [ITALIC('Not counted')] },
      field(channel, 'cost'),
    ];
    if (data.personal) cells.push(field(channel, 'owner'));
    return cells;
  });
  return [...blocks, intro(`The ${countOf(channels.length, 'channel')} we have or could use to reach people: what kind each is, whether we have it, how many it reaches and what it costs.`), table(columns, rows)];
}

// ——— Who listens where ———

/** At most this many channels to a table, beside the audience's column, across A4 portrait. */
export const CHANNELS_PER_TABLE = 5;

/** The audience's column's share of a grid table. */
const AUDIENCE_SHARE = 0.22;

/**
 * The channels split into tables of the grid, in order: as many to a table (up to five) as fit with
 * the longest word of each name unbroken in Arial bold ("Neighbourhood" needs some 93 pt with room
 * to spare for a wider face; five columns give 75). A name with one word wider than the whole grid still breaks.
 */
export function channelTables<T extends RecordValues>(channels: readonly T[]): T[][] {
  const room = TABLE_WIDTH * (1 - AUDIENCE_SHARE);
  const tables: T[][] = [];
  let current: T[] = [];
  let widest = 0;
  for (const channel of channels) {
    const needs = headingWidth(field(channel, 'name'));
    const wider = Math.max(widest, needs);
    if (current.length > 0 && (current.length >= CHANNELS_PER_TABLE || wider * (current.length + 1) > room)) {
      tables.push(current);
      current = [];
      widest = needs;
    } else widest = wider;
    current.push(channel);
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

function mark(value: ReceptivityValue): string {
  return `${RECEPTIVITY_SYMBOLS[value]} ${receptivityLabel(value)}`;
}

/** The grid: audiences down (by priority), channels across, a symbol and a word in each cell; then the evidence noted. */
export function receptivityBlocks(data: ExportData): Block[] {
  const blocks: Block[] = [heading('Who listens where', 2)];
  const audiences = data.records.audience;
  const channels = data.records.channel;
  if (audiences.length === 0 || channels.length === 0) {
    const missing = audiences.length === 0 && channels.length === 0 ? 'audiences or channels' : audiences.length === 0 ? 'audiences' : 'channels';
    return [...blocks, gapLine(`The grid of who listens where needs audiences and channels; no ${missing} have been recorded yet.`)];
  }
  const cells = new Map(data.receptivity.map((cell) => [`${cell.audienceId}|${cell.channelId}`, cell]));
  const valueAt = (audienceId: string, channelId: string): ReceptivityValue => cells.get(`${audienceId}|${channelId}`)?.value ?? 'unknown';
  const byPriority = PRIORITIES.map((priority) => ({ priority, audiences: audiences.filter((a) => a.priority === priority.id) })).filter((group) => group.audiences.length > 0);
  const others = audiences.filter((a) => !PRIORITIES.some((p) => p.id === a.priority));
  if (others.length > 0) byPriority.push({ priority: { id: 'other', label: 'Other' }, audiences: others });
  blocks.push(
    intro(`For each audience, whether it listens on each channel: ${(['yes', 'partly', 'no', 'unknown'] as const).map((v) => `${RECEPTIVITY_SYMBOLS[v]} ${receptivityLabel(v).toLowerCase()}`).join(', ')}. Audiences are grouped by priority.`),
  );
  const tables = channelTables(channels);
  let start = 0;
  for (const shown of tables) {
    if (tables.length > 1) blocks.push(intro(shown.length === 1 ? `Channel ${start + 1} of ${channels.length}:` : `Channels ${start + 1} to ${start + shown.length} of ${channels.length}:`));
    start += shown.length;
    const columns: Column[] = [{ title: 'Audience', width: AUDIENCE_SHARE * 100 }, ...shown.map((channel) => ({ title: field(channel, 'name'), width: ((1 - AUDIENCE_SHARE) * 100) / shown.length, centred: true }))];
    const rows: Row[] = [];
    for (const group of byPriority) {
      rows.push({ group: `${group.priority.label} priority` });
      for (const audience of group.audiences) rows.push([field(audience, 'name'), ...shown.map((channel) => mark(valueAt(audience.id, channel.id)))]);
    }
    blocks.push(table(columns, rows));
  }
  const noted = data.receptivity.filter((cell) => cell.note.trim() !== '');
  if (noted.length > 0) {
    blocks.push(heading('The evidence behind the grid', 3));
    for (const cell of noted) {
      blocks.push(bullet({ text: `${data.names.get(cell.audienceId) ?? ''} on ${data.names.get(cell.channelId) ?? ''}`, bold: true }, ` (${mark(cell.value)}): ${cell.note.trim()}`));
    }
  }
  return blocks;
}

// ——— Partners ———

export function partnersPart(data: ExportData, def: RecordTypeDef): Block[] {
  const partners = data.records.partner;
  const blocks: Block[] = [heading(def.print?.heading ?? def.plural, 2)];
  if (partners.length === 0) return [...blocks, gapLine('No partners have been recorded yet.')];
  const columns: Column[] = [
    { title: 'Partner', width: 24 },
    { title: 'Relationship', width: 17 },
    { title: 'Last contact', width: 13 },
    { title: 'What they bring', width: 25 },
    { title: 'Audiences they reach', width: 21 },
  ];
  if (data.personal) columns.push({ title: 'Contact', width: 22 });
  const row = (partner: RecordValues): Cell[] => {
    const role = field(partner, 'contactRole');
    const cells: Cell[] = [
      { paragraphs: [[field(partner, 'organisation')], role ? [ITALIC(role)] : []] },
      labelOf(PARTNER_RELATIONSHIPS, partner.relationship as string),
      longDate(partner.lastContact),
      field(partner, 'whatTheyBring'),
      namesOf(partner.audienceIds, data.names),
    ];
    if (data.personal) cells.push([field(partner, 'contactName'), field(partner, 'phone'), field(partner, 'email')]);
    return cells;
  };
  const rows: Row[] = [];
  for (const sector of PARTNER_SECTORS) {
    const inSector = partners.filter((partner) => partner.sector === sector.id);
    if (inSector.length === 0) continue;
    rows.push({ group: sector.label });
    for (const partner of inSector) rows.push(row(partner));
  }
  const contacts = data.personal ? ', and whom to contact' : '';
  return [...blocks, intro(`The ${countOf(partners.length, 'partner')} who open doors for us, by sector: how far the relationship has come, when we were last in touch, what each brings and whom each reaches${contacts}.`), table(columns, rows)];
}

// ——— Community events ———

/** How often, and the next date seen from the day the document is made (a one-off already held says so). */
function recurrenceOf(event: RecordValues, today: string): string {
  const how = labelOf(RECURRENCES, event.recurrence as string);
  if (typeof event.nextDate !== 'string' || event.nextDate === '') return how;
  const next = nextEventDate(event.nextDate, String(event.recurrence ?? ''), today);
  return next.passed ? `${how}; held ${longDate(next.date)}` : `${how}; next ${longDate(next.date)}`;
}

export function communityEventsPart(data: ExportData, def: RecordTypeDef): Block[] {
  const events = data.records.communityEvent;
  const blocks: Block[] = [heading(def.print?.heading ?? def.plural, 2)];
  if (events.length === 0) return [...blocks, gapLine('No community events have been recorded yet.')];
  const columns: Column[] = [
    { title: 'Event', width: 24 },
    { title: 'Organiser', width: 16 },
    { title: 'Where', width: 16 },
    { title: 'Audiences present', width: 18 },
    { title: 'Our role', width: 12 },
    { title: 'Status', width: 14 },
  ];
  if (data.personal) columns.push({ title: 'Owner', width: 14 });
  const rows: Row[] = events.map((event) => {
    const organiser = [nameOf(event.organiserAssetId, data), nameOf(event.organiserPartnerId, data)].filter(Boolean);
    const where = [nameOf(event.placeId, data), field(event, 'location')].filter(Boolean);
    const cells: Cell[] = [
      { paragraphs: [[field(event, 'name')], [ITALIC(recurrenceOf(event, data.generatedAt.slice(0, 10)))]] },
      organiser,
      where,
      namesOf(event.audienceIds, data.names),
      labelOf(POLICE_ROLES, event.policeRole as string | null),
      labelOf(EVENT_STATUSES, event.status as string),
    ];
    if (data.personal) cells.push(field(event, 'owner'));
    return cells;
  });
  return [...blocks, intro('Community events we can join rather than run ourselves: who organises them, when and where they happen, whom we meet there and what we will do.'), table(columns, rows)];
}

// ——— What works ———

function sourceOf(practice: RecordValues, data: ExportData): string[] {
  const origin = practice.origin as string;
  const from = origin === 'other-force' && practice.originForce ? labelOf(FORCE_CHOICES, practice.originForce as string) : origin === 'partner' && practice.originPartnerId ? nameOf(practice.originPartnerId, data) : labelOf(PRACTICE_ORIGINS, origin);
  return [from, typeof practice.year === 'number' ? String(practice.year) : ''].filter(Boolean);
}

export function practicesPart(data: ExportData, def: RecordTypeDef): Block[] {
  const practices = data.records.practice;
  const blocks: Block[] = [heading(def.print?.heading ?? def.plural, 2)];
  if (practices.length === 0) return [...blocks, gapLine('Nothing has been recorded yet about what has worked before, here or elsewhere.')];
  const columns: Column[] = [
    { title: 'Practice', width: 25 },
    { title: 'For and through', width: 19 },
    { title: 'Depth', width: 10 },
    { title: 'From', width: 17 },
    { title: 'Outcome', width: 17 },
    { title: 'Evidence', width: 12 },
  ];
  const row = (practice: RecordValues): Cell[] => {
    const about: Array<ReadonlyArray<string | Run>> = [[{ text: field(practice, 'title'), bold: true }]];
    for (const line of field(practice, 'description').split(/\r\n|\r|\n/)) if (line.trim()) about.push([line.trim()]);
    const audiences = list(practice.audienceKinds).map((id) => labelOf(AUDIENCE_KINDS, id));
    const channels = list(practice.channelKinds).map((id) => labelOf(CHANNEL_KINDS, id));
    const reach: Array<ReadonlyArray<string | Run>> = [];
    if (audiences.length > 0) reach.push([ITALIC('For: '), audiences.join(', ')]);
    if (channels.length > 0) reach.push([ITALIC('Through: '), channels.join(', ')]);
    const outcome: Array<ReadonlyArray<string | Run>> = [];
    if (practice.outcome) outcome.push([labelOf(PRACTICE_OUTCOMES, practice.outcome as string)]);
    for (const line of field(practice, 'outcomeNote').split(/\r\n|\r|\n/)) if (line.trim()) outcome.push([ITALIC(line.trim())]);
    return [{ paragraphs: about }, reach.length > 0 ? { paragraphs: reach } : '', labelOf(ENGAGEMENT_DEPTHS, practice.depth as string | null), sourceOf(practice, data), outcome.length > 0 ? { paragraphs: outcome } : '', labelOf(EVIDENCE_STRENGTHS, practice.evidenceStrength as string | null)];
  };
  const rows: Row[] = [];
  const verdicts = [...VERDICTS.map((v) => ({ id: v.id as string | null, title: `Our verdict: ${v.label.toLowerCase()}` })), { id: null, title: 'Not yet decided' }];
  for (const verdict of verdicts) {
    const ofVerdict = practices.filter((p) => (p.verdict ?? null) === verdict.id);
    if (ofVerdict.length === 0) continue;
    rows.push({ group: verdict.title });
    for (const practice of ofVerdict) rows.push(row(practice));
  }
  return [
    ...blocks,
    intro(`What has worked, or not, before — in this force and elsewhere (${countOf(practices.length, 'practice')}): for whom and through what, how deeply people took part, where it came from, what happened and how strong the evidence is. Kinds of audience and channel, depth and evidence use the shared lists, so practice can be compared across forces.`),
    table(columns, rows),
  ];
}
