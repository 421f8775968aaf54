// End to end in Chromium through the browser host: create, edit, reload; a corrupt file; the
// second-opener lock; accessibility on each screen; nothing leaves the app's origin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { FileBrowserDialog, HomePage, WorkbookPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-', { closePageAfterEach: true });

describe('the app frame in the browser host', () => {
  it('creates a workbook, edits its details, and finds them again after a reload', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    const workbook = await home.createWorkbook({ force: 'Kent Police', title: 'Community engagement strategy 2027 to 2030', start: '1 4 2027', end: '31 3 2030' }, 'Kent strategy');
    expect(await workbook.title().textContent()).toBe('Community engagement strategy 2027 to 2030');
    expect(await workbook.marking('top').textContent()).toBe('OFFICIAL-SENSITIVE');
    expect(await workbook.marking('bottom').textContent()).toBe('OFFICIAL-SENSITIVE');

    await workbook.setField('Author', 'A. Planner');
    await workbook.setField('Version label', 'Draft 2');
    await workbook.page.getByLabel('OFFICIAL', { exact: true }).check();
    await workbook.waitSaved();
    expect(await workbook.marking('top').textContent()).toBe('OFFICIAL');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workbook-details.png') });

    await page.reload();
    await workbook.waitLoaded();
    expect(await workbook.field('Author').inputValue()).toBe('A. Planner');
    expect(await workbook.field('Version label').inputValue()).toBe('Draft 2');

    await workbook.close();
    await home.heading().waitFor();
    await home.recent('Community engagement strategy 2027 to 2030').click();
    await workbook.waitLoaded();
    expect(await workbook.field('Author').inputValue()).toBe('A. Planner');
    expect(await workbook.date('Strategy period starts')).toBe('1 4 2027');
    await workbook.close();
  });

  it('keeps an invalid edit in the form, marked, and saves nothing until it is put right', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const workbook = await new HomePage(page).createWorkbook({ force: 'Sussex Police', title: 'Sussex plan', start: '1 4 2027', end: '31 3 2030' }, 'Sussex plan');
    await workbook.setDate('Strategy period ends', '1 1 2026');
    await workbook.field('Author').focus();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await workbook.saveIndicator().textContent()).toMatch(/Not saved/);
    expect(await page.getByRole('link', { name: /Strategy period ends: The strategy period must end after it starts/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'details-error-summary.png') });
    await workbook.setDate('Strategy period ends', '31 3 2031');
    await workbook.waitSaved();
    await workbook.close();
  });

  it('sets how long the history keeps personal details: refuses 0 in place, takes 7 as a step of undo', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const workbook = await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Kent plan' }, 'Kent history');
    const days = workbook.field('Keep personal details in the history for (days)');
    await expect.poll(() => days.inputValue()).toBe('30');
    await days.fill('0');
    await days.press('Enter');
    await page.getByText('Error: Enter a whole number of days from 1 to 3,650').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await days.fill('7');
    await page.getByRole('button', { name: 'Set days', exact: true }).click();
    await page.getByText(/^Undo now reaches back 7 days/).waitFor();
    expect(await page.getByRole('button', { name: /^Undo/ }).getAttribute('title')).toBe('Undo changing how long the history keeps personal details');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByText('Undid changing how long the history keeps personal details.').waitFor();
    // The field reads the setting again once the undo's effects arrive: wait for it, not for a fixed time.
    await expect.poll(() => workbook.field('Keep personal details in the history for (days)').inputValue(), { timeout: 5000 }).toBe('30');
    await workbook.close();
  });

  it('names the problem when the file is damaged', async () => {
    fs.writeFileSync(path.join(e2e.folder, 'Damaged.ewb'), Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(5000, 7)]));
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.openFromFolder('Damaged.ewb');
    const notice = home.errorNotice().filter({ hasText: 'Damaged.ewb' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/This workbook is damaged.*"Damaged\.ewb" is damaged/);
  });

  it('tells a second opener who has the workbook, and opens it read-only on request', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    const workbook = await home.createWorkbook({ force: 'Essex Police', title: 'Essex plan' }, 'Essex plan');
    await workbook.close();
    fs.writeFileSync(path.join(e2e.folder, '~$Essex plan.ewb.lock'), JSON.stringify({ app: 'engagement-workbook', user: 'jsmith', host: 'PC-042', pid: 4242, since: '2026-11-25T08:30:00.000Z' }));
    await home.heading().waitFor();
    await home.openFromFolder('Essex plan.ewb');
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Someone else is editing this workbook' }).waitFor();
    expect(await dialog.textContent()).toContain('jsmith on PC-042');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'lock-dialog.png') });
    await dialog.getByRole('button', { name: 'Open read-only' }).click();
    await workbook.waitLoaded();
    expect(await page.getByText('Read-only', { exact: true }).count()).toBe(1);
    expect(await workbook.field('Title').isDisabled()).toBe(true);
    await workbook.close();
    fs.rmSync(path.join(e2e.folder, '~$Essex plan.ewb.lock'));
  });

  it('has no accessibility problems of any impact on any screen, with content showing', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.recent('Community engagement strategy 2027 to 2030').waitFor();
    expect(await axeViolations(page), 'home with recent workbooks').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home.png') });

    await home.startNewWorkbook();
    await home.submitNewWorkbook();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await axeViolations(page), 'new workbook form with errors').toEqual([]);

    await home.fillNewWorkbook({ force: 'Thames Valley Police', title: 'Thames Valley plan' });
    await home.submitNewWorkbook();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    expect(await axeViolations(page), 'file browser').toEqual([]);
    await dialog.saveAs('Thames Valley plan');

    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    await workbook.setField('Author', 'A. Planner');
    await workbook.waitSaved();
    expect(await axeViolations(page), 'workbook details').toEqual([]);

    await page.setViewportSize({ width: 640, height: 400 }); // about 200 % zoom of a 1280 × 800 screen
    expect(await axeViolations(page), 'workbook at 200 % zoom').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workbook-200-percent.png') });
    await workbook.close();
  });

  it('opens a workbook dropped onto the window (the host keeps a copy in its folder)', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-e2e-drop-'));
    const made = await e2e.app.core.call('createWorkbook', { path: path.join(elsewhere, 'Dropped plan.ewb'), details: { force: 'dorset', title: 'Dropped plan', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null } });
    expect(made.ok).toBe(true);
    e2e.app.core.closeAll();
    const base64 = fs.readFileSync(path.join(elsewhere, 'Dropped plan.ewb')).toString('base64');
    fs.rmSync(elsewhere, { recursive: true, force: true });
    const page = (e2e.page = await e2e.app.newPage());
    const transfer = await page.evaluateHandle((content) => {
      const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'Dropped plan.ewb', { type: 'application/octet-stream' }));
      return data;
    }, base64);
    await page.dispatchEvent('section.drop-zone', 'drop', { dataTransfer: transfer });
    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    expect(await workbook.title().textContent()).toBe('Dropped plan');
    expect(fs.existsSync(path.join(e2e.folder, 'Dropped plan.ewb'))).toBe(true);
    await workbook.close();
  });

  it('is usable by keyboard alone: create a workbook without the mouse', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('button', { name: 'New workbook' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Force').focus();
    await page.keyboard.type('North Yorkshire');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard plan');
    await page.keyboard.press('Enter');
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    await page.keyboard.press('Enter');
    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    expect(await workbook.title().textContent()).toBe('Keyboard plan');
    await workbook.close();
  });

  it('blocks requests off the app with its CSP, and the suite would catch any that got past it', async () => {
    let page = (e2e.page = await e2e.app.newPage());
    const blocked = await page.evaluate(() => fetch('http://example.invalid/beacon').then(() => 'sent', (error: Error) => error.name));
    expect(blocked).toBe('TypeError'); // refused by connect-src 'self' before it is sent
    expect(e2e.app.offOrigin).toEqual([]);
    await page.context().close();
    // Without the CSP, the same request reaches the detector that fails every other test.
    page = e2e.page = await e2e.app.newPage({ bypassCSP: true });
    await page.evaluate(() => fetch('http://example.invalid/beacon').catch(() => null));
    expect(e2e.app.offOrigin).toEqual(['http://example.invalid/beacon']);
    e2e.app.offOrigin.splice(0); // made on purpose here
  });
});
