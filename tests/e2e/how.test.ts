// Worksheets II (How) end to end, through the UI only: four channels; a grid of five audiences by
// four channels filled by keyboard alone, with a note; two partners, one imported from an Excel list
// that also holds a duplicate of the other (merged, and said so); a community event; a practice
// record from a neighbouring force. Reload: all there, exactly the expected gaps. Axe finds no
// violation of any impact on each new screen with data showing, at 1280 × 800 and at 200 % zoom.
// Then the Word and Excel deliverables, converted to PDF by LibreOffice and drawn as pages. And,
// in the same browser, WHAT (issue 13): three messages (one failing the six-point check, one serving
// no objective, one with Welsh text) and a community priority taken through to "fed back".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { ContactImportPage, ReceptivityGridPage } from './support/how-pages.ts';
import { FileBrowserDialog, HomePage, WorksheetPage, fillDate } from './support/pages.ts';
import { QualityCheckPage } from './support/what-pages.ts';
import { forceWorkbook } from '../helpers/force-workbook.ts';
import { expectOk, testCore } from '../helpers/test-core.ts';

const e2e = appForFile('ewb-e2e-how-');
/** Where the deliverables' PDF pages are drawn, to be looked at. */
const PAGES_DIR = path.resolve('test-results/how-exports');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const AUDIENCES: Array<[string, string, string, string]> = [
  ['Young people in Riverside', 'Young people', 'Hard to reach', 'High'],
  ['Faith communities', 'Faith communities', 'Engaged', 'High'],
  ['Night-time economy', 'The night-time economy', 'Receptive', 'Medium'],
  ['Older people in Old Town', 'Older people', 'Unknown', 'Medium'],
  ['Visitors', 'Visitors and tourists', 'Receptive', 'Low'],
];
const CHANNELS = ['Riverside Neighbourhood Alert', 'Maidstone Police on Instagram', 'KMFM radio', 'Street briefings'];

/** The grid by keyboard: 1 yes, 2 partly, 3 no, 4 unknown, a row at a time (Space once, for "partly" after "yes"). */
const GRID: Array<[string, string[]]> = [
  ['Young people in Riverside', ['3', '1', '2', '3']],
  ['Faith communities', ['1', '2', '3', '1']],
  ['Night-time economy', ['3', '2', '2', '4']],
  ['Older people in Old Town', ['1', '3', '1', '1 ']],
  ['Visitors', ['3', '2', '4', '3']],
];
const WORDS: Record<string, string> = { '1': 'Yes', '2': 'Partly', '3': 'No', '4': 'Unknown', '1 ': 'Partly' };

/** Exactly the gaps the How sections should show. */
const EXPECTED_GAPS: Record<string, string[]> = {
  Channels: [],
  'Who listens where': ['Audience “Night-time economy” is a priority audience but no channel is marked yes for it: say in the grid which channels reach them, or plan one that will.'],
  Partners: [
    'Audience “Night-time economy” is a priority audience that no partner or asset reaches: record who could help you reach them.',
    'Audience “Older people in Old Town” is a priority audience that no partner or asset reaches: record who could help you reach them.',
  ],
  'Community events': [],
  'What works': [],
};

