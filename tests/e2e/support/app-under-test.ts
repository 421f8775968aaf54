// One browser host and one headless Chromium per e2e file; a fresh page per test that fails the
// test on any request leaving the app's own origin, and a screenshot when a test fails.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createHostServer, newToken, type Host } from '../../../electron/host/create-host-server.ts';
import { createAppCore, type AppCore } from '../../../electron/core/create-app-core.ts';
import { testDeps } from '../../helpers/test-core.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium-flags.ts';

export { CHROMIUM_FLAGS };

export const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface AppUnderTest {
  host: Host;
  core: AppCore;
  folder: string;
  token: string;
  browser: Browser;
  /** Requests that tried to leave the app's origin (each fails the test that made it). */
  offOrigin: string[];
  /** A page on the app; `bypassCSP` only to prove the off-origin detector works without the CSP. */
  newPage(options?: { bypassCSP?: boolean }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startApp(folder: string, identity?: { user: string; host: string; pid: number }): Promise<AppUnderTest> {
  // The settings folder lives as long as the app under test (not one test, as tempDir's would).
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-e2e-config-'));
  // Real ids, as the app makes them: workbooks made by other cores in a test (with predictable ids)
  // must not share ids with what this one writes into them.
  const core = createAppCore(testDeps({ clock: () => new Date(), newId: () => crypto.randomUUID(), paths: { configDir }, ...(identity ? { identity } : {}) }));
  const token = newToken();
  const host = await createHostServer({ core, rendererDir: RENDERER_DIR, workbooksDir: folder, token, appVersion: '0.1.0', log: { error: () => {}, warn: () => {}, info: () => {} } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const offOrigin: string[] = [];
  const contexts: BrowserContext[] = [];
  const origin = new URL(host.url).origin;
  return {
    host,
    core,
    folder,
    token,
    browser,
    offOrigin,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: options.bypassCSP ?? false });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        offOrigin.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      await page.goto(`${host.url}#token=${token}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      core.closeAll();
      await host.close();
      fs.rmSync(configDir, { recursive: true, force: true });
    },
  };
}

export async function screenshotOnFailure(page: Page | undefined, name: string, failed: boolean): Promise<void> {
  if (!page || !failed) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name.replace(/[^\w-]+/g, '-').slice(0, 100)}.png`), fullPage: true }).catch(() => {});
}

export interface AppForFile {
  readonly app: AppUnderTest;
  readonly folder: string;
  /** The page of the running test, for its screenshot if it fails. */
  page: Page | undefined;
}

/**
 * One app under test for a whole e2e file, in a fresh workbooks folder: started before the first
 * test and stopped after the last; after each test a screenshot if it failed, and a failure if any
 * request left the app's origin.
 */
export function appForFile(prefix: string, options: { closePageAfterEach?: boolean } = {}): AppForFile {
  const state = { page: undefined } as { app: AppUnderTest; folder: string; page: Page | undefined };
  beforeAll(async () => {
    state.folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    state.app = await startApp(state.folder);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await state.app.stop();
    fs.rmSync(state.folder, { recursive: true, force: true });
  });
  afterEach(async (context) => {
    await screenshotOnFailure(state.page, context.task.name, context.task.result?.state === 'fail');
    if (options.closePageAfterEach) {
      await state.page?.context().close();
      state.page = undefined;
    }
    expect(state.app.offOrigin, 'requests that left the app').toEqual([]);
  });
  return state;
}
