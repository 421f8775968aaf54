// Evidence I end to end, through the UI: import a census table, see an area's chart and figures,
// link an audience to a figure, and watch a "who is missing" gap appear and clear.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-census-');

describe('census evidence', () => {
  it('imports a table through the UI, charts an area, links an audience, and clears who is missing', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Hampshire and Isle of Wight Constabulary', title: 'Census evidence' }, 'Census evidence');
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    await ws.create('area', [['Name', 'Riverside ward'], ['LSOAs it contains (optional)', 'E01024133 E01024134']]);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Bangladeshi community in Riverside'], ['Kind of audience', 'select:Ethnic-minority communities'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']], ['Riverside ward']);

    await ws.open('Census evidence');
    await page.getByRole('button', { name: 'Import a census table…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/census2021-ts021-lsoa.csv'));
    await page.getByRole('status').filter({ hasText: 'TS021 Ethnic group: 3 LSOAs × 6 categories' }).waitFor();

    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Riverside ward' });
    await page.getByText('Riverside ward: 2,200 residents in 2 LSOAs').waitFor();
    const chart = page.getByRole('img', { name: /TS021 Ethnic group, Riverside ward/ });
    expect(await chart.getAttribute('aria-label')).toContain('Asian, Asian British or Asian Welsh: 9.5 %');
    const bangladeshi = page.getByRole('row', { name: /^Bangladeshi/ });
    expect(await bangladeshi.textContent()).toContain('130');

    const gap = 'In Riverside ward, 5.9 % of residents are “Asian, Asian British or Asian Welsh: Bangladeshi” (TS021 Ethnic group), but no audience covering Riverside ward is linked to them.';
    await page.getByRole('button', { name: gap }).waitFor();
    expect(await axeViolations(page), 'census with a table and an area showing').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-census.png') });

    await bangladeshi.getByLabel(/Audience to cite/).selectOption({ label: 'Bangladeshi community in Riverside' });
    await bangladeshi.getByRole('button', { name: /^Link/ }).click();
    await bangladeshi.getByText('Bangladeshi community in Riverside').waitFor();
    await page.getByRole('button', { name: gap }).waitFor({ state: 'detached' });
    // Citing the subgroup covers its group too; White is still missing.
    expect(await page.locator('.gap-list li').allTextContents()).toEqual(['In Riverside ward, 84 % of residents are “White” (TS021 Ethnic group), but no audience covering Riverside ward is linked to them.']);
    // The census link is the audience's evidence: its "no evidence" gap has gone.
    expect(await ws.status('Audiences').first().textContent()).toBe('In progress');
    await ws.open('Audiences');
    expect(await ws.gaps().count()).toBe(0);
    await page.getByRole('button', { name: 'Close workbook' }).click();
    await new HomePage(page).heading().waitFor();
  });

  it('imports any CSV of figures by area through the column-mapping step', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('table').getByRole('button', { name: 'Census evidence', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Workbook details' }).waitFor();
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
