// Evidence I end to end, through the UI: import a census table, see an area's chart and figures,
// link an audience to a figure, and watch a "who is missing" gap appear and clear.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-census-');

describe('census evidence', () => {
  it('imports a table through the UI, charts an area, links an audience, and finds who is missing through a sub-area and a subgroup', { timeout: 120_000 }, async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Hampshire and Isle of Wight Constabulary', title: 'Census evidence' }, 'Census evidence');
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    await ws.create('area', [['Name', 'Town centre']]);
    await ws.create('area', [['Name', 'Riverside ward'], ['ONS geography (optional)', 'select:Ward'], ['ONS code (optional)', 'E05005012'], ['Part of (optional)', 'select:Town centre'], ['LSOAs it contains (optional)', 'E01024133 E01024134']]);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Bangladeshi community in Riverside'], ['Kind of audience', 'select:Ethnic-minority communities'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']], ['Riverside ward']);

    await ws.open('Census evidence');
    await page.getByRole('button', { name: 'Import a census table…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/census2021-ts021-lsoa.csv'));
    // The import says how much of the file the areas use, and names what lies outside them.
    await page.getByRole('status').filter({ hasText: 'TS021 Ethnic group: 3 LSOAs × 6 categories. 2 of them are in your areas, 1 outside every area.' }).waitFor();
    expect(await page.getByTestId('census-outside').textContent()).toBe("1 of this table's 3 LSOAs are outside every area and left out of these figures: E01024135 Eastgate, North 002A.");

    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Riverside ward' });
    await page.getByText('Riverside ward: 2,200 residents in 2 LSOAs').waitFor();
    const chart = page.getByRole('img', { name: /TS021 Ethnic group, Riverside ward/ });
    expect(await chart.getAttribute('aria-label')).toContain('Asian, Asian British or Asian Welsh: 9.5 %');
    const bangladeshi = page.getByRole('row', { name: /^Bangladeshi/ });
    expect(await bangladeshi.textContent()).toContain('130');
    // A subgroup is named as part of its group, and looks it.
    expect(await bangladeshi.getByRole('rowheader').textContent()).toBe('Bangladeshi (part of Asian, Asian British or Asian Welsh, counted within it)');
    expect(await bangladeshi.getAttribute('class')).toBe('table__row--subgroup');

    const one = (area: string) => `the one audience covering ${area} does not cite them there: link it to this figure, or add an audience for them.`;
    const gap = 'In Riverside ward, 5.9 % of residents are “Asian, Asian British or Asian Welsh: Bangladeshi” (TS021 Ethnic group), but ' + one('Riverside ward');
    await page.getByRole('button', { name: gap }).waitFor();
    expect(await axeViolations(page), 'census with a table and an area showing').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-census.png') });

    await bangladeshi.getByLabel(/Audience to cite/).selectOption({ label: 'Bangladeshi community in Riverside' });
    await bangladeshi.getByRole('button', { name: /^Link/ }).click();
    await bangladeshi.getByText('Bangladeshi community in Riverside').waitFor();
    await page.getByRole('button', { name: gap }).waitFor({ state: 'detached' });
    // Through the sub-area, Town centre's Bangladeshi gap has gone too; citing a subgroup does not
    // cover its group, here or there. White, each area's largest group, is not reported.
    const asian = (area: string, rest: string) => `In ${area}, 9.5 % of residents are “Asian, Asian British or Asian Welsh” (TS021 Ethnic group), but ${rest}`;
    const expected = [asian('Riverside ward', one('Riverside ward')), asian('Town centre', one('Town centre or an area inside it'))];
    await expect.poll(async () => (await ws.gaps().allTextContents()).sort()).toEqual(expected.sort());

    // The largest group, when asked for: one undoable change.
    await page.getByRole('checkbox', { name: 'Also check each area’s largest group' }).check();
    await page.getByRole('button', { name: /^In Riverside ward, 84 % of residents are “White”/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Undo/ }).getAttribute('title')).toBe('Undo changing whether “who is missing” checks each area’s largest group');
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('button', { name: /^In Riverside ward, 84 % of residents are “White”/ }).waitFor({ state: 'detached' });
    // The box is read again once the undo's effects arrive.
    await expect.poll(() => page.getByRole('checkbox', { name: 'Also check each area’s largest group' }).isChecked()).toBe(false);

    // A ward area against a local-authority table: the screen says so, and what to import instead.
    await page.getByRole('button', { name: 'Import a census table…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/census2021-ts021-ltla.csv'));
    await page.getByRole('status').filter({ hasText: 'TS021 Ethnic group: 2 local authorities × 2 categories. 0 of them are in your areas, 2 outside every area. 2 areas have no figures in it: see why below.' }).waitFor();
    await page.getByLabel('Table', { exact: true }).selectOption({ label: 'TS021 Ethnic group (Local authorities)' });
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Riverside ward' });
    const unmatched = page.getByTestId('census-unmatched');
    await unmatched.getByText('No figures in this table for Riverside ward yet:').waitFor();
    expect(await unmatched.locator('li').allTextContents()).toEqual([
      'Riverside ward: it is a ward (E05005012) and this table is by local authority: import TS021 by ward instead, or use TS021 by LSOA (census2021-ts021-lsoa.csv in the nomis bulk download): its LSOAs add up to it.',
    ]);
    expect(await page.getByText('Give your areas their ONS codes').count()).toBe(0);
    expect(await axeViolations(page), 'a ward area against a local-authority table').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'census-ward-against-la.png') });

    // The audience's form shows the figure it cites.
    await ws.open('Audiences');
    await page.locator('.record-list__open', { hasText: 'Bangladeshi community in Riverside' }).click();
    const cited = page.getByRole('table', { name: 'Census figures this audience cites' });
    await cited.waitFor();
    expect(await cited.getByRole('row').nth(1).locator('td').allTextContents()).toEqual(['TS021 Ethnic group', 'Riverside ward', 'Asian, Asian British or Asian Welsh: Bangladeshi', '130', '5.9 %']);
    // The census link is the audience's evidence: its "no evidence" gap has gone.
    expect(await ws.gaps().count()).toBe(0);
    expect(await axeViolations(page), 'an audience citing a figure').toEqual([]);
    await page.getByRole('button', { name: 'Close workbook' }).click();
    await new HomePage(page).heading().waitFor();
  });

  it('imports any CSV of figures by area through the column-mapping step', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('table').getByRole('button', { name: 'Census evidence', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^(Overview|Workbook details)$/ }).waitFor();
    const ws = new WorksheetPage(page);
    await ws.open('Census evidence');
    await page.getByRole('button', { name: 'Import another table (CSV or Excel)…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/housing-tenure.csv'));
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Which column is which?' }).waitFor();
    expect(await dialog.getByLabel('Column with the area codes').inputValue()).toBe('Area code');
    expect(await dialog.getByLabel("Column with each area's total").inputValue()).toBe('Total');
    expect(await axeViolations(page), 'the column-mapping step').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'column-mapping.png') });
    await dialog.getByRole('button', { name: 'Import the table' }).click();
    await dialog.getByRole('link', { name: /Columns of figures: Choose columns of figures/ }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Owned' }).check();
    await dialog.getByRole('checkbox', { name: 'Rented' }).check();
    await dialog.getByLabel('Short code for the table').fill('TENURE24');
    await dialog.getByLabel('Title', { exact: true }).fill('Housing tenure');
    await dialog.getByLabel('Where the figures come from').fill('City council housing survey, 2024');
    await dialog.getByRole('button', { name: 'Import the table' }).click();
    await page.getByRole('status').filter({ hasText: 'TENURE24 Housing tenure: 3 LSOAs × 2 categories' }).waitFor();
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Riverside ward' });
    await page.getByText('Riverside ward: 2,200 residents in 2 LSOAs').waitFor();
    expect(await page.getByRole('row', { name: /^Rented/ }).textContent()).toContain('40.9 %');
  });
});
