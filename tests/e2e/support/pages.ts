// Page objects: what a planner sees and does, so the tests read as the steps they take.
import type { Locator, Page } from 'playwright-core';

/** Types a date the way a planner does, into a day, month and year group: `dayMonthYear` is "31 3 2028". */
export async function fillDate(scope: Page | Locator, label: string, dayMonthYear: string): Promise<void> {
  const [day = '', month = '', year = ''] = dayMonthYear.split(' ');
  const group = scope.getByRole('group', { name: label, exact: true });
  await group.getByLabel('Day', { exact: true }).fill(day);
  await group.getByLabel('Month', { exact: true }).fill(month);
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** What a day, month and year group holds, as "31 3 2028". */
export async function dateValue(scope: Page | Locator, label: string): Promise<string> {
  const group = scope.getByRole('group', { name: label, exact: true });
  const parts = await Promise.all(['Day', 'Month', 'Year'].map((part) => group.getByLabel(part, { exact: true }).inputValue()));
  return parts.join(' ');
}

export class FileBrowserDialog {
  readonly page: Page;
  readonly root: Locator;
  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('dialog[open]');
  }
  async waitOpen(): Promise<void> {
    await this.root.waitFor();
  }
  async pick(fileName: string): Promise<void> {
    await this.root.getByRole('button', { name: new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  }
  async saveAs(fileName: string): Promise<void> {
    await this.root.getByLabel('File name').fill(fileName);
    await this.root.getByRole('button', { name: 'Save here' }).click();
  }
}

export class HomePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Engagement Workbook' });
  }

  async startNewWorkbook(): Promise<void> {
    await this.page.getByRole('button', { name: 'New workbook' }).click();
  }

  async fillNewWorkbook(details: { force?: string; title?: string; start?: string; end?: string }): Promise<void> {
    if (details.force) await this.page.getByLabel('Force').selectOption({ label: details.force });
    if (details.title !== undefined) await this.page.getByLabel('Title', { exact: true }).fill(details.title);
    if (details.start) await fillDate(this.page, 'Strategy period starts', details.start);
    if (details.end) await fillDate(this.page, 'Strategy period ends', details.end);
  }

  async submitNewWorkbook(): Promise<void> {
    await this.page.getByRole('button', { name: /Choose where to save and create/ }).click();
  }

  async createWorkbook(details: { force: string; title: string; start?: string; end?: string }, fileName: string): Promise<WorkbookPage> {
    await this.startNewWorkbook();
    await this.fillNewWorkbook(details);
    await this.submitNewWorkbook();
    const dialog = new FileBrowserDialog(this.page);
    await dialog.waitOpen();
    await dialog.saveAs(fileName);
    const workbook = new WorkbookPage(this.page);
    await workbook.waitLoaded();
    return workbook;
  }

  async openFromFolder(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Open a workbook…' }).click();
    const dialog = new FileBrowserDialog(this.page);
    await dialog.waitOpen();
    await dialog.pick(fileName);
  }

  errorNotice(): Locator {
    return this.page.getByRole('alert');
  }

  recent(title: string): Locator {
    return this.page.getByRole('table').getByRole('button', { name: title, exact: true });
  }
}

export class WorkbookPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The workbook's first screen: its overview once it holds records, its details while new. */
  async waitLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: /^(Overview|Workbook details)$/ }).waitFor();
  }

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  saveIndicator(): Locator {
    return this.page.getByTestId('save-indicator');
  }

  async setField(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** A date as "31 3 2028". */
  async setDate(label: string, dayMonthYear: string): Promise<void> {
    await fillDate(this.page, label, dayMonthYear);
  }

  async date(label: string): Promise<string> {
    return dateValue(this.page, label);
  }

  async waitSaved(): Promise<void> {
    await this.page.getByTestId('save-indicator').filter({ hasText: /^Saved$/ }).waitFor();
  }

  marking(position: 'top' | 'bottom'): Locator {
    return this.page.getByTestId(`marking-${position}`);
  }

  taskList(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections of the workbook' });
  }

  async close(): Promise<void> {
    const close = this.page.getByRole('button', { name: 'Close workbook' });
    // At narrow widths (200 % zoom) it is behind the "Workbook" button.
    if (!(await close.isVisible())) await this.page.getByRole('button', { name: 'Workbook actions' }).click();
    await close.click();
  }
}

/** A worksheet section: its lists, the record form beside them, gaps and completion. */
export class WorksheetPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(section: string): Promise<void> {
    const menu = this.page.getByRole('navigation', { name: 'Sections of the workbook' });
    await this.page.locator('#section-heading').waitFor();
    // At narrow widths (200 % zoom) the menu is behind the "Sections" button.
    if (!(await menu.isVisible())) await this.page.getByRole('button', { name: 'Sections of the workbook' }).click();
    await menu.getByRole('button', { name: section, exact: true }).click();
    await this.page.getByRole('heading', { level: 2, name: section }).waitFor();
  }

  form(): Locator {
    return this.page.locator('form.record-form');
  }

  async add(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${label}`, exact: true }).click();
    await this.form().waitFor();
  }

  async fill(label: string, value: string): Promise<void> {
    await this.form().getByLabel(label, { exact: true }).fill(value);
  }

  async choose(label: string, option: string): Promise<void> {
    await this.form().getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async tick(name: string): Promise<void> {
    await this.form().getByRole('checkbox', { name, exact: true }).check();
  }

  async waitSaved(): Promise<void> {
    await this.page.getByTestId('save-indicator').filter({ hasText: /^Saved$/ }).waitFor();
  }

  /** Fills fields in order (text by label, selects with `select:`, dates as `date:31 3 2028`), then waits until saved. */
  async create(label: string, fields: Array<[string, string]>, links: string[] = []): Promise<void> {
    await this.add(label);
    for (const [field, value] of fields) {
      if (value.startsWith('select:')) await this.choose(field, value.slice('select:'.length));
      else if (value.startsWith('date:')) await fillDate(this.form(), field, value.slice('date:'.length));
      else await this.fill(field, value);
    }
    await this.form().getByLabel(fields[0]![0], { exact: true }).blur();
    await this.form().getByRole('button', { name: /^Delete this/ }).waitFor();
    for (const link of links) await this.tick(link);
    await this.waitSaved();
  }

  list(plural: string): Locator {
    return this.page.getByRole('table', { name: plural, exact: true });
  }

  async rowNames(plural: string): Promise<string[]> {
    return this.list(plural).locator('.record-list__open').allTextContents();
  }

  gaps(): Locator {
    return this.page.locator('.gap-list li');
  }

  /** The gap count the task list shows beside a section (0 when it shows none). */
  async taskListGaps(section: string): Promise<number> {
    const item = this.page.getByRole('navigation', { name: 'Sections of the workbook' }).locator('li', { has: this.page.getByRole('button', { name: section, exact: true }) });
    const text = await item.locator('.task-list__gaps').textContent({ timeout: 500 }).catch(() => null);
    return text ? Number.parseInt(text, 10) : 0;
  }

  status(section: string): Locator {
    return this.page.getByRole('navigation', { name: 'Sections of the workbook' }).locator('li', { hasText: section }).locator('.tag');
  }
}
