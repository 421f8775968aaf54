// The worked example end to end: "Open the worked example" on the home screen saves a new copy in
// the workbooks folder and opens it, with its records, its census evidence and only the gaps it
// shows on purpose. Then the review cycle on it: the overview's indicators and gap counts, a
// hallmark rated, a review walked through to its log entry (which survives a reload and is in the
// Word document and the Excel workbook), and a roll forward to the next period that opens with the
// same records while the old file's bytes stay as they were. Each new screen is checked by axe.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations, seriousViolations } from './support/axe.ts';
import { sheetParts } from '../helpers/excel-file.ts';
import { FileBrowserDialog, HomePage, WorkbookPage, WorksheetPage } from './support/pages.ts';
import { formatUkDate } from '../../shared/domain/uk-date.ts';
import { yearAfter } from '../../shared/domain/recurrence.ts';

const e2e = appForFile('ewb-e2e-example-');

describe('the worked example', () => {
  it('opens as a new copy in the workbooks folder, to explore and change', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.heading().waitFor();
    await page.getByRole('button', { name: 'Open the worked example' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    expect(await dialog.root.getByLabel('File name').inputValue()).toBe('Worked example.ewb');
    await dialog.saveAs('Worked example');

    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    expect(await workbook.title().textContent()).toBe('Larkhampton neighbourhood engagement strategy (worked example)');
    await page.getByText('This is a copy of the worked example').waitFor();
    expect(fs.existsSync(path.join(e2e.folder, 'Worked example.ewb'))).toBe(true);

    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await page.getByRole('row', { name: /Polish and Romanian families/ }).first().waitFor();
    await ws.open('Census evidence');
    expect(await ws.gaps().allTextContents()).toEqual([expect.stringMatching(/^In Canalside, 6\.5 % of residents are “Black, Black British, Black Welsh, Caribbean or African”/)]);
    expect(await seriousViolations(page), 'the worked example’s census evidence').toEqual([]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'worked-example-census.png') });
    await workbook.close();
    await home.heading().waitFor();
  });

  it('runs the review cycle: overview, self-assessment, a logged review, the exports and a roll forward', { timeout: 240_000 }, async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.recent('Larkhampton neighbourhood engagement strategy (worked example)').click();
    const workbook = new WorkbookPage(page);
    // A workbook with records opens on its overview.
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Open gaps: 2' }).waitFor();
    expect(await page.getByRole('heading', { level: 4, name: /\(1\)$/ }).allTextContents()).toEqual(['Aims and objectives (1)', 'Census evidence (1)']);
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) }).first().getByRole('cell');
    expect(await row('Key partner sectors covered').allTextContents()).toEqual(['2 of 4', '50 %', expect.stringContaining('none yet in health and business')]);
    expect(await row('Key partner sectors active').allTextContents()).toEqual(['1 of 4', '25 %', expect.stringContaining('not yet in health, business and charity or voluntary')]);
    // Regular activity is rated 4 in the example; its indicators need the action plan.
    expect(await page.getByText(/^Rated 4 of 5\./).count()).toBe(1);
    await checkScreen(page, 'overview');
    // A gap on the overview is a link to its record.
    await page.getByRole('button', { name: /has no date: say by when it should be met/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Aims and objectives' }).waitFor();

    const ws = new WorksheetPage(page);
    await ws.open('What good looks like');
    await page.getByText('Every ward has at least one community contact the team meets every quarter.').waitFor();
    await page.getByLabel('Our rating: solving problems together').selectOption('3');
    await page.getByText(/^Rated 3 of 5\./).first().waitFor();
    await checkScreen(page, 'good');

    await ws.open('Review');
    await page.getByRole('button', { name: 'Start a review' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 2: What good looks like' }).waitFor();
    expect(await page.locator('.review-walk').textContent()).toContain('Editing hallmark rating');
    await checkScreen(page, 'review-walk');
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByRole('heading', { name: 'Step 2 of 2: Write the review log entry' }).waitFor();
    await page.getByLabel('Reviewer (optional)').fill('Insp. Dana Okafor');
    await page.getByLabel('What the review found').fill('Mid-year check: solving problems together is only partly there.');
    await page.getByLabel('What was decided (optional)').fill('Ask the youth forum to set two of next quarter’s priorities.');
    // By keyboard: the form goes, and focus moves to what happened instead of the top of the page.
    await page.getByRole('button', { name: 'Write to the review log' }).press('Enter');
    await page.getByRole('heading', { name: 'Review logged' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Review logged');
    // The next review falls a year after this one unless the planner changes it, and the review date moves with it.
    const logged = (await page.getByText(/written to the review log\. The next review is due on/).textContent()) ?? '';
    const [, reviewedOn, nextDue] = /^Review of (\d{1,2} \w+ \d{4}) written to the review log\. The next review is due on (\d{1,2} \w+ \d{4})\.$/.exec(logged) ?? [];
    const dayOf = (uk: string | undefined) => (uk ? new Date(`${uk} 12:00 UTC`).toISOString().slice(0, 10) : '');
    expect(formatUkDate(yearAfter(dayOf(reviewedOn))), logged).toBe(nextDue);
    expect(await page.locator('.summary-list__row', { hasText: 'Review date' }).textContent()).toBe(`Review date${nextDue}`);
    await checkScreen(page, 'review');

    // The entry is in the workbook: it is there after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
    await page.getByRole('cell', { name: 'Mid-year check: solving problems together is only partly there.' }).waitFor();

    // And in the Word document's Review chapter and the Excel workbook's review log.
    await ws.open('Export');
    // By keyboard alone: Enter on Export…, then Enter in each file dialog's name box; focus stays on
    // the (still focusable) button while it runs, and moves to the result when it is done.
    await page.getByRole('button', { name: 'Export…' }).press('Enter');
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    await page.getByLabel('File name').fill('Example strategy.docx');
    await page.getByLabel('File name').press('Enter');
    await page.locator('dialog[open]').getByText('Save the Excel workbook').waitFor();
    await page.getByLabel('File name').fill('Example workbook.xlsx');
    await page.getByLabel('File name').press('Enter');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^(Exporting…|Export finished)$/);
    await page.getByRole('heading', { name: 'Export finished' }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export finished');
    const text = (await mammoth.extractRawText({ path: path.join(e2e.folder, 'Example strategy.docx') })).value;
    expect(text.slice(text.lastIndexOf('Review log'))).toContain('Mid-year check: solving problems together is only partly there.');
    expect(text).toContain('Self-assessment against the hallmarks');
    const { byName } = await sheetParts(fs.readFileSync(path.join(e2e.folder, 'Example workbook.xlsx')));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['Self-assessment', 'Review log']));

    // Roll forward: a new file that opens with the same records; the old file's bytes unchanged.
    const old = path.join(e2e.folder, 'Worked example.ewb');
    const before = crypto.createHash('sha256').update(fs.readFileSync(old)).digest('hex');
    await ws.open('Review');
    await page.getByRole('button', { name: 'Roll forward…' }).click();
    await dialog.waitOpen();
    await dialog.saveAs('Next period');
    await page.getByText('This is the workbook for the next period').waitFor();
    expect(await workbook.title().textContent()).toBe('Larkhampton neighbourhood engagement strategy (worked example)');
    await ws.open('Audiences');
    await page.getByRole('row', { name: /Polish and Romanian families/ }).first().waitFor();
    expect(crypto.createHash('sha256').update(fs.readFileSync(old)).digest('hex')).toBe(before);
    expect(fs.existsSync(path.join(e2e.folder, 'Next period.ewb'))).toBe(true);
    await workbook.close();
  });
});

/** axe (no violation of any impact) and a screenshot, at 1280 × 800 and at 200 % (640 × 400). */
async function checkScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  expect(await axeViolations(page), `${name} at 1280 × 800`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `review-cycle-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 640, height: 400 });
  expect(await axeViolations(page), `${name} at 200 %`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `review-cycle-${name}-200.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}
