// The renderer with a big workbook, in Chromium through the browser host: time from opening a
// workbook of 20,000 audiences to its list being usable, and filter-as-you-type latency on that
// list (from a keystroke to the filtered rows painted). Also the core's listRecords on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../renderer/vite.config.ts';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import { createHostServer, newToken } from '../../electron/host/create-host-server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/support/chromium-flags.ts';
import { percentile, type BenchResult } from './bench-stats.ts';

const silent = { error: () => {}, warn: () => {}, info: () => {} };

function bigInterchange(count: number): unknown {
  const audiences = Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60, i % 1000)).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    reviewedAt: null,
    shareable: true,
    notes: '',
    name: `Audience ${i} ${['Riverside', 'Eastgate', 'Old Town', 'Northfield'][i % 4]}`,
    kind: ['young-people', 'faith', 'older-people', 'businesses'][i % 4],
    sizeEstimate: i,
    sizeEvidence: '',
    evidenceNote: 'Census',
    evidenceSource: 'ONS',
    engagementState: 'engaged',
    priority: 'medium',
    whatWeKnow: '',
    owner: '',
    areaIds: [],
  }));
  return {
    format: 'engagement-workbook',
    version: 2,
    personal: true,
    workbook: { id: '11111111-1111-4111-8111-111111111111', force: 'kent', title: 'Big workbook', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z' },
    records: { audience: audiences },
  };
}

export async function benchRenderer20k(count = 20_000): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ewb-bench-20k-'));
  const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
  try {
    await build({ ...rendererConfig, logLevel: 'error' });
    fs.mkdirSync(path.join(dir, 'books'));
    fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(bigInterchange(count)));
    const made = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'books', 'Big.ewb'), source: path.join(dir, 'big.json') });
    if (!made.ok) throw new Error(made.error.message);
    core.closeAll();

    const handleStart = process.hrtime.bigint();
    const opened = await core.call('openWorkbook', { path: path.join(dir, 'books', 'Big.ewb'), readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const listed = await core.call('listRecords', { handle: (opened.value as { info: { handle: string } }).info.handle, type: 'audience' });
    const coreMs = Number(process.hrtime.bigint() - handleStart) / 1e6;
    if (!listed.ok) throw new Error(listed.error.message);
    core.closeAll();

    const hostToken = newToken();
    const host = await createHostServer({ core, rendererDir: path.resolve('out/renderer'), workbooksDir: path.join(dir, 'books'), token: hostToken, appVersion: '0', log: silent });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.url}#token=${hostToken}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const start = Date.now();
    await page.getByRole('button', { name: 'Big workbook', exact: true }).click();
    await page.getByRole('navigation', { name: 'Sections of the workbook' }).getByRole('button', { name: 'Audiences', exact: true }).click();
    await page.locator('.record-list__open').first().waitFor();
    const interactiveMs = Date.now() - start;

    const filterMs: number[] = [];
    const filter = page.getByLabel('Filter audiences');
    for (const term of ['R', 'Ri', 'Riv', 'Rive', 'River', '1', '12', '123', 'E', 'Ea', 'Old', 'North']) {
      await filter.fill('');
      await page.waitForTimeout(50);
      const ms = await page.evaluate(async (text) => {
        const input = document.getElementById('audience-list-filter') as HTMLInputElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const begin = performance.now();
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - begin;
      }, term);
      filterMs.push(ms);
    }
    await browser.close();
    core.closeAll();
    await host.close();
    console.log(`  core: open read-only and list ${count} audiences: ${coreMs.toFixed(0)} ms`);
    console.log(`  renderer: open the workbook and show the list of ${count}: ${interactiveMs} ms`);
    console.log(`  renderer: filter-as-you-type over ${count} rows: p50 ${percentile(filterMs, 50).toFixed(1)} ms, max ${Math.max(...filterMs).toFixed(1)} ms (keystroke to next frame)`);
    return [
      { bench: `workbook of ${count} records interactive`, figure: `${interactiveMs} ms`, target: '< 1,500 ms', met: interactiveMs < 1500 },
      { bench: `filter-as-you-type on ${count} rows (max)`, figure: `${Math.max(...filterMs).toFixed(1)} ms`, target: '< 50 ms', met: Math.max(...filterMs) < 50 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
