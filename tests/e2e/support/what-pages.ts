// Page models for the WHAT screens: a message's six-point check, one group of radio buttons a check.
import type { Locator, Page } from 'playwright-core';

export type CheckResult = 'Pass' | 'Not yet' | 'Not checked';

export class QualityCheckPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  group(check: string): Locator {
    return this.page.locator('form.record-form').getByRole('group', { name: check, exact: true });
  }

  /** Chooses a result by keyboard: focus the group's chosen (or first) radio, then arrow to the one wanted. */
  async set(check: string, result: CheckResult, note?: string): Promise<void> {
    const group = this.group(check);
    const radios = group.getByRole('radio');
    const order: CheckResult[] = ['Pass', 'Not yet', 'Not checked'];
    const checked = await Promise.all(order.map((_, i) => radios.nth(i).isChecked()));
    const from = Math.max(0, checked.indexOf(true));
    await radios.nth(from).focus();
    const to = order.indexOf(result);
    for (let at = from; at !== to; at = (at + 1) % order.length) await this.page.keyboard.press('ArrowRight');
    if (from === to && !checked[to]) await this.page.keyboard.press('Space');
    if (note !== undefined) await group.getByLabel(`Note on ${check.toLowerCase()} (optional)`, { exact: true }).fill(note);
  }

  async result(check: string): Promise<CheckResult | null> {
    const group = this.group(check);
    for (const result of ['Pass', 'Not yet', 'Not checked'] as const) if (await group.getByRole('radio', { name: result, exact: true }).isChecked()) return result;
    return null;
  }
}
