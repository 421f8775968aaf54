// The Word strategy document, read back with readers independent of the docx package: the zip
// opened with yauzl and its XML parts read as text, mammoth as a second reader, and LibreOffice
// converting it to PDF (read with pdftotext, pages rendered to PNG to be looked at).
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import type { ExportData } from '../../../electron/core/export/export-data.ts';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { placeTables, table } from '../../../electron/core/export/word-table.ts';
import type { Progress } from '../../../electron/core/jobs/job-progress.ts';
import { ID, PERSONAL, TITLE, emptyWorkbookJson, fullWorkbookJson, makeData, withLogo } from '../../helpers/strategy-workbook.ts';
import { exportOf, headersAndFooters, paragraphs, tableWithHeader, textOf } from '../../helpers/word-document.ts';

/** The chapters and parts with nothing in them here, and the line each shows: what it will hold, never what the app lacks. */
const TO_BE_COMPLETED: ReadonlyArray<[string, 'Heading1' | 'Heading2', RegExp]> = [
  ['Messages', 'Heading2', /^To be completed: the messages we will give each audience/],
  ['You said, we did', 'Heading2', /^To be completed: what the community raised with us/],
  ['Action plan', 'Heading2', /^To be completed: the activities that deliver the objectives/],
];
/** Every heading of levels 1 and 2 of the document, whatever a copy holds. */
const ALL_HEADINGS = [
  '1 Executive summary',
  '1 1 Purpose',
  '2 Aims',
  '2 Objectives',
  '1 2 Who we will engage',
  '2 The strategy area and its areas',
  '2 Audiences',
  '2 Census evidence',
  '2 Crime evidence',
  '2 Assets',
  '2 Vulnerabilities',
  '2 Places',
  '1 3 How we will reach them',
  '2 Channels',
  '2 Who listens where',
  '2 Partners',
  '2 Community events',
  '2 What works',
  '1 4 What we will say',
  '2 Messages',
  '2 You said, we did',
  '1 5 Action plan',
  '2 Action plan',
  '1 6 What good looks like',
  '2 What good will look like',
  '2 What good looks like',
  '2 Self-assessment against the hallmarks',
  '1 7 Review',
  '2 Review',
  '2 Review log',
  '1 Appendix A: Data sources',
];

