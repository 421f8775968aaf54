// A large, realistic strategy workbook in the interchange format, made from a seed: a district of
// 24 wards (4 LSOAs each) with 2,000 audiences by default — about one in ten of high priority, three
// in ten medium — each with an evidence note and source, some with what officers know, a census
// table of those LSOAs and evidence links; a few aims, objectives, assets, vulnerabilities and
// places. Used to see that the deliverables of a large workbook stay readable.
import { AUDIENCE_KINDS, ENGAGEMENT_STATES, PLACE_KINDS } from '../../shared/domain/vocabularies.ts';
import { seededRandom } from './seeded-random.ts';

const T = '2026-09-01T09:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: '2026-09-01', shareable: true, notes: '' };
const WARDS = ['Abbey', 'Ashfield', 'Bankside', 'Barton', 'Brookhill', 'Castle', 'Cherry Hinton', 'Dale', 'Eastfield', 'Fairmead', 'Greenway', 'Harbour', 'Highfields', 'Kingsmead', 'Lowther', 'Market', 'Meadowbank', 'Northgate', 'Orchard', 'Parkside', 'Riverside', 'St Anne’s', 'Westbury', 'Woodlands'];
const WHO = ['Young people', 'Older residents', 'Parents', 'Tenants', 'Traders', 'Students', 'Carers', 'New arrivals', 'Faith groups', 'Night-time workers', 'Disabled residents', 'Commuters'];

