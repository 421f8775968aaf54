// Worksheets I end to end, through the UI only: a new workbook filled with an aim and objectives,
// areas, audiences, assets of each kind, a vulnerability and places; reload and all is there;
// statuses and gaps as expected; undo and redo; axe on every section with its records showing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage, fillDate } from './support/pages.ts';
import { PlanCalendarPage } from './support/plan-pages.ts';

const e2e = appForFile('ewb-e2e-ws-');

async function shoot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('worksheets: Aims and WHO', () => {
  it('records the method through the UI, keeps it across a reload, and shows statuses, gaps and undo', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Kent engagement strategy', start: '1 4 2027', end: '31 3 2030' }, 'Kent worksheets');
    const ws = new WorksheetPage(page);

    await ws.open('Aims and objectives');
    await ws.create('aim', [['Aim', 'Every neighbourhood can raise concerns with us easily']]);
    await ws.create('objective', [['Objective', 'Raise confidence in local policing'], ['Aim it serves', 'select:Every neighbourhood can raise concerns with us easily'], ['Measure (optional)', 'Neighbourhood survey confidence'], ['By when (optional)', 'date:31 3 2028']]);
    await ws.create('objective', [['Objective', 'Meet every faith leader twice a year'], ['Aim it serves', 'select:Every neighbourhood can raise concerns with us easily']]);
    expect(await ws.gaps().allTextContents()).toEqual([
      'Objective “Meet every faith leader twice a year” has no measure: say how you will know it has been met.',
      'Objective “Meet every faith leader twice a year” has no date: say by when it should be met.',
    ]);
    expect(await axeViolations(page), 'aims with records').toEqual([]);
    await shoot(page, 'section-aims');

    await ws.open('Areas');
    for (const [name, code] of [['Riverside ward', 'E05009317'], ['Eastgate ward', 'E05009318'], ['Old Town', '']] as const) {
      await ws.create('area', [['Name', name], ['ONS code (optional)', code]]);
    }
    expect(await ws.rowNames('Areas')).toEqual(['Riverside ward', 'Eastgate ward', 'Old Town']);
    // LSOAs from an ONS lookup file, uploaded through the host's file browser.
    await page.getByRole('button', { name: 'Fill in LSOAs from a lookup file…' }).click();
    await page.locator('dialog[open] input[type=file]').setInputFiles({
      name: 'lsoa-ward-lookup.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('LSOA21CD,LSOA21NM,WD22CD,WD22NM\nE01024133,Riverside 001A,E05009317,Riverside\nE01024134,Riverside 001B,E05009317,Riverside\nE01024135,Eastgate 002A,E05009318,Eastgate\n'),
    });
    await page.getByRole('status').filter({ hasText: '3 LSOA codes were added to 2 areas' }).waitFor();
    await page.getByRole('button', { name: 'Close the form' }).click();
    expect(await page.getByRole('table', { name: 'Areas', exact: true }).getByRole('row').nth(1).textContent()).toBe('Riverside wardE050093172'); // name, ONS code, part of (none), LSOAs
    expect(await axeViolations(page), 'areas with records').toEqual([]);
    await shoot(page, 'section-areas');

    await ws.open('Audiences');
    const audiences: Array<[string, string, string]> = [
      ['Young people in Riverside', 'Young people', 'Hard to reach'],
      ['Faith communities', 'Faith communities', 'Engaged'],
      ['Night-time economy', 'The night-time economy', 'Receptive'],
      ['Older people in Old Town', 'Older people', 'Unknown'],
    ];
    for (const [name, kind, state] of audiences) {
      await ws.create('audience', [['Name', name], ['Kind of audience', `select:${kind}`], ['Engagement', `select:${state}`], ['Priority', 'select:High']], [name.includes('Riverside') ? 'Riverside ward' : 'Old Town']);
    }
    await ws.fill('Evidence (optional)', '1,150 residents aged 65 and over');
    await ws.fill('Source of the evidence (optional)', 'ONS Census 2021, TS007A');
    await ws.waitSaved();
    expect(await ws.gaps().count()).toBe(3);
    expect(await axeViolations(page), 'audiences with records').toEqual([]);
    await shoot(page, 'section-audiences');

    await ws.open('Assets');
    await ws.create('asset', [['Kind of asset', 'select:Individual'], ['Name', 'Imam, Central Mosque'], ['Relationship', 'select:Strong']], ['Riverside ward']);
    await ws.fill("Person's name (optional)", 'A. Rahman');
    await ws.waitSaved();
    await ws.create('asset', [['Kind of asset', 'select:Group'], ['Name', 'Riverside Youth Forum'], ['Relationship', 'select:Active']], ['Young people in Riverside', 'Riverside ward']);
    await ws.create('asset', [['Kind of asset', 'select:Hotspot'], ['Name', 'Eastgate skate park'], ['Relationship', 'select:New']], ['Eastgate ward']);
    expect(await axeViolations(page), 'assets with records').toEqual([]);
    await shoot(page, 'section-assets');

    await ws.open('Vulnerabilities');
    await ws.create('vulnerability', [['Name', 'New arrivals at the Eastgate hotel'], ['An area or a group', 'select:A group'], ['Priority', 'select:High']], ['Language', 'Trust in the police']);
    expect(await ws.gaps().allTextContents()).toEqual(['Vulnerability “New arrivals at the Eastgate hotel” has no planned response: say what you will do about it, or link an activity of the action plan to it.']);
    expect(await axeViolations(page), 'vulnerabilities with records').toEqual([]);
    await shoot(page, 'section-vulnerabilities');

    await ws.open('Places');
    await ws.create('place', [['Name', 'Central Mosque'], ['Kind of place', 'select:Religious centre'], ['Area (optional)', 'select:Riverside ward'], ['When people gather (optional)', 'Friday prayers, 1pm']], ['Faith communities']);
    await ws.create('place', [['Name', 'Old Town market'], ['Kind of place', 'select:Market'], ['Area (optional)', 'select:Old Town']]);
    expect(await axeViolations(page), 'places with records').toEqual([]);
    await shoot(page, 'section-places');

    // Statuses and gaps in the task list.
    expect(await ws.status('Places').first().textContent()).toBe('In progress');
    expect(await ws.status('Messages').first().textContent()).toBe('Not started');

    // Undo and redo of an edit.
    await ws.page.getByRole('table', { name: 'Places', exact: true }).getByRole('button', { name: 'Old Town market' }).click();
    await ws.fill('When people gather (optional)', 'Tuesdays and Saturdays');
    await ws.form().getByLabel('Name', { exact: true }).focus();
    await ws.waitSaved();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('status').filter({ hasText: 'Undid editing place “Old Town market”' }).waitFor();
    expect(await ws.form().getByLabel('When people gather (optional)', { exact: true }).inputValue()).toBe('');
    await page.locator('h2#section-heading').click();
    await page.keyboard.press('Control+Shift+Z');
    await page.getByRole('status').filter({ hasText: 'Redid editing place “Old Town market”' }).waitFor();
    expect(await ws.form().getByLabel('When people gather (optional)', { exact: true }).inputValue()).toBe('Tuesdays and Saturdays');

    // Mark a section completed.
    await page.getByRole('button', { name: 'Mark as completed' }).click();
    await ws.status('Places').filter({ hasText: 'Completed' }).waitFor();

    // Reload: everything is there, and the section that was showing shows again.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Places' }).waitFor();
    await ws.open('Audiences');
    expect(await ws.rowNames('Audiences')).toEqual(audiences.map(([name]) => name));
    await ws.open('Assets');
    expect((await ws.rowNames('Assets')).sort()).toEqual(['Eastgate skate park', 'Imam, Central Mosque', 'Riverside Youth Forum']);
    await ws.open('Areas');
    expect(await ws.gaps().allTextContents()).toEqual(['Area “Old Town” has no asset: no supportive person, group or gathering place is recorded there.']);
    await ws.open('Aims and objectives');
    expect(await ws.rowNames('Objectives')).toEqual(['Raise confidence in local policing', 'Meet every faith leader twice a year']);
    expect(await ws.status('Places').first().textContent()).toBe('Completed');
    expect(await ws.status('Areas').first().textContent()).toBe('In progress');

    // At about 200 % zoom the list and form stack and nothing is lost.
    await page.setViewportSize({ width: 640, height: 400 });
    await ws.open('Audiences');
    await page.getByRole('table', { name: 'Audiences', exact: true }).getByRole('button', { name: 'Faith communities' }).click();
    expect(await axeViolations(page), 'audiences at 200 % zoom').toEqual([]);
    await shoot(page, 'section-audiences-200-percent');
  });

  it('moves through a record list with the keyboard alone', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('table').getByRole('button', { name: 'Kent engagement strategy', exact: true }).click();
    // The first test's window still has it open for editing: this one is told so, and reads it.
    await page.getByRole('heading', { name: 'This workbook is already open' }).waitFor();
    await page.getByRole('button', { name: 'Open read-only' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Read-only', { exact: true }).waitFor();
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await page.getByRole('table', { name: 'Audiences', exact: true }).getByRole('button', { name: 'Young people in Riverside' }).focus();
    await page.keyboard.press('Enter');
    await ws.form().waitFor();
    await page.getByRole('table', { name: 'Audiences', exact: true }).getByRole('button', { name: 'Young people in Riverside' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 3, name: 'Night-time economy' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Night-time economy');
    await page.keyboard.press('ArrowUp');
    await page.getByRole('heading', { level: 3, name: 'Faith communities' }).waitFor();
    await page.getByLabel('Filter audiences').fill('old');
    expect(await ws.rowNames('Audiences')).toEqual(['Older people in Old Town']);
  });

  it('shows the action plan on a calendar: recurring activities expanded, a flagship marked, by keyboard, after a reload, on paper', { timeout: 120_000 }, async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Kent Police', title: 'Kent action plan', start: '1 4 2027', end: '31 3 2028' }, 'Kent calendar');
    const ws = new WorksheetPage(page);
    await ws.open('Action plan');
    await ws.create('activity', [['Activity', 'Beat surgery at Riverside library'], ['How often', 'select:Weekly'], ['Status', 'select:Planned'], ['Starts (or the date of a one-off) (optional)', 'date:6 4 2027'], ['Ends (optional)', 'date:31 5 2027']]);
    await ws.create('activity', [['Activity', 'Stall at the Riverside fete'], ['How often', 'select:One-off'], ['Status', 'select:Planned'], ['Starts (or the date of a one-off) (optional)', 'date:15 5 2027']]);
    await ws.add('activity');
    await ws.fill('Activity', 'Youth forum at the Hub');
    await ws.choose('How often', 'Monthly');
    await ws.choose('Status', 'Planned');
    await fillDate(ws.form(), 'Starts (or the date of a one-off) (optional)', '30 4 2027');
    await ws.tick('A flagship activity');
    await ws.fill('Pilot plan (optional)', 'Three months at the Riverside Hub.');
    await ws.fill('Roll-out plan (optional)', 'Eastgate and Old Town in the autumn.');
    await ws.form().getByLabel('Activity', { exact: true }).focus();
    await ws.waitSaved();
    await page.getByRole('button', { name: 'Close the form' }).click();

    const calendar = new PlanCalendarPage(page);
    await calendar.show('Calendar');
    // The plan starts in April 2027, after today: the calendar opens there.
    expect(await calendar.month()).toBe('April 2027');
    expect(await calendar.tabbable()).toEqual(['calendar-day-2027-04-01']);
    for (const day of ['06', '13', '20', '27']) expect(await calendar.cell(`2027-04-${day}`).textContent()).toContain('Beat surgery at Riverside library');
    expect(await calendar.cell('2027-04-30').textContent()).toContain('Flagship: ↻ monthly: Youth forum at the Hub');
    // By keyboard: a week down, a month on, to the fete; Enter opens it.
    await calendar.cell('2027-04-01').focus();
    await calendar.press('ArrowDown', 2);
    await calendar.press('ArrowRight', 3);
    expect(await calendar.focusedId()).toBe('calendar-day-2027-04-18');
    await calendar.press('PageDown');
    expect(await calendar.month()).toBe('May 2027');
    await calendar.press('ArrowLeft', 3);
    expect(await calendar.focusedId()).toBe('calendar-day-2027-05-15');
    expect(await calendar.agenda().textContent()).toContain('Stall at the Riverside fete (one-off)');
    await calendar.press('Enter');
    await ws.form().waitFor();
    expect(await ws.form().getByLabel('Activity', { exact: true }).inputValue()).toBe('Stall at the Riverside fete');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Stall at the Riverside fete');
    await page.getByRole('button', { name: 'Close the form' }).click();

    // Reload: the calendar again, on the same day, everything there.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Action plan' }).waitFor();
    await calendar.grid().waitFor();
    expect(await calendar.month()).toBe('May 2027');
    expect(await calendar.tabbable()).toEqual(['calendar-day-2027-05-15']);
    expect(await calendar.cell('2027-05-15').textContent()).toContain('Stall at the Riverside fete');
    for (const day of ['04', '11', '18', '25']) expect(await calendar.cell(`2027-05-${day}`).textContent()).toContain('Beat surgery at Riverside library');
    expect(await calendar.cell('2027-05-30').textContent()).toContain('Flagship: ↻ monthly: Youth forum at the Hub');
    await calendar.cell('2027-05-30').click();
    expect(await calendar.agenda().textContent()).toContain('Flagship: ↻ monthly: Youth forum at the Hub (monthly)');

    await page.locator('.calendar__bar').evaluate((bar) => bar.scrollIntoView());
    expect(await axeViolations(page), 'the calendar at 1280 × 800').toEqual([]);
    await shoot(page, 'action-plan-calendar');
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await axeViolations(page), 'the calendar at 200 %').toEqual([]);
    await shoot(page, 'action-plan-calendar-200');
    await page.setViewportSize({ width: 1280, height: 800 });

    // On paper: one month to a page, from April 2027 (the first with an activity) to March 2028 (the
    // forum has no end date, so it runs to the end of the strategy period), each page marked.
    const pdf = path.join(SCREENSHOT_DIR, 'action-plan-calendar.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', landscape: true });
    await page.emulateMedia({ media: 'screen' });
    // Text in reading order, a cell's wrapped lines joined.
    const pages = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').map((text) => text.replace(/\s+/g, ' ')).filter((text) => text.trim() !== '');
    const months = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `${m} 2027`);
    expect(pages.map((text) => /Action plan: (\w+ \d{4})/.exec(text)?.[1])).toEqual([...months, 'January 2028', 'February 2028', 'March 2028']);
    expect(pages.every((text) => text.split('OFFICIAL').length - 1 >= 2)).toBe(true);
    expect(pages[1]).toContain('Stall at the Riverside fete');
    expect(pages[1]).not.toContain('Sections of the workbook');
    if (process.env.EWB_KEEP_PDF !== '1') fs.rmSync(pdf, { force: true });
  });
});
