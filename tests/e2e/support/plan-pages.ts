// Page object for the action plan's calendar: the List | Calendar switch, the month shown, a day's
// cell, the day in the Tab order, and the chosen day's list of activities.
import type { Locator, Page } from 'playwright-core';

export class PlanCalendarPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async show(view: 'List' | 'Calendar'): Promise<void> {
    await this.page.getByRole('group', { name: 'Show the action plan as' }).getByRole('button', { name: view }).click();
  }

  grid(): Locator {
    return this.page.getByRole('grid');
  }

  async month(): Promise<string> {
    return (await this.page.locator('#calendar-title').textContent()) ?? '';
  }

  cell(date: string): Locator {
    return this.page.locator(`#calendar-day-${date}`);
  }

  /** The id of the day in the Tab order (only one is). */
  async tabbable(): Promise<string[]> {
    return this.grid().locator('[role=gridcell][tabindex="0"]').evaluateAll((cells) => cells.map((cell) => cell.id));
  }

  async focusedId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.id ?? null);
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.keyboard.press(key);
  }

  /** The chosen day's list: its heading and its activities' buttons. */
  agenda(): Locator {
    return this.page.locator('.calendar__agenda');
  }
}
