// The sections of the strategy document in the method's order. Each is a list of parts (built one
// at a time so progress can be reported between them); a part with nothing in it says so in one
// line, and the method's later sections keep their headings before they are built.
import type { FileChild } from 'docx';
import type { AreaCensus, CensusTable } from '../../../shared/api/census.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { AUDIENCE_KINDS, BARRIERS, ENGAGEMENT_STATES, ONS_LEVELS, PLACE_KINDS, PRIORITIES, RELATIONSHIPS, VULNERABILITY_KINDS, labelOf } from '../../../shared/domain/vocabularies.ts';
import type { ExportData } from './export-data.ts';
import { bullet, countOf, field, gapLine, heading, intro, longDate, namesOf, para, prose, share, ukDay, wholeNumber } from './word-blocks.ts';
import { table, type Cell, type Column, type Row, type Run } from './word-table.ts';

export type Block = FileChild;
/** One step of building the document: a few blocks, built when it is its turn. */
export type Part = () => Block[];

/** The method's sections not yet part of the workbook: their headings stay, so the reader sees the gap. */
const LATER_SECTIONS = [
  { number: 3, title: 'How we will reach them' },
  { number: 4, title: 'What we will say' },
  { number: 5, title: 'Action plan' },
  { number: 6, title: 'What good looks like' },
  { number: 7, title: 'Review' },
] as const;

const NOT_BUILT = 'Not yet part of this workbook.';
const UNLINKED = '(no longer in the workbook)';

/** How many of the largest groups each census table shows. */
const LARGEST_GROUPS = 8;

function list(values: unknown): string[] {
  return Array.isArray(values) ? values.map(String) : [];
}

// ——— 1 Purpose ———

export function purposeParts(data: ExportData): Part[] {
  const aims = data.records.aim;
  const objectives = data.records.objective;
  const good = data.records.goodStatement;
  const title = heading('1 Purpose', 1);
  if (aims.length === 0 && objectives.length === 0 && good.length === 0) {
    return [() => [title, gapLine('Nothing has been recorded here yet: no aims, objectives or statements of what good will look like.')]];
  }
  return [
    () => [title, heading('Aims', 2), ...(aims.length === 0 ? [gapLine('No aims have been recorded yet.')] : aims.flatMap((aim, index) => [para({ text: `Aim ${index + 1}: `, bold: true }, { text: field(aim, 'title'), bold: true }), ...prose(aim.description)]))],
    () => [heading('Objectives', 2), ...objectivesTable(data)],
    () => [
      heading('What good will look like', 2),
      ...(good.length === 0 ? [gapLine('Nothing has been recorded yet about what good will look like.')] : [intro('By the end of the strategy period:'), ...good.map((statement) => bullet(field(statement, 'statement')))]),
    ],
  ];
}

function objectivesTable(data: ExportData): Block[] {
  const objectives = data.records.objective;
  if (objectives.length === 0) return [gapLine('No objectives have been recorded yet.')];
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
    rows.push({ group: `Aim ${index + 1}: ${field(aim, 'title')}` });
    for (const objective of served) rows.push(row(objective));
  });
  const unlinked = objectives.filter((o) => !aimIds.has(String(o.aimId)));
  if (unlinked.length > 0) rows.push({ group: 'Not linked to an aim' });
  for (const objective of unlinked) rows.push(row(objective));
  const owner = data.personal ? ', and who owns it' : '';
  return [intro(`The objectives, under the aim each serves: how progress will be measured, from what baseline to what target, by when${owner}.`), table(columns, rows)];
}

// ——— 2 Who we will engage ———

export function whoParts(data: ExportData): Part[] {
  const who = data.sections.includes('who');
  const evidence = data.sections.includes('evidence');
  if (!who && !evidence) return [];
  const parts: Part[] = [];
  if (who) parts.push(() => [heading('2 Who we will engage', 1), ...areasPart(data)], () => audiencesPart(data));
  else parts.push(() => [heading('2 Who we will engage', 1)]);
  if (evidence) parts.push(...censusParts(data));
  if (who) parts.push(() => assetsPart(data), () => vulnerabilitiesPart(data), () => placesPart(data));
  return parts;
}

