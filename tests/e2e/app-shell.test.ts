// The app shell a planner meets in the first hour: the marking strips, the title bar and the
// section menu stay on screen while only the section scrolls (never past its end into blank
// space); a workbook opens at its top; the record form is part of the page, not a box of its own;
// focus goes where the planner's action points; a reload comes back to the section; at 200 % zoom
// the menu waits behind a button.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-shell-', { closePageAfterEach: true });

/** Where the frame's parts are, and how far the page and the section are scrolled. */
async function frame(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { top: Math.round(rect.top), bottom: Math.round(rect.bottom) };
    };
    const main = document.querySelector('main')!;
    return {
      pageScroll: document.scrollingElement!.scrollTop,
      pageHeight: document.scrollingElement!.scrollHeight,
      window: window.innerHeight,
      top: box('[data-testid=marking-top]'),
      bottom: box('[data-testid=marking-bottom]'),
      title: document.querySelector('.title-bar') ? box('.title-bar') : null,
      mainScroll: main.scrollTop,
      mainEnd: main.scrollHeight - main.clientHeight,
    };
  });
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return `${element.tagName.toLowerCase()}:${label ?? element.textContent ?? ''}`.trim();
  });
}

describe('the app shell', () => {
  it('keeps the strips, title bar and menu on screen; the wheel past the end of the census section scrolls into nothing', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Shell plan' }, 'Shell plan');
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    await ws.create('area', [['Name', 'Riverside ward'], ['LSOAs it contains (optional)', 'E01024133 E01024134']]);
    await ws.open('Census evidence');
    await page.getByRole('button', { name: 'Import a census table…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles(path.resolve('tests/fixtures/e2e/census2021-ts021-lsoa.csv'));
    await page.getByRole('status').filter({ hasText: 'TS021 Ethnic group' }).waitFor();

    const before = await frame(page);
    expect(before.pageHeight, 'the page is exactly the window: nothing hidden below it').toBe(before.window);
    // The wheel over the section, far past its end, then over the menu.
    await page.mouse.move(800, 500);
    for (let turn = 0; turn < 25; turn += 1) await page.mouse.wheel(0, 600);
    await page.mouse.move(100, 500);
    for (let turn = 0; turn < 25; turn += 1) await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    const after = await frame(page);
    expect(after.pageScroll).toBe(0);
    expect(after.top).toEqual(before.top);
    expect(after.title).toEqual(before.title);
    expect(after.bottom).toEqual({ top: before.bottom.top, bottom: 800 });
    expect(Math.abs(after.mainScroll - after.mainEnd), 'the section scrolled to its end, and no further').toBeLessThanOrEqual(1);
    // What ends the section is on screen, above the bottom strip, with no blank space below it.
    const complete = await page.getByRole('button', { name: 'Mark as completed' }).boundingBox();
    expect(complete!.y + complete!.height).toBeLessThanOrEqual(after.bottom.top);
    expect(complete!.y + complete!.height).toBeGreaterThan(after.bottom.top - 120);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shell-census-wheel-past-end.png') });
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });

  it('opens a workbook at its top however far home was scrolled, and each section at its top', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.setViewportSize({ width: 640, height: 400 });
    const home = new HomePage(page);
    await home.recent('Shell plan').waitFor();
    await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBeGreaterThan(0);
    await home.recent('Shell plan').click();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: 'Shell plan' }).isVisible()).toBe(true);

    await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    const ws = new WorksheetPage(page);
    await ws.open('Areas');
    expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });

  it('shows the record form as part of the section, with Delete and Close the form reachable, and its delete question', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).recent('Shell plan').click();
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Night-time economy'], ['Kind of audience', 'select:The night-time economy'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High']]);
    const form = page.locator('.worksheet__form');
    expect(await form.evaluate((box) => getComputedStyle(box).overflowY)).toBe('visible');
    expect(await form.evaluate((box) => box.scrollHeight - box.clientHeight)).toBe(0);
    await page.getByRole('button', { name: 'Delete this audience' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deletion' });
    await confirm.getByRole('button', { name: 'Keep it' }).scrollIntoViewIfNeeded();
    expect(await confirm.getByRole('button', { name: 'Keep it' }).isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Close the form' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Close the form' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });

  it('moves focus where each action points: a section to its heading, Add to the first field, a gap to its field', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).recent('Shell plan').click();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    // By keyboard: into the menu, down to a section, Enter.
    const aims = page.getByRole('navigation', { name: 'Sections of the workbook' }).getByRole('button', { name: 'Aims and objectives' });
    await aims.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Aims and objectives' }).waitFor();
    expect(await focused(page)).toBe('h2:Aims and objectives');

    await page.getByRole('button', { name: 'Add aim', exact: true }).click();
    expect(await focused(page)).toBe('input:Aim');
    await page.keyboard.type('Every neighbourhood can raise concerns with us');
    await page.keyboard.press('Tab');
    const ws = new WorksheetPage(page);
    await ws.form().getByRole('button', { name: 'Delete this aim' }).waitFor();
    await page.getByRole('button', { name: 'Add objective', exact: true }).click();
    expect(await focused(page)).toBe('input:Objective');
    await page.keyboard.type('Raise confidence in local policing');
    await ws.choose('Aim it serves', 'Every neighbourhood can raise concerns with us');
    await ws.form().getByRole('button', { name: 'Delete this objective' }).waitFor();
    await page.getByRole('button', { name: 'Close the form' }).click();

    // A gap in the section: its record opens with the field that would close it focused.
    await page.getByRole('button', { name: /has no measure/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'objective-form-measure');
    expect(await focused(page)).toBe('input:Measure (optional)');

    // The list of every gap, grouped by section, leads to the same places.
    await ws.open('All gaps');
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Aims and objectives 2 gaps', 'Areas 1 gap', 'Audiences 1 gap', 'Census evidence 2 gaps', 'Who listens where 1 gap', 'Partners 1 gap', 'Messages 1 gap']);
    expect(await axeViolations(page), 'all gaps').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'all-gaps.png') });
    await page.getByRole('button', { name: /has no date/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Aims and objectives' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('objective-form-targetDate'));
    await ws.open('All gaps');
    await page.getByRole('button', { name: /^In Riverside ward, 9\.5 %/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Census evidence' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'census-area');
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).not.toBe('');

    // A reload comes back to the section that was showing.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Census evidence' }).waitFor();
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });

  it('at 200 % zoom puts the content first, with the section menu behind a button', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.setViewportSize({ width: 640, height: 400 });
    await new HomePage(page).recent('Shell plan').click();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Sections of the workbook' });
    expect(await menu.isVisible()).toBe(false);
    const button = page.getByRole('button', { name: 'Sections of the workbook' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const heading = await page.getByRole('heading', { level: 2, name: 'Overview' }).boundingBox();
    expect(heading!.y).toBeLessThan(150);
    expect(await axeViolations(page), 'details at 200 %').toEqual([]);

    await button.click();
    expect(await menu.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page), 'the section menu open at 200 %').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-menu-200-percent.png') });
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);
    expect(await focused(page)).toBe('button:Sections of the workbook');

    await page.keyboard.press('Enter');
    await menu.getByRole('button', { name: 'Audiences' }).click();
    await page.getByRole('heading', { level: 2, name: 'Audiences' }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    expect(await focused(page)).toBe('h2:Audiences');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-audiences-200-percent-top.png') });
  });
});
