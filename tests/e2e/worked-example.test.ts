// The worked example end to end: "Open the worked example" on the home screen saves a new copy in
// the workbooks folder and opens it, with its records, its census evidence and only the gaps it
// shows on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { seriousViolations } from './support/axe.ts';
import { FileBrowserDialog, HomePage, WorkbookPage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-example-');

describe('the worked example', () => {
  it('opens as a new copy in the workbooks folder, to explore and change', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    const home = new HomePage(page);
    await home.heading().waitFor();
    await page.getByRole('button', { name: 'Open the worked example' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    expect(await dialog.root.getByLabel('File name').inputValue()).toBe('Worked example.ewb');
    await dialog.saveAs('Worked example');

    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    expect(await workbook.title().textContent()).toBe('Larkhampton neighbourhood engagement strategy (worked example)');
    await page.getByText('This is a copy of the worked example').waitFor();
    expect(fs.existsSync(path.join(e2e.folder, 'Worked example.ewb'))).toBe(true);

    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await page.getByRole('row', { name: /Polish and Romanian families/ }).first().waitFor();
    await ws.open('Census evidence');
    expect(await ws.gaps().allTextContents()).toEqual([expect.stringMatching(/^In Canalside, 6\.5 % of residents are “Black, Black British, Black Welsh, Caribbean or African”/)]);
    expect(await seriousViolations(page), 'the worked example’s census evidence').toEqual([]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'worked-example-census.png') });
    await workbook.close();
    await home.heading().waitFor();
  });
});
