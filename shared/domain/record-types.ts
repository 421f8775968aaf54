// Every worksheet record type, described once: its table, fields (with which are personal data,
// one list in the code), links and section. The store, the validation, the interchange format,
// share copies, exports and the generic worksheet UI are all driven from these descriptors.
import {
  ASSET_KINDS,
  AUDIENCE_KINDS,
  BARRIERS,
  ENGAGEMENT_STATES,
  ONS_LEVELS,
  PLACE_KINDS,
  PRIORITIES,
  RELATIONSHIPS,
  VULNERABILITY_KINDS,
  type VocabItem,
} from './vocabularies.ts';

export const RECORD_TYPE_NAMES = ['aim', 'objective', 'goodStatement', 'area', 'audience', 'asset', 'vulnerability', 'place'] as const;
export type RecordTypeName = (typeof RECORD_TYPE_NAMES)[number];

export type FieldKind = 'text' | 'longText' | 'date' | 'enum' | 'enumList' | 'integer' | 'ref' | 'codeList';

export interface FieldDef {
  /** The API and interchange name (camelCase). */
  readonly name: string;
  readonly column: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly max?: number;
  readonly vocabulary?: readonly VocabItem[];
  /** For `ref`: the record type it points at. */
  readonly target?: RecordTypeName;
  /** Names or contacts a person: left out of share copies, and of exports unless asked for. */
  readonly personal?: boolean;
  /** Special-category data (faith, ethnicity, health) about a named person; always personal too. */
  readonly specialCategory?: boolean;
  readonly hint?: string;
  /** For `codeList`: what each code must look like. */
  readonly codePattern?: RegExp;
  /** Shown in forms only when another field has one of these values (e.g. a person's details for individuals). */
  readonly showWhen?: { readonly field: string; readonly oneOf: readonly string[] };
}

export interface LinkDef {
  readonly name: string;
  readonly label: string;
  readonly target: RecordTypeName;
  /** Link table: (owner_id, target_id). */
  readonly table: string;
}

export interface RecordTypeDef {
  readonly type: RecordTypeName;
  readonly table: string;
  readonly label: string;
  readonly plural: string;
  /** The worksheet section it appears in. */
  readonly section: SectionId;
  /** The field that names a record in lists and link pickers. */
  readonly titleField: string;
  readonly fields: readonly FieldDef[];
  readonly links: readonly LinkDef[];
}

