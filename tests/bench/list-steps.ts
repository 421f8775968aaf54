// Moving and typing in a big workbook, in Chromium through the browser host: the worked example
// with thousands of audiences and messages added, then the time from a key press to the next frame
// (drawn) for a step down the audience list, a step down the receptivity grid, and a keystroke in a
// message's text and in its "Find audiences to add" box. Real key presses (CDP), timed in the page
// from the keydown's own timestamp to the frame after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../renderer/vite.config.ts';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { workedExample } from '../../electron/core/workbook/worked-example.ts';
import { createHostServer, newToken } from '../../electron/host/create-host-server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/support/chromium-flags.ts';
import { percentile, type BenchResult } from './bench-stats.ts';

const silent = { error: () => {}, warn: () => {}, info: () => {} };
const PLACES = ['Riverside', 'Eastgate', 'Old Town', 'Northfield', 'Oakmere', 'Larkhampton'];
type Rec = Record<string, unknown> & { id: string };
const uuid = (group: number, n: number) => `${String(group).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The worked example with `audiences` audiences and `messages` messages in all: copies of its own, renamed, each message to a few audiences. */
export function bigExample(audiences: number, messages: number): unknown {
  const doc = structuredClone(workedExample(new Date())) as { workbook: { title: string }; records: Record<string, Rec[]> };
  doc.workbook.title = `Big example ${audiences}`;
  const ownAudiences = doc.records.audience!;
  const ownMessages = doc.records.message!;
  for (let i = ownAudiences.length; i < audiences; i += 1) {
    const model = ownAudiences[i % ownAudiences.length]!;
    ownAudiences.push({ ...model, id: uuid(1, i), name: `Audience ${String(i).padStart(5, '0')} ${PLACES[i % PLACES.length]} ${String(model.name)}` });
  }
  for (let i = ownMessages.length; i < messages; i += 1) {
    const model = ownMessages[i % ownMessages.length]!;
    const to = [i % audiences, (i * 7) % audiences, (i * 13) % audiences].map((n) => ownAudiences[n]!.id);
    ownMessages.push({ ...model, id: uuid(2, i), text: `${PLACES[i % PLACES.length]} ${i}: ${String(model.text)}`, audienceIds: [...new Set(to)] });
  }
  return doc;
}

/** Installs, once, a keydown listener that records each key's time to the frame after it. */
async function watchKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keyMs: number[] };
    w.keyMs = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const begin = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.keyMs.push(performance.now() - begin), 0));
      },
      { capture: true },
    );
  });
}

async function takeKeyTimes(page: Page): Promise<number[]> {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { keyMs: number[] };
    return w.keyMs.splice(0);
  });
}

/** Presses each key after the frame of the last has been drawn, as a planner holding a key would see it. */
async function press(page: Page, keys: string[]): Promise<number[]> {
  await takeKeyTimes(page);
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  return takeKeyTimes(page);
}

export interface StepFigures {
  list: number[];
  grid: number[];
  text: number[];
  picker: number[];
}

async function measure(page: Page): Promise<StepFigures> {
  const nav = page.getByRole('navigation', { name: 'Sections of the workbook' });
  await watchKeys(page);

  await nav.getByRole('button', { name: 'Audiences', exact: true }).click();
  await page.locator('#audience-list .record-list__open, [id^="audience-list-row-"]').first().click();
  await page.locator('.worksheet__form').first().waitFor();
  const down = Array.from({ length: 25 }, () => 'ArrowDown');
  const list = (await press(page, down)).slice(5);

  await nav.getByRole('button', { name: 'Who listens where', exact: true }).click();
  await page.locator('[role="gridcell"][tabindex="0"]').first().focus();
  const grid = (await press(page, down)).slice(5);

  await nav.getByRole('button', { name: 'Messages', exact: true }).click();
  await page.locator('[id^="message-list-row-"]').first().click();
  const text = page.getByLabel('Message', { exact: true });
  await text.focus();
  await page.keyboard.press('End');
  const typed = ' and more'.split('').map((c) => (c === ' ' ? 'Space' : c));
  const textMs = (await press(page, [...typed, ...typed])).slice(3);
  // The text is put back as it was, so the workbook is unchanged for the next run.
  await press(page, Array.from({ length: typed.length * 2 }, () => 'Backspace'));
  const finder = page.getByPlaceholder('Find audiences to add');
  await finder.focus();
  const pickerMs = (await press(page, ['o', 'a', 'k', 'm', 'e', 'r', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'r', 'i', 'v', 'e', 'r'])).slice(2);
  await finder.fill('');
  return { list, grid, text: textMs, picker: pickerMs };
}

function summary(ms: number[]): string {
  return `p50 ${percentile(ms, 50).toFixed(0)} ms, p90 ${percentile(ms, 90).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`;
}

export async function benchListSteps(sizes: number[] = [2_000, 20_000]): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-steps-'));
  const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
  const results: BenchResult[] = [];
  try {
    await build({ ...rendererConfig, logLevel: 'error' });
    fs.mkdirSync(path.join(dir, 'books'));
    for (const size of sizes) {
      fs.writeFileSync(path.join(dir, `big-${size}.json`), JSON.stringify(bigExample(size, Math.min(size, 2_000))));
      const made = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'books', `Big ${size}.ewb`), source: path.join(dir, `big-${size}.json`) });
      if (!made.ok) throw new Error(made.error.message);
      core.closeAll();
    }
    const token = newToken();
    const host = await createHostServer({ core, rendererDir: path.resolve('out/renderer'), workbooksDir: path.join(dir, 'books'), token, appVersion: '0', log: silent });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      for (const size of sizes) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${host.url}#token=${token}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('button', { name: `Big example ${size}`, exact: true }).click();
        await page.getByRole('navigation', { name: 'Sections of the workbook' }).waitFor();
        const figures = await measure(page);
        await page.close();
        core.closeAll();
        const rows: Array<[string, number[]]> = [
          [`a step down the list of ${size} audiences`, figures.list],
          [`a step down the receptivity grid of ${size} audiences`, figures.grid],
          [`a keystroke in a message's text (${Math.min(size, 2_000)} messages, ${size} audiences)`, figures.text],
          [`a keystroke in "Find audiences to add" (${size} audiences)`, figures.picker],
        ];
        for (const [bench, ms] of rows) {
          console.log(`  ${bench}: ${summary(ms)} (key press to the next frame, ${ms.length} presses)`);
          results.push({ bench: `${bench} (p90, key press to next frame)`, figure: `${percentile(ms, 90).toFixed(0)} ms (p50 ${percentile(ms, 50).toFixed(0)})`, target: '< 50 ms', met: percentile(ms, 90) < 50 });
        }
      }
      return results;
    } finally {
      await browser.close();
      core.closeAll();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printResults } = await import('./bench-stats.ts');
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  printResults(await benchListSteps(sizes.length > 0 ? sizes : undefined));
}
