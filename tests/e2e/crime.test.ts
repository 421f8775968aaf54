// Evidence II end to end, through the UI: import a zip of fifteen months of police.uk street-level
// crime, see the whole strategy area and one area as charts with what is rising and falling, cite a
// trend for an audience (its "no evidence" gap clears), and list the LSOAs in no area; axe finds no
// violation of any impact, and the screens are kept as screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';
import { streetCsv, type StreetRow } from '../helpers/police-csv.ts';
import { buildZip } from '../core/imports/zip-fixtures.ts';

const e2e = appForFile('ewb-e2e-crime-');

const MONTHS = ['2022-11', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01'];
const RIVERSIDE = ['E01024133', 'E01024134'];
const HILLSIDE = ['E01024140'];
const NEIGHBOUR = 'E01099001';

/** A month's counts per crime type in one LSOA: shoplifting climbing, burglary falling, the rest seasonal. */
function monthRows(month: string, index: number): StreetRow[] {
  const summer = [5, 6, 7].includes(Number(month.slice(5)) - 1) ? 3 : 0;
  const spec: Array<[string, number]> = [
    ['Anti-social behaviour', 8 + summer + (index % 3)],
    ['Shoplifting', index < 12 ? 4 + (index % 2) : 9 + index - 12],
    ['Burglary', Math.max(1, 7 - Math.floor(index / 3))],
    ['Violence and sexual offences', 6 + (index % 4)],
    ['Vehicle crime', 2 + (index % 3)],
    ['Criminal damage and arson', 3],
    ['Drugs', 1 + (index % 2)],
  ];
  const rows: StreetRow[] = [];
  for (const lsoa of [...RIVERSIDE, ...HILLSIDE, NEIGHBOUR]) {
    for (const [type, n] of spec) for (let i = 0; i < n; i += 1) rows.push({ month, force: 'Kent Police', lsoa, type, ...(i === 0 ? { location: 'On or near Supermarket, High Street' } : {}) });
  }
  rows.push({ month, force: 'Kent Police', lsoa: '', type: 'Other theft' });
  return rows;
}

function downloadZip(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-e2e-crime-zip-')), 'police-uk-kent.zip');
  const entries = MONTHS.flatMap((month, index) => [
    { name: `${month}/${month}-kent-street.csv`, data: Buffer.from(streetCsv(monthRows(month, index), { bom: true })) },
    { name: `${month}/${month}-kent-outcomes.csv`, data: Buffer.from('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n') },
  ]);
  fs.writeFileSync(file, buildZip(entries));
  return file;
}

/** Presses Tab until the focused element is the one wanted (at most 80 times), as a keyboard user would. */
async function tabTo(page: Page, wanted: (el: Element) => boolean): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${wanted.toString()})(document.activeElement)`)) return;
  }
  throw new Error('Tab never reached the element wanted');
}

describe('crime evidence', () => {
  it('imports a year of police.uk crime through the UI, charts it by area, and cites a trend for an audience', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.setViewportSize({ width: 1400, height: 1000 });
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Crime evidence' }, 'Crime evidence');
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    await ws.create('area', [['Name', 'Riverside ward'], ['LSOAs it contains (optional)', RIVERSIDE.join(' ')]]);
    await ws.create('area', [['Name', 'Hillside'], ['LSOAs it contains (optional)', HILLSIDE.join(' ')]]);
    // A ward given by its ONS code alone: police.uk counts by LSOA, so nothing rolls up to it.
    await ws.create('area', [['Name', 'Harbour ward'], ['ONS geography (optional)', 'select:Ward'], ['ONS code (optional)', 'E05005001']]);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Riverside high street traders'], ['Kind of audience', 'select:Businesses and traders'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']], ['Riverside ward']);
    expect(await ws.gaps().allTextContents()).toContainEqual(expect.stringContaining('Audience “Riverside high street traders” has no evidence'));

    await ws.open('Crime evidence');
    expect(await axeViolations(page), 'the crime screen before any import').toEqual([]);
    await page.getByRole('button', { name: 'Import police.uk crime…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(downloadZip());
    await page.getByRole('status').filter({ hasText: /15 files: .* crimes and incidents in 15 force-months; 15 other files skipped/ }).waitFor({ timeout: 30_000 });
    const imported = page.getByRole('table', { name: 'Crime imported, by force' });
    expect(await imported.getByRole('row', { name: /Kent Police/ }).textContent()).toContain('Nov 2022 to Jan 2024 (15 months)');
    expect(await ws.status('Crime evidence').first().textContent()).toBe('In progress');

    // The whole strategy area: the three LSOAs of the two areas, not the neighbour's.
    await page.getByText(/^The whole strategy area: 3 LSOAs, 3 with crime counted; Nov 2022 to Jan 2024\./).waitFor();
    const chart = page.getByRole('img', { name: /^The 5 commonest crime types by month, Nov 2022 to Jan 2024\./ });
    expect(await chart.getAttribute('aria-label')).toContain('Anti-social behaviour:');
    await page.getByRole('list', { name: 'Each crime type on its own scale' }).waitFor();
    const shoplifting = page.getByRole('row', { name: /^Shoplifting/ }).last();
    // Nov 2023–Jan 2024: 9, 10, 11 a month in each of 3 LSOAs (90) against 4 or 5 (Aug–Oct 2023: 5, 4, 5 → 42).
    expect(await shoplifting.textContent()).toContain('Rising +114% (90 in Nov 2023–Jan 2024 against 42 in Aug 2023–Oct 2023)');
    await page.getByRole('heading', { name: 'LSOAs in none of your areas' }).waitFor();
    expect(await page.getByText(/1 LSOA has crime counted \(\d[\d,]* crimes and incidents\) but is in none of the workbook’s areas/).count()).toBe(1);
    expect(await axeViolations(page), 'the whole strategy area with a year of crime').toEqual([]);
    // The section scrolls inside the window: a tall window shows all of it in one picture.
    await page.setViewportSize({ width: 1400, height: 3600 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-crime-strategy-area.png') });

    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Riverside ward' });
    await page.getByText(/^Riverside ward: 2 LSOAs, 2 with crime counted/).waitFor();
    await page.getByLabel('Cite trends as evidence for').selectOption({ label: 'Riverside high street traders' });
    const riversideShoplifting = page.getByRole('row', { name: /^Shoplifting/ }).last();
    expect(await riversideShoplifting.textContent()).toContain('Rising +114% (60 in Nov 2023–Jan 2024 against 28 in Aug 2023–Oct 2023)');
    await riversideShoplifting.getByRole('button', { name: 'Cite Shoplifting against the previous 3 months for audience “Riverside high street traders”' }).click();
    await riversideShoplifting.getByText('Cited by audience “Riverside high street traders”').waitFor();
    expect(await axeViolations(page), 'an area with a cited trend').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-crime-area.png') });

    // At 200 % zoom (640 × 400), keyboard only: from the section's heading, Tab to the area, choose
    // Hillside with the arrow keys, Tab to a Cite button and press it; nothing runs off the side.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.locator('#section-heading').focus();
    await tabTo(page, (el) => el.id === 'crime-area');
    // Typing an option's first letters chooses it in a focused drop-down.
    await page.keyboard.type('Hills');
    await page.getByText(/^Hillside: 1 LSOA, 1 with crime counted/).waitFor();
    await tabTo(page, (el) => el.tagName === 'BUTTON' && (el.getAttribute('aria-label') ?? el.textContent ?? '').startsWith('Cite Burglary against the previous 3 months'));
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: /^Burglary/ }).last().getByText('Cited by audience “Riverside high street traders”').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    expect(await axeViolations(page), 'Hillside at 200 % zoom with a cited trend').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-crime-200-percent.png') });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.keyboard.press('Control+z');
    await page.getByRole('row', { name: /^Burglary/ }).last().getByRole('button', { name: /^Cite Burglary against the previous 3 months/ }).waitFor();
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Harbour ward' });
    await page.getByText('Harbour ward has no LSOA codes yet. police.uk counts crime by LSOA, not by ward or other area: give the area its LSOAs (Areas) and crime will roll up to it.').waitFor();

    // The citation is the audience's evidence: its "no evidence" gap has gone.
    await ws.open('Audiences');
    expect(await ws.gaps().count()).toBe(0);

    // Undo takes the citation back out, and the gap returns.
    await page.keyboard.press('Control+z');
    await ws.gaps().first().waitFor();
    expect(await ws.gaps().allTextContents()).toContainEqual(expect.stringContaining('has no evidence: link it to a census figure or a crime trend'));
    await page.getByRole('button', { name: 'Close workbook' }).click();
    await new HomePage(page).heading().waitFor();
  }, 120_000);
});
