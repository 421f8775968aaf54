// The worked example: a fictional neighbourhood strategy in one of the real forces, shipped as an
// interchange file and opened as a new copy. Every worksheet record type has at least three records
// (a record type added later fails here until the example has three of it), it holds a census table
// of clearly illustrative figures with evidence links, its people and contact details are made up,
// and — whenever it is opened, its dates moved to suit the day — its only gaps are the two it
// shows on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterchangeSchema, INTERCHANGE_VERSION } from '../../../shared/api/interchange.ts';
import type { Gap } from '../../../shared/api/records.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { FORCES } from '../../../shared/domain/forces.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields } from '../../../shared/domain/record-types.ts';
import { monthsSince, shiftDate, shiftMonths, workedExample, yearsToShift } from '../../../electron/core/workbook/worked-example.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';

const FILE = path.resolve('resources/examples/worked-example.json');
const example = InterchangeSchema.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
const records = example.records as unknown as Record<string, Array<Record<string, unknown>>>;
const idOf = (type: string, field: string, value: string) => records[type]!.find((r) => r[field] === value)!.id as string;

/** The gaps the example shows on purpose: one objective without a date, and one group no audience reaches. */
const ON_PURPOSE = [
  { rule: 'objective-no-date', recordId: idOf('objective', 'title', 'Publish “You said, we did” after every listening session') },
  { rule: 'who-is-missing', recordId: idOf('area', 'name', 'Canalside'), message: /^In Canalside, 6\.5 % of residents are “Black, Black British, Black Welsh, Caribbean or African”/ },
];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe('the worked example file', () => {
  it('is the only file under resources/ named as an example, in the current interchange format', () => {
    expect(filesUnder(path.resolve('resources')).filter((file) => /example/i.test(path.basename(file))).map((file) => path.relative(process.cwd(), file))).toEqual([path.join('resources', 'examples', 'worked-example.json')]);
    expect(example.version).toBe(INTERCHANGE_VERSION);
  });

  it('is a strategy of one of the real forces, with at least three records of every worksheet record type', () => {
    expect(FORCES.map((force) => force.id)).toContain(example.workbook.force);
    for (const type of RECORD_TYPE_NAMES) expect(records[type]?.length ?? 0, `${RECORD_TYPES[type].plural} in the worked example`).toBeGreaterThanOrEqual(3);
  });

  it('holds a census table of clearly illustrative figures, with audiences citing it', () => {
    expect(example.records.censusTables.length).toBeGreaterThan(0);
    for (const table of example.records.censusTables) {
      expect(`${table.title} ${table.source}`).toMatch(/illustrative/i);
      expect(table.source).toMatch(/not ONS data/);
    }
    expect(example.records.evidenceLinks.length).toBeGreaterThanOrEqual(3);
    // The LSOA codes are made up, from a range no real LSOA uses.
    for (const area of records.area!) for (const code of area.lsoaCodes as string[]) expect(code).toMatch(/^E01099\d{3}$/);
  });

  it('fills in the receptivity grid, with the evidence noted, for every audience', () => {
    const audiences = new Set(records.audience!.map((audience) => audience.id));
    const channels = new Set(records.channel!.map((channel) => channel.id));
    for (const cell of example.records.receptivity) {
      expect(audiences.has(cell.audienceId) && channels.has(cell.channelId)).toBe(true);
    }
    expect(new Set(example.records.receptivity.map((cell) => cell.audienceId))).toEqual(audiences);
    expect(new Set(example.records.receptivity.map((cell) => cell.value))).toEqual(new Set(['yes', 'partly', 'no', 'unknown']));
    expect(example.records.receptivity.filter((cell) => cell.note !== '').length).toBeGreaterThanOrEqual(example.records.receptivity.length / 2);
  });

  it('names only made-up people, with phone numbers and email addresses reserved for examples', () => {
    const contacts = [...records.asset!, ...records.partner!];
    const phones = contacts.map((contact) => String(contact.phone ?? '')).filter(Boolean);
    const emails = contacts.map((contact) => String(contact.email ?? '')).filter(Boolean);
    expect(phones.length).toBeGreaterThan(records.asset!.filter((asset) => asset.phone).length);
    // Ofcom's numbers for drama: 01632 960000–960999 and 07700 900000–900999.
    for (const phone of phones) expect(phone).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
    // example.org and its subdomains are reserved for examples (RFC 2606).
    for (const email of emails) expect(email).toMatch(/@([a-z-]+\.)*example\.org$/);
    for (const asset of records.asset!.filter((a) => a.personName)) expect(String(asset.notes)).toMatch(/made up/);
    for (const partner of records.partner!.filter((p) => p.contactName)) expect(String(partner.notes)).toMatch(/made up/);
    // Every personal field holds a post, not a name, except the individuals' and partners' contacts.
    for (const type of ['objective', 'audience', 'channel', 'communityEvent'] as const) for (const record of records[type]!) for (const field of personalFields(type)) expect(String(record[field] ?? '')).not.toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });
});