async function partnerList(mosqueEmail = 'trust@riverside-mosque.example'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Partners');
  sheet.addRow(['Organisation', 'Sector', 'Contact', 'Email', 'Phone']);
  sheet.addRow(['Riverside Mosque trust', 'Faith', 'A. Rahman', mosqueEmail, '01632 960451']);
  sheet.addRow(['MAIDSTONE BOROUGH COUNCIL  community safety team', 'Local authority', 'Priya Shah', 'p.shah@maidstone.example', '01632 960112']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

/** Converts a deliverable to PDF with LibreOffice, draws its pages as PNGs in PAGES_DIR/`name`, and answers with its text. */
function pdfPages(file: string, name: string): { text: string; pages: string[] } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-soffice-'));
  const out = path.join(PAGES_DIR, name);
  fs.mkdirSync(out, { recursive: true });
  try {
    const converted = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, file], { encoding: 'utf8', timeout: 150_000 });
    const pdf = path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
    expect(fs.existsSync(pdf), `soffice wrote no PDF: ${converted.stdout} ${converted.stderr}`).toBe(true);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    spawnSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(out, 'page')]);
    return { text, pages: fs.readdirSync(out).filter((f) => f.endsWith('.png')) };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe('worksheets: How', () => {
  it('records channels, who listens where, partners (one imported), an event and what works, keeps them, and shows exactly the expected gaps', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Kent engagement strategy', start: '1 4 2027', end: '31 3 2030' }, 'Kent how');
    const ws = new WorksheetPage(page);

    await ws.open('Audiences');
    for (const [name, kind, state, priority] of AUDIENCES) await ws.create('audience', [['Name', name], ['Kind of audience', `select:${kind}`], ['Engagement', `select:${state}`], ['Priority', `select:${priority}`]]);

    // Channels.
    await ws.open('Channels');
    await ws.create('channel', [['Name', CHANNELS[0]!], ['Kind of channel', 'select:Community messaging'], ['Status', 'select:We have it'], ['Reach (people) (optional)', '2140'], ['How the reach was counted (optional)', 'Subscribers on 1 November 2026'], ['Cost (optional)', 'Free']]);
    await ws.create('channel', [['Name', CHANNELS[1]!], ['Kind of channel', 'select:Social-media account'], ['Status', 'select:We have it'], ['Platform (optional)', 'select:Instagram'], ['Reach (people) (optional)', '5300'], ['Owner (optional)', 'PS Dana Okafor']]);
    await ws.create('channel', [['Name', CHANNELS[2]!], ['Kind of channel', 'select:Radio'], ['Status', 'select:Planned'], ['Cost (optional)', '£400 a month']]);
    await ws.create('channel', [['Name', CHANNELS[3]!], ['Kind of channel', 'select:Street briefing or beat surgery'], ['Status', 'select:We have it']]);
    expect(await ws.rowNames('Channels')).toEqual(CHANNELS);
    expect(await ws.gaps().allTextContents()).toEqual([]);
    await expectNoViolations(page, 'channels with a channel open');
    await shoot(page, 'how-channels');

    // Who listens where, by keyboard alone.
    await ws.open('Who listens where');
    const grid = new ReceptivityGridPage(page);
    await grid.grid().waitFor();
    await grid.tabIntoGrid();
    expect(await grid.focusedCell()).toEqual({ audience: 'Young people in Riverside', channel: CHANNELS[0] });
    for (const [index, [, keys]] of GRID.entries()) {
      for (const [column, value] of keys.entries()) {
        await grid.press(...value.split('').map((k) => (k === ' ' ? 'Space' : k)));
        if (column < keys.length - 1) await grid.press('ArrowRight');
      }
      if (index < GRID.length - 1) await grid.press('ArrowDown', 'Home');
    }
    expect(await grid.focusedCell()).toEqual({ audience: 'Visitors', channel: CHANNELS[3] });
    // A note on young people × Instagram: Ctrl+Home, right, Enter; type; Tab to save.
    await grid.press('Control+Home', 'ArrowRight');
    expect(await grid.focusedCell()).toEqual({ audience: 'Young people in Riverside', channel: CHANNELS[1] });
    await grid.press('Enter');
    await page.getByRole('heading', { name: `Evidence: Young people in Riverside on ${CHANNELS[1]}` }).waitFor();
    await page.keyboard.type('Youth forum survey, March 2026');
    await grid.press('Tab', 'Enter');
    await page.getByRole('heading', { name: /^Evidence:/ }).waitFor({ state: 'detached' });
    expect(await grid.focusedCell()).toEqual({ audience: 'Young people in Riverside', channel: CHANNELS[1] });
    await ws.waitSaved();
    for (const [audience, keys] of GRID) expect(await grid.rowValues(audience), audience).toEqual(keys.map((k) => WORDS[k]));
    expect(await ws.gaps().allTextContents()).toEqual(EXPECTED_GAPS['Who listens where']);
    await expectNoViolations(page, 'the grid with a cell chosen');
    await shoot(page, 'how-receptivity-grid');

    // Partners: one by hand, then a list from Excel holding it again (merged, and said so) and a new one.
    await ws.open('Partners');
    await ws.create('partner', [['Organisation', 'Maidstone Borough Council community safety team'], ['Sector', 'select:Local authority'], ['Relationship', 'select:Active'], ["Contact's role (optional)", 'Community Safety Manager']], ['Young people in Riverside']);
    const imports = new ContactImportPage(page);
    // A list with an e-mail address that cannot be right is refused, naming its row, and nothing is imported.
    await imports.choose('partners', { name: 'partners-typo.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await partnerList('trust@riverside-mosque') });
    await imports.dialog().getByLabel('Column with the email (optional)').selectOption('Email');
    await imports.dialog().getByRole('button', { name: 'Check the list' }).click();
    const refusal = imports.dialog().getByRole('alert');
    await refusal.getByText('"partners-typo.xlsx" (sheet "Partners") has 1 row with values the workbook cannot use.', { exact: false }).waitFor();
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual(['Row 2, column "Email": “trust@riverside-mosque” is not an e-mail address: it should look like name@example.org.']);
    await expectNoViolations(page, 'a contact list refused for a bad e-mail address');
    await shoot(page, 'how-partners-import-refused');
    await imports.dialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await ws.rowNames('Partners')).toEqual(['Maidstone Borough Council community safety team']);
    await imports.choose('partners', { name: 'partners.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await partnerList() });
    await expectNoViolations(page, 'the column-mapping step for partners');
    await shoot(page, 'how-partners-import-columns');
    expect(await imports.dialog().getByLabel('Column with the organisation').inputValue()).toBe('Organisation');
    // A label that is already a clause takes no article.
    expect(await imports.dialog().getByLabel('Column with what they bring (optional)').count()).toBe(1);
    await imports.dialog().getByLabel('Column with the email (optional)').selectOption('Email');
    await imports.dialog().getByRole('button', { name: 'Check the list' }).click();
    await page.getByRole('heading', { name: 'Import 2 rows from partners.xlsx?' }).waitFor();
    expect(await imports.dialog().textContent()).toContain('1 partner will be added; 1 row will be merged with partners already recorded; 0 rows will be skipped.');
    expect(await imports.dialog().textContent()).toContain('Row 3, “MAIDSTONE BOROUGH COUNCIL  community safety team”, into “Maidstone Borough Council community safety team”: adds contact name, phone, email');
    await expectNoViolations(page, 'the check before importing partners');
    await shoot(page, 'how-partners-import-check');
    await imports.dialog().getByRole('button', { name: 'Import partners' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Partners imported from partners.xlsx' });
    await done.waitFor();
    expect(await done.textContent()).toContain('1 partner added; 1 row merged with partners already recorded; 0 rows skipped.');
    expect(await done.textContent()).toContain('into “Maidstone Borough Council community safety team”');
    expect((await ws.rowNames('Partners')).sort()).toEqual(['Maidstone Borough Council community safety team', 'Riverside Mosque trust']);
    await ws.list('Partners').getByRole('button', { name: 'Riverside Mosque trust' }).click();
    // Ticked by keyboard: the box moves into the chosen list and keeps focus there.
    await ws.form().getByRole('checkbox', { name: 'Faith communities', exact: true }).press('Space');
    expect(await page.evaluate(() => { const box = document.activeElement as HTMLInputElement | null; return [box?.checked, box?.closest('ul')?.getAttribute('aria-label'), box?.parentElement?.textContent]; })).toEqual([true, 'Chosen audiences they reach', 'Faith communities']);
    await ws.waitSaved();
    expect(await ws.gaps().allTextContents()).toEqual(EXPECTED_GAPS.Partners);
    await expectNoViolations(page, 'partners with a partner open');
    await shoot(page, 'how-partners');

    // A community event.
    await ws.open('Community events');
    await ws.create(
      'community event',
      [['Name', 'Riverside summer fun day'], ['How often', 'select:Yearly'], ['Status', 'select:Planned'], ['Organiser: a partner (optional)', 'select:Maidstone Borough Council community safety team'], ['Next date (optional)', 'date:17 7 2027'], ['Where (if not one of our places) (optional)', 'Riverside recreation ground'], ['Our role (optional)', 'select:Run a stall']],
      ['Young people in Riverside', 'Faith communities'],
    );
    await expectNoViolations(page, 'community events with an event open');
    await shoot(page, 'how-events');

    // What works: a practice from a neighbouring force (Essex borders Kent).
    await ws.open('What works');
    await ws.create('practice', [
      ['Title', 'Detached patrols with youth workers at the skate park'],
      ['Where it came from', 'select:Another force'],
      ['Which force (optional)', 'select:Essex Police'],
      ['Year (optional)', '2024'],
      ['Depth of engagement (optional)', 'select:Involve'],
      ['Outcome (optional)', 'select:Things improved'],
      ['What happened (optional)', 'Anti-social behaviour calls fell by a third over the summer.'],
      ['Strength of the evidence (optional)', 'select:Monitored'],
      ['Our verdict (optional)', 'select:Adapt'],
    ], ['Young people', 'Face-to-face patrol']);
    // Beside the open form the list shows the name and where it came from.
    expect(await ws.list('Practices').getByRole('row').nth(1).textContent()).toBe('Detached patrols with youth workers at the skate parkEssex Police');
    await expectNoViolations(page, 'what works with a practice open');
    await shoot(page, 'how-what-works');

    // Reload: everything is there, with exactly the expected gaps.
    // A reload comes back to the section that was showing.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'What works' }).waitFor();
    await ws.open('Channels');
    expect(await ws.rowNames('Channels')).toEqual(CHANNELS);
    await ws.open('Who listens where');
    await grid.grid().waitFor();
    await page.locator('.rgrid__word').first().waitFor();
    for (const [audience, keys] of GRID) expect(await grid.rowValues(audience), `${audience} after reload`).toEqual(keys.map((k) => WORDS[k]));
    expect(await grid.grid().getByRole('gridcell', { name: /with a note: Youth forum survey, March 2026/ }).count()).toBe(1);
    await ws.open('Partners');
    expect((await ws.rowNames('Partners')).sort()).toEqual(['Maidstone Borough Council community safety team', 'Riverside Mosque trust']);
    await ws.open('Community events');
    expect(await ws.rowNames('Community events')).toEqual(['Riverside summer fun day']);
    await ws.open('What works');
    expect(await ws.rowNames('Practices')).toEqual(['Detached patrols with youth workers at the skate park']);
    for (const [section, gaps] of Object.entries(EXPECTED_GAPS)) {
      await ws.open(section);
      expect(await ws.gaps().allTextContents(), section).toEqual(gaps);
      const counted = await ws.taskListGaps(section);
      expect(counted, `${section} in the task list`).toBe(gaps.length);
    }
    expect(await ws.status('Who listens where').first().textContent()).toBe('In progress');

    // A "no channel marked yes" gap opened from All gaps lands on its audience's row, on its first cell,
    // even with the grid filtered to other audiences.
    await ws.open('Who listens where');
    await page.getByLabel('Filter audiences').fill('Visitors');
    await ws.open('All gaps');
    await page.getByRole('button', { name: EXPECTED_GAPS['Who listens where']![0]! }).click();
    await page.getByRole('heading', { level: 2, name: 'Who listens where' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'gridcell');
    expect(await grid.focusedCell()).toEqual({ audience: 'Night-time economy', channel: CHANNELS[0] });
    expect(await page.getByLabel('Filter audiences').inputValue()).toBe('');
    await grid.press('1');
    await ws.waitSaved();
    expect(await ws.gaps().allTextContents()).toEqual([]);
    // One step of undo puts the cell back, and the gap with it.
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: EXPECTED_GAPS['Who listens where']![0]! }).waitFor();
    // The grid reads itself again once the undo's effects have arrived.
    await expect.poll(() => grid.rowValues('Night-time economy')).toEqual(GRID[2]![1].map((k) => WORDS[k]));

    // A "no partner reaches" gap starts a new partner with the audience already ticked, ready for its name.
    await ws.open('All gaps');
    await page.getByRole('button', { name: EXPECTED_GAPS.Partners![1]! }).click();
    await page.getByRole('heading', { level: 2, name: 'Partners' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'partner-form-organisation');
    expect(await ws.form().getByRole('checkbox', { name: 'Older people in Old Town', exact: true }).isChecked()).toBe(true);
    await ws.fill('Organisation', 'Old Town library');
    await ws.choose('Sector', 'Local authority');
    await ws.choose('Relationship', 'Initial contact');
    await ws.form().getByLabel('Organisation', { exact: true }).focus();
    await ws.form().getByRole('button', { name: 'Delete this partner' }).waitFor();
    await ws.waitSaved();
    expect(await ws.gaps().allTextContents()).toEqual([EXPECTED_GAPS.Partners![0]!]);
    await expectNoViolations(page, 'a partner started from a gap');

    // At 200 % zoom, each new screen with data showing.
    await page.setViewportSize({ width: 640, height: 400 });
    for (const [section, list, record] of [
      ['Channels', 'Channels', CHANNELS[1]!],
      ['Partners', 'Partners', 'Riverside Mosque trust'],
      ['Community events', 'Community events', 'Riverside summer fun day'],
      ['What works', 'Practices', 'Detached patrols with youth workers at the skate park'],
    ] as const) {
      await ws.open(section);
      await ws.list(list).getByRole('button', { name: record }).click();
      await ws.form().waitFor();
      await expectNoViolations(page, `${section} at 200 % zoom`);
      await shoot(page, `how-${section.toLowerCase().replaceAll(' ', '-')}-200-percent`);
    }
    await ws.open('Who listens where');
    await grid.tabIntoGrid();
    await grid.press('ArrowDown', 'ArrowRight', 'ArrowRight');
    await expectNoViolations(page, 'the grid at 200 % zoom');
    await shoot(page, 'how-receptivity-grid-200-percent');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The deliverables, through the export screen, converted by LibreOffice and drawn as pages.
    await ws.open('Export');
    await page.getByRole('button', { name: 'Export…' }).click();
    const files = new FileBrowserDialog(page);
    await files.waitOpen();
    await files.saveAs('Kent how.docx');
    await files.waitOpen();
    await files.saveAs('Kent how.xlsx');
    await page.getByRole('heading', { name: 'Export finished' }).waitFor({ timeout: 60_000 });
    fs.rmSync(PAGES_DIR, { recursive: true, force: true });
    fs.mkdirSync(PAGES_DIR, { recursive: true });
    const word = pdfPages(path.join(e2e.folder, 'Kent how.docx'), 'word');
    const chapter = word.text.slice(word.text.lastIndexOf('3 How we will reach them'), word.text.lastIndexOf('4 What we will say'));
    // Words a table cell may wrap between lines are looked for one line's worth at a time.
    for (const expected of [...CHANNELS, 'Who listens where', '✓ Yes', '◐ Partly', '✗ No', '? Unknown', 'Youth forum survey, March 2026', 'Local authority', 'Faith', 'Riverside Mosque', 'Riverside summer fun', 'Essex Police', 'Detached patrols']) {
      expect(chapter, `Word chapter 3: ${expected}`).toContain(expected);
    }
    // Personal data stays out unless asked for.
    expect(word.text).not.toContain('PS Dana Okafor');
    expect(word.text).not.toContain('Priya Shah');
    const excel = pdfPages(path.join(e2e.folder, 'Kent how.xlsx'), 'excel');
    for (const expected of ['Who listens where', 'Riverside Neighbourhood Alert', '✓ Yes', 'Riverside Mosque trust', 'Riverside summer fun day', 'Essex Police']) expect(excel.text, `Excel: ${expected}`).toContain(expected);
    expect(word.pages.length + excel.pages.length).toBeGreaterThan(2);
    // Five screens filled through the UI, at two sizes, then two deliverables through LibreOffice.
  }, 240_000);

  it('adds another force’s share copy and a whole workbook to the practice library, compares (neighbours first), adopts one, and keeps it with its provenance', async () => {
    // Sussex borders Kent; Cumbria does not. Their workbooks are files in the host's folder, as if sent.
    const sussex = await forceWorkbook(e2e.folder, 'Sussex plan.ewb', 'sussex', [
      { title: 'Faith leaders forum', audienceKinds: ['faith'], channelKinds: ['community-group'], depth: 'collaborate', outcome: 'improved', evidenceStrength: 'monitored', notes: 'Call Zebedee on 07700 900123' },
      { title: 'Interfaith walk', audienceKinds: ['faith'], depth: 'inform', verdict: 'avoid' },
    ], { title: 'Sussex engagement strategy', periodStart: '2026-04-01', periodEnd: '2029-03-31' });
    // Sussex sends a share copy (made by its own app), which Kent adds: its notes stay behind.
    const sender = testCore();
    await expectOk(sender, 'saveShareCopy', { path: sussex.file, destination: path.join(e2e.folder, 'Sussex shared.ewb') });
    fs.rmSync(sussex.file);
    await forceWorkbook(e2e.folder, 'Cumbria plan.ewb', 'cumbria', [{ title: 'Mosque open day', audienceKinds: ['faith'], depth: 'involve', verdict: 'adopt' }], { title: 'Cumbria engagement strategy' });
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Kent practice', start: '1 4 2027', end: '31 3 2030' }, 'Kent practice');
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Deaf residents'], ['Kind of audience', 'select:Deaf and hard-of-hearing people'], ['Engagement', 'select:Unknown'], ['Priority', 'select:High']]);
    await ws.open('Prior practice');
    for (const file of ['Sussex shared.ewb', 'Cumbria plan.ewb']) {
      await page.getByRole('button', { name: 'Add a workbook to the library…' }).click();
      const browser = new FileBrowserDialog(page);
      await browser.waitOpen();
      await browser.pick(file);
      await page.getByRole('status').filter({ hasText: `${file}: ` }).waitFor();
    }
    const library = page.getByRole('table', { name: /Workbooks in the practice library/ });
    // The list is read again after the add's message shows: wait for both entries before reading it.
    await library.getByRole('row').nth(2).waitFor();
    expect(await library.getByRole('row').nth(1).textContent()).toContain('Cumbria Constabulary');
    expect(await library.getByRole('row').nth(2).textContent()).toMatch(/Sussex Police Neighbour.*Sussex engagement strategy.*1 April 2026 to 31 March 2029.*A share copy made \d{1,2} [A-Z][a-z]+ \d{4}: Sussex shared\.ewb/);

    await page.getByLabel('Compare by').selectOption({ label: 'Faith communities' });
    const table = page.getByRole('table', { name: /Practice side by side/ });
    await table.waitFor();
    // Ours first, then our land neighbours, then the others; a force with nothing recorded for this is named beneath, not given an empty column.
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Kent PoliceOurs', 'Sussex PoliceNeighbour', 'Cumbria ConstabularyOther force']);
    expect(await page.locator('.compare-silent').textContent()).toBe('Nothing recorded for this by Metropolitan Police Service (neighbour), Surrey Police (neighbour).');
    expect(await table.locator('.practice-card--highlight').allTextContents()).toEqual([expect.stringContaining('★ Rated well by a neighbour; not among oursFaith leaders forum')]);
    expect(await page.getByRole('status').filter({ hasText: 'Audiences no force has recorded practice for' }).textContent()).toContain('Deaf residents');
    await expectNoViolations(page, 'prior practice with a comparison');
    await page.getByRole('heading', { name: 'Compare', exact: true }).scrollIntoViewIfNeeded();
    await shoot(page, 'practice-comparison');
    await page.setViewportSize({ width: 640, height: 400 });
    await expectNoViolations(page, 'prior practice at 200 % zoom');
    await shoot(page, 'practice-comparison-200-percent');
    await page.setViewportSize({ width: 1280, height: 800 });

    await table.getByRole('button', { name: 'Adapt “Faith leaders forum” from Sussex Police' }).click();
    await page.getByRole('status').filter({ hasText: 'is now in What works' }).waitFor();
    // Once ours, it is no longer new to us: the comparison, asked again, highlights nothing.
    await table.locator('.practice-card--highlight').waitFor({ state: 'detached' });
    expect(await table.getByText('Faith leaders forum', { exact: true }).count()).toBe(2);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Prior practice' }).waitFor();
    expect(await page.getByRole('table', { name: /Workbooks in the practice library/ }).textContent()).toContain('A share copy made');
    await ws.open('What works');
    expect(await ws.rowNames('Practices')).toEqual(['Faith leaders forum']);
    await ws.list('Practices').getByRole('button', { name: 'Faith leaders forum' }).click();
    expect(await ws.form().getByLabel('Which force (optional)', { exact: true }).inputValue()).toBe('sussex');
    expect(await ws.form().getByLabel('From which workbook (optional)', { exact: true }).inputValue()).toMatch(/^Sussex engagement strategy \(2026-04-01 to 2029-03-31\), workbook [0-9a-f-]{36}$/);
    expect(await ws.form().getByLabel('Our verdict (optional)', { exact: true }).inputValue()).toBe('adapt');
  }, 120_000);

  it('records three messages and a priority taken through to fed back, keeps them, and shows exactly the expected gaps', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Dyfed-Powys Police', title: 'Dyfed-Powys engagement strategy', start: '1 4 2027', end: '31 3 2030' }, 'Dyfed-Powys what');
    const ws = new WorksheetPage(page);
    const check = new QualityCheckPage(page);
    const OBJECTIVE = 'Hold a surgery in every market town each month';
    await ws.open('Aims and objectives');
    await ws.create('aim', [['Aim', 'Build trust in rural communities']]);
    await ws.create('objective', [['Objective', OBJECTIVE], ['Aim it serves', 'select:Build trust in rural communities'], ['Measure (optional)', 'Surgeries held'], ['By when (optional)', 'date:31 3 2028']]);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Welsh-speaking farming families'], ['Kind of audience', 'select:Farming and rural workers'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']]);

    const LIVE = 'We are here for you.';
    const LOOSE = 'Lock your quad bikes away at night.';
    // The same ask as LOOSE in other words: a near-duplicate, flagged on this later message.
    const AGAIN = 'Keep quad bikes locked up overnight.';
    const ENGLISH = 'Your neighbourhood team is at Llandeilo library every Tuesday, 10 till 12.';
    const WELSH = 'Mae eich tîm plismona bro yn llyfrgell Llandeilo bob dydd Mawrth, 10 tan 12. Ŵyr, ŷd.';
    await ws.open('Messages');
    // Live, for the audience, serving the objective, but not yet specific.
    await ws.create('message', [['Message', LIVE], ['Status', 'select:Live']], [OBJECTIVE, 'Welsh-speaking farming families']);
    for (const point of ['Consistent', 'Appropriate', 'Challenging', 'Tailored', 'Interesting']) await check.set(point, 'Pass');
    await check.set('Specific', 'Not yet', 'Where and when?');
    await ws.form().getByLabel('Note on specific (optional)', { exact: true }).blur();
    await ws.waitSaved();
    await ws.create('message', [['Message', LOOSE], ['Status', 'select:Draft']]);
    await ws.create('message', [['Message', ENGLISH], ['Status', 'select:Draft'], ['Message in Welsh (Neges yn Gymraeg) (optional)', WELSH]], [OBJECTIVE]);
    expect(await ws.form().getByLabel('Message in Welsh (Neges yn Gymraeg) (optional)', { exact: true }).getAttribute('lang')).toBe('cy');
    await ws.create('message', [['Message', AGAIN], ['Status', 'select:Draft']], [OBJECTIVE]);
    await expectNoViolations(page, 'messages with a message open');
    await shoot(page, 'what-messages');

    // A priority, from open to fed back.
    const CONCERN = 'Quad bikes are stolen from farms along the border.';
    await ws.open('You said, we did');
    await ws.create('community priority', [['What the community said', CONCERN], ['Status', 'select:Open']]);
    expect(await ws.gaps().allTextContents()).toEqual([`Community priority “${CONCERN}” has no agreed response: say what we will do about it.`]);
    await ws.fill('Agreed response (we did) (optional)', 'Farm watch evenings and free marking of machinery.');
    await ws.choose('Status', 'In hand');
    await ws.waitSaved();
    await ws.choose('Status', 'Done');
    await ws.waitSaved();
    expect(await ws.gaps().allTextContents()).toEqual([`Community priority “${CONCERN}” is done but not fed back: tell the community what was done, then mark it fed back.`]);
    await ws.fill('What we told them (optional)', 'Marked 140 machines; no thefts reported since.');
    await fillDate(ws.form(), 'When we told them (optional)', '2 11 2026');
    await ws.choose('Status', 'Fed back');
    await ws.waitSaved();
    expect(await ws.gaps().allTextContents()).toEqual([]);
    await expectNoViolations(page, 'You said, we did with a priority open');
    await shoot(page, 'what-priorities');

    // Reload: all there, exactly the expected gaps.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'You said, we did' }).waitFor();
    // The heading can show before the list has loaded: wait for the row, then read the whole list.
    await ws.list('Community priorities').getByRole('button', { name: CONCERN }).waitFor();
    expect(await ws.rowNames('Community priorities')).toEqual([CONCERN]);
    await ws.list('Community priorities').getByRole('button', { name: CONCERN }).click();
    expect(await ws.form().getByLabel('Status', { exact: true }).inputValue()).toBe('fed-back');
    expect(await ws.gaps().allTextContents()).toEqual([]);
    await ws.open('Messages');
    expect(await ws.rowNames('Messages')).toEqual([LIVE, LOOSE, ENGLISH, AGAIN]);
    expect(await ws.gaps().allTextContents()).toEqual([
      `Message “${LOOSE}” serves no objective: link it to the objectives it serves, or ask whether it is needed.`,
      `Message “${LIVE}” is live but has not passed the six-point check (not yet specific): rework it, or take it out of use.`,
      `Message “${AGAIN}” says much the same as the earlier Message “${LOOSE}” (similarity 0.74): merge them, or make each ask something different.`,
    ]);
    expect(await ws.taskListGaps('Messages')).toBe(3);
    await ws.list('Messages').getByRole('button', { name: LIVE }).click();
    expect(await check.result('Specific')).toBe('Not yet');
    expect(await check.result('Interesting')).toBe('Pass');
    expect(await ws.form().getByLabel('Note on specific (optional)', { exact: true }).inputValue()).toBe('Where and when?');
    await ws.list('Messages').getByRole('button', { name: ENGLISH }).click();
    expect(await ws.form().getByLabel('Message in Welsh (Neges yn Gymraeg) (optional)', { exact: true }).inputValue()).toBe(WELSH);
    await page.setViewportSize({ width: 640, height: 400 });
    await expectNoViolations(page, 'messages at 200 % zoom');
    await shoot(page, 'what-messages-200-percent');
    await ws.open('You said, we did');
    await ws.list('Community priorities').getByRole('button', { name: CONCERN }).click();
    await expectNoViolations(page, 'You said, we did at 200 % zoom');
    await shoot(page, 'what-priorities-200-percent');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
