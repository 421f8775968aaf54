// Drafts are never lost: a half-filled new record survives closing its form, switching section,
// opening another "Add" form and a reload; an edit typed just before a reload is saved; a draft is
// discarded only after a question, and closing the workbook asks first. "Add objective" waits, with
// its reason, for an aim, and with one aim takes it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-drafts-', { closePageAfterEach: true });

const drafts = (page: Page) => page.getByRole('group', { name: 'Unfinished audiences' }).getByRole('listitem');

describe('drafts', () => {
  it('keeps a half-filled audience through a section switch, closing the form, another Add and a reload', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'West Midlands Police', title: 'Drafts plan' }, 'Drafts plan');
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await ws.add('audience');
    await ws.fill('Name', 'Young people in Sparkbrook');
    await ws.choose('Kind of audience', 'Young people');
    await ws.form().getByText('It is saved as soon as these are filled in: Engagement, Priority.', { exact: false }).waitFor();

    // To another section and back: the form is there again, with what was typed.
    await ws.open('Areas');
    await ws.open('Audiences');
    expect(await ws.form().getByLabel('Name', { exact: true }).inputValue()).toBe('Young people in Sparkbrook');
    expect(await ws.form().getByLabel('Kind of audience', { exact: true }).inputValue()).toBe('young-people');

    // Closed: it is put aside as a draft, and the planner is told where.
    await page.getByRole('button', { name: 'Close the form' }).click();
    await page.getByRole('status').filter({ hasText: 'Your unfinished audience “Young people in Sparkbrook” is kept as a draft below the list' }).waitFor();
    expect(await drafts(page).allTextContents()).toEqual([expect.stringContaining('Unfinished audience “Young people in Sparkbrook”')]);
    expect(await page.getByRole('button', { name: /unfinished record/ }).textContent()).toContain('1 unfinished record');
    expect(await page.getByTestId('save-indicator').textContent()).toBe('Saved');
    expect(await axeViolations(page), 'a draft kept below the list').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'drafts-kept.png') });

    // Another Add: the first draft stays, a second is started.
    await page.getByRole('button', { name: 'Continue Unfinished audience “Young people in Sparkbrook”' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('audience-form-name');
    await ws.add('audience');
    await ws.fill('Name', 'Older people');
    await page.getByRole('status').filter({ hasText: 'is kept as a draft below the list' }).waitFor();
    expect(await drafts(page).count()).toBe(1);
    // Escape closes the form as "Close the form" does, and focus goes back to the Add button.
    await ws.form().getByLabel('Name', { exact: true }).press('Escape');
    expect(await drafts(page).count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add audience');

    // A reload mid-task: both drafts are still there.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Audiences' }).waitFor();
    await drafts(page).nth(1).waitFor();
    expect(await drafts(page).count()).toBe(2);

    // Discarding asks first; "Keep it" keeps it.
    await page.getByRole('button', { name: 'Discard… Unfinished audience “Older people”' }).click();
    const question = page.getByRole('group', { name: 'Discard Unfinished audience “Older people”?' });
    await question.getByRole('button', { name: 'Keep it' }).click();
    expect(await drafts(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Discard… Unfinished audience “Older people”' }).click();
    await question.getByRole('button', { name: 'Discard it' }).click();
    expect(await drafts(page).count()).toBe(1);

    // Finished, it is saved and is no longer a draft.
    await page.getByRole('button', { name: 'Continue Unfinished audience “Young people in Sparkbrook”' }).click();
    await ws.choose('Engagement', 'Hard to reach');
    await ws.choose('Priority', 'High');
    await ws.form().getByRole('button', { name: 'Delete this audience' }).waitFor();
    await ws.waitSaved();
    expect(await ws.rowNames('Audiences')).toEqual(['Young people in Sparkbrook']);
    expect(await drafts(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: /unfinished record/ }).count()).toBe(0);

    // Typed just before a reload, with no time for the usual pause before saving: the edit is kept.
    await ws.form().getByLabel('Name', { exact: true }).press('End');
    await ws.form().getByLabel('Name', { exact: true }).pressSequentially(' (Sparkhill)');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Audiences' }).waitFor();
    await ws.list('Audiences').locator('.record-list__open').filter({ hasText: 'Young people in Sparkbrook (Sparkhill)' }).waitFor({ timeout: 5_000 });
    expect(await ws.rowNames('Audiences')).toEqual(['Young people in Sparkbrook (Sparkhill)']);

    // Closing the workbook with a draft asks first.
    await ws.add('audience');
    await ws.fill('Name', 'Faith communities');
    await page.getByRole('button', { name: 'Close workbook' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Close with unfinished records?' }).waitFor();
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['Unfinished audience “Faith communities”']);
    expect(await axeViolations(page), 'the question before closing with a draft').toEqual([]);
    await dialog.getByRole('button', { name: 'Keep working on them' }).click();
    expect(await ws.form().getByLabel('Name', { exact: true }).inputValue()).toBe('Faith communities');
    await page.getByRole('button', { name: 'Close workbook' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Close and lose them' }).click();
    await new HomePage(page).heading().waitFor();
  });

  it('waits for an aim before "Add objective", saying why, and chooses the only aim for a new objective', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).recent('Drafts plan').click();
    const ws = new WorksheetPage(page);
    await ws.open('Aims and objectives');
    const addObjective = page.getByRole('button', { name: 'Add objective', exact: true });
    expect(await addObjective.isDisabled()).toBe(true);
    expect(await addObjective.getAttribute('aria-describedby')).toBe('objective-add-reason');
    expect(await page.locator('#objective-add-reason').textContent()).toBe('Add an aim first: each objective needs one (Aim it serves).');
    await ws.create('aim', [['Aim', 'Every neighbourhood can raise concerns with us']]);
    expect(await addObjective.isDisabled()).toBe(false);
    await addObjective.click();
    const aim = ws.form().getByLabel('Aim it serves', { exact: true });
    expect(await aim.locator('option:checked').textContent()).toBe('Every neighbourhood can raise concerns with us');
    await ws.fill('Objective', 'Raise confidence in local policing');
    await ws.form().getByRole('button', { name: 'Delete this objective' }).waitFor();
    await ws.waitSaved();
    expect(await ws.rowNames('Objectives')).toEqual(['Raise confidence in local policing']);
    await page.getByRole('button', { name: 'Close workbook' }).click();
  });
});