/** Worksheet sections that can be marked completed (census evidence holds tables, not records). */
export const SECTION_IDS = ['aims', 'areas', 'audiences', 'assets', 'vulnerabilities', 'places', 'census'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const LSOA_CODE = /^[EW]01\d{6}$/;

export const RECORD_TYPES: Readonly<Record<RecordTypeName, RecordTypeDef>> = {
  aim: {
    type: 'aim',
    table: 'aim',
    label: 'Aim',
    plural: 'Aims',
    section: 'aims',
    titleField: 'title',
    fields: [
      { name: 'title', column: 'title', label: 'Aim', kind: 'text', required: true, max: 300, hint: 'What the strategy is for, in one sentence.' },
      { name: 'description', column: 'description', label: 'Why this aim', kind: 'longText', max: 5000 },
    ],
    links: [],
  },
  objective: {
    type: 'objective',
    table: 'objective',
    label: 'Objective',
    plural: 'Objectives',
    section: 'aims',
    titleField: 'title',
    fields: [
      { name: 'title', column: 'title', label: 'Objective', kind: 'text', required: true, max: 300 },
      { name: 'aimId', column: 'aim_id', label: 'Aim it serves', kind: 'ref', target: 'aim', required: true },
      { name: 'measure', column: 'measure', label: 'Measure', kind: 'text', max: 300, hint: 'How you will know: for example, confidence in local policing in the neighbourhood survey.' },
      { name: 'baseline', column: 'baseline', label: 'Baseline', kind: 'text', max: 200 },
      { name: 'target', column: 'target', label: 'Target', kind: 'text', max: 200 },
      { name: 'targetDate', column: 'target_date', label: 'By when', kind: 'date' },
      { name: 'owner', column: 'owner', label: 'Owner', kind: 'text', max: 200, personal: true, hint: "A person's name is personal data; a role (for example, Neighbourhood Inspector) is not." },
    ],
    links: [],
  },
  goodStatement: {
    type: 'goodStatement',
    table: 'good_statement',
    label: 'What good will look like',
    plural: 'What good will look like',
    section: 'aims',
    titleField: 'statement',
    fields: [{ name: 'statement', column: 'statement', label: 'Statement', kind: 'text', required: true, max: 500, hint: 'At the end of the strategy period, what will be true? For example: every ward has an active community contact.' }],
    links: [],
  },
  area: {
    type: 'area',
    table: 'area',
    label: 'Area',
    plural: 'Areas',
    section: 'areas',
    titleField: 'name',
    fields: [
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'onsCode', column: 'ons_code', label: 'ONS code', kind: 'text', max: 20, hint: 'For example E05009317 for a ward, or E01024133 for an LSOA.' },
      { name: 'onsLevel', column: 'ons_level', label: 'ONS geography', kind: 'enum', vocabulary: ONS_LEVELS },
      { name: 'parentId', column: 'parent_id', label: 'Part of', kind: 'ref', target: 'area' },
      { name: 'lsoaCodes', column: 'lsoa_codes', label: 'LSOAs it contains', kind: 'codeList', codePattern: LSOA_CODE, hint: 'LSOA codes (E01… or W01…), separated by spaces, commas or new lines: data by LSOA rolls up to this area.' },
    ],
    links: [],
  },
  audience: {
    type: 'audience',
    table: 'audience',
    label: 'Audience',
    plural: 'Audiences',
    section: 'audiences',
    titleField: 'name',
    fields: [
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'kind', column: 'kind', label: 'Kind of audience', kind: 'enum', vocabulary: AUDIENCE_KINDS, required: true },
      { name: 'sizeEstimate', column: 'size_estimate', label: 'Size estimate (people)', kind: 'integer' },
      { name: 'sizeEvidence', column: 'size_evidence', label: 'Where the estimate comes from', kind: 'text', max: 500 },
      { name: 'evidenceNote', column: 'evidence_note', label: 'Evidence', kind: 'longText', max: 5000, hint: 'What backs up what officers know: a figure and what it shows.' },
      { name: 'evidenceSource', column: 'evidence_source', label: 'Source of the evidence', kind: 'text', max: 300, hint: 'For example: ONS Census 2021, table TS021, published 2022.' },
      { name: 'engagementState', column: 'engagement_state', label: 'Engagement', kind: 'enum', vocabulary: ENGAGEMENT_STATES, required: true },
      { name: 'priority', column: 'priority', label: 'Priority', kind: 'enum', vocabulary: PRIORITIES, required: true },
      { name: 'whatWeKnow', column: 'what_we_know', label: 'What we know', kind: 'longText', max: 10000 },
      { name: 'owner', column: 'owner', label: 'Owner', kind: 'text', max: 200, personal: true },
    ],
    links: [{ name: 'areaIds', label: 'Areas', target: 'area', table: 'audience_area' }],
  },
  asset: {
    type: 'asset',
    table: 'asset',
    label: 'Asset',
    plural: 'Assets',
    section: 'assets',
    titleField: 'name',
    fields: [
      { name: 'kind', column: 'kind', label: 'Kind of asset', kind: 'enum', vocabulary: ASSET_KINDS, required: true },
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200, hint: 'For a person, a description that does not name them: for example, Imam, Central Mosque.' },
      { name: 'role', column: 'role', label: 'Role', kind: 'text', max: 200 },
      { name: 'personName', column: 'person_name', label: "Person's name", kind: 'text', max: 200, personal: true, showWhen: { field: 'kind', oneOf: ['individual'] } },
      { name: 'phone', column: 'phone', label: 'Phone', kind: 'text', max: 50, personal: true, showWhen: { field: 'kind', oneOf: ['individual'] } },
      { name: 'email', column: 'email', label: 'Email', kind: 'text', max: 200, personal: true, showWhen: { field: 'kind', oneOf: ['individual'] } },
      { name: 'specialCategoryNote', column: 'special_category_note', label: 'Faith, ethnicity or health (special category)', kind: 'longText', max: 2000, personal: true, specialCategory: true, hint: 'Record only what is necessary. About a named person this is special-category data under UK GDPR.', showWhen: { field: 'kind', oneOf: ['individual'] } },
      { name: 'relationship', column: 'relationship', label: 'Relationship', kind: 'enum', vocabulary: RELATIONSHIPS, required: true },
      { name: 'lastContact', column: 'last_contact', label: 'Last contact', kind: 'date' },
    ],
    links: [
      { name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'asset_audience' },
      { name: 'areaIds', label: 'Areas', target: 'area', table: 'asset_area' },
    ],
  },
  vulnerability: {
    type: 'vulnerability',
    table: 'vulnerability',
    label: 'Vulnerability',
    plural: 'Vulnerabilities',
    section: 'vulnerabilities',
    titleField: 'name',
    fields: [
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'kind', column: 'kind', label: 'An area or a group', kind: 'enum', vocabulary: VULNERABILITY_KINDS, required: true },
      { name: 'barriers', column: 'barriers', label: 'Barriers', kind: 'enumList', vocabulary: BARRIERS },
      { name: 'whyItMatters', column: 'why_it_matters', label: 'Why it matters', kind: 'longText', max: 5000 },
      { name: 'priority', column: 'priority', label: 'Priority', kind: 'enum', vocabulary: PRIORITIES, required: true },
      { name: 'responseNote', column: 'response_note', label: 'Planned response', kind: 'longText', max: 5000, hint: 'What you will do about it. Activities in the action plan will link here once it exists.' },
    ],
    links: [
      { name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'vulnerability_audience' },
      { name: 'areaIds', label: 'Areas', target: 'area', table: 'vulnerability_area' },
    ],
  },
  place: {
    type: 'place',
    table: 'place',
    label: 'Place',
    plural: 'Places',
    section: 'places',
    titleField: 'name',
    fields: [
      { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'kind', column: 'kind', label: 'Kind of place', kind: 'enum', vocabulary: PLACE_KINDS, required: true },
      { name: 'areaId', column: 'area_id', label: 'Area', kind: 'ref', target: 'area' },
      { name: 'address', column: 'address', label: 'Address', kind: 'text', max: 300 },
      { name: 'gatheringTimes', column: 'gathering_times', label: 'When people gather', kind: 'text', max: 300, hint: 'For example: Friday prayers 1pm; market days Tuesday and Saturday.' },
    ],
    links: [{ name: 'audienceIds', label: 'Audiences', target: 'audience', table: 'place_audience' }],
  },
};

export function recordTypeDef(type: RecordTypeName): RecordTypeDef {
  return RECORD_TYPES[type];
}

export function isRecordTypeName(name: string): name is RecordTypeName {
  return (RECORD_TYPE_NAMES as readonly string[]).includes(name);
}

/** The personal fields of a record type (including special-category ones). */
export function personalFields(type: RecordTypeName): readonly string[] {
  return RECORD_TYPES[type].fields.filter((f) => f.personal || f.specialCategory).map((f) => f.name);
}

export function recordTypesInSection(section: SectionId): readonly RecordTypeDef[] {
  return RECORD_TYPE_NAMES.map((name) => RECORD_TYPES[name]).filter((def) => def.section === section);
}