function uuid(group: number, n: number): string {
  return `${group.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface LargeStrategyOptions {
  audiences?: number;
  seed?: number;
}

/** The interchange JSON of a large strategy workbook. */
export function largeStrategyJson({ audiences = 2000, seed = 18 }: LargeStrategyOptions = {}) {
  const random = seededRandom(seed);
  const district = { id: uuid(1, 0), ...COMMON, name: 'Millford district', onsCode: '', onsLevel: 'la', parentId: null, lsoaCodes: [] as string[] };
  const wards = WARDS.map((name, n) => ({ id: uuid(1, n + 1), ...COMMON, name: `${name} ward`, onsCode: '', onsLevel: 'ward', parentId: district.id, lsoaCodes: [0, 1, 2, 3].map((i) => `E0109${String(n * 4 + i).padStart(4, '0')}`) }));
  const categories = [
    { name: 'Age: Total', label: 'All usual residents', parent: null, total: true },
    { name: 'Age: Under 16', label: 'Under 16', parent: null, total: false },
    { name: 'Age: 16 to 24', label: '16 to 24', parent: null, total: false },
    { name: 'Age: 25 to 64', label: '25 to 64', parent: null, total: false },
    { name: 'Age: 65 and over', label: '65 and over', parent: null, total: false },
  ];
  const geographies = wards.flatMap((ward) =>
    ward.lsoaCodes.map((code, i) => {
      const parts = [random.int(250, 400), random.int(120, 300), random.int(700, 900), random.int(150, 350)];
      return { code, name: `${ward.name.replace(' ward', '')} ${String.fromCharCode(65 + i)}`, counts: [parts.reduce((a, b) => a + b, 0), ...parts] };
    }),
  );
  const table = { id: uuid(9, 1), code: 'TS007A', title: 'Age by five-year age bands (illustrative)', source: 'Illustrative figures for testing, not ONS data', referenceDate: '2021', geographyLevel: 'lsoa', fileName: 'large-strategy.csv', importedAt: T, categories, geographies };
  const aims = [
    { id: uuid(2, 1), ...COMMON, title: 'Hear from the communities we hear from least', description: 'Confidence is lowest where we engage least.' },
    { id: uuid(2, 2), ...COMMON, title: 'Make engagement part of every team’s week', description: '' },
    { id: uuid(2, 3), ...COMMON, title: 'Act on what we hear, and say what we did', description: '' },
  ];
  const objectives = aims.flatMap((aim, n) => [1, 2].map((i) => ({ id: uuid(3, n * 2 + i), ...COMMON, title: `Objective ${n * 2 + i} for “${aim.title}”`, aimId: aim.id, measure: 'Neighbourhood survey', baseline: '50 %', target: '60 %', targetDate: '2029-03-31' })));
  const good = [1, 2, 3].map((n) => ({ id: uuid(4, n), ...COMMON, statement: `Statement ${n} of what good will look like.` }));
  const priorities = (): string => {
    const roll = random.next();
    return roll < 0.1 ? 'high' : roll < 0.4 ? 'medium' : 'low';
  };
  const audienceRecords = Array.from({ length: audiences }, (_, n) => {
    const ward = random.pick(wards);
    const kind = random.pick(AUDIENCE_KINDS);
    const who = random.pick(WHO);
    return {
      id: uuid(5, n),
      ...COMMON,
      name: `${who} in ${ward.name.replace(' ward', '')} (${n + 1})`,
      kind: kind.id,
      sizeEstimate: random.int(40, 4000),
      sizeEvidence: 'Census 2021 and local knowledge',
      evidenceNote: `Officers and partners in ${ward.name} describe this group as ${random.pick(['rarely in touch with us', 'willing but hard to reach', 'often at community events', 'wary after past incidents'])}.`,
      evidenceSource: random.pick(['Ward profile 2025', 'Neighbourhood survey 2026', 'Partner briefing, 2026']),
      engagementState: random.pick(ENGAGEMENT_STATES).id,
      priority: priorities(),
      whatWeKnow: random.next() < 0.3 ? `They meet most often ${random.pick(['after school', 'on market days', 'at weekends', 'in the evenings'])}.` : '',
      areaIds: [ward.id],
    };
  });
  const assets = Array.from({ length: 12 }, (_, n) => {
    const ward = wards[n % wards.length]!;
    return { id: uuid(6, n), ...COMMON, kind: n % 3 === 0 ? 'hotspot' : 'group', name: `${ward.name.replace(' ward', '')} ${n % 3 === 0 ? 'community centre' : 'residents’ association'}`, role: '', relationship: random.pick(['new', 'active', 'strong']), lastContact: '2026-08-15', audienceIds: [audienceRecords[n]!.id], areaIds: [ward.id] };
  });
  const vulnerabilities = Array.from({ length: 4 }, (_, n) => ({ id: uuid(7, n), ...COMMON, name: `Vulnerability ${n + 1}`, kind: 'group', barriers: ['trust'], whyItMatters: 'Targeted by fraud.', priority: 'high', responseNote: 'Visits with partners.', audienceIds: [audienceRecords[n]!.id], areaIds: [wards[n]!.id] }));
  const places = Array.from({ length: 6 }, (_, n) => ({ id: uuid(8, n), ...COMMON, name: `${wards[n]!.name.replace(' ward', '')} ${PLACE_KINDS[n]!.label.toLowerCase()}`, kind: PLACE_KINDS[n]!.id, areaId: wards[n]!.id, address: '', gatheringTimes: 'Weekdays', audienceIds: [audienceRecords[n]!.id] }));
  const evidenceLinks = audienceRecords.slice(0, 300).map((audience, n) => ({ id: uuid(10, n), audienceId: audience.id, tableId: table.id, areaId: audience.areaIds[0]!, category: random.pick(categories.slice(1)).name, createdAt: T }));
  return {
    format: 'engagement-workbook',
    version: 4,
    personal: false,
    workbook: { id: uuid(0, 0), force: 'kent', title: 'Millford district engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', versionLabel: 'Draft 3', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-01', owner: 'Superintendent, Neighbourhood Policing', approver: 'Assistant Chief Constable, Local Policing', createdAt: T, modifiedAt: T },
    records: { aim: aims, objective: objectives, goodStatement: good, area: [district, ...wards], audience: audienceRecords, asset: assets, vulnerability: vulnerabilities, place: places, censusTables: [table], evidenceLinks },
  };
}
