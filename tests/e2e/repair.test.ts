// End to end in Chromium through the browser host: a workbook edited behind the app's back opens
// read-only with a notice listing each value the app cannot use; the repairs are listed before
// they are made, and the workbook then opens for editing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { HomePage, WorkbookPage, WorksheetPage } from './support/pages.ts';
import { RepairNoticePage } from './support/repair-notice.ts';
import { soundWorkbook, tamper } from '../helpers/tampered-workbook.ts';

const e2e = appForFile('ewb-e2e-repair-', { closePageAfterEach: true });

describe('a workbook that needs repair, in the browser host', () => {
  it('opens read-only, lists each bad value, and after the listed repairs opens for editing', async () => {
    const { file, ids } = await soundWorkbook('Edited elsewhere.ewb', e2e.folder);
    tamper(file, (db) => {
      db.prepare("UPDATE workbook SET force_id = 'Kent Police'").run();
      db.prepare('UPDATE aim SET title = ? WHERE id = ?').run(`Build trust\u0007${' and more'.repeat(500_000)}`, ids.aim);
      db.prepare("UPDATE area SET parent_id = ?, updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(ids.ward, ids.kent);
      db.prepare("UPDATE vulnerability SET barriers = '[\"trust\",\"aliens\"]' WHERE id = ?").run(ids.vulnerability);
    });
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).openFromFolder('Edited elsewhere.ewb');
    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    const repair = new RepairNoticePage(page);
    await repair.notice().waitFor();
    expect(await workbook.page.getByText('Read-only', { exact: true }).count()).toBe(1);
    expect(await repair.rows()).toEqual([
      ['Workbook details', 'Force', '“Kent Police” is not one of the 46 UK police forces', 'Set it to Kent Police'],
      [expect.stringMatching(/^Aim “Build trust and more and more/), 'Aim', 'is 4,500,012 characters long (at most 300), and holds control characters that cannot be printed', 'Cut it to 300 characters and remove the characters that cannot be printed'],
      ['Vulnerability “Low reporting”', 'Barriers', 'holds “aliens”, which is not among the choices', 'Drop 1 value from the list'],
      ['Area “Kent”', 'Part of', 'is part of itself through a loop of 3 areas: “Kent” is part of “Riverside” is part of “Maidstone” is part of “Kent”', 'Take “Kent” out of “Riverside” (it will be part of no area)'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'repair-notice.png'), fullPage: true });

    await repair.repairButton().click();
    await repair.dialog().waitFor();
    expect(await repair.listedRepairs()).toEqual([
      'Workbook details, Force: Set it to Kent Police.',
      expect.stringMatching(/^Aim “Build trust and more.*”, Aim: Cut it to 300 characters and remove the characters that cannot be printed\.$/),
      'Vulnerability “Low reporting”, Barriers: Drop 1 value from the list.',
      'Area “Kent”, Part of: Take “Kent” out of “Riverside” (it will be part of no area).',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'repair-dialog.png') });
    await repair.confirm();

    await page.getByText(/^Repaired 4 values\. The file as it was is kept as “Edited elsewhere \(before repair \d{4}-\d\d-\d\d \d{6}\)\.ewb”\.$/).waitFor();
    expect(await repair.notice().count()).toBe(0);
    // A workbook holding records opens on its overview: the details are a section away.
    await new WorksheetPage(page).open('Workbook details');
    await workbook.setField('Author', 'A. Planner');
    await workbook.waitSaved();
    expect(fs.readdirSync(e2e.folder).filter((name) => name.startsWith('Edited elsewhere (before repair '))).toHaveLength(1);
    await workbook.close();
  });

  it('asks which force a workbook belongs to when the one stored is not a UK force, then repairs it', async () => {
    const { file } = await soundWorkbook('Unknown force.ewb', e2e.folder);
    tamper(file, (db) => db.prepare("UPDATE workbook SET force_id = 'narnia'").run());
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).openFromFolder('Unknown force.ewb');
    const repair = new RepairNoticePage(page);
    await repair.notice().waitFor();
    expect(await repair.rows()).toEqual([['Workbook details', 'Force', '“narnia” is not one of the 46 UK police forces', 'Choose the force below']]);
    expect(await repair.repairButton().count()).toBe(0);
    await repair.chooseForce('Sussex Police');
    await repair.repairButton().click();
    expect(await repair.listedRepairs()).toEqual(['Workbook details, Force: Set it to Sussex Police.']);
    expect(await axeViolations(page)).toEqual([]);
    await repair.confirm();
    await page.getByText(/^Repaired 1 value\./).waitFor();
    expect(await page.getByText('Sussex Police', { exact: true }).first().textContent()).toBe('Sussex Police');
    expect(await new WorkbookPage(page).saveIndicator().textContent()).toBe('Saved');
  });

  it('says so when nothing can be repaired here, and offers no repair', async () => {
    const { file, ids } = await soundWorkbook('Unknown priority.ewb', e2e.folder);
    tamper(file, (db) => db.prepare("UPDATE audience SET priority = 'urgent' WHERE id = ?").run(ids.youth));
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).openFromFolder('Unknown priority.ewb');
    const repair = new RepairNoticePage(page);
    await repair.notice().waitFor();
    expect(await repair.notice().textContent()).toContain('None of them can be repaired here: use an earlier copy of the file, or ask your support team.');
    expect(await repair.rows()).toEqual([['Audience “Young people in Riverside”', 'Priority', '“urgent” is not one of the choices', 'Cannot be repaired here']]);
    expect(await repair.repairButton().count()).toBe(0);
    expect(await page.getByText('Read-only', { exact: true }).count()).toBe(1);
  });
});