function areasPart(data: ExportData): Block[] {
  const areas = data.records.area;
  const blocks: Block[] = [heading('The strategy area and its areas', 2)];
  if (areas.length === 0) return [...blocks, gapLine('No areas have been recorded yet.')];
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
  if (audiences.length === 0) return [...blocks, gapLine('No audiences have been recorded yet.')];
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
    return [
      field(audience, 'name'),
      labelOf(AUDIENCE_KINDS, audience.kind as string),
      namesOf(audience.areaIds, data.names),
      labelOf(ENGAGEMENT_STATES, audience.engagementState as string),
      labelOf(PRIORITIES, audience.priority as string),
      { paragraphs: evidence },
    ];
  });
  blocks.push(
    intro(`The ${countOf(audiences.length, 'audience')} we will engage: what kind each is, the areas it covers, how far we engage with it now, its priority and the evidence behind it.`),
    table(
      [
        { title: 'Audience', width: 18 },
        { title: 'Kind', width: 16 },
        { title: 'Areas', width: 14 },
        { title: 'Engagement', width: 15 },
        { title: 'Priority', width: 10 },
        { title: 'Evidence', width: 27 },
      ],
      rows,
    ),
  );
  const known = audiences.filter((a) => field(a, 'whatWeKnow').trim());
  if (known.length > 0) {
    blocks.push(heading('What we know about them', 3));
    for (const audience of known) blocks.push(...prose(audience.whatWeKnow, field(audience, 'name')));
  }
  return blocks;
}

const GEOGRAPHY_WORDS: Record<string, readonly [string, string]> = {
  oa: ['output area', 'output areas'],
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  la: ['local authority', 'local authorities'],
  other: ['geography', 'geographies'],
};

/** What a table's geographies are called: one and many. */
function geographyWords(level: string): readonly [string, string] {
  return GEOGRAPHY_WORDS[level] ?? ['geography', 'geographies'];
}

function censusParts(data: ExportData): Part[] {
  const { views } = data.census;
  const title = heading('Census evidence', 2);
  if (data.census.tables.length === 0) return [() => [title, gapLine('No census tables have been imported yet.')]];
  const parts: Part[] = [
    () => [
      title,
      para(
        'For each census table: its largest groups across the whole strategy area and in each area with figures, each share beside the whole strategy area’s; then who is missing — groups that make up a notable share of an area’s residents but that no audience covering the area is linked to.',
      ),
    ],
  ];
  for (const view of views) parts.push(() => censusTablePart(data, view.table, view.areas));
  return parts;
}

