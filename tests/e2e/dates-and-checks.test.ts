// Dates the UK way and checks that catch typos, through the UI: day, month and year boxes (never
// the browser's date picker, never a five-digit year), errors that say what to type, one way of
// showing a date ("31 March 2028") and local times; ONS codes checked for their level, LSOA codes,
// e-mail addresses and phone numbers, each error naming the bad value.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage, dateValue, fillDate } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-dates-', { closePageAfterEach: true });

describe('dates and checks', () => {
  it('takes dates as day, month and year, says what to type, and shows them as "31 March 2028"', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.startNewWorkbook();
    expect(await page.locator('input[type=date]').count()).toBe(0);
    await home.fillNewWorkbook({ force: 'Avon and Somerset Constabulary', title: 'Dates plan', start: '31 2 2027' });
    // A year is four digits at most: a fifth is not taken.
    await page.getByRole('group', { name: 'Strategy period ends' }).getByLabel('Year').pressSequentially('32029');
    expect(await page.getByRole('group', { name: 'Strategy period ends' }).getByLabel('Year').inputValue()).toBe('3202');
    await fillDate(page, 'Strategy period ends', '31 3 2030');
    await home.submitNewWorkbook();
    await page.getByRole('link', { name: 'Strategy period starts must be a real date: 31 2 2027 does not exist, for example 31 3 2028' }).waitFor();
    expect(await axeViolations(page), 'a date error on the new workbook form').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'new-workbook-date-error.png') });
    await page.getByRole('link', { name: /Strategy period starts must be a real date/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-periodStart');
    await fillDate(page, 'Strategy period starts', '1 4 2027');
    await home.submitNewWorkbook();
    await page.locator('dialog[open]').getByLabel('File name').fill('Dates plan');
    await page.locator('dialog[open]').getByRole('button', { name: 'Save here' }).click();
    await page.getByRole('heading', { level: 2, name: 'Workbook details' }).waitFor();
    expect(await dateValue(page, 'Strategy period starts')).toBe('1 4 2027');

    const ws = new WorksheetPage(page);
    await ws.open('Aims and objectives');
    await ws.create('aim', [['Aim', 'People in every neighbourhood feel heard']]);
    await ws.add('objective');
    await ws.fill('Objective', 'Raise confidence to 65 %');
    // A whole date pasted into the day box fills all three.
    await ws.form().getByRole('group', { name: 'By when (optional)' }).getByLabel('Day').focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '31/03/2028');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await dateValue(ws.form(), 'By when (optional)')).toBe('31 03 2028');
    await ws.form().getByLabel('Objective', { exact: true }).focus();
    await ws.form().getByRole('button', { name: 'Delete this objective' }).waitFor();
    await ws.waitSaved();
    await page.getByRole('button', { name: 'Close the form' }).click();
    expect(await page.getByRole('table', { name: 'Objectives' }).getByRole('row').nth(1).textContent()).toContain('31 March 2028');

    // A month that is neither a number nor a month's name: the error says what to type, and names what was typed.
    await page.getByRole('table', { name: 'Objectives' }).getByRole('button', { name: 'Raise confidence to 65 %' }).click();
    await fillDate(ws.form(), 'Last reviewed (optional)', '1 Janvier 2020');
    await ws.form().getByLabel('Objective', { exact: true }).focus();
    await ws.form().getByRole('link', { name: 'Last reviewed: type the month as a number or its name, for example 31 3 2028 or 31 March 2028 (not “Janvier”)' }).waitFor();
    await fillDate(ws.form(), 'Last reviewed (optional)', '1 Jan 2020');
    await ws.form().getByLabel('Objective', { exact: true }).focus();
    await ws.waitSaved();
    await page.getByRole('button', { name: 'Objective “Raise confidence to 65 %” has not been reviewed since 1 January 2020.' }).waitFor();
    expect(await axeViolations(page), 'an objective with its dates').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'objective-dates.png') });

    // Times are the computer's own, written out.
    await page.getByRole('button', { name: 'Close workbook' }).click();
    const lastOpened = await page.getByRole('row', { name: /Dates plan/ }).getByRole('cell').nth(3).textContent();
    expect(lastOpened).toMatch(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2}$/);
    const now = new Date();
    const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
    expect(Math.abs(Number(lastOpened!.slice(-5, -3)) * 60 + Number(lastOpened!.slice(-2)) - (Number(london.slice(0, 2)) * 60 + Number(london.slice(3))))).toBeLessThanOrEqual(2);
  });

  it('names a typo: an ONS code of the wrong level, a bad LSOA code, an e-mail address and a phone number', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).recent('Dates plan').click();
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    await ws.add('area');
    await ws.fill('Name', 'Sparkbrook and Balsall Heath East');
    await ws.choose('ONS geography (optional)', 'Ward');
    await ws.fill('ONS code (optional)', 'E0500931');
    await ws.fill('LSOAs it contains (optional)', 'E01009001 E0100A123');
    await ws.form().getByLabel('Name', { exact: true }).focus();
    await ws.form().getByRole('link', { name: 'ONS code: “E0500931” is not a ward code: ward codes are E05 or W05 followed by 6 digits (S13 in Scotland, N08 in Northern Ireland), for example E05009317' }).waitFor();
    await ws.form().getByRole('link', { name: 'LSOAs it contains: “E0100A123” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133' }).waitFor();
    expect(await axeViolations(page), 'an area with typos').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'area-typos.png') });
    await ws.fill('ONS code (optional)', 'E05011123');
    await ws.fill('LSOAs it contains (optional)', 'E01009001 E01009002');
    await ws.form().getByLabel('Name', { exact: true }).focus();
    await ws.form().getByRole('button', { name: 'Delete this area' }).waitFor();
    await ws.waitSaved();

    await ws.open('Assets');
    await ws.add('asset');
    await ws.choose('Kind of asset', 'Individual');
    await ws.fill('Name', 'Chair, Sparkbrook residents association');
    await ws.choose('Relationship', 'Strong');
    await ws.form().getByRole('button', { name: 'Delete this asset' }).waitFor();
    await ws.fill('Email (optional)', 'chair@sparkbrook');
    await ws.fill('Phone (optional)', '0121 496 00');
    await ws.form().getByLabel('Name', { exact: true }).focus();
    await ws.form().getByRole('link', { name: 'Email: “chair@sparkbrook” is not an e-mail address: it should look like name@example.org' }).waitFor();
    await ws.form().getByRole('link', { name: /^Phone: “0121 496 00” is not a phone number/ }).waitFor();
    await ws.fill('Email (optional)', 'chair@sparkbrook.example.org');
    await ws.fill('Phone (optional)', '0121 496 0000');
    await ws.form().getByLabel('Name', { exact: true }).focus();
    await ws.waitSaved();
    expect(await ws.form().getByRole('link').count()).toBe(0);
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });
});
