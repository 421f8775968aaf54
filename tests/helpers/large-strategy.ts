// A large, realistic strategy workbook in the interchange format, made from a seed: a district of
// 24 wards (4 LSOAs each) with 2,000 audiences by default — about one in ten of high priority, three
// in ten medium — each with an evidence note and source, some with what officers know, a census
// table of those LSOAs and evidence links; a few aims, objectives, assets, vulnerabilities and
// places; and, when asked, as many channels, partners, community events and practices (chapter 3),
// with a few cells of the receptivity grid for each audience. Used to see that the deliverables of a
// large workbook stay readable.
import { AUDIENCE_KINDS, CHANNEL_KINDS, CHANNEL_STATUSES, ENGAGEMENT_DEPTHS, ENGAGEMENT_STATES, EVENT_STATUSES, EVIDENCE_STRENGTHS, PARTNER_RELATIONSHIPS, PARTNER_SECTORS, PLACE_KINDS, POLICE_ROLES, PRACTICE_ORIGINS, PRACTICE_OUTCOMES, RECURRENCES, VERDICTS } from '../../shared/domain/vocabularies.ts';
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
  /** Chapter 3's records: none unless asked for. */
  channels?: number;
  partners?: number;
  communityEvents?: number;
  practices?: number;
  seed?: number;
}

/** The interchange JSON of a large strategy workbook. */
export function largeStrategyJson({ audiences = 2000, channels = 0, partners = 0, communityEvents = 0, practices = 0, seed = 18 }: LargeStrategyOptions = {}) {
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
  const how = howRecords(random, wards, audienceRecords, { channels, partners, communityEvents, practices });
  return {
    format: 'engagement-workbook',
    version: 4,
    personal: false,
    workbook: { id: uuid(0, 0), force: 'kent', title: 'Millford district engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', versionLabel: 'Draft 3', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-01', owner: 'Superintendent, Neighbourhood Policing', approver: 'Assistant Chief Constable, Local Policing', createdAt: T, modifiedAt: T },
    records: { aim: aims, objective: objectives, goodStatement: good, area: [district, ...wards], audience: audienceRecords, asset: assets, vulnerability: vulnerabilities, place: places, ...how, censusTables: [table], evidenceLinks },
  };
}

type Random = ReturnType<typeof seededRandom>;

/** Chapter 3's records for a large workbook: channels, partners, events and practices, and up to three cells of the grid per audience. */
function howRecords(random: Random, wards: ReadonlyArray<{ id: string; name: string }>, audiences: ReadonlyArray<{ id: string }>, counts: Required<Pick<LargeStrategyOptions, 'channels' | 'partners' | 'communityEvents' | 'practices'>>) {
  const place = (n: number) => wards[n % wards.length]!.name.replace(' ward', '');
  const someAudiences = () => [random.pick(audiences).id, random.pick(audiences).id].filter((id, i, all) => all.indexOf(id) === i);
  const channel = Array.from({ length: counts.channels }, (_, n) => {
    const kind = random.pick(CHANNEL_KINDS).id;
    return { id: uuid(11, n), ...COMMON, name: `${place(n)} ${kind.replace('-', ' ')} (${n + 1})`, kind, platform: kind === 'social-media' ? 'facebook' : null, status: random.pick(CHANNEL_STATUSES).id, owner: '', reach: random.next() < 0.6 ? random.int(50, 20000) : null, reachMeasure: 'Subscribers or followers, 2026', cost: random.pick(['Free', '£300 a year', 'Officer time']) };
  });
  const partner = Array.from({ length: counts.partners }, (_, n) => ({ id: uuid(12, n), ...COMMON, organisation: `${place(n)} ${random.pick(['Trust', 'Forum', 'Association', 'Partnership'])} (${n + 1})`, sector: random.pick(PARTNER_SECTORS).id, contactName: '', contactRole: 'Coordinator', phone: '', email: '', relationship: random.pick(PARTNER_RELATIONSHIPS).id, lastContact: '2026-07-01', whatTheyBring: 'A venue, volunteers and a way in to people we rarely meet.', audienceIds: audiences.length > 0 ? someAudiences() : [] }));
  const communityEvent = Array.from({ length: counts.communityEvents }, (_, n) => ({ id: uuid(13, n), ...COMMON, name: `${place(n)} ${random.pick(['fun day', 'fair', 'coffee morning', 'festival'])} (${n + 1})`, organiserAssetId: null, organiserPartnerId: partner.length > 0 ? random.pick(partner).id : null, recurrence: random.pick(RECURRENCES).id, nextDate: '2027-06-01', placeId: null, location: `${place(n)} recreation ground`, policeRole: random.pick(POLICE_ROLES).id, status: random.pick(EVENT_STATUSES).id, owner: '', audienceIds: audiences.length > 0 ? someAudiences() : [] }));
  const practice = Array.from({ length: counts.practices }, (_, n) => ({ id: uuid(14, n), ...COMMON, title: `${random.pick(['Pop-up surgery', 'Street briefing', 'Youth forum', 'Coffee morning', 'Online Q&A'])} in ${place(n)} (${n + 1})`, description: 'Held monthly for a year with a partner.', audienceKinds: [random.pick(AUDIENCE_KINDS).id], channelKinds: [random.pick(CHANNEL_KINDS).id], depth: random.pick(ENGAGEMENT_DEPTHS).id, origin: random.pick(PRACTICE_ORIGINS.filter((o) => o.id !== 'partner' && o.id !== 'other-force')).id, originForce: null, originPartnerId: null, year: random.int(2015, 2026), outcome: random.pick(PRACTICE_OUTCOMES).id, outcomeNote: 'Attendance rose over the year.', evidenceStrength: random.pick(EVIDENCE_STRENGTHS).id, verdict: random.pick(VERDICTS).id }));
  const cells = new Map<string, { audienceId: string; channelId: string; value: string; note: string }>();
  if (channel.length > 0) {
    for (const audience of audiences) {
      for (let i = 0; i < 3; i += 1) {
        const channelId = random.pick(channel).id;
        cells.set(`${audience.id}|${channelId}`, { audienceId: audience.id, channelId, value: random.pick(['yes', 'partly', 'no']), note: random.next() < 0.1 ? 'From the 2026 neighbourhood survey.' : '' });
      }
    }
  }
  return { channel, partner, communityEvent, practice, receptivity: [...cells.values()] };
}
