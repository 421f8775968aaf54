// Evidence I end to end, through the UI: import a census table, see an area's chart and figures,
// link an audience to a figure, and watch a "who is missing" gap appear and clear.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, screenshotOnFailure, startApp, type AppUnderTest } from './support/app-under-test.ts';
import { seriousViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';

let app: AppUnderTest;
let folder: string;
let page: Page | undefined;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-e2e-census-'));
  app = await startApp(folder);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await app.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

afterEach(async (context) => {
  await screenshotOnFailure(page, context.task.name, context.task.result?.state === 'fail');
  expect(app.offOrigin, 'requests that left the app').toEqual([]);
});

describe('census evidence', () => {
  it('imports a table through the UI, charts an area, links an audience, and clears who is missing', async () => {
    page = await app.newPage();
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
    expect(await seriousViolations(page), 'census with a table and an area showing').toEqual([]);
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
  });
});
