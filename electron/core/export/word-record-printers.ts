// How each record type prints in the strategy document. A descriptor names its printer
// (`print.printer`); a type without one prints as a plain table of its fields, so a new record type
// reaches the document without a change here. Each printer starts with its type's heading; a type
// with no records is not given to its printer, and says instead what its part will hold.
import type { RecordValues } from '../../../shared/api/records.ts';
import { RECORD_TYPES, type DocumentPrinter, type FieldDef, type RecordTypeDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { AUDIENCE_KINDS, BARRIERS, ENGAGEMENT_STATES, ONS_LEVELS, PLACE_KINDS, PRIORITIES, RELATIONSHIPS, VULNERABILITY_KINDS, labelOf } from '../../../shared/domain/vocabularies.ts';
import type { FileChild } from 'docx';
import type { ExportData } from './export-data.ts';
import { messagesPart, prioritiesPart } from './word-what-printers.ts';
import { DeferredBlocks, bullet, countOf, field, gapLine, heading, intro, longDate, namesOf, para, prose, wholeNumber } from './word-blocks.ts';
import { table, type Cell, type Column, type Row, type Run } from './word-table.ts';
import { actionPlanPart } from './word-action-plan.ts';
import { channelsPart, communityEventsPart, partnersPart, practicesPart } from './word-how-printers.ts';

export type Block = FileChild;

const UNLINKED = '(no longer in the workbook)';

function list(values: unknown): string[] {
  return Array.isArray(values) ? values.map(String) : [];
}

function headingOf(def: RecordTypeDef): string {
  return def.print?.heading ?? def.plural;
}

/** What a type's part of the document will hold, for the line shown while it has no records. */
function holdsOf(def: RecordTypeDef): string {
  return def.print?.holds ?? `the ${def.plural.toLowerCase()}`;
}

// ——— Purpose ———

function aimsPart(data: ExportData, def: RecordTypeDef): Block[] {
  const aims = data.records.aim;
  // An aim's paragraphs are made as the document is written: 20,000 aims' would all be held at once.
  return [
    heading(headingOf(def), 2),
    new DeferredBlocks(function* () {
      for (const [index, aim] of aims.entries()) {
        yield para({ text: `Aim ${index + 1}: `, bold: true }, { text: field(aim, 'title'), bold: true });
        yield* prose(aim.description);
      }
    }),
  ];
}

function objectivesPart(data: ExportData, def: RecordTypeDef): Block[] {
  return [heading(headingOf(def), 2), ...objectivesTable(data)];
}

function goodStatementsPart(data: ExportData, def: RecordTypeDef): Block[] {
  const good = data.records.goodStatement;
  return [
    heading(headingOf(def), 2),
    intro('By the end of the strategy period:'),
    new DeferredBlocks(function* () {
      for (const statement of good) yield bullet(field(statement, 'statement'));
    }),
  ];
}

function objectivesTable(data: ExportData): Block[] {
  const objectives = data.records.objective;
  const columns: Column[] = [
    { title: 'Objective', width: 29 },
    { title: 'Measure', width: 21 },
    { title: 'Baseline', width: 13 },
    { title: 'Target', width: 13 },
    { title: 'By when', width: 14 },
  ];
  if (data.personal) columns.push({ title: 'Owner', width: 14 });
  const row = (objective: RecordValues): Cell[] => {
    const cells: Cell[] = [field(objective, 'title'), field(objective, 'measure'), field(objective, 'baseline'), field(objective, 'target'), longDate(objective.targetDate)];
    if (data.personal) cells.push(field(objective, 'owner'));
    return cells;
  };
  const rows: Row[] = [];
  const aimIds = new Set<string>();
  data.records.aim.forEach((aim, index) => {
    aimIds.add(aim.id);
    const served = objectives.filter((o) => o.aimId === aim.id);
    if (served.length === 0) return;
    // One push per row: spreading 130,000 rows as arguments overflows the call stack.
    rows.push({ group: `Aim ${index + 1}: ${field(aim, 'title')}` });
    for (const objective of served) rows.push(row(objective));
  });
  const unlinked = objectives.filter((o) => !aimIds.has(String(o.aimId)));
  if (unlinked.length > 0) rows.push({ group: 'Not linked to an aim' });
  for (const objective of unlinked) rows.push(row(objective));
  const owner = data.personal ? ', and who owns it' : '';
  return [intro(`The objectives, under the aim each serves: how progress will be measured, from what baseline to what target, by when${owner}.`), table(columns, rows)];
}

// ——— Who ———

function areasPart(data: ExportData): Block[] {
  const areas = data.records.area;
  const blocks: Block[] = [heading('The strategy area and its areas', 2)];
  const rows: Row[] = areas.map((area) => {
    const level = labelOf(ONS_LEVELS, area.onsLevel as string | null);
    const code = field(area, 'onsCode');
    const lsoas = list(area.lsoaCodes).length;
    return [field(area, 'name'), area.parentId ? namesOf([area.parentId], data.names) : '', [level, code].filter(Boolean).join(' '), lsoas > 0 ? wholeNumber(lsoas) : ''];
  });
  return [
    ...blocks,
    intro(`The strategy covers ${countOf(areas.length, 'area')}: each with the area it is part of, its ONS geography and how many LSOAs it contains (census figures for an area add up its LSOAs and those of the areas inside it).`),
    table(
      [
        { title: 'Area', width: 34 },
        { title: 'Part of', width: 28 },
        { title: 'ONS geography', width: 24 },
        { title: 'LSOAs', width: 14, numeric: true },
      ],
      rows,
    ),
  ];
}

function audiencesPart(data: ExportData): Block[] {
  const audiences = data.records.audience;
  const blocks: Block[] = [heading('Audiences', 2)];
  const tables = new Map(data.census.tables.map((t) => [t.id, t]));
  const linksBy = new Map<string, string[]>();
  for (const link of data.evidenceLinks) {
    const censusTable = tables.get(link.tableId);
    const label = censusTable?.categories.find((c) => c.name === link.category)?.label ?? link.category;
    const where = link.areaId ? (data.names.get(link.areaId) ?? UNLINKED) : 'the whole strategy area';
    const text = `Census: “${label}” in ${where} (${censusTable ? `${censusTable.code} ${censusTable.title}` : 'a table no longer in the workbook'})`;
    linksBy.set(link.audienceId, [...(linksBy.get(link.audienceId) ?? []), text]);
  }
  const rows: Row[] = audiences.map((audience) => {
    const evidence: Array<ReadonlyArray<string | Run>> = [];
    if (typeof audience.sizeEstimate === 'number') {
      const from = field(audience, 'sizeEvidence');
      evidence.push([`About ${countOf(audience.sizeEstimate, 'person', 'people')}${from ? ` (${from})` : ''}`]);
    }
    for (const line of field(audience, 'evidenceNote').split(/\r\n|\r|\n/)) if (line.trim()) evidence.push([line.trim()]);
    const source = field(audience, 'evidenceSource');
    if (source) evidence.push([{ text: `Source: ${source}`, italics: true }]);
    for (const link of linksBy.get(audience.id) ?? []) evidence.push([link]);
    if (evidence.length === 0) evidence.push([{ text: 'None recorded', italics: true }]);
    // Name and kind share a cell, as engagement and priority do, so the evidence has the width it needs.
    return [
      { paragraphs: [[field(audience, 'name')], [{ text: labelOf(AUDIENCE_KINDS, audience.kind as string), italics: true }]] },
      namesOf(audience.areaIds, data.names),
      { paragraphs: [[labelOf(ENGAGEMENT_STATES, audience.engagementState as string)], [{ text: `${labelOf(PRIORITIES, audience.priority as string)} priority`, italics: true }]] },
      { paragraphs: evidence },
    ];
  });
  blocks.push(
    intro('Each audience we will engage: what kind it is, the areas it covers, how far we engage with it now and its priority, and the evidence behind it.'),
    table(
      [
        { title: 'Audience', width: 25 },
        { title: 'Areas', width: 15 },
        { title: 'Engagement', width: 17 },
        { title: 'Evidence', width: 43 },
      ],
      rows,
    ),
  );
  const known = audiences.filter((a) => field(a, 'whatWeKnow').trim());
  if (known.length > 0) {
    blocks.push(
      heading('What we know about them', 3),
      new DeferredBlocks(function* () {
        for (const audience of known) yield* prose(audience.whatWeKnow, field(audience, 'name'));
      }),
    );
  }
  return blocks;
}

/** Assets in the document's order: groups and hotspots, then individuals. */
const ASSET_GROUPS = [
  { id: 'group', title: 'Groups' },
  { id: 'hotspot', title: 'Hotspots' },
  { id: 'individual', title: 'Individuals' },
] as const;

function assetsPart(data: ExportData): Block[] {
  const assets = data.records.asset;
  const blocks: Block[] = [heading('Assets', 2)];
  const columns: Column[] = [
    { title: 'Asset', width: 25 },
    { title: 'Relationship', width: 17 },
    { title: 'Last contact', width: 15 },
    { title: 'Audiences', width: 22 },
    { title: 'Areas', width: 21 },
  ];
  if (data.personal) columns.push({ title: 'Contact', width: 22 });
  const rows: Row[] = [];
  for (const kind of ASSET_GROUPS) {
    const ofKind = assets.filter((asset) => asset.kind === kind.id);
    if (ofKind.length === 0) continue;
    rows.push({ group: kind.title });
    for (const asset of ofKind) {
      const role = field(asset, 'role');
      const cells: Cell[] = [{ paragraphs: [[field(asset, 'name')], role ? [{ text: role, italics: true }] : []] }, labelOf(RELATIONSHIPS, asset.relationship as string), longDate(asset.lastContact), namesOf(asset.audienceIds, data.names), namesOf(asset.areaIds, data.names)];
      if (data.personal) cells.push(kind.id === 'individual' ? [field(asset, 'personName'), field(asset, 'phone'), field(asset, 'email')] : '');
      rows.push(cells);
    }
  }
  const others = assets.filter((asset) => !ASSET_GROUPS.some((k) => k.id === asset.kind));
  if (others.length > 0) rows.push({ group: 'Other' });
  for (const cells of others.map((asset): Cell[] => [field(asset, 'name'), labelOf(RELATIONSHIPS, asset.relationship as string), longDate(asset.lastContact), namesOf(asset.audienceIds, data.names), namesOf(asset.areaIds, data.names), ...(data.personal ? [''] : [])])) rows.push(cells);
  const people = data.personal ? 'individuals with their contact details' : 'individuals by their role';
  return [...blocks, intro(`The groups, hotspots and ${people} that help us reach our audiences: how strong each relationship is, when we were last in touch, and whom and where each helps us reach.`), table(columns, rows)];
}

function vulnerabilitiesPart(data: ExportData): Block[] {
  const vulnerabilities = data.records.vulnerability;
  const blocks: Block[] = [heading('Vulnerabilities', 2)];
  const rows: Row[] = vulnerabilities.map((v) => {
    const about: Array<ReadonlyArray<string | Run>> = [[{ text: field(v, 'name'), bold: true }], [`${labelOf(VULNERABILITY_KINDS, v.kind as string)}, ${labelOf(PRIORITIES, v.priority as string).toLowerCase()} priority`]];
    const audiences = namesOf(v.audienceIds, data.names);
    const areas = namesOf(v.areaIds, data.names);
    if (audiences) about.push([{ text: 'Audiences: ', italics: true }, audiences]);
    if (areas) about.push([{ text: 'Areas: ', italics: true }, areas]);
    const barriers = list(v.barriers).map((b) => labelOf(BARRIERS, b));
    // The planned response is what was written, and the activities of the action plan that answer it.
    const answering = (data.records.activity ?? []).filter((activity) => Array.isArray(activity.vulnerabilityIds) && activity.vulnerabilityIds.includes(v.id)).map((activity) => activity.id);
    const response: Array<ReadonlyArray<string | Run>> = [...(field(v, 'responseNote') ? [[field(v, 'responseNote')]] : []), ...(answering.length > 0 ? [[{ text: 'Activities: ', italics: true }, namesOf(answering, data.names)]] : [])];
    return [{ paragraphs: about }, barriers.length > 0 ? barriers : { runs: [{ text: 'None recorded', italics: true }] }, field(v, 'whyItMatters'), response.length > 0 ? { paragraphs: response } : { runs: [{ text: 'Not yet planned', italics: true }] }];
  });
  return [
    ...blocks,
    intro('The areas and groups that are vulnerable: what stands between them and us, why it matters and what we will do about it.'),
    table(
      [
        { title: 'Vulnerability', width: 25 },
        { title: 'Barriers', width: 17 },
        { title: 'Why it matters', width: 29 },
        { title: 'Planned response', width: 29 },
      ],
      rows,
    ),
  ];
}

function placesPart(data: ExportData): Block[] {
  const places = data.records.place;
  const blocks: Block[] = [heading('Places', 2)];
  const rows: Row[] = places.map((p) => [
    { paragraphs: [[field(p, 'name')], [{ text: labelOf(PLACE_KINDS, p.kind as string), italics: true }]] },
    p.areaId ? namesOf([p.areaId], data.names) : '',
    field(p, 'address'),
    field(p, 'gatheringTimes'),
    namesOf(p.audienceIds, data.names),
  ]);
  return [
    ...blocks,
    intro('The places where our audiences gather: where they are, when people are there and whom we can meet there.'),
    table(
      [
        { title: 'Place', width: 24 },
        { title: 'Area', width: 15 },
        { title: 'Address', width: 21 },
        { title: 'When people gather', width: 20 },
        { title: 'Audiences', width: 20 },
      ],
      rows,
    ),
  ];
}

// ——— Any other record type: a plain table of its fields ———

/** The fields a plain table shows: the naming field first, then short fields, personal ones only when asked for. */
function plainColumns(def: RecordTypeDef, personal: boolean): FieldDef[] {
  const chosen = def.print?.columns;
  const shown = (f: FieldDef) => personal || !(f.personal || f.specialCategory);
  if (chosen) return chosen.map((name) => def.fields.find((f) => f.name === name)).filter((f): f is FieldDef => f !== undefined && shown(f));
  const title = def.fields.filter((f) => f.name === def.titleField);
  const rest = def.fields.filter((f) => f.name !== def.titleField && f.kind !== 'longText' && f.kind !== 'codeList' && shown(f));
  return [...title, ...rest].slice(0, 6);
}

function cellOf(fieldDef: FieldDef, record: RecordValues, names: ReadonlyMap<string, string>): Cell {
  const value = record[fieldDef.name];
  switch (fieldDef.kind) {
    case 'enum':
      return labelOf(fieldDef.vocabulary ?? [], value as string | null);
    case 'enumList':
      return list(value).map((item) => labelOf(fieldDef.vocabulary ?? [], item));
    case 'date':
      return longDate(value);
    case 'integer':
      return typeof value === 'number' ? wholeNumber(value) : '';
    case 'ref':
      return typeof value === 'string' ? namesOf([value], names) : '';
    case 'codeList':
      return list(value).length > 0 ? wholeNumber(list(value).length) : '';
    case 'boolean':
      return value === true ? 'Yes' : '';
    case 'checklist': {
      const results = Object.values((value ?? {}) as Record<string, { pass?: unknown }>);
      return `${results.filter((r) => r.pass === true).length} of ${results.length} passed`;
    }
    default:
      return field(record, fieldDef.name);
  }
}

export function plainTablePart(data: ExportData, def: RecordTypeDef): Block[] {
  const records = data.records[def.type] ?? [];
  const blocks: Block[] = [heading(headingOf(def), 2)];
  const fields = plainColumns(def, data.personal);
  const links = def.print?.links ? def.links.filter((link) => def.print!.links!.includes(link.name)) : def.links;
  const columns: Column[] = [...fields.map((f) => ({ title: f.label, width: KIND_WIDTH[f.kind], numeric: f.kind === 'integer' })), ...links.map((link) => ({ title: link.label, width: LINK_WIDTH }))];
  const rows: Row[] = records.map((record) => [...fields.map((f) => cellOf(f, record, data.names)), ...links.map((link) => namesOf(record[link.name], data.names))]);
  return [...blocks, intro(plainIntro(def, records.length)), table(columns, rows)];
}

/**
 * The sentence over a plain table: what it sets out, and how many. A type's plural may not be a
 * noun that counts ("Review log"), so the count uses its label: "3 reviews", "5 hallmark ratings".
 */
export function plainIntro(def: RecordTypeDef, count: number): string {
  const one = def.label.toLowerCase();
  const many = def.plural.toLowerCase().endsWith('s') ? def.plural.toLowerCase() : `${one}s`;
  return `This part sets out ${holdsOf(def)} (${countOf(count, one, many)}).`;
}

/** A plain table's columns share its width by what their fields hold: a rating of 1 to 5 is narrow, evidence wide. */
const KIND_WIDTH: Record<FieldDef['kind'], number> = {
  text: 18,
  longText: 40,
  integer: 8,
  date: 13,
  boolean: 7,
  enum: 16,
  enumList: 18,
  ref: 16,
  codeList: 8,
  checklist: 12,
};
const LINK_WIDTH = 20;

const PRINTERS: Record<DocumentPrinter, (data: ExportData, def: RecordTypeDef) => Block[]> = {
  aims: aimsPart,
  objectives: objectivesPart,
  goodStatements: goodStatementsPart,
  areas: (data) => areasPart(data),
  audiences: (data) => audiencesPart(data),
  assets: (data) => assetsPart(data),
  vulnerabilities: (data) => vulnerabilitiesPart(data),
  places: (data) => placesPart(data),
  channels: channelsPart,
  partners: partnersPart,
  communityEvents: communityEventsPart,
  practices: practicesPart,
  messages: messagesPart,
  priorities: prioritiesPart,
  activities: actionPlanPart,
};

/** A record type's part of the document, by its descriptor's printer or as a plain table. */
export function recordTypePart(data: ExportData, type: RecordTypeName): Block[] {
  const def = RECORD_TYPES[type];
  if ((data.records[type] ?? []).length === 0) return [heading(headingOf(def), 2), gapLine(`To be completed: ${holdsOf(def)}.`)];
  const printer = def.print?.printer;
  return printer ? PRINTERS[printer](data, def) : plainTablePart(data, def);
}
