// `ewb gaps` as a user runs it: a workbook made with `ewb new --from` an interchange file written
// here, its gaps as JSON and as a readable list, exit 0 even with gaps, and the file untouched.
import { INTERCHANGE_VERSION } from '../../shared/api/interchange.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';
import { sha } from '../helpers/file-sha.ts';

/** Today as the CLI's own clock will see it, and a date long past. */
const TODAY = new Date().toISOString().slice(0, 10);
const LONG_AGO = '2020-01-15';
const STAMP = '2026-11-25T09:00:00.000Z';

const ID = {
  aim: 'a1000000-0000-4000-8000-000000000001',
  measured: 'a2000000-0000-4000-8000-000000000001',
  vague: 'a2000000-0000-4000-8000-000000000002',
  good: 'a3000000-0000-4000-8000-000000000001',
  ward: 'b1000000-0000-4000-8000-000000000001',
  bearsted: 'b1000000-0000-4000-8000-000000000002',
  youngPeople: 'c1000000-0000-4000-8000-000000000001',
  traders: 'c1000000-0000-4000-8000-000000000002',
  club: 'd1000000-0000-4000-8000-000000000001',
  northgate: 'e1000000-0000-4000-8000-000000000001',
  leisure: 'f1000000-0000-4000-8000-000000000001',
  alert: 'f2000000-0000-4000-8000-000000000001',
  council: 'f3000000-0000-4000-8000-000000000001',
  funDay: 'f4000000-0000-4000-8000-000000000001',
  patrols: 'f5000000-0000-4000-8000-000000000001',
  drop: 'f6000000-0000-4000-8000-000000000001',
  vagueMessage: 'f6000000-0000-4000-8000-000000000002',
  mill: 'f7000000-0000-4000-8000-000000000001',
  stall: 'f8000000-0000-4000-8000-000000000001',
};

const ALL_PASS = Object.fromEntries(['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'].map((id) => [id, { pass: true, note: '' }]));

/** What every record in the file carries besides its own fields. */
function common(id: string, reviewedAt: string | null = TODAY) {
  return { id, createdAt: STAMP, updatedAt: STAMP, reviewedAt, shareable: true, notes: '' };
}

