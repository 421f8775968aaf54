// Every screen a planner meets, with content showing, at 1280 × 800 and at 200 % zoom (640 × 400):
// axe finds no violation of any impact, and a screenshot of each is kept (test-results/screenshots/
// screens) to be looked at. Also the statuses that must not mislead: completing a section with
// gaps open asks first, an empty section cannot be completed, and Export says when each
// deliverable was last written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { FileBrowserDialog, HomePage, WorksheetPage } from './support/pages.ts';
import { PlanCalendarPage } from './support/plan-pages.ts';
import { streetCsv, type StreetRow } from '../helpers/police-csv.ts';

/** A month of police.uk street-level crime in Sparkbrook's two LSOAs. */
function crimeFile(): string {
  const rows: StreetRow[] = ['E01009001', 'E01009002'].flatMap((lsoa) => ['Shoplifting', 'Burglary', 'Anti-social behaviour'].map((type) => ({ month: '2024-01', force: 'West Midlands Police', lsoa, type })));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-e2e-screens-crime-')), '2024-01-west-midlands-street.csv');
  fs.writeFileSync(file, streetCsv(rows));
  return file;
}

const e2e = appForFile('ewb-e2e-screens-', { closePageAfterEach: true });
const SCREENS = path.join(SCREENSHOT_DIR, 'screens');

