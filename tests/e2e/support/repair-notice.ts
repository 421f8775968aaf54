// Page object for a workbook opened read-only because it needs repair: the notice listing the
// values, and the dialog that lists the repairs before making them.
import type { Locator, Page } from 'playwright-core';

export class RepairNoticePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  notice(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'This workbook needs repair before it can be edited' }) });
  }

  /** The rows of the table of values: record, field, what is wrong, repair. */
  async rows(): Promise<string[][]> {
    return this.notice().getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }

  async chooseForce(name: string): Promise<void> {
    await this.notice().getByLabel('Which force’s workbook is this?').selectOption({ label: name });
  }

  repairButton(): Locator {
    return this.notice().getByRole('button', { name: /^Repair \d+ values?…$/ });
  }

  dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  async listedRepairs(): Promise<string[]> {
    return this.dialog().getByRole('listitem').allTextContents();
  }

  async confirm(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Repair and open again' }).click();
  }
}
