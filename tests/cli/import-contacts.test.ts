// `ewb import partners|assets` as a user runs it: a contact list mapped with --map, a summary of
// what was added, merged and skipped, --dry-run changing nothing, and refusals in one line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';
import { sha } from '../helpers/file-sha.ts';

const LIST = ['Organisation,Sector,Email', 'Maidstone Borough Council,Local authority,cs@maidstone.example', 'Age UK Maidstone,Charity or voluntary,', 'AGE UK  MAIDSTONE,,info@ageuk.example', ',Health,nobody@example.org'].join('\n');

function workbookWithList(): { file: string; list: string } {
  const dir = tempDir();
  const file = path.join(dir, 'plan.ewb');
  expect(ewb(['new', file, '--force', 'Kent Police', '--title', 'Contacts']).code).toBe(0);
  const list = path.join(dir, 'partners.csv');
  fs.writeFileSync(list, LIST);
  return { file, list };
}

const MAP = ['--map', 'organisation=Organisation', '--map', 'sector=Sector', '--map', 'email=Email'];

describe('ewb import partners|assets', () => {
  it('imports a list, says what was added, merged and skipped, and a second run adds nothing', () => {
    const { file, list } = workbookWithList();
    const first = ewb(['import', 'partners', file, list, ...MAP]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe(
      [
        'Added 2 partners from partners.csv; merged 1 row into partners already recorded; skipped 1 row.',
        '  merged: row 4, “AGE UK  MAIDSTONE”, into “Age UK Maidstone” (adds email)',
        '  skipped: row 5: no organisation',
        '',
      ].join('\n'),
    );
    const again = ewb(['import', 'partners', file, list, ...MAP]);
    expect(again.code, again.err).toBe(0);
    expect(again.out.split('\n')[0]).toBe('Added 0 partners from partners.csv; merged 0 rows into partners already recorded; skipped 4 rows.');
    const info = JSON.parse(ewb(['info', file, '--json']).out) as { counts: Record<string, number> };
    expect(info.counts.partner).toBe(2);
  });

  it('--dry-run says what would happen and leaves the workbook byte for byte', () => {
    const { file, list } = workbookWithList();
    const before = sha(file);
    const dry = ewb(['import', 'partners', file, list, ...MAP, '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out.split('\n')[0]).toBe('Would add 2 partners from partners.csv; would merge 1 row into partners already recorded; would skip 1 row.');
    expect(sha(file)).toBe(before);
  });

  it('imports assets with their own fields', () => {
    const { file } = workbookWithList();
    const list = path.join(path.dirname(file), 'assets.csv');
    fs.writeFileSync(list, 'Name,Kind,Relationship\nRiverside Youth Forum,Group,Active\nEastgate skate park,Hotspot,New\n');
    const result = ewb(['import', 'assets', file, list, '--map', 'name=Name', '--map', 'kind=Kind', '--map', 'relationship=Relationship']);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('Added 2 assets from assets.csv; merged 0 rows into assets already recorded; skipped 0 rows.\n');
  });

  it('refuses a bad --map, a field the list has not got and a value it cannot use (exit 1), changing nothing', () => {
    const { file, list } = workbookWithList();
    const before = sha(file);
    for (const [args, message] of [
      [['--map', 'organisation'], /^error: --map "organisation" should be field=Column/],
      [['--map', 'kind=Sector', '--map', 'organisation=Organisation'], /^error: --map names the field "kind", which a list of partners does not have; the fields are organisation, sector/],
      [['--map', 'organisation=Company'], /^error: The column chosen for organisation, "Company", is not in "partners.csv"/],
    ] as const) {
      const result = ewb(['import', 'partners', file, list, ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err.trim().split('\n')).toHaveLength(1);
    }
    // Values the workbook cannot use: a line saying so, then each row on its own indented line.
    const values = ewb(['import', 'partners', file, list, '--map', 'organisation=Organisation', '--map', 'relationship=Sector']);
    expect(values.code).toBe(1);
    const lines = values.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: "partners.csv" has \d+ rows? with values the workbook cannot use\. .* Nothing was imported\.$/);
    expect(lines[1]).toMatch(/^ {2}Line 2, column "Sector": "Local authority" is not a relationship the workbook knows/);
    expect(lines.slice(1).every((line) => line.startsWith('  Line '))).toBe(true);
    expect(sha(file)).toBe(before);
    expect(ewb(['import', 'partners', file, list]).code).toBe(2);
    const unknown = ewb(['import', 'volunteers', file, list]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('ewb can import census tables, crime, partners and assets');
  });
});
