// Deliverables end to end through the UI: choose Word and Excel, turn personal data on and see the
// warning, export with a progress bar, and find both files written in the workbooks folder. And a
// copy for sharing: the summary (what is left out, notes with a tick to keep), where to save, and a
// copy that keeps the ticked note only and verifies.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { loadWorkbook } from '../helpers/excel-file.ts';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/test-core.ts';
import type { CheckReport } from '../../shared/api/workbook.ts';
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

  it('saves a copy for sharing after a summary of what it leaves out, keeping only the ticked note', async () => {
    const page = (e2e.page = await e2e.app.newPage());
    await page.setViewportSize({ width: 1280, height: 800 });
    await new HomePage(page).createWorkbook({ force: 'Essex Police', title: 'Essex engagement strategy', start: '1 4 2027', end: '31 3 2030' }, 'Essex share');
    const ws = new WorksheetPage(page);
    await ws.open('Audiences');
    await ws.create('audience', [['Name', 'Fishing crews'], ['Kind of audience', 'select:Students'], ['Engagement', 'select:Receptive'], ['Priority', 'select:High'], ['Notes (optional)', 'Ring Wilhelmina Harbourmaster first']]);
    await ws.create('audience', [['Name', 'Market traders'], ['Kind of audience', 'select:Students'], ['Engagement', 'select:Receptive'], ['Priority', 'select:Low'], ['Notes (optional)', 'Stall holders meet on Tuesdays']]);
    await ws.open('Export');
    await page.getByRole('button', { name: 'Save a copy for sharing…' }).click();
    const summary = page.getByRole('dialog', { name: 'Save a copy for sharing' });
    await summary.getByRole('heading', { name: 'Left out of the copy' }).waitFor();
    await summary.getByText('The history of changes, and who made them').waitFor();
    await summary.getByRole('checkbox', { name: /Market traders.*Stall holders meet on Tuesdays/ }).check();
    expect(await summary.getByRole('checkbox', { name: /Fishing crews/ }).isChecked()).toBe(false);
    expect(await axeViolations(page), 'share summary at 1280 × 800').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'share-summary.png') });
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await axeViolations(page), 'share summary at 200 %').toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'share-summary-200.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await summary.getByRole('button', { name: 'Choose where to save…' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    expect(await dialog.root.getByLabel('File name').inputValue()).toMatch(/^Essex engagement strategy \(for sharing \d{4}-\d{2}-\d{2}\)\.ewb$/);
    await dialog.saveAs('For Kent.ewb');
    await page.getByRole('heading', { name: 'Copy for sharing saved' }).waitFor({ timeout: 30_000 });
    expect(await axeViolations(page), 'share copy saved').toEqual([]);

    const copy = path.join(e2e.folder, 'For Kent.ewb');
    const bytes = fs.readFileSync(copy).toString('utf8');
    expect(bytes).toContain('Stall holders meet on Tuesdays');
    expect(bytes).not.toContain('Wilhelmina');
    const core = testCore();
    const report = await core.call('checkWorkbook', { path: copy });
    expect(report.ok && (report.value as CheckReport).share).toMatchObject({ verified: true, message: expect.stringMatching(/^share copy from Essex Police, /) });
    core.closeAll();
  });
});
