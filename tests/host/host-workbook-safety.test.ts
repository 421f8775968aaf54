// The browser host from a hostile or careless page: nothing it sends replaces a workbook another
// session holds (hashes before and after, the host still answering the other session), workbooks
// of closed tabs are released, scripted clients keep theirs, and the file browser shows locks.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/create-host-server.ts';
import { lockPathFor } from '../../electron/core/workbook/workbook-lock.ts';
import { startTestHost } from '../helpers/test-host.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS } from '../helpers/test-core.ts';
import { sha } from '../helpers/file-sha.ts';

const TOKEN = 'test-token-0123456789';
const PAGE_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PAGE_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const MINUTE = 60_000;

let host: Host;
let folder: string;
let stopHost: () => Promise<void>;
let clock: number;

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-ewb-token': TOKEN, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function api(method: string, body: unknown, page?: string): Promise<Answer> {
  const reply = await post(`/api/${method}`, body, page ? { 'x-ewb-page': page } : {});
  expect(reply.status).toBe(200);
  return JSON.parse(reply.text) as Answer;
}

async function beat(page: string): Promise<void> {
  expect((await post('/page-alive', {}, { 'x-ewb-page': page })).status).toBe(204);
}

function base64(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

/** Opens `name` for editing from page A, as a tab would; returns its handle. */
async function openInTab(name: string, page = PAGE_A): Promise<string> {
  const opened = await api('openWorkbook', { path: name }, page);
  expect(opened.ok, opened.error?.message).toBe(true);
  return (opened.value as { info: { handle: string } }).info.handle;
}

async function stillAnswers(handle: string, title: string): Promise<void> {
  const edit = await api('updateWorkbookDetails', { handle, changes: { title } }, PAGE_A);
  expect(edit.ok, edit.error?.message).toBe(true);
  expect((await api('listForces', {})).ok).toBe(true);
}

beforeEach(async () => {
  folder = tempDir('ewb-host-folder-');
  clock = Date.parse('2026-11-25T09:00:00.000Z');
  ({ host, stop: stopHost } = await startTestHost({ workbooksDir: folder, token: TOKEN, now: () => clock }));
  for (const [name, title] of [['d1.ewb', 'One'], ['d2.ewb', 'Two']]) {
    const created = await api('createWorkbook', { path: name, details: { ...SAMPLE_DETAILS, title } });
    expect(created.ok).toBe(true);
    await api('closeWorkbook', { handle: (created.value as { handle: string }).handle });
  }
});

afterEach(async () => {
  await stopHost();
});

describe('the host never replaces a workbook another session holds', () => {
  it('refuses uploadFile, dumpWorkbook and saveWorkbookCopy aimed at it, overwrite or not', async () => {
    const held = await openInTab('d1.ewb');
    const victim = path.join(folder, 'd1.ewb');
    let before = sha(victim);
    const reader = (await api('openWorkbook', { path: 'd2.ewb', readOnly: true }, PAGE_B)).value as { info: { handle: string } };
    const attacks: Array<[string, unknown]> = [
      ['uploadFile', { folder: '', name: 'd1.ewb', contentBase64: Buffer.from('{"not":"a workbook"}').toString('base64'), overwrite: true, replaceWorkbook: true }],
      ['uploadFile', { folder: '', name: 'd1.ewb', contentBase64: base64(path.join(folder, 'd2.ewb')), overwrite: true }],
      ['dumpWorkbook', { path: 'd2.ewb', destination: 'd1.ewb', replaceWorkbook: true }],
      ['saveWorkbookCopy', { handle: reader.info.handle, destination: 'd1.ewb', overwrite: true }],
    ];
    for (const [method, request] of attacks) {
      const answer = await api(method, request, PAGE_B);
      expect(answer.ok, method).toBe(false);
      expect(answer.error?.code, method).toBe('in-use');
      expect(answer.error?.message, method).toMatch(/"d1\.ewb" is a workbook open in Engagement Workbook/);
      expect(sha(victim), method).toBe(before);
      await stillAnswers(held, `Still editable after ${method}`);
      before = sha(victim);
    }
  });

  it('rolls forward inside the workbooks folder only, never over a workbook, the old file unchanged', async () => {
    const old = path.join(folder, 'd1.ewb');
    const d2 = path.join(folder, 'd2.ewb');
    const [before, beforeD2] = [sha(old), sha(d2)];
    const period = { periodStart: '2030-04-01', periodEnd: '2033-03-31' };
    const rolled = await api('rollForwardWorkbook', { path: 'd1.ewb', destination: 'next.ewb', ...period }, PAGE_A);
    expect(rolled.ok, rolled.error?.message).toBe(true);
    const info = rolled.value as { path: string; meta: { title: string; rolledFrom: { title: string } } };
    expect(info.path).toBe('next.ewb');
    expect(info.meta.rolledFrom.title).toBe('One');
    expect(fs.existsSync(path.join(folder, 'next.ewb'))).toBe(true);
    for (const destination of ['../escape.ewb', path.join(os.tmpdir(), 'escape.ewb'), 'd2.ewb']) {
      const refused = await api('rollForwardWorkbook', { path: 'd1.ewb', destination, ...period }, PAGE_A);
      expect(refused.ok, destination).toBe(false);
    }
    expect(fs.existsSync(path.join(folder, '..', 'escape.ewb'))).toBe(false);
    expect([sha(old), sha(d2)]).toEqual([before, beforeD2]);
  });

  it('asks separately before anything that is not a workbook replaces one, and never takes a journal or lock name', async () => {
    const target = path.join(folder, 'd2.ewb');
    const before = sha(target);
    const json = Buffer.from('{"not":"a workbook"}').toString('base64');
    expect((await api('uploadFile', { folder: '', name: 'd2.ewb', contentBase64: json })).error?.code).toBe('already-exists');
    expect((await api('uploadFile', { folder: '', name: 'd2.ewb', contentBase64: json, overwrite: true })).error?.code).toBe('replaces-workbook');
    expect(sha(target)).toBe(before);
    // A workbook over a workbook needs only the overwrite confirmation.
    expect((await api('uploadFile', { folder: '', name: 'd2.ewb', contentBase64: base64(path.join(folder, 'd1.ewb')), overwrite: true })).ok).toBe(true);
    expect((await api('uploadFile', { folder: '', name: 'd2.ewb', contentBase64: json, overwrite: true, replaceWorkbook: true })).ok).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('{"not":"a workbook"}');
    for (const name of ['d1.ewb-journal', '~$d1.ewb.lock']) {
      const planted = await api('uploadFile', { folder: '', name, contentBase64: json });
      expect(planted.error?.code, name).toBe('forbidden');
      expect(fs.existsSync(path.join(folder, name)), name).toBe(false);
    }
  });
});

describe('handles of the host', () => {
  it('a closed tab (its heartbeat stopped) releases its workbook; a live tab keeps its own however long it is idle', async () => {
    const gone = await openInTab('d1.ewb', PAGE_A);
    const live = await openInTab('d2.ewb', PAGE_B);
    expect(fs.existsSync(lockPathFor(path.join(folder, 'd1.ewb')))).toBe(true);
    for (let minute = 0; minute < 10; minute += 1) {
      clock += MINUTE;
      await beat(PAGE_B);
      await host.sweepHandles();
    }
    expect(fs.existsSync(lockPathFor(path.join(folder, 'd1.ewb')))).toBe(false);
    expect((await api('getWorkbook', { handle: gone })).error?.code).toBe('not-open');
    expect((await api('getWorkbook', { handle: live }, PAGE_B)).ok).toBe(true);
    // Another tab can now edit it without a restart.
    await openInTab('d1.ewb', PAGE_B);
  });

  it('a reloaded page (a new page id) adopts the handle it uses, so a reload does not lose the workbook', async () => {
    const handle = await openInTab('d1.ewb', PAGE_A);
    clock += MINUTE;
    expect((await api('getWorkbook', { handle }, PAGE_B)).ok).toBe(true);
    for (let minute = 0; minute < 5; minute += 1) {
      clock += MINUTE;
      await beat(PAGE_B);
      await host.sweepHandles();
    }
    expect((await api('getWorkbook', { handle }, PAGE_B)).ok).toBe(true);
  });

  it('a scripted client (no page) keeps its handle until closeWorkbook or 30 minutes unused', async () => {
    const opened = await api('openWorkbook', { path: 'd1.ewb' });
    const handle = (opened.value as { info: { handle: string } }).info.handle;
    clock += 29 * MINUTE;
    expect(await host.sweepHandles()).toEqual([]);
    expect((await api('getWorkbook', { handle })).ok).toBe(true);
    clock += 29 * MINUTE;
    expect(await host.sweepHandles()).toEqual([]);
    clock += 31 * MINUTE;
    expect(await host.sweepHandles()).toEqual([handle]);
    expect(fs.existsSync(lockPathFor(path.join(folder, 'd1.ewb')))).toBe(false);
    const other = (await api('openWorkbook', { path: 'd2.ewb' })).value as { info: { handle: string } };
    expect((await api('closeWorkbook', { handle: other.info.handle })).ok).toBe(true);
    clock += 60 * MINUTE;
    expect(await host.sweepHandles()).toEqual([]);
  });

  it('a heartbeat needs the token and a page id', async () => {
    expect((await post('/page-alive', {}, { 'x-ewb-token': '' })).status).toBe(401);
    expect((await post('/page-alive', {}, { 'x-ewb-page': 'no' })).status).toBe(400);
    await beat(PAGE_A);
  });
});

describe('the file browser and locks', () => {
  it('shows who holds each workbook, hides the ~$ files, and clears a stale marker but not a live one', async () => {
    await openInTab('d1.ewb');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    fs.writeFileSync(lockPathFor(path.join(folder, 'd2.ewb')), JSON.stringify({ app: 'engagement-workbook', user: 'gone', host: os.hostname(), pid: dead, since: '2026-11-25T08:00:00.000Z' }));
    const listed = (await api('listFolder', {})).value as { entries: Array<{ name: string; lock?: { state: string; user?: string } }> };
    expect(listed.entries.map((entry) => entry.name)).toEqual(['d1.ewb', 'd2.ewb']);
    expect(listed.entries[0]?.lock).toMatchObject({ state: 'mine', user: 'planner' });
    expect(listed.entries[1]?.lock).toMatchObject({ state: 'stale', user: 'gone' });
    expect((await api('clearWorkbookLock', { path: 'd1.ewb' })).error?.code).toBe('in-use');
    expect(await api('clearWorkbookLock', { path: 'd2.ewb' })).toMatchObject({ ok: true, value: { cleared: true } });
    const after = (await api('listFolder', {})).value as { entries: Array<{ name: string; lock?: unknown }> };
    expect(after.entries[1]?.lock).toBeUndefined();
    expect(fs.existsSync(lockPathFor(path.join(folder, 'd1.ewb')))).toBe(true);
  });
});