describe('opening the worked example', () => {
  for (const today of ['2026-03-10T09:00:00.000Z', '2027-01-15T09:00:00.000Z', '2031-11-30T18:00:00.000Z']) {
    it(`on ${today.slice(0, 10)}: a new copy, its dates made current, its only gaps the two it shows on purpose`, async () => {
      const clock = () => new Date(today);
      const core = testCore({ clock });
      const dir = tempDir();
      const file = path.join(dir, 'Worked example.ewb');
      const info = await expectOk<WorkbookInfo>(core, 'createWorkedExample', { path: file });
      expect(info.readOnly).toBe(false);
      expect(info.meta.id).not.toBe(example.workbook.id);
      expect(info.meta.title).toBe(example.workbook.title);
      // The period moves by whole years: it still starts on 1 April, and the last change is not in the future.
      const years = yearsToShift(clock());
      expect(info.meta.periodStart).toBe(`${2026 + years}-04-01`);
      expect(Date.parse(info.meta.modifiedAt)).toBeLessThanOrEqual(clock().getTime());
      for (const type of RECORD_TYPE_NAMES) expect(info.counts[type], type).toBe(records[type]!.length);
      const gaps = await expectOk<Gap[]>(core, 'listGaps', { handle: info.handle });
      expect(gaps.map((gap) => ({ rule: gap.rule, recordId: gap.recordId }))).toEqual(ON_PURPOSE.map(({ rule, recordId }) => ({ rule, recordId })));
      expect(gaps[1]?.message).toMatch(ON_PURPOSE[1]!.message!);
      // Nothing else was left in the folder.
      expect(fs.readdirSync(dir).filter((name) => !name.startsWith('~$'))).toEqual(['Worked example.ewb']);
      core.closeAll();
    });
  }

  it('moves the last contacts on by whole months, so the newest is within a month of today and none is in the future', () => {
    expect(shiftMonths('2026-02-27', 8)).toBe('2026-10-27');
    expect(shiftMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonths('2025-11-05', 14)).toBe('2027-01-05');
    expect(shiftMonths('Friday prayers', 3)).toBe('Friday prayers');
    expect(monthsSince('2026-03-02T16:00:00.000Z', new Date('2026-03-02T15:00:00.000Z'))).toBe(0);
    expect(monthsSince('2026-03-02T16:00:00.000Z', new Date('2026-11-02T15:59:59.000Z'))).toBe(7);
    expect(monthsSince('2026-03-02T16:00:00.000Z', new Date('2026-11-29T09:00:00.000Z'))).toBe(8);
    const written = example.records.asset.concat(example.records.partner as never[]).map((r: { lastContact?: string | null }) => r.lastContact).filter((d): d is string => typeof d === 'string');
    for (const today of ['2026-03-10T09:00:00.000Z', '2026-11-29T09:00:00.000Z', '2027-01-15T09:00:00.000Z', '2031-08-31T18:00:00.000Z']) {
      const now = new Date(today);
      const shifted = workedExample(now) as { records: { asset: Array<{ lastContact: string | null }>; partner: Array<{ lastContact: string | null }> } };
      const contacts = [...shifted.records.asset, ...shifted.records.partner].map((r) => r.lastContact).filter((d): d is string => typeof d === 'string').sort();
      expect(contacts).toHaveLength(written.length);
      const newest = contacts.at(-1)!;
      expect(newest <= today.slice(0, 10), today).toBe(true);
      expect(Date.parse(today) - Date.parse(newest), today).toBeLessThan(45 * 86_400_000);
    }
  });

  it('is never written over an existing file', async () => {
    const core = testCore({ clock: () => new Date('2026-06-01T09:00:00.000Z') });
    const file = path.join(tempDir(), 'Taken.ewb');
    fs.writeFileSync(file, 'something else');
    const result = await core.call('createWorkedExample', { path: file });
    expect(result.ok).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('something else');
  });

  it('moves dates and moments by whole years, 29 February to the 28th in a year without one, and nothing else', () => {
    expect(shiftDate('2026-04-01', 3)).toBe('2029-04-01');
    expect(shiftDate('2026-03-02T16:00:00.000Z', 1)).toBe('2027-03-02T16:00:00.000Z');
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDate('2024-02-29T12:00:00.000Z', 4)).toBe('2028-02-29T12:00:00.000Z');
    for (const other of ['2021', 'E01099101', 'Friday prayers 1.15pm', '31/03/2027']) expect(shiftDate(other, 2)).toBe(other);
    const shifted = workedExample(new Date('2027-06-01T00:00:00Z')) as { workbook: { periodStart: string; reviewDate: string } };
    expect(shifted.workbook).toMatchObject({ periodStart: '2027-04-01', reviewDate: '2028-03-31' });
    // The years its prose names move with it; the census's 2021 and ids do not.
    const story = shifted as unknown as { records: { activity: Array<{ flagship: boolean; pilotPlan: string }>; audience: Array<{ evidenceSource: string }>; censusTables: Array<{ referenceDate: string; source: string }> } };
    expect(story.records.activity.find((a) => a.flagship)!.pilotPlan).toBe('Foundry Fields and Oakmere from April to June 2027: count who comes, and whether what they raise is acted on within a month.');
    expect(story.records.audience.map((a) => a.evidenceSource)).toContain('Neighbourhood survey 2026');
    expect(story.records.censusTables[0]).toMatchObject({ referenceDate: '2021', source: expect.stringContaining('ONS Census 2021') });
    const ids = (doc: unknown) => JSON.stringify(doc).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g);
    expect(ids(shifted)).toEqual(ids(example));
  });
});
