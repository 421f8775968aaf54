// Deliverables end to end through the UI: choose Word and Excel, turn personal data on and see the
// warning, export with a progress bar, and find both files written in the workbooks folder.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { loadWorkbook } from '../helpers/excel-file.ts';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { FileBrowserDialog, HomePage, WorksheetPage } from './support/pages.ts';

const e2e = appForFile('ewb-e2e-export-');

describe('export', () => {
  it('writes the Word document and the Excel workbook chosen in the export section', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).createWorkbook({ force: 'Sussex Police', title: 'Sussex engagement strategy', start: '1 4 2027', end: '31 3 2030' }, 'Sussex export');
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Students at the university'], ['Kind of audience', 'select:Students'], ['Engagement', 'select:Receptive'], ['Priority', 'select:Medium']]);
    await ws.open('Export');
    await page.getByRole('checkbox', { name: 'Include personal data' }).check();
    await page.getByRole('heading', { name: 'Personal data will be included' }).waitFor();
    expect(await axeViolations(page), 'export section with the warning').toEqual([]);
    await page.getByRole('checkbox', { name: 'Include personal data' }).uncheck();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'section-export.png') });

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    expect(await dialog.root.getByLabel('File name').inputValue()).toMatch(/^Sussex engagement strategy \d{4}-\d{2}-\d{2}\.docx$/);
    await dialog.saveAs('Sussex strategy.docx');
    await dialog.waitOpen();
    await dialog.saveAs('Sussex workbook.xlsx');
    await page.getByRole('heading', { name: 'Export finished' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(2);

    const text = (await mammoth.extractRawText({ path: path.join(e2e.folder, 'Sussex strategy.docx') })).value;
    expect(text).toContain('Sussex engagement strategy');
    expect(text).toContain('Students at the university');
    // Its drop-downs reach Excel's last row, which ExcelJS would expand cell by cell: read without them.
    const book = await loadWorkbook(fs.readFileSync(path.join(e2e.folder, 'Sussex workbook.xlsx')));
    expect(book.worksheets.map((s) => s.name)).toContain('Audiences');
  });
});