/** A workbook in the interchange format, with ten gaps in nine sections. */
function riversideInterchange() {
  return {
    format: 'engagement-workbook',
    version: INTERCHANGE_VERSION,
    personal: false,
    workbook: {
      id: '99999999-0000-4000-8000-000000000001',
      force: 'kent',
      title: 'Riverside community engagement 2027–2030',
      periodStart: '2027-04-01',
      periodEnd: '2030-03-31',
      versionLabel: 'Draft 1',
      marking: 'OFFICIAL-SENSITIVE',
      reviewDate: '2027-10-01',
      createdAt: STAMP,
      modifiedAt: STAMP,
    },
    records: {
      aim: [{ ...common(ID.aim), title: 'Build trust and confidence among young people', description: '' }],
      objective: [
        { ...common(ID.measured), title: 'Raise confidence in local policing among 16–24s', aimId: ID.aim, measure: 'Kent neighbourhood survey, 16–24s', baseline: '48%', target: '60%', targetDate: '2028-03-31' },
        { ...common(ID.vague), title: 'Be more visible to young people', aimId: ID.aim, measure: '', baseline: '', target: '', targetDate: null },
      ],
      goodStatement: [{ ...common(ID.good), statement: 'Every secondary school has a schools officer pupils know by name' }],
      area: [
        { ...common(ID.ward), name: 'Riverside ward', onsCode: 'E05009317', onsLevel: 'ward', parentId: null, lsoaCodes: ['E01024133', 'E01024134'] },
        { ...common(ID.bearsted), name: 'Bearsted ward', onsCode: '', onsLevel: 'ward', parentId: null, lsoaCodes: [] },
      ],
      audience: [
        {
          ...common(ID.youngPeople),
          name: 'Young people in Riverside ward',
          kind: 'young-people',
          sizeEstimate: 1850,
          sizeEvidence: 'Census 2021, ages 16–24',
          evidenceNote: '1,850 residents aged 16–24; anti-social behaviour reports peak on Friday evenings.',
          evidenceSource: 'ONS Census 2021, table TS007A',
          engagementState: 'hard-to-reach',
          priority: 'high',
          whatWeKnow: '',
          areaIds: [ID.ward],
        },
        {
          ...common(ID.traders),
          name: 'Market traders',
          kind: 'businesses',
          sizeEstimate: null,
          sizeEvidence: '',
          evidenceNote: '',
          evidenceSource: '',
          engagementState: 'receptive',
          priority: 'medium',
          whatWeKnow: '',
          areaIds: [],
        },
      ],
      asset: [{ ...common(ID.club, LONG_AGO), kind: 'group', name: 'Riverside Youth Football Club', role: '', relationship: 'active', lastContact: '2019-11-02', audienceIds: [ID.youngPeople], areaIds: [ID.ward] }],
      vulnerability: [{ ...common(ID.northgate), name: 'Older residents of Northgate estate', kind: 'group', barriers: ['digital-exclusion'], whyItMatters: '', priority: 'high', responseNote: '', audienceIds: [], areaIds: [] }],
      place: [{ ...common(ID.leisure), name: 'Riverside Leisure Centre', kind: 'leisure-centre', areaId: ID.ward, address: 'Mill Lane, Maidstone', gatheringTimes: 'Weekday evenings', audienceIds: [ID.youngPeople] }],
      channel: [{ ...common(ID.alert), name: 'Riverside Neighbourhood Alert', kind: 'community-messaging', platform: null, status: 'have', reach: 2140, reachMeasure: 'Subscribers, November 2026', cost: 'Free' }],
      partner: [{ ...common(ID.council), organisation: 'Maidstone Borough Council', sector: 'local-authority', contactRole: 'Community Safety Manager', relationship: 'active', lastContact: '2026-10-30', whatTheyBring: 'CCTV and the youth van', audienceIds: [] }],
      communityEvent: [{ ...common(ID.funDay), name: 'Riverside summer fun day', organiserAssetId: null, organiserPartnerId: ID.council, recurrence: 'yearly', nextDate: '2027-07-17', placeId: ID.leisure, location: '', policeRole: 'stall', status: 'planned', audienceIds: [ID.youngPeople] }],
      practice: [{ ...common(ID.patrols), title: 'Detached patrols with youth workers', description: '', audienceKinds: ['young-people'], channelKinds: ['patrol'], depth: 'involve', origin: 'other-force', originForce: 'essex', originPartnerId: null, year: 2024, outcome: 'improved', outcomeNote: '', evidenceStrength: 'monitored', verdict: 'adapt', originWorkbook: '' }],
      message: [
        { ...common(ID.drop), text: 'Your PCSOs hold a drop-in at Riverside Leisure Centre every Friday, 4 till 6.', textWelsh: '', status: 'live', frequency: 'weekly', lastUsed: null, qualityCheck: ALL_PASS, objectiveIds: [ID.measured], audienceIds: [ID.youngPeople, ID.traders], channelIds: [ID.alert] },
        { ...common(ID.vagueMessage), text: 'We are here for you.', textWelsh: 'Rydyn ni yma i chi.', status: 'draft', frequency: null, lastUsed: null, qualityCheck: ALL_PASS, objectiveIds: [], audienceIds: [], channelIds: [] },
      ],
      priority: [{ ...common(ID.mill), concern: 'Cars race along Mill Road at night.', areaId: ID.ward, raisedOn: '2026-09-14', raisedHow: 'meeting', audienceId: ID.traders, response: 'Speed checks with Community Speedwatch.', feedback: '', feedbackOn: null, status: 'done' }],
      activity: [{ ...common(ID.stall), title: 'Stall at the summer fun day', description: '', depth: 'inform', recurrence: 'one-off', startDate: '2027-07-17', endDate: null, status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', audienceIds: [ID.youngPeople], channelIds: [], partnerIds: [ID.council], placeIds: [ID.leisure], eventIds: [ID.funDay], messageIds: [ID.drop], priorityIds: [], vulnerabilityIds: [], objectiveIds: [ID.measured] }],
      receptivity: [{ audienceId: ID.youngPeople, channelId: ID.alert, value: 'yes', note: 'Youth forum survey, 2026' }],
      sectionCompletions: [{ section: 'aims', completedAt: STAMP }],
    },
  };
}

const EXPECTED_GAPS = [
  { section: 'aims', rule: 'objective-no-measure', recordId: ID.vague, message: 'Objective “Be more visible to young people” has no measure: say how you will know it has been met.' },
  { section: 'aims', rule: 'objective-no-date', recordId: ID.vague, message: 'Objective “Be more visible to young people” has no date: say by when it should be met.' },
  { section: 'areas', rule: 'area-no-asset', recordId: ID.bearsted, message: 'Area “Bearsted ward” has no asset: no supportive person, group or gathering place is recorded there.' },
  { section: 'audiences', rule: 'audience-no-evidence', recordId: ID.traders, message: 'Audience “Market traders” has no evidence: link it to a census figure or a crime trend, or note what backs up who they are and how many, with its source.' },
  { section: 'assets', rule: 'not-reviewed', recordId: ID.club, message: `Asset “Riverside Youth Football Club” has not been reviewed since 15 January 2020.` },
  { section: 'vulnerabilities', rule: 'vulnerability-no-response', recordId: ID.northgate, message: 'Vulnerability “Older residents of Northgate estate” has no planned response: say what you will do about it, or link an activity of the action plan to it.' },
  { section: 'receptivity', rule: 'audience-no-channel', recordId: ID.traders, message: 'Audience “Market traders” is a priority audience but no channel is marked yes for it: say in the grid which channels reach them, or plan one that will.' },
  { section: 'partners', rule: 'audience-no-partner', recordId: ID.traders, message: 'Audience “Market traders” is a priority audience that no partner or asset reaches: record who could help you reach them.' },
  { section: 'messages', rule: 'message-no-objective', recordId: ID.vagueMessage, message: 'Message “We are here for you.” serves no objective: link it to the objectives it serves, or ask whether it is needed.' },
  { section: 'priorities', rule: 'priority-not-fed-back', recordId: ID.mill, message: 'Community priority “Cars race along Mill Road at night.” is done but not fed back: tell the community what was done, then mark it fed back.' },
];

/** Writes `doc` and makes a workbook from it with `ewb new --from`. */
function workbookFrom(doc: unknown, name = 'riverside'): string {
  const dir = tempDir();
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(json, JSON.stringify(doc, null, 2));
  const file = path.join(dir, `${name}.ewb`);
  const made = ewb(['new', file, '--from', json]);
  expect(made.code, made.err).toBe(0);
  return file;
}

describe('ewb gaps', () => {
  it('--json prints every gap as { section, rule, recordId, message }, and exits 0', () => {
    const file = workbookFrom(riversideInterchange());
    const result = ewb(['gaps', file, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toBe('');
    const gaps = JSON.parse(result.out) as Array<Record<string, unknown>>;
    expect(gaps).toEqual(EXPECTED_GAPS);
    for (const gap of gaps) expect(Object.keys(gap)).toEqual(['section', 'rule', 'recordId', 'message']);
  });

  it('without --json prints the gaps grouped by section, in the worksheets’ order, with a count', () => {
    const file = workbookFrom(riversideInterchange());
    const result = ewb(['gaps', file]);
    expect(result.code, result.err).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    const headings = lines.filter((line) => /^\S.*\(\d+\)$/.test(line));
    expect(headings).toEqual(['Aims and objectives (2)', 'Areas (1)', 'Audiences (1)', 'Assets (1)', 'Vulnerabilities (1)', 'Who listens where (1)', 'Partners (1)', 'Messages (1)', 'You said, we did (1)']);
    for (const gap of EXPECTED_GAPS) expect(result.out).toContain(gap.message);
    // Each gap sits under its own section's heading.
    const under = (message: string) => {
      const at = lines.findIndex((line) => line.includes(message));
      return [...lines.slice(0, at)].reverse().find((line) => headings.includes(line));
    };
    expect(under('Bearsted ward')).toBe('Areas (1)');
    expect(under('Riverside Youth Football Club')).toBe('Assets (1)');
    expect(under('has no date')).toBe('Aims and objectives (2)');
    expect(under('no channel is marked yes')).toBe('Who listens where (1)');
    expect(lines.at(-1)).toBe('10 gaps in 9 sections.');
    expect(result.out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('says "No gaps found." for a workbook with none, and --json prints []', () => {
    const doc = riversideInterchange();
    doc.records.objective = doc.records.objective.filter((o) => o.id !== ID.vague);
    doc.records.audience = doc.records.audience.filter((a) => a.id !== ID.traders);
    doc.records.vulnerability = [];
    const loose = doc.records as Record<string, Array<Record<string, unknown>>>;
    loose.message = doc.records.message.filter((m) => m.id !== ID.vagueMessage).map((m) => ({ ...m, audienceIds: [ID.youngPeople] }));
    loose.priority = doc.records.priority.map((p) => ({ ...p, audienceId: null, status: 'fed-back', feedback: 'Told the traders’ meeting: 42 drivers stopped.', feedbackOn: '2026-11-20' }));
    doc.records.area = doc.records.area.filter((a) => a.id !== ID.bearsted);
    doc.records.asset = doc.records.asset.map((a) => ({ ...a, reviewedAt: TODAY }));
    const file = workbookFrom(doc, 'complete');
    const text = ewb(['gaps', file]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toBe('No gaps found.\n');
    const json = ewb(['gaps', file, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual([]);

    const blank = path.join(tempDir(), 'blank.ewb');
    expect(ewb(['new', blank, '--force', 'Kent Police', '--title', 'Blank']).code).toBe(0);
    expect(ewb(['gaps', blank]).out).toBe('No gaps found.\n');
  });

  it('reads the workbook made from the interchange file exactly as written, and a dump gives the records back', () => {
    const doc = riversideInterchange();
    const file = workbookFrom(doc);
    const out = path.join(path.dirname(file), 'back.json');
    expect(ewb(['dump', file, out]).code).toBe(0);
    const back = JSON.parse(fs.readFileSync(out, 'utf8')) as ReturnType<typeof riversideInterchange>;
    expect(back.version).toBe(INTERCHANGE_VERSION);
    expect(back.records.area).toEqual(doc.records.area);
    expect(back.records.audience).toEqual(doc.records.audience.map((a) => ({ ...a })));
    expect(back.records.sectionCompletions).toEqual(doc.records.sectionCompletions);
    expect(back.records.receptivity).toEqual(doc.records.receptivity);
    expect(back.records.practice).toEqual(doc.records.practice);
    const info = JSON.parse(ewb(['info', file, '--json']).out) as { counts: Record<string, number> };
    expect(info.counts).toMatchObject({ aim: 1, objective: 2, goodStatement: 1, area: 2, audience: 2, asset: 1, vulnerability: 1, place: 1, channel: 1, partner: 1, communityEvent: 1, practice: 1 });
  });

  it('is read-only: works while someone else has the workbook open, takes no lock and leaves the file byte for byte', () => {
    const file = workbookFrom(riversideInterchange());
    const dir = path.dirname(file);
    const lock = path.join(dir, '~$riverside.ewb.lock');
    fs.writeFileSync(lock, JSON.stringify({ app: 'engagement-workbook', user: 'colleague', host: 'another-pc', pid: 4242, since: STAMP }));
    const before = sha(file);
    const lockBefore = fs.readFileSync(lock, 'utf8');
    const result = ewb(['gaps', file, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toHaveLength(EXPECTED_GAPS.length);
    expect(sha(file)).toBe(before);
    expect(fs.readFileSync(lock, 'utf8')).toBe(lockBefore);
    expect(fs.readdirSync(dir).sort()).toEqual(['riverside.ewb', 'riverside.json', '~$riverside.ewb.lock']);
  });

  it('refuses a missing or bad file with one error line (exit 1), and a missing argument as usage (exit 2)', () => {
    const dir = tempDir();
    const missing = ewb(['gaps', path.join(dir, 'nowhere.ewb')]);
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/^error: /);
    expect(missing.out).toBe('');
    const text = path.join(dir, 'notes.ewb');
    fs.writeFileSync(text, 'This is not a workbook.\n');
    const bad = ewb(['gaps', text, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: .*text file/);
    expect(bad.err).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect(ewb(['gaps']).code).toBe(2);
    expect(ewb(['--help']).out).toContain('gaps');
  });
});