/** axe and a screenshot at both sizes; the page is left at 1280 × 800. */
async function checkScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  expect(await axeViolations(page), `${name} at 1280 × 800`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS, `${name}-1280.png`) });
  await page.setViewportSize({ width: 640, height: 400 });
  expect(await axeViolations(page), `${name} at 200 %`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS, `${name}-200.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('every screen', () => {
  it('has no accessibility problem of any impact, at 1280 × 800 and 200 %, from home to export', { timeout: 240_000 }, async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await checkScreen(page, 'home-empty');
    await home.startNewWorkbook();
    await home.submitNewWorkbook();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await checkScreen(page, 'new-workbook-errors');
    await home.fillNewWorkbook({ force: 'West Midlands Police', title: 'Birmingham engagement strategy 2027 to 2030', start: '1 4 2027', end: '31 3 2030' });
    await home.submitNewWorkbook();
    await new FileBrowserDialog(page).waitOpen();
    await checkScreen(page, 'file-browser');
    await new FileBrowserDialog(page).saveAs('Birmingham plan');
    await page.getByRole('heading', { level: 2, name: 'Workbook details' }).waitFor();
    await checkScreen(page, 'details');

    const ws = new WorksheetPage(page);
    await ws.open('Aims and objectives');
    // An empty section cannot be marked completed, and says why.
    const complete = page.getByRole('button', { name: 'Mark as completed' });
    expect(await complete.isDisabled()).toBe(true);
    expect(await page.locator('#aims-complete-reason').textContent()).toBe('Nothing to mark as completed yet: add an aim first.');
    await ws.create('aim', [['Aim', 'People in every neighbourhood can raise concerns with us']]);
    await ws.create('objective', [['Objective', 'Raise confidence in local policing to 65 %'], ['By when (optional)', 'date:31 3 2028']]);
    // With gaps open, completing asks first; "Not yet" leaves it as it was.
    await complete.click();
    const question = page.getByRole('group', { name: 'Mark as completed with gaps open?' });
    expect(await question.textContent()).toContain('This section still has 1 open gap.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Mark as completed with gaps open?');
    await checkScreen(page, 'aims-completion-question');
    await question.getByRole('button', { name: 'Not yet' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mark as completed');
    expect(await ws.status('Aims and objectives').first().textContent()).toBe('In progress');
    await checkScreen(page, 'aims');

    await ws.open('Areas');
    await ws.create('area', [['Name', 'Birmingham'], ['ONS geography (optional)', 'select:Local authority'], ['ONS code (optional)', 'E08000025']]);
    await ws.create('area', [['Name', 'Sparkbrook and Balsall Heath East'], ['ONS geography (optional)', 'select:Ward'], ['ONS code (optional)', 'E05011123'], ['Part of (optional)', 'select:Birmingham'], ['LSOAs it contains (optional)', 'E01009001 E01009002']]);
    await checkScreen(page, 'areas');

    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Pakistani community in Sparkbrook'], ['Kind of audience', 'select:Ethnic-minority communities'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']], ['Sparkbrook and Balsall Heath East']);
    await ws.add('audience');
    await ws.fill('Name', 'Young people in Balsall Heath');
    await page.getByRole('button', { name: 'Close the form' }).click();
    await checkScreen(page, 'audiences-with-draft');

    await ws.open('Assets');
    await ws.create('asset', [['Kind of asset', 'select:Individual'], ['Name', 'Chair, Sparkbrook residents association'], ['Relationship', 'select:Strong']], ['Sparkbrook and Balsall Heath East']);
    await checkScreen(page, 'assets');
    await ws.open('Vulnerabilities');
    await ws.create('vulnerability', [['Name', 'Older residents of the Balsall Heath flats'], ['An area or a group', 'select:A group'], ['Priority', 'select:High']], ['Digital exclusion']);
    await checkScreen(page, 'vulnerabilities');
    await ws.open('Places');
    await ws.create('place', [['Name', 'Central Jamia Mosque Ghamkol Sharif'], ['Kind of place', 'select:Religious centre'], ['Area (optional)', 'select:Sparkbrook and Balsall Heath East']]);
    await checkScreen(page, 'places');

    await ws.open('Census evidence');
    await page.getByRole('button', { name: 'Import a census table…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/census2021-ts021-lsoa.csv'));
    await page.getByRole('status').filter({ hasText: 'TS021 Ethnic group' }).waitFor();
    await checkScreen(page, 'census');

    // How, with a record in each of its screens (channel, grid, partner, community event, practice).
    await ws.open('Channels');
    await ws.create('channel', [['Name', 'Sparkbrook WhatsApp community group'], ['Kind of channel', 'select:Community messaging'], ['Status', 'select:We have it']]);
    await checkScreen(page, 'channels');
    await ws.open('Who listens where');
    await page.getByRole('grid', { name: 'Who listens where: audiences by channel' }).waitFor();
    await checkScreen(page, 'who-listens-where');
    await ws.open('Partners');
    await ws.create('partner', [['Organisation', 'Birmingham City Council community safety'], ['Sector', 'select:Local authority'], ['Relationship', 'select:Active']], ['Pakistani community in Sparkbrook']);
    await checkScreen(page, 'partners');
    await ws.open('Community events');
    await ws.create('community event', [['Name', 'Sparkbrook Eid in the park'], ['How often', 'select:Yearly'], ['Status', 'select:Planned']], ['Pakistani community in Sparkbrook']);
    await checkScreen(page, 'community-events');
    await ws.open('What works');
    await ws.create('practice', [['Title', 'Surgeries after Friday prayers'], ['Where it came from', 'select:Our force, now']]);
    await checkScreen(page, 'what-works');
    // Prior practice with the library empty: our own practice compared, and charted by depth.
    await ws.open('Prior practice');
    await page.getByLabel('Compare by').selectOption({ label: 'Pakistani community in Sparkbrook (Ethnic-minority communities)' });
    await page.getByRole('table', { name: /Practice side by side/ }).waitFor();
    await checkScreen(page, 'prior-practice');

    await ws.open('Crime evidence');
    await page.getByRole('button', { name: 'Import police.uk crime…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(crimeFile());
    await page.getByRole('status').filter({ hasText: /1 file: / }).waitFor();
    await checkScreen(page, 'crime');

    // What: a message with its six-point check and Welsh text, a community priority, an activity.
    await ws.open('Messages');
    await ws.create('message', [['Message', 'Your PCSOs are at Sparkbrook library every Tuesday, 10 till 12.'], ['Status', 'select:Draft'], ['Message in Welsh (Neges yn Gymraeg) (optional)', 'Mae eich SCCH yn y llyfrgell bob dydd Mawrth.']], ['Pakistani community in Sparkbrook']);
    await checkScreen(page, 'messages');
    await ws.open('You said, we did');
    await ws.create('community priority', [['What the community said', 'Cars race along Stratford Road at night.'], ['Status', 'select:Open']]);
    await checkScreen(page, 'priorities');
    await ws.open('Action plan');
    await ws.create('activity', [['Activity', 'Monthly surgery after Friday prayers'], ['How often', 'select:Monthly'], ['Status', 'select:Planned']]);
    await ws.tick('A flagship activity');
    await ws.waitSaved();
    await checkScreen(page, 'action-plan');
    // The same plan as a calendar, beside the activity's open form.
    await new PlanCalendarPage(page).show('Calendar');
    await checkScreen(page, 'action-plan-calendar');
    await new PlanCalendarPage(page).show('List');

    await ws.open('All gaps');
    await checkScreen(page, 'all-gaps');

    await ws.open('Overview');
    await page.getByRole('heading', { level: 3, name: /^Open gaps: \d+$/ }).waitFor();
    await page.getByRole('row', { name: /^Priority audiences with an active contact/ }).first().waitFor();
    await checkScreen(page, 'overview');
    await ws.open('What good looks like');
    await page.getByLabel('Our rating: a wide, active network').selectOption('2');
    await page.getByText(/^Rated 2 of 5\./).first().waitFor();
    await checkScreen(page, 'what-good-looks-like');
    await ws.open('Review');
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.getByRole('heading', { name: /^Step 1 of \d+: / }).waitFor();
    await checkScreen(page, 'review-walk');
    await page.getByRole('button', { name: 'Stop the review' }).click();
    await checkScreen(page, 'review');

    await ws.open('Export');
    expect(await page.getByTestId('last-export-word').textContent()).toBe('Not written yet');
    expect(await ws.status('Export').first().textContent()).toBe('Not written yet');
    await page.getByRole('button', { name: 'Export…' }).click();
    await new FileBrowserDialog(page).saveAs('Birmingham strategy');
    await new FileBrowserDialog(page).saveAs('Birmingham workbook');
    await page.getByRole('heading', { name: 'Export finished' }).waitFor();
    expect(await page.getByTestId('last-export-word').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}, to Birmingham strategy\.docx$/);
    expect(await page.getByTestId('last-export-excel').textContent()).toMatch(/, to Birmingham workbook\.xlsx$/);
    expect(await ws.status('Export').first().textContent()).toBe('Written');
    await checkScreen(page, 'export');

    // Still there after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Export' }).waitFor();
    expect(await page.getByTestId('last-export-word').textContent()).toMatch(/, to Birmingham strategy\.docx$/);

    await page.getByRole('button', { name: 'Close workbook' }).click();
    await page.locator('dialog[open]').getByRole('heading', { name: 'Close with unfinished records?' }).waitFor();
    await checkScreen(page, 'close-with-drafts');
    await page.locator('dialog[open]').getByRole('button', { name: 'Close and lose them' }).click();
    await home.recent('Birmingham engagement strategy 2027 to 2030').waitFor();
    await checkScreen(page, 'home-recent');
  });
});
