// `ewb assess` and `ewb roll-forward` as a user runs them: the assessment's JSON shape and figures
// for a workbook of known content (the CLI's own clock: contacts are dated relative to today), and
// a roll forward that leaves the old file's bytes unchanged and the new one with the same records.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb } from '../helpers/cli-in-child.ts';

const STAMP = '2026-11-25T09:00:00.000Z';
const config = tempDir('ewb-cli-config-');

function ewb(args: string[]) {
  return runEwb(args, { configDir: config });
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const common = (id: string) => ({ id, createdAt: STAMP, updatedAt: STAMP, reviewedAt: null, shareable: true, notes: '' });
const ID = { young: 'c1000000-0000-4000-8000-000000000001', older: 'c1000000-0000-4000-8000-000000000002', club: 'd1000000-0000-4000-8000-000000000001', nhs: 'f3000000-0000-4000-8000-000000000001', rating: 'a9000000-0000-4000-8000-000000000001' };

function workbookFile(dir: string): string {
  const json = path.join(dir, 'in.json');
  const audience = (id: string, name: string) => ({ ...common(id), name, kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'receptive', priority: 'high', whatWeKnow: '', areaIds: [] });
  fs.writeFileSync(json, JSON.stringify({
    format: 'engagement-workbook',
    version: 9,
    personal: false,
    workbook: { id: '99999999-0000-4000-8000-000000000001', force: 'kent', title: 'Riverside 2027–2030', periodStart: '2027-04-01', periodEnd: '2030-03-31', versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: STAMP, modifiedAt: STAMP },
    records: {
      audience: [audience(ID.young, 'Young people'), audience(ID.older, 'Older residents')],
      asset: [{ ...common(ID.club), kind: 'group', name: 'Youth club', role: '', relationship: 'strong', lastContact: daysAgo(10), audienceIds: [ID.young], areaIds: [] }],
      partner: [{ ...common(ID.nhs), organisation: 'Riverside surgery', sector: 'health', contactRole: '', relationship: 'initial', lastContact: null, whatTheyBring: '', audienceIds: [ID.older] }],
      hallmarkRating: [{ ...common(ID.rating), hallmark: 'beyond-police', rating: 2, evidence: 'Only the surgery so far.' }],
    },
  }));
  const file = path.join(dir, 'plan.ewb');
  expect(ewb(['new', file, '--from', json]).code).toBe(0);
  return file;
}

describe('ewb assess and ewb roll-forward', () => {
  it('prints the assessment as one JSON object of indicators and ratings', () => {
    const file = workbookFile(tempDir());
    const before = sha(file);
    const run = ewb(['assess', file, '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.out) as { indicators: Array<Record<string, unknown>>; ratings: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['indicators', 'ratings']);
    for (const item of parsed.indicators) expect(Object.keys(item)).toEqual(['hallmark', 'indicator', 'value', 'numerator', 'denominator', 'explanation']);
    expect(parsed.indicators.find((i) => i.indicator === 'Priority audiences with an active contact')).toMatchObject({ hallmark: 'network', value: 0.5, numerator: 1, denominator: 2 });
    expect(parsed.indicators.find((i) => i.indicator === 'Key partner sectors covered')).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(parsed.indicators.find((i) => i.indicator === 'Key partner sectors active')).toMatchObject({ value: 0, numerator: 0, denominator: 4 });
    expect(parsed.ratings).toContainEqual({ hallmark: 'beyond-police', rating: 2, note: 'Only the surgery so far.' });
    expect(parsed.ratings.map((r) => r.hallmark)).toEqual(['quality', 'network', 'together', 'regular', 'beyond-police']);
    const text = ewb(['assess', file]);
    expect(text.out).toContain('Beyond the police: rated 2 of 5');
    expect(text.out).toContain('Priority audiences with an active contact: 1 of 2 (50%)');
    expect(sha(file)).toBe(before);
  });

  it('rolls forward to a new file, the old one unchanged, and refuses a file that exists', () => {
    const dir = tempDir();
    const file = workbookFile(dir);
    const oldId = (JSON.parse(ewb(['info', file, '--json']).out) as { id: string }).id;
    const before = sha(file);
    const next = path.join(dir, 'next.ewb');
    const run = ewb(['roll-forward', file, next, '--period-start', '2030-04-01', '--period-end', '2033-03-31']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Rolled forward to .*next\.ewb: "Riverside 2027–2030", 1 April 2030 to 31 March 2033, 4 records carried forward, none reviewed yet\./);
    expect(sha(file)).toBe(before);
    const info = JSON.parse(ewb(['info', next, '--json']).out) as { id: string; counts: Record<string, number>; rolledFrom: unknown };
    expect(info.id).not.toBe(oldId);
    expect(info.rolledFrom).toEqual({ id: oldId, title: 'Riverside 2027–2030', periodStart: '2027-04-01', periodEnd: '2030-03-31' });
    expect(info.counts).toMatchObject({ audience: 2, asset: 1, partner: 1, hallmarkRating: 0 });
    const refused = ewb(['roll-forward', file, next, '--period-start', '2030-04-01', '--period-end', '2033-03-31']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/already exists|exists/);
    expect(sha(file)).toBe(before);
  });
});