describe('the Word strategy document', () => {
  it('has the method’s sections in order, with real headings, each part introduced and its tables read back', async () => {
    const reports: Progress[] = [];
    const { docx } = await exportOf(await makeData(fullWorkbookJson()), reports);
    expect(docx.headings.filter((h) => h.level <= 2).map((h) => `${h.level} ${h.text}`)).toEqual(ALL_HEADINGS);
    // Census evidence: a heading per table, then per area view (the whole strategy area first).
    expect(docx.headings.filter((h) => h.level >= 3).map((h) => h.text)).toEqual(['Aims', 'Priority audiences', 'The main gaps', 'What we know about them', 'TS021 Ethnic group', 'The whole strategy area', 'City', 'Riverside', 'Eastgate']);
    // Each chapter with nothing in it keeps its heading with one line saying what it will hold.
    for (const [title, style, line] of TO_BE_COMPLETED) {
      const at = docx.body.findIndex((p) => p.text === title && p.style === style);
      expect(docx.body[at + 1]?.style, title).toBe('Note');
      expect(docx.body[at + 1]?.text, title).toMatch(line);
    }
    expect(docx.text).not.toMatch(/not yet part of|not built|this workbook cannot/i);

    expect(tableWithHeader(docx, 'Objective', 'Measure')).toEqual([
      ['Objective', 'Measure', 'Baseline', 'Target', 'By when'],
      ['Aim 1: Build trust with communities we rarely hear from'],
      ['Raise confidence in local policing', 'Neighbourhood survey', '48 %', '60 %', '31 March 2029'],
      ['A community contact in every ward', 'Contacts recorded', '3 of 9 wards', '9 of 9 wards', '31 March 2028'],
      ['Aim 2: Make engagement part of every team’s week'],
      ['Monthly drop-in sessions', 'Sessions held', 'None', '12 a year', ''],
    ]);
    expect(tableWithHeader(docx, 'Area', 'Part of')).toEqual([
      ['Area', 'Part of', 'ONS geography', 'LSOAs'],
      ['City', '', '', ''],
      ['Riverside', 'City', 'Other', '2'],
      ['Eastgate', 'City', 'Other', '1'],
    ]);
    // Highest priority first, then by name.
    expect(tableWithHeader(docx, 'Audience', 'Areas')).toEqual([
      ['Audience', 'Areas', 'Engagement', 'Evidence'],
      ['Young people\nYoung people', 'Riverside', 'Hard to reach\nHigh priority', 'About 3,400 people (school rolls)\nYouth workers report low trust.\nSource: Youth service survey 2026'],
      ['Bangladeshi families\nEthnic-minority communities', 'Riverside', 'Receptive\nMedium priority', 'Census: “Asian: Bangladeshi” in Riverside (TS021 Ethnic group)'],
      ['Older residents\nOlder people', 'Eastgate', 'Engaged\nLow priority', 'None recorded'],
    ]);
    expect(tableWithHeader(docx, 'Group', 'Count')).toEqual([
      ['Group', 'Count', 'Share'],
      ['White', '3,660', '91.5 %'],
      ['Asian', '230', '5.8 %'],
      ['Other', '110', '2.8 %'],
    ]);
    expect(docx.tables.find((t) => t.rows[0]?.[2] === 'Share in Riverside')?.rows).toEqual([
      ['Group', 'Count', 'Share in Riverside', 'Whole strategy area'],
      ['White', '1,700', '85.0 %', '91.5 %'],
      ['Asian', '210', '10.5 %', '5.8 %'],
      ['Other', '90', '4.5 %', '2.8 %'],
    ]);
    // Who is missing, from the gaps: Riverside's Bangladeshi residents are cited by an audience, the
    // other Asian groups are not (a subgroup's citation covers only it); White, the largest group, is left out.
    const riverside = docx.body.findIndex((p) => p.text === 'Riverside' && p.style === 'Heading4');
    const eastgate = docx.body.findIndex((p) => p.text === 'Eastgate' && p.style === 'Heading4');
    const missingInRiverside = docx.body.slice(riverside, eastgate).filter((p) => p.text.startsWith('In Riverside'));
    expect(missingInRiverside.map((p) => p.text)).toEqual(['In Riverside, 11 % of residents are “Asian” (TS021 Ethnic group), but none of the 2 audiences covering Riverside cites them there: link one to this figure, or add an audience for them.']);
    expect(tableWithHeader(docx, 'Asset', 'Relationship')).toEqual([
      ['Asset', 'Relationship', 'Last contact', 'Audiences', 'Areas'],
      ['Groups'],
      ['Riverside Youth Club\nYouth charity', 'Active', '14 October 2026', 'Young people', 'Riverside'],
      ['Hotspots'],
      ['Eastgate market square', 'New', '', 'Older residents', 'Eastgate'],
      ['Individuals'],
      ['Imam, Central Mosque\nFaith leader', 'Strong', '1 November 2026', 'Bangladeshi families', 'Riverside'],
    ]);
    expect(tableWithHeader(docx, 'Vulnerability', 'Barriers')).toEqual([
      ['Vulnerability', 'Barriers', 'Why it matters', 'Planned response'],
      ['Isolated older residents\nA group, high priority\nAudiences: Older residents\nAreas: Eastgate', 'Digital exclusion\nPhysical access', 'Targeted by doorstep fraud.', 'Visits with the fire service.'],
    ]);
    expect(tableWithHeader(docx, 'Place', 'Area')).toEqual([
      ['Place', 'Area', 'Address', 'When people gather', 'Audiences'],
      ['Central Mosque\nReligious centre', 'Riverside', '1 Mill Lane', 'Friday prayers 1pm', 'Bangladeshi families'],
    ]);
    expect(tableWithHeader(docx, 'Table', 'Title')).toEqual([
      ['Table', 'Title', 'Source', 'Figures for', 'By', 'Imported'],
      ['TS021', 'Ethnic group', 'ONS Census 2021', '2021', '3 LSOAs', '1 January 2026'],
    ]);
    // Every table is introduced by a sentence, and its header row repeats on each page.
    for (const table of docx.tables) {
      const before = docx.document.slice(0, docx.document.indexOf(table.xml));
      const lastParagraph = paragraphs(before).at(-1) ?? '';
      expect(textOf(lastParagraph).length, `sentence before the table headed ${table.rows[0]?.join(' · ')}`).toBeGreaterThan(20);
      const firstRow = /<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/.exec(table.xml)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
      expect(table.xml).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    }
    // Progress is reported as the document is built, ending complete.
    expect(reports.every((r) => r.stage === 'Writing the Word document')).toBe(true);
    expect(reports.at(-1)!.done).toBe(reports.at(-1)!.total);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    expect(reports.length).toBeGreaterThan(5);
  });

  it('has a cover, a table of contents Word updates, A4 pages in UK English, and the marking on every page and in its properties', async () => {
    const { docx, bytes } = await exportOf(await makeData(fullWorkbookJson()));
    // The cover: force, title, period, version and date, the line saying what made it; no author without personal data.
    expect(docx.body.slice(0, 6).map((p) => p.text)).toEqual([
      'Kent Police',
      TITLE,
      'Strategy period: 1 April 2027 to 31 March 2030',
      'Draft 2 · 25 November 2026',
      'Next review: 1 October 2027',
      'Prepared with Engagement Workbook',
    ]);
    expect(docx.body[1]?.style).toBe('Title');
    // Marking in capitals, centred, in every header and footer; page numbers in the body's footer.
    const parts = headersAndFooters(docx);
    expect(parts.filter(([name]) => name.includes('header')).length).toBeGreaterThanOrEqual(2);
    expect(parts.filter(([name]) => name.includes('footer')).length).toBeGreaterThanOrEqual(2);
    for (const [name, xml] of parts) {
      const marking = paragraphs(xml).find((p) => textOf(p) === 'OFFICIAL-SENSITIVE');
      expect(marking, name).toBeDefined();
      expect(marking).toContain('<w:jc w:val="center"/>');
    }
    const footers = parts.filter(([name]) => name.includes('footer')).map(([, xml]) => xml);
    expect(footers.some((xml) => /PAGE/.test(xml) && /NUMPAGES/.test(xml) && textOf(xml).includes('Page ') && textOf(xml).includes(' of '))).toBe(true);
    // Every section refers to a default header and footer, so no page is without them.
    const sections = [...docx.document.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    for (const sectPr of sections) {
      expect(sectPr).toMatch(/<w:headerReference w:type="default"/);
      expect(sectPr).toMatch(/<w:footerReference w:type="default"/);
      expect(sectPr).not.toContain('<w:titlePg');
      expect(sectPr).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    }
    // Properties: the Classification custom property for labelling tools, title and subject.
    const custom = docx.files.get('docProps/custom.xml') ?? '';
    expect(custom).toMatch(/<property [^>]*name="Classification"[^>]*><vt:lpwstr>OFFICIAL-SENSITIVE<\/vt:lpwstr><\/property>/);
    const core = docx.files.get('docProps/core.xml') ?? '';
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain('<dc:subject>Community engagement strategy: Kent Police</dc:subject>');
    expect(core).toContain('<dc:creator>Engagement Workbook</dc:creator>');
    // A real TOC field over headings 1–2, and Word asked to update fields on opening.
    expect(docx.document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;[^<]*<\/w:instrText>/);
    expect(docx.files.get('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    // UK English as the document's language.
    expect(docx.files.get('word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
    // The second reader agrees.
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    for (const expected of [TITLE, 'Kent Police', 'Prepared with Engagement Workbook', '1 Purpose', 'Census evidence', '7 Review', 'To be completed: the messages', 'Raise confidence in local policing', 'In Riverside, 11 % of residents are “Asian” (TS021 Ethnic group), but none of the 2 audiences covering Riverside cites them there: link one to this figure, or add an audience for them.']) {
      expect(value).toContain(expected);
    }
  });

  it('puts the force’s logo on the cover when the planner chose one, keeping its proportions', async () => {
    const { docx } = await exportOf(await makeData(withLogo(fullWorkbookJson())));
    const media = [...docx.files.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const coverXml = docx.document.slice(0, docx.document.indexOf('<w:sectPr'));
    expect(coverXml).toContain('<w:drawing>');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(coverXml);
    expect(Number(extent?.[1]) / Number(extent?.[2])).toBeCloseTo(2, 2);
    // Without one, the cover has no picture.
    const plain = await exportOf(await makeData(fullWorkbookJson()));
    expect(plain.docx.document).not.toContain('<w:drawing>');
  });

  it('leaves personal data out unless it was asked for, and then shows owners, the author and contacts', async () => {
    const json = fullWorkbookJson();
    const without = await exportOf(await makeData(json, { personal: false }));
    const everything = [...without.docx.files.values()].join('\n');
    for (const personal of PERSONAL) expect(everything, personal).not.toContain(personal);
    expect((await mammoth.extractRawText({ buffer: without.bytes })).value).not.toContain('Priya');

    const { docx, bytes } = await exportOf(await makeData(json, { personal: true }));
    expect(docx.body.slice(0, 7).map((p) => p.text)).toContain('Author: Alex Planner');
    expect(docx.files.get('docProps/core.xml')).toContain('<dc:creator>Alex Planner</dc:creator>');
    expect(tableWithHeader(docx, 'Objective', 'Measure')[0]).toEqual(['Objective', 'Measure', 'Baseline', 'Target', 'By when', 'Owner']);
    expect(tableWithHeader(docx, 'Objective', 'Measure')[2]?.[5]).toBe('Insp. Priya Shah');
    expect(tableWithHeader(docx, 'Asset', 'Relationship').at(-1)).toEqual(['Imam, Central Mosque\nFaith leader', 'Strong', '1 November 2026', 'Bangladeshi families', 'Riverside', 'Yusuf Rahman\n07700 900123\nyusuf@example.org']);
    // Special-category notes stay out of a strategy document even then.
    expect((await mammoth.extractRawText({ buffer: bytes })).value).not.toContain('Attends Friday prayers');
  });

  it('includes only the sections asked for, keeping every chapter and its number, each part left out saying so (a whole chapter once)', async () => {
    const { docx } = await exportOf(await makeData(fullWorkbookJson(), { sections: ['evidence'] }));
    expect(docx.headings.filter((h) => h.level === 1).map((h) => `${h.level} ${h.text}`)).toEqual(ALL_HEADINGS.filter((h) => h.startsWith('1 ')));
    // Chapter 2 holds the evidence: its other parts keep their headings, each left out.
    const chapter2 = ALL_HEADINGS.slice(ALL_HEADINGS.indexOf('1 2 Who we will engage'), ALL_HEADINGS.indexOf('1 3 How we will reach them'));
    expect(docx.headings.filter((h) => h.level === 2 && chapter2.includes(`2 ${h.text}`)).map((h) => `${h.level} ${h.text}`)).toEqual(chapter2.filter((h) => h.startsWith('2 ')));
    expect(docx.text).not.toContain('Raise confidence');
    expect(docx.text).not.toContain('Riverside Youth Club');
    expect(docx.text).not.toContain('Every ward has an active community contact.');
    const after = (title: string) => docx.body[docx.body.findIndex((p) => p.text === title && /^Heading[12]$/.test(p.style ?? '')) + 1];
    for (const title of ['1 Purpose', 'The strategy area and its areas', 'Audiences', 'Assets', 'Vulnerabilities', 'Places', '6 What good looks like']) {
      expect(after(title), title).toEqual({ style: 'Note', text: 'Left out of this copy.' });
    }
    expect(after('Census evidence')?.style).not.toBe('Note');

    const aims = await exportOf(await makeData(fullWorkbookJson(), { sections: ['aims'] }));
    // Nothing in a copy of the aims draws on the census: it has no appendix of data sources.
    expect(aims.docx.headings.filter((h) => h.level === 1).map((h) => `${h.level} ${h.text}`)).toEqual(ALL_HEADINGS.filter((h) => h.startsWith('1 ') && !h.includes('Appendix')));
    expect(aims.docx.text).toContain('Raise confidence in local policing');
    expect(aims.docx.text).not.toContain('Every ward has an active community contact.');
    const good = await exportOf(await makeData(fullWorkbookJson(), { sections: ['good'] }));
    expect(good.docx.text).toContain('Every ward has an active community contact.');
    expect(good.docx.text).not.toContain('Raise confidence in local policing');
  });

  it('prints the statements of what good will look like once, in “What good looks like”, with Purpose pointing there', async () => {
    const { docx } = await exportOf(await makeData(fullWorkbookJson()));
    const statement = 'Every ward has an active community contact.';
    expect(docx.body.filter((p) => p.text.includes(statement))).toHaveLength(1);
    const at = (title: string) => docx.body.findIndex((p) => p.text === title && p.style === 'Heading1');
    const where = docx.body.findIndex((p) => p.text.includes(statement));
    expect(where).toBeGreaterThan(at('6 What good looks like'));
    expect(where).toBeLessThan(at('7 Review'));
    const purpose = docx.body.slice(at('1 Purpose'), at('2 Who we will engage')).map((p) => p.text);
    expect(purpose).toContain('What good will look like: see chapter 6, What good looks like.');
    expect(purpose.join('\n')).not.toContain(statement);
  });

  it('says in one line when a section has nothing in it', async () => {
    const { docx } = await exportOf(await makeData(emptyWorkbookJson()));
    const after = (title: string) => docx.body[docx.body.findIndex((p) => p.text === title && /^Heading[12]$/.test(p.style ?? '')) + 1];
    for (const [title, line] of [
      ['Aims', 'To be completed: the aims of the strategy: what it is for, and why.'],
      ['Objectives', 'To be completed: the objectives that serve each aim, each with its measure, baseline, target and date.'],
      ['The strategy area and its areas', 'To be completed: the strategy area and the areas within it, with their ONS geography.'],
      ['Audiences', 'To be completed: the audiences we will engage, how far we engage with each now, and the evidence behind them.'],
      ['Census evidence', 'To be completed: census figures for the strategy area and each of its areas, and the groups they show no audience reaches.'],
      ['Assets', 'To be completed: the people, groups and gathering places that help us reach our audiences.'],
      ['Vulnerabilities', 'To be completed: the areas and groups that are vulnerable, what stands between them and us, and what we will do about it.'],
      ['Places', 'To be completed: the places where our audiences gather, and when.'],
      ['What good will look like', 'To be completed: what will be true at the end of the strategy period.'],
      ['Appendix A: Data sources', 'No census tables or other data have been imported yet.'],
    ]) {
      expect(after(title!), title).toEqual({ style: 'Note', text: line });
    }
    // The only tables: document control, and its change history.
    expect(docx.tables.map((t) => t.rows[0])).toEqual([
      ['Item', 'Detail'],
      ['Version', 'From'],
    ]);
    expect(docx.body.slice(0, 6).map((p) => p.text)).toEqual(['Kent Police', TITLE, 'Strategy period: 1 April 2027 to 31 March 2030', 'Draft 2 · 25 November 2026', 'Next review: 1 October 2027', 'Prepared with Engagement Workbook']);
    for (const [, xml] of headersAndFooters(docx)) expect(textOf(xml)).toContain('OFFICIAL');
    expect(docx.files.get('docProps/custom.xml')).toContain('<vt:lpwstr>OFFICIAL</vt:lpwstr>');
  });

  it('takes out the characters Word rejects from every string it writes, and escapes the XML ones', async () => {
    const data = await makeData(fullWorkbookJson(), { personal: true });
    const bad = (text: string) => `${text}\u0001\u000B\uFFFE\uD800 & <b>`;
    const audience = data.records.audience[0]!;
    const names = new Map(data.names);
    names.set(ID.riverside, bad('Riverside'));
    const dirty: ExportData = {
      ...data,
      forceName: bad('Kent Police'),
      meta: { ...data.meta, title: bad('Title'), versionLabel: bad('Draft'), author: bad('Author') },
      names,
      records: { ...data.records, audience: [{ ...audience, name: bad('Young people'), evidenceNote: bad('Note') }, ...data.records.audience.slice(1)] },
      gaps: data.gaps.map((gap) => ({ ...gap, message: bad(gap.message) })),
    };
    const { docx, bytes } = await exportOf(dirty);
    const everything = [...docx.files.values()].join('\n');
    expect(everything).not.toMatch(/[\u0001\u000B\uFFFE]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|&#x?(1|0*B|FFFE|D800);/i);
    expect(everything).not.toContain('\uFFFD');
    expect(docx.body.slice(0, 2).map((p) => p.text)).toEqual(['Kent Police & <b>', 'Title & <b>']);
    expect(docx.files.get('docProps/core.xml')).toContain('<dc:title>Title &amp; &lt;b&gt;</dc:title>');
    expect(tableWithHeader(docx, 'Audience', 'Areas')[1]?.slice(0, 2)).toEqual(['Young people & <b>\nYoung people', 'Riverside & <b>']);
    expect(docx.document).not.toContain('<b>');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('Author: Author & <b>');
    expect(value).toContain('Note & <b>');
    expect(value).toContain('In Riverside, 11 % of residents are “Asian” (TS021 Ethnic group), but none of the 2 audiences covering Riverside cites them there: link one to this figure, or add an audience for them. & <b>');
  });

  it('puts each table in its placeholder’s place, keeping a section’s properties and a paragraph after a table that ends the body', () => {
    const placed = table([{ title: 'A', width: 1 }], [['x']]);
    const placeholder = (properties = '') => `<w:p>${properties}<w:r><w:t xml:space="preserve">${placed.token}</w:t></w:r></w:p>`;
    expect(placeTables(`<w:body><w:p/>${placeholder()}<w:sectPr/></w:body>`, [placed])).toBe(`<w:body><w:p/>${placed.xml}<w:p/><w:sectPr/></w:body>`);
    expect(placeTables(`<w:body>${placeholder()}<w:p/></w:body>`, [placed])).toBe(`<w:body>${placed.xml}<w:p/></w:body>`);
    const section = '<w:pPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr>';
    expect(placeTables(`<w:body>${placeholder(section)}<w:p/></w:body>`, [placed])).toBe(`<w:body>${placed.xml}<w:p>${section}<w:r><w:t xml:space="preserve"></w:t></w:r></w:p><w:p/></w:body>`);
    expect(() => placeTables('<w:body><w:p/></w:body>', [placed])).toThrow('not found');
  });
});

// ——— LibreOffice: the document converts to PDF, and the pages are there to be looked at ———

const PAGES_DIR = '/tmp/ewb-word-pages';

// LibreOffice and poppler are installed by `npm test` first: this runs wherever the suite runs.
describe('the Word document in LibreOffice', () => {
  it(
    'converts to PDF with the title, the headings and the marking on its pages',
    async () => {
      const dir = tempDir('ewb-word-pdf-');
      const docxFile = path.join(dir, 'strategy.docx');
      fs.writeFileSync(docxFile, await exportWord(await makeData(withLogo(fullWorkbookJson())), () => {}));
      const profile = `file:///tmp/lo-profile-${crypto.randomUUID()}`;
      const converted = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { encoding: 'utf8', timeout: 110_000 });
      fs.rmSync(new URL(profile), { recursive: true, force: true });
      const pdf = path.join(dir, 'strategy.pdf');
      expect(fs.existsSync(pdf), `soffice wrote no PDF: ${converted.stdout} ${converted.stderr}`).toBe(true);
      // Pages as pictures, for a person to look at.
      fs.rmSync(PAGES_DIR, { recursive: true, force: true });
      fs.mkdirSync(PAGES_DIR, { recursive: true });
      fs.copyFileSync(docxFile, path.join(PAGES_DIR, 'strategy.docx'));
      fs.copyFileSync(pdf, path.join(PAGES_DIR, 'strategy.pdf'));
      const rendered = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PAGES_DIR, 'page')], { encoding: 'utf8' });
      expect(rendered.status).toBe(0);
      const raw = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
      const text = raw.replace(/[ \t\n]+/g, ' ');
      expect(text).toContain(TITLE);
      expect(text).toContain('Kent Police');
      expect(text).toContain('1 Purpose');
      expect(text).toContain('Census evidence');
      // The marking at the top and the foot of every page.
      const pages = raw.split('\f').filter((page) => page.trim());
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const page of pages) expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      // The cover and the document control page are not numbered: the contents is page 3.
      expect(text).toMatch(/Page 3 of \d+/);
      expect(text).not.toMatch(/Page [12] of/);
      // The logo is drawn on the cover.
      const images = spawnSync('pdfimages', ['-list', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' }).stdout;
      expect(images).toMatch(/^\s+1\s+\d+\s+image\s+240\s+120\s/m);
      expect(fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.png')).length).toBe(pages.length);
    },
    120_000,
  );
});
