// Long lists in chapter 3: channels, partners, community events and practices are summarised in the
// body and set out in registers like audiences, and a grid of who listens where too large for
// tables is counted in the body and listed audience by audience in a register of its own (2,000
// audiences by 40 channels made some 800 pages of tables; by 2,000 channels the document could not
// be written at all). CI runs a few hundred of each; EWB_LONG=1 runs 2,000 of each and counts the
// body's pages in LibreOffice's PDF.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { CHANNELS_PER_TABLE } from '../../../electron/core/export/word-how-printers.ts';
import { GRID_TABLE_ROWS_LIMIT, REGISTER_THRESHOLD } from '../../../electron/core/export/word-registers.ts';
import { largeStrategyJson } from '../../helpers/large-strategy.ts';
import { makeData } from '../../helpers/strategy-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { LONG, scaled } from '../../helpers/test-scale.ts';
import { readDocx, type ParsedDocx } from '../../helpers/word-document.ts';

const appendices = (docx: ParsedDocx) => docx.headings.filter((h) => h.level === 1 && h.text.startsWith('Appendix')).map((h) => h.text);

/** The table headed `first` that comes after the heading `after` (and before the next heading of that level or above). */
function tableAfter(docx: ParsedDocx, after: string, first: string): string[][] {
  // The last place the heading is written: the contents list it first.
  const at = docx.document.lastIndexOf(`>${after}</w:t>`);
  expect(at, after).toBeGreaterThan(0);
  const found = docx.tables.filter((t) => t.rows[0]?.[0] === first).find((t) => docx.document.indexOf(t.xml, at) >= 0);
  if (!found) throw new Error(`no table headed ${first} after ${after}`);
  return found.rows;
}

