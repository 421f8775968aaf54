// A realistic small workbook of every record type around Riverside ward, linked as a planner would
// link them and with personal data in it, made through the core's boundary: for the record tests.
import type { AppCore } from '../../electron/core/create-app-core.ts';
import { create } from './record-calls.ts';

/** A realistic small workbook of every record type, linked as a planner would link them. */
export async function riverside(core: AppCore, handle: string) {
  const aim = await create(core, handle, 'aim', { title: 'Build trust and confidence in policing among young people', description: 'The 2026 survey showed confidence among 16–24s at 48%, against 71% across Kent.' });
  const objective = await create(core, handle, 'objective', {
    title: 'Raise young people’s confidence in local policing in Riverside ward',
    aimId: aim.id,
    measure: 'Confidence in local policing, Kent neighbourhood survey (16–24s)',
    baseline: '48% (2026)',
    target: '60%',
    targetDate: '2028-03-31',
    owner: 'Insp. Sarah Collins',
  });
  const good = await create(core, handle, 'goodStatement', { statement: 'Every secondary school in Riverside has a named schools officer young people know by name' });
  const district = await create(core, handle, 'area', { name: 'Maidstone district', onsCode: 'E07000110', onsLevel: 'la' });
  const ward = await create(core, handle, 'area', { name: 'Riverside ward', onsCode: 'E05009317', onsLevel: 'ward', parentId: district.id, lsoaCodes: ['E01024133', 'E01024134'] });
  const audience = await create(core, handle, 'audience', {
    name: 'Young people in Riverside ward',
    kind: 'young-people',
    sizeEstimate: 1850,
    sizeEvidence: 'Census 2021, ages 16–24, ward total',
    evidenceNote: '1,850 residents aged 16–24; anti-social behaviour reports peak on Friday evenings.',
    evidenceSource: 'ONS Census 2021, table TS007A, published 2022',
    engagementState: 'hard-to-reach',
    priority: 'high',
    whatWeKnow: 'Gather at the skate park and the leisure centre after school.',
    owner: 'PC Tom Reid',
    areaIds: [ward.id],
  });
  const asset = await create(core, handle, 'asset', {
    kind: 'individual',
    name: 'Youth worker, Riverside Youth Club',
    role: 'Detached youth worker',
    personName: 'Jordan Mensah',
    phone: '01632 960481',
    email: 'j.mensah@example.org.uk',
    specialCategoryNote: '',
    relationship: 'active',
    lastContact: '2026-10-14',
    audienceIds: [audience.id],
    areaIds: [ward.id],
  });
  const vulnerability = await create(core, handle, 'vulnerability', {
    name: 'Young people who distrust the police after stop and search',
    kind: 'group',
    barriers: ['trust', 'past-experience'],
    whyItMatters: 'They are most at risk of exploitation and least likely to report it.',
    priority: 'high',
    responseNote: 'Monthly drop-in at the youth club with the youth worker, no uniform.',
    audienceIds: [audience.id],
    areaIds: [ward.id],
  });
  const place = await create(core, handle, 'place', {
    name: 'Riverside Leisure Centre',
    kind: 'leisure-centre',
    areaId: ward.id,
    address: 'Mill Lane, Maidstone ME14 1AA',
    gatheringTimes: 'Weekday evenings 4–8pm; Saturday mornings',
    audienceIds: [audience.id],
  });
  const channel = await create(core, handle, 'channel', {
    name: 'Riverside Neighbourhood Alert',
    kind: 'community-messaging',
    status: 'have',
    owner: 'PS Dana Okafor',
    reach: 2140,
    reachMeasure: 'Subscribers on 1 November 2026',
    cost: 'Free (force licence)',
  });
  const partner = await create(core, handle, 'partner', {
    organisation: 'Maidstone Borough Council community safety team',
    sector: 'local-authority',
    contactName: 'Priya Shah',
    contactRole: 'Community Safety Manager',
    phone: '01632 960112',
    email: 'p.shah@example.gov.uk',
    relationship: 'active',
    lastContact: '2026-10-30',
    whatTheyBring: 'CCTV data, the youth outreach van, rooms at the Hub',
    audienceIds: [audience.id],
  });
  const communityEvent = await create(core, handle, 'communityEvent', {
    name: 'Riverside summer fun day',
    organiserPartnerId: partner.id,
    recurrence: 'yearly',
    nextDate: '2027-07-17',
    placeId: place.id,
    policeRole: 'stall',
    status: 'planned',
    owner: 'PC Tom Reid',
    audienceIds: [audience.id],
  });
  const practice = await create(core, handle, 'practice', {
    title: 'Detached patrols with youth workers at the skate park',
    description: 'A PCSO walked with the detached youth workers on Friday evenings for ten weeks.',
    audienceKinds: ['young-people'],
    channelKinds: ['patrol'],
    depth: 'involve',
    origin: 'other-force',
    originForce: 'essex',
    year: 2024,
    outcome: 'improved',
    outcomeNote: 'ASB calls down a third over the summer; young people asked for it to continue.',
    evidenceStrength: 'monitored',
    verdict: 'adapt',
  });
  const message = await create(core, handle, 'message', {
    text: 'Your PCSOs hold a drop-in at Riverside Leisure Centre every Friday, 4 till 6: come and tell us what would make the skate park feel safer.',
    textWelsh: 'Mae eich SCCH yn cynnal sesiwn galw heibio yng Nghanolfan Hamdden Glan yr Afon bob dydd Gwener, 4 tan 6.',
    status: 'approved',
    frequency: 'weekly',
    lastUsed: '2026-11-13',
    owner: 'PC Tom Reid',
    qualityCheck: {
      consistent: { pass: true, note: 'Serves the confidence objective' },
      appropriate: { pass: true, note: '' },
      challenging: { pass: false, note: 'Commits us to nothing we would not do anyway' },
      tailored: { pass: true, note: 'Written with the youth forum' },
      specific: { pass: true, note: 'Place, day and time' },
      interesting: { pass: null, note: '' },
    },
    objectiveIds: [objective.id],
    audienceIds: [audience.id],
    channelIds: [channel.id],
  });
  const priority = await create(core, handle, 'priority', {
    concern: 'Motorbikes ride through the skate park at night and younger children are scared to use it.',
    areaId: ward.id,
    raisedOn: '2026-10-02',
    raisedHow: 'meeting',
    audienceId: audience.id,
    response: 'Joint evening patrols with the council wardens for six weeks; the council to fit a barrier at the Mill Lane entrance.',
    status: 'in-hand',
  });
  const activity = await create(core, handle, 'activity', {
    title: 'Friday drop-in at Riverside Leisure Centre',
    description: 'Two PCSOs and the detached youth worker, no uniform jackets, tea and a games console.',
    depth: 'involve',
    recurrence: 'weekly',
    startDate: '2027-01-08',
    endDate: '2027-07-30',
    owner: 'PS Dana Okafor',
    status: 'planned',
    flagship: true,
    pilotPlan: 'Run at Riverside for twelve weeks; count visits and ask at the youth forum.',
    rolloutPlan: 'If visits hold above ten a week, take it to Shepway and Park Wood in the autumn.',
    audienceIds: [audience.id],
    channelIds: [channel.id],
    partnerIds: [partner.id],
    placeIds: [place.id],
    eventIds: [communityEvent.id],
    messageIds: [message.id],
    priorityIds: [priority.id],
    vulnerabilityIds: [vulnerability.id],
    objectiveIds: [objective.id],
  });
  const hallmarkRating = await create(core, handle, 'hallmarkRating', { hallmark: 'network', rating: 3, evidence: 'Contacts in every ward but two; half not spoken to since the spring.' });
  const reviewEntry = await create(core, handle, 'reviewEntry', { reviewedOn: '2026-11-20', reviewer: 'PS 1234 Jane Doe', summary: 'Youth audiences reached; older residents still hard to reach.', decisions: 'Add a coffee morning at the library.' });
  return { aim, objective, good, district, ward, audience, asset, vulnerability, place, channel, partner, communityEvent, practice, message, priority, activity, hallmarkRating, reviewEntry };
}
