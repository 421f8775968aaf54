// Page objects for How: the receptivity grid (driven by the keyboard) and the contact-list import.
import type { Locator, Page } from 'playwright-core';
import { FileBrowserDialog } from './pages.ts';

export class ReceptivityGridPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Who listens where: audiences by channel' });
  }

  /** Tabs into the grid from the last filter, as a keyboard user would. */
  async tabIntoGrid(): Promise<void> {
    await this.page.getByLabel('Only priority audiences (high or medium)').focus();
    await this.page.keyboard.press('Tab');
  }

  /** The focused cell's row and column headers. */
  async focusedCell(): Promise<{ audience: string; channel: string }> {
    return this.page.evaluate(() => {
      const cell = document.activeElement as HTMLElement;
      const row = cell.closest('[role="row"]');
      const column = Number(cell.getAttribute('aria-colindex'));
      const header = document.querySelector(`[role="columnheader"][aria-colindex="${column}"] .rgrid__channel`);
      return { audience: row?.querySelector('.rgrid__audience')?.textContent ?? '', channel: header?.textContent ?? '' };
    });
  }

  /** Each cell's word in a row, by the audience's name. */
  async rowValues(audience: string): Promise<string[]> {
    const row = this.grid().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${audience}`) }) });
    return row.locator('.rgrid__word').allTextContents();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}

export class ContactImportPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Chooses a list through the host's file browser, uploading it, and waits for the column-mapping step. */
  async choose(plural: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByRole('button', { name: `Import a list of ${plural} (CSV or Excel)…` }).click();
    const browser = new FileBrowserDialog(this.page);
    await browser.waitOpen();
    await browser.root.locator('input[type=file]').setInputFiles(file);
    await this.page.getByRole('heading', { name: `Which column is which in your list of ${plural}?` }).waitFor();
  }

  dialog(): Locator {
    return this.page.locator('dialog[open]');
  }
}