describe('long lists in chapter 3 of the Word document', () => {
  it('keeps a grid of up to the limit as tables of symbols, and lists a larger one in a register', async () => {
    // Tables of five channels, each with every audience: 25 channels of short names make 5 tables
    // (long names make more: tests/core/export/word-readable-tables.test.ts).
    const channels = 5 * CHANNELS_PER_TABLE;
    const fits = GRID_TABLE_ROWS_LIMIT / 5;
    const shortNames = (json: ReturnType<typeof largeStrategyJson>) => ({ ...json, records: { ...json.records, channel: json.records.channel.map((c, n) => ({ ...c, name: `Channel ${n + 1}` })) } });
    const small = await readDocx(await exportWord(await makeData(shortNames(largeStrategyJson({ audiences: fits, channels }))), () => {}));
    expect(appendices(small)).toEqual(['Appendix A: Data sources']);
    expect(small.text).toContain(`Channels 1 to ${CHANNELS_PER_TABLE} of ${channels}:`);
    const over = await readDocx(await exportWord(await makeData(shortNames(largeStrategyJson({ audiences: fits + 1, channels }))), () => {}));
    expect(appendices(over)).toEqual(['Appendix A: Data sources', 'Appendix B: Register of who listens where']);
    expect(over.text).not.toContain('Channels 1 to');
    expect(over.text).toContain(`The grid of ${fits + 1} audiences by ${channels} channels is too large to set out here`);
  });

  it(
    'summarises channels, partners, events and practices past the threshold, counts the grid, and sets each out in full in a register',
    async () => {
      const each = scaled(REGISTER_THRESHOLD + 1, 2000);
      const audiences = scaled(300, 2000);
      const json = largeStrategyJson({ audiences, channels: each, partners: each, communityEvents: each, practices: each });
      const bytes = await exportWord(await makeData(json), () => {});
      const docx = await readDocx(bytes);
      expect(appendices(docx)).toEqual([
        'Appendix A: Data sources',
        'Appendix B: Register of audiences',
        'Appendix C: Register of channels',
        'Appendix D: Register of who listens where',
        'Appendix E: Register of partners',
        'Appendix F: Register of community events',
        'Appendix G: Register of practices',
      ]);
      const n = each.toLocaleString('en-GB');
      for (const [plural, letter] of [['channels', 'C'], ['partners', 'E'], ['community events', 'F'], ['practices', 'G']] as const) {
        expect(docx.text).toContain(`There are ${n} ${plural}: too many to list here, so this section counts them. Every one is in Appendix ${letter}: Register of ${plural}.`);
      }
      // The counts add up to every record, by the choices each is summarised by.
      for (const [heading, first] of [['Channels', 'Kind of channel'], ['Channels', 'Status'], ['Partners', 'Sector'], ['Partners', 'Relationship'], ['Community events', 'Status'], ['Community events', 'Our role'], ['What works', 'Our verdict'], ['What works', 'Strength of the evidence']] as const) {
        expect(tableAfter(docx, heading, first).at(-1), `${heading} by ${first}`).toEqual(['All', n]);
      }
      const verdicts = tableAfter(docx, 'What works', 'Our verdict');
      expect(verdicts.slice(1, -1).map((row) => row[0])).toEqual(['Adopt', 'Adapt', 'Avoid']);
      // Each register holds every record, in a stable order (partners by organisation within each sector).
      const partners = tableAfter(docx, 'Appendix E: Register of partners', 'Partner');
      expect(new Set(partners.slice(1).filter((row) => row.length > 1).map((row) => row[0]!.split('\n')[0]))).toEqual(new Set(json.records.partner.map((p) => p.organisation)));
      const channelRegister = tableAfter(docx, 'Appendix C: Register of channels', 'Channel');
      expect(channelRegister).toHaveLength(each + 1);

      // The grid: counted by priority in the body, every audience in its register, each with what the grid says.
      const outcomes = tableAfter(docx, 'Who listens where', 'Priority');
      expect(outcomes[0]).toEqual(['Priority', '✓ Yes on one or more', '◐ Partly at best', '✗ Only no', '? Nothing known', 'All']);
      expect(outcomes.at(-1)?.at(-1)).toBe(audiences.toLocaleString('en-GB'));
      const said = new Map<string, Set<string>>();
      for (const cell of json.records.receptivity) said.set(cell.audienceId, new Set([...(said.get(cell.audienceId) ?? []), cell.value]));
      const high = json.records.audience.filter((a) => a.priority === 'high');
      const highWithoutYes = high.filter((a) => !said.get(a.id)?.has('yes'));
      expect(outcomes.find((row) => row[0] === 'High')).toEqual(['High', String(high.length - highWithoutYes.length), expect.any(String), expect.any(String), expect.any(String), String(high.length)]);
      const inBody = tableAfter(docx, 'High-priority audiences with no channel marked yes', 'Audience');
      expect(inBody.slice(1).map((row) => row[0])).toEqual(highWithoutYes.map((a) => a.name).sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })));
      // They have no channel marked yes, so the body's list has no column for it.
      expect(inBody[0]).toEqual(['Audience', '◐ Partly', '✗ No', '? Not known (noted)']);
      const register = tableAfter(docx, 'Appendix D: Register of who listens where', 'Audience');
      const registerRows = register.slice(1).filter((row) => row.length > 1);
      expect(registerRows).toHaveLength(audiences);
      // A cell's channel is in its audience's row under its value, with the evidence noted beside it.
      const noted = json.records.receptivity.find((cell) => cell.note !== '')!;
      const audienceName = json.records.audience.find((a) => a.id === noted.audienceId)!.name;
      const channelName = json.records.channel.find((c) => c.id === noted.channelId)!.name;
      const column = { yes: 1, partly: 2, no: 3 }[noted.value as 'yes' | 'partly' | 'no'];
      expect(registerRows.find((row) => row[0] === audienceName)?.[column]?.split('\n')).toContain(`${channelName} — ${noted.note}`);

      if (!LONG) return;
      // The PDF, as a reader sees it: the body ends before the first appendix's page.
      const dir = tempDir('ewb-large-how-');
      const file = path.join(dir, 'large-how.docx');
      fs.writeFileSync(file, bytes);
      const profile = `file:///tmp/lo-profile-${crypto.randomUUID()}`;
      spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 1_500_000 });
      fs.rmSync(new URL(profile), { recursive: true, force: true });
      const pages = spawnSync('pdftotext', ['-layout', path.join(dir, 'large-how.pdf'), '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout.split('\f');
      const appendixA = pages.findIndex((page) => page.split('\n').some((line) => line.trim() === 'Appendix A: Data sources'));
      expect(appendixA, `the body runs to ${appendixA} pages`).toBeGreaterThan(5);
      expect(appendixA, `the body runs to ${appendixA} pages`).toBeLessThan(80);
    },
    LONG ? 1_800_000 : 120_000,
  );
});
