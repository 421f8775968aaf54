// Long lists in the strategy document: above 200 records a list is summarised in the body (counts by
// kind, engagement and priority, the high-priority records in full) and set out in full in an
// appendix of its own. The 2,000-audience workbook is converted to PDF by LibreOffice and its
// pages counted: the body (everything before the appendices) must stay under 60 pages.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { IN_FULL_LIMIT, REGISTER_THRESHOLD } from '../../../electron/core/export/word-registers.ts';
import { largeStrategyJson } from '../../helpers/large-strategy.ts';
import { makeData } from '../../helpers/strategy-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { readDocx, type ParsedDocx } from '../../helpers/word-document.ts';

/** The first table whose header row starts with `first` after the heading `after`. */
function tableAfter(docx: ParsedDocx, after: string, first: string): string[][] {
  const heading = new RegExp(`<w:pStyle w:val="Heading\\d"/>(?:(?!</w:p>)[\\s\\S])*>${after}</w:t>`).exec(docx.document);
  expect(heading, after).not.toBeNull();
  const start = heading!.index;
  const found = docx.tables.find((t) => t.rows[0]?.[0] === first && docx.document.indexOf(t.xml, start) >= 0);
  if (!found) throw new Error(`no table headed ${first} after ${after}`);
  return found.rows;
}

const PAGES_DIR = '/tmp/ewb-large-word-pages';

describe('long lists in the Word document', () => {
  it(`keeps a list of ${REGISTER_THRESHOLD} in the body, and summarises one of ${REGISTER_THRESHOLD + 1} with its register in an appendix`, async () => {
    const at = await readDocx(await exportWord(await makeData(largeStrategyJson({ audiences: REGISTER_THRESHOLD })), () => {}));
    expect(at.headings.filter((h) => h.level === 1).map((h) => h.text).filter((t) => t.startsWith('Appendix'))).toEqual(['Appendix A: Data sources']);
    const over = await readDocx(await exportWord(await makeData(largeStrategyJson({ audiences: REGISTER_THRESHOLD + 1 })), () => {}));
    expect(over.headings.filter((h) => h.level === 1).map((h) => h.text).filter((t) => t.startsWith('Appendix'))).toEqual(['Appendix A: Data sources', 'Appendix B: Register of audiences']);
    // The body says what it holds and where the rest is.
    expect(over.text).toContain(`There are ${REGISTER_THRESHOLD + 1} audiences: too many to list here`);
    expect(over.text).toContain('Every one is in Appendix B: Register of audiences.');
  });

  it(
    'of 2,000 audiences: the body counts them and sets out the high-priority ones, the register holds all; the body is under 60 pages of the PDF',
    async () => {
      const json = largeStrategyJson({ audiences: 2000 });
      const high = json.records.audience.filter((a) => a.priority === 'high');
      expect(high.length).toBeGreaterThan(REGISTER_THRESHOLD);
      expect(high.length).toBeLessThanOrEqual(IN_FULL_LIMIT);
      const bytes = await exportWord(await makeData(json), () => {});
      const docx = await readDocx(bytes);

      // Counts by kind and by engagement, split by priority, each adding up to the 2,000.
      const byKind = tableAfter(docx, 'Audiences', 'Kind of audience');
      expect(byKind[0]).toEqual(['Kind of audience', 'High', 'Medium', 'Low', 'All']);
      const count = (priority: string) => json.records.audience.filter((a) => a.priority === priority).length.toLocaleString('en-GB');
      expect(byKind.at(-1)).toEqual(['All', count('high'), count('medium'), count('low'), '2,000']);
      const byState = tableAfter(docx, 'Audiences', 'Engagement');
      expect(byState.slice(1, -1).map((row) => row[0])).toEqual(['Engaged', 'Receptive', 'Hard to reach', 'Not engaging', 'Unknown']);
      expect(byState.at(-1)?.[4]).toBe('2,000');
      // The high-priority audiences in full in the body, by name; every audience in the register.
      const inBody = tableAfter(docx, 'High-priority audiences', 'Audience');
      expect(inBody).toHaveLength(high.length + 1);
      expect(inBody.slice(1).every((row) => row[2]?.endsWith('High priority'))).toBe(true);
      const register = tableAfter(docx, 'Appendix B: Register of audiences', 'Audience');
      expect(register).toHaveLength(2001);
      expect(new Set(register.slice(1).map((row) => row[0]?.split('\n')[0]))).toEqual(new Set(json.records.audience.map((a) => a.name)));
      // Sorted by priority then name, so every export lists them the same way.
      const names = register.slice(1).map((row) => row[0]!.split('\n')[0]!);
      expect(names.slice(0, high.length).sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }))).toEqual(names.slice(0, high.length));

      // The PDF, as a reader sees it: the body ends before the first appendix's page.
      const dir = tempDir('ewb-large-word-');
      const file = path.join(dir, 'large.docx');
      fs.writeFileSync(file, bytes);
      const profile = `file:///tmp/lo-profile-${crypto.randomUUID()}`;
      const converted = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 540_000 });
      fs.rmSync(new URL(profile), { recursive: true, force: true });
      const pdf = path.join(dir, 'large.pdf');
      expect(fs.existsSync(pdf), `soffice wrote no PDF: ${converted.stdout} ${converted.stderr}`).toBe(true);
      const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout.split('\f');
      const startsWith = (title: string) => pages.findIndex((page) => page.split('\n').some((line) => line.trim() === title));
      const appendixA = startsWith('Appendix A: Data sources');
      const appendixB = startsWith('Appendix B: Register of audiences');
      expect(appendixA).toBeGreaterThan(5);
      expect(appendixA, `the body runs to ${appendixA} pages`).toBeLessThan(60);
      expect(appendixB).toBeGreaterThan(appendixA);
      expect(pages.slice(appendixA).join('\n')).toContain(json.records.audience.find((a) => a.priority === 'low')!.evidenceSource);
      // For a person to look at: the body's pages as pictures.
      fs.rmSync(PAGES_DIR, { recursive: true, force: true });
      fs.mkdirSync(PAGES_DIR, { recursive: true });
      fs.copyFileSync(pdf, path.join(PAGES_DIR, 'large.pdf'));
      expect(spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', String(appendixB + 1), pdf, path.join(PAGES_DIR, 'page')]).status).toBe(0);
    },
    600_000,
  );
});
