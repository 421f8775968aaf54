// End to end in Chromium through the browser host: the file browser says who holds a workbook and
// clears a marker left by a program that has closed; a workbook held by a running program is
// taken over only after a warning; a file that is not a workbook replaces one only after its own
// confirmation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { processStartTime } from '../../electron/core/fs/process-start.ts';
import { lockPathFor, readLock } from '../../electron/core/workbook/workbook-lock.ts';
import { SAMPLE_DETAILS } from '../helpers/test-core.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SCREENSHOT_DIR, appForFile } from './support/app-under-test.ts';
import { axeViolations } from './support/axe.ts';
import { FileBrowserDialog, HomePage, WorkbookPage } from './support/pages.ts';
import { sha } from '../helpers/file-sha.ts';

const e2e = appForFile('ewb-e2e-locks-', { closePageAfterEach: true });
const living: ChildProcess[] = [];
afterAll(() => {
  for (const child of living) child.kill('SIGKILL');
});

async function makeWorkbook(name: string, title: string): Promise<string> {
  const file = path.join(e2e.folder, name);
  const created = await e2e.app.core.call('createWorkbook', { path: file, details: { ...SAMPLE_DETAILS, title } });
  if (!created.ok) throw new Error(created.error.message);
  await e2e.app.core.call('closeWorkbook', { handle: (created.value as { handle: string }).handle });
  return file;
}

describe('locks in the browser host', () => {
  it('the file browser shows a stale "in use" marker and clears it', async () => {
    const file = await makeWorkbook('Left open.ewb', 'Left open');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ app: 'engagement-workbook', user: 'jsmith', host: os.hostname(), pid: dead, since: '2026-11-25T08:30:00.000Z' }));
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('button', { name: 'Open a workbook…' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    const line = dialog.root.getByText(/Marked as in use by jsmith since 2026-11-25 08:30 UTC, but the program that marked it has closed/);
    await line.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'file-browser-stale-lock.png') });
    await dialog.root.getByRole('button', { name: 'Clear the marker for Left open.ewb' }).click();
    await line.waitFor({ state: 'detached' });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('a workbook held by a running program here is taken over only after the warning', async () => {
    const file = await makeWorkbook('Held.ewb', 'Held here');
    const holder = spawn('sleep', ['120'], { stdio: 'ignore' });
    living.push(holder);
    const pid = holder.pid as number;
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ app: 'engagement-workbook', user: 'colleague', host: os.hostname(), pid, started: processStartTime(pid), since: new Date().toISOString() }));
    const page = (e2e.page = await e2e.app.newPage());
    await new HomePage(page).openFromFolder('Held.ewb');
    const prompt = page.locator('dialog[open]');
    await prompt.getByRole('heading', { name: 'This workbook is already open' }).waitFor();
    expect(await prompt.textContent()).toMatch(/colleague \(process \d+\).*whoever has it open now can no longer save their changes/);
    expect(await axeViolations(page)).toEqual([]);
    await prompt.getByRole('button', { name: 'Take over editing' }).click();
    const workbook = new WorkbookPage(page);
    await workbook.waitLoaded();
    expect(await workbook.field('Title').isDisabled()).toBe(false);
    expect(readLock(file)).toMatchObject({ user: 'planner' });
    await workbook.close();
  });

  it('bringing in a file that is not a workbook over one asks twice, and keeping the workbook keeps it', async () => {
    const file = await makeWorkbook('Keep me.ewb', 'Keep me');
    const before = sha(file);
    const impostor = path.join(tempDir(), 'Keep me.ewb');
    fs.writeFileSync(impostor, JSON.stringify({ not: 'a workbook' }));
    const page = (e2e.page = await e2e.app.newPage());
    await page.getByRole('button', { name: 'Open a workbook…' }).click();
    const dialog = new FileBrowserDialog(page);
    await dialog.waitOpen();
    await dialog.root.getByLabel('Or bring in a file from this computer').setInputFiles(impostor);
    await dialog.root.getByRole('button', { name: 'Replace the existing file' }).click();
    await dialog.root.getByText(/"Keep me\.ewb" is a workbook\. Writing this file there would replace the workbook/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'file-browser-replace-workbook.png') });
    await dialog.root.getByRole('button', { name: 'Keep the existing file' }).click();
    await dialog.root.getByRole('button', { name: 'Replace the workbook' }).waitFor({ state: 'detached' });
    expect(sha(file)).toBe(before);
  });
});