function censusTablePart(data: ExportData, censusTable: CensusTable, areas: AreaCensus[]): Block[] {
  const name = `${censusTable.code} ${censusTable.title}`;
  const [one, many] = geographyWords(censusTable.geographyLevel);
  const blocks: Block[] = [heading(name, 3), para({ text: 'Source: ', italics: true }, { text: `${censusTable.source}${censusTable.referenceDate ? `, ${censusTable.referenceDate}` : ''}; figures by ${one}.`, italics: true })];
  if (areas.length === 0) return [...blocks, gapLine(`None of the workbook’s areas has figures in this table yet: give the areas their ${many} or ONS codes.`)];
  const missing = data.gaps.filter((gap) => gap.rule === 'who-is-missing' && gap.message.includes(`(${name})`));
  for (const view of areas) {
    const whole = view.areaId === null;
    const topLevel = view.rows.filter((row) => row.depth === 0).sort((a, b) => b.count - a.count);
    const shown = topLevel.slice(0, LARGEST_GROUPS);
    const of = topLevel.length > shown.length ? ` (the ${shown.length} largest of ${topLevel.length})` : '';
    const where = whole ? 'across the whole strategy area' : `in ${view.areaName}`;
    const columns: Column[] = [
      { title: 'Group', width: whole ? 60 : 46 },
      { title: 'Count', width: whole ? 20 : 17, numeric: true },
      { title: whole ? 'Share' : `Share in ${view.areaName}`, width: whole ? 20 : 18, numeric: true },
    ];
    if (!whole) columns.push({ title: 'Whole strategy area', width: 19, numeric: true });
    const rows: Row[] = shown.map((row) => {
      const cells: Cell[] = [row.label, wholeNumber(row.count), share(row.proportion)];
      if (!whole) cells.push(share(row.strategyProportion));
      return cells;
    });
    blocks.push(heading(whole ? 'The whole strategy area' : view.areaName, 4));
    if (shown.length === 0) {
      blocks.push(gapLine(`This table has no groups to show ${where}.`));
    } else {
      const sentence = whole
        ? `The largest groups ${where}${of}: ${wholeNumber(view.total)} in all, from ${countOf(view.geographies, one, many)}.`
        : `The largest groups ${where}${of}, with each group’s share beside its share across the whole strategy area: ${wholeNumber(view.total)} in all, from ${countOf(view.geographies, one, many)}.`;
      blocks.push(intro(sentence), table(columns, rows));
    }
    if (!whole) {
      const here = missing.filter((gap) => gap.recordId === view.areaId);
      if (here.length === 0) blocks.push(gapLine(`Who is missing in ${view.areaName}: no one — every notable group has an audience linked to it.`));
      else blocks.push(intro(`Who is missing in ${view.areaName}:`), ...here.map((gap) => bullet(gap.message)));
    }
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
  if (assets.length === 0) return [...blocks, gapLine('No assets have been recorded yet.')];
  const columns: Column[] = [
    { title: 'Asset', width: 27 },
    { title: 'Relationship', width: 15 },
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
  if (others.length > 0) rows.push({ group: 'Other' }, ...others.map((asset): Cell[] => [field(asset, 'name'), labelOf(RELATIONSHIPS, asset.relationship as string), longDate(asset.lastContact), namesOf(asset.audienceIds, data.names), namesOf(asset.areaIds, data.names), ...(data.personal ? [''] : [])]));
  const people = data.personal ? 'individuals with their contact details' : 'individuals by their role';
  return [...blocks, intro(`The groups, hotspots and ${people} that help us reach our audiences: how strong each relationship is, when we were last in touch, and whom and where each helps us reach.`), table(columns, rows)];
}

function vulnerabilitiesPart(data: ExportData): Block[] {
  const vulnerabilities = data.records.vulnerability;
  const blocks: Block[] = [heading('Vulnerabilities', 2)];
  if (vulnerabilities.length === 0) return [...blocks, gapLine('No vulnerabilities have been recorded yet.')];
  const rows: Row[] = vulnerabilities.map((v) => {
    const about: Array<ReadonlyArray<string | Run>> = [[{ text: field(v, 'name'), bold: true }], [`${labelOf(VULNERABILITY_KINDS, v.kind as string)}, ${labelOf(PRIORITIES, v.priority as string).toLowerCase()} priority`]];
    const audiences = namesOf(v.audienceIds, data.names);
    const areas = namesOf(v.areaIds, data.names);
    if (audiences) about.push([{ text: 'Audiences: ', italics: true }, audiences]);
    if (areas) about.push([{ text: 'Areas: ', italics: true }, areas]);
    const barriers = list(v.barriers).map((b) => labelOf(BARRIERS, b));
    return [{ paragraphs: about }, barriers.length > 0 ? barriers : { runs: [{ text: 'None recorded', italics: true }] }, field(v, 'whyItMatters'), field(v, 'responseNote') || { runs: [{ text: 'Not yet planned', italics: true }] }];
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
  if (places.length === 0) return [...blocks, gapLine('No places have been recorded yet.')];
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

// ——— 3–7: the method's later sections, and the appendix ———

export function laterParts(): Part[] {
  return [() => LATER_SECTIONS.flatMap((section) => [heading(`${section.number} ${section.title}`, 1), gapLine(NOT_BUILT)])];
}

export function appendixParts(data: ExportData): Part[] {
  const tables = data.census.tables;
  return [
    () => [
      heading('Appendix: data sources', 1),
      ...(tables.length === 0
        ? [gapLine('No census tables or other data have been imported yet.')]
        : [
            intro('The census tables this document draws on: where each comes from, the date its figures describe, the geography they are given by and when they were imported.'),
            table(
              [
                { title: 'Table', width: 10 },
                { title: 'Title', width: 25 },
                { title: 'Source', width: 22 },
                { title: 'Figures for', width: 13 },
                { title: 'By', width: 13 },
                { title: 'Imported', width: 17 },
              ],
              tables.map((t) => [t.code, t.title, t.source, t.referenceDate, `${wholeNumber(t.geographyCount)} ${geographyWords(t.geographyLevel)[t.geographyCount === 1 ? 0 : 1]}`, ukDay(t.importedAt)]),
            ),
          ]),
    ],
  ];
}
