// The one IPC channel: forged senders are refused before anything runs, payloads are validated
// against the contract, core calls reach the core, shell calls are answered by main, and every
// answer is a Result value.
import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, IpcMainInvokeEvent, Shell } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createApiHandler, registerApiHandler, senderRefusal, type IpcHandlers } from '../../electron/main/ipc.ts';
import { createShellHandlers, withPurposeExtension, type ShellDeps } from '../../electron/main/shell-handlers.ts';
import { IPC_CHANNEL } from '../../shared/api/method-names.ts';
import type { Result } from '../../shared/api/result.ts';
import { SAMPLE_DETAILS, testCore, testLogger } from '../helpers/test-core.ts';
import { tempDir } from '../helpers/temp-dir.ts';

vi.mock('electron', () => ({}));

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

const OWN_PAGE = 'app://ewb/index.html';

function eventFrom(frame: 'main' | 'sub' | 'missing', url = OWN_PAGE): IpcMainInvokeEvent {
  const mainFrame: FakeFrame = { url, parent: null };
  const sender = { mainFrame, id: 1 };
  const senderFrame = frame === 'main' ? mainFrame : frame === 'sub' ? { url, parent: mainFrame } : null;
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

function fakeShellDeps(overrides: Partial<ShellDeps> = {}) {
  const window = { id: 7 } as unknown as BaseWindow;
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  };
  const shell = { showItemInFolder: vi.fn() };
  const deps: ShellDeps = {
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
    shell: shell as unknown as Pick<Shell, 'showItemInFolder'>,
    windowOf: () => window,
    pathExists: (file) => fs.existsSync(file),
    appVersion: '0.1.0',
    ...overrides,
  };
  return { deps, dialog, shell, window };
}

function setup(coreAnswer: Result<unknown> = { ok: true, value: [] }, shellOverrides: Partial<ShellDeps> = {}) {
  const core = { call: vi.fn(async (_method: string, _request: unknown) => coreAnswer) };
  const shellFakes = fakeShellDeps(shellOverrides);
  const log = testLogger();
  const afterCoreCall = vi.fn();
  const handlers: IpcHandlers = { core, shell: createShellHandlers(shellFakes.deps), log, afterCoreCall };
  return { handle: createApiHandler(handlers), core, log, afterCoreCall, ...shellFakes };
}

describe('the sender check', () => {
  it.each([
    ['a subframe of our own page', eventFrom('sub')],
    ['a frame that is gone', eventFrom('missing')],
    ['a foreign page', eventFrom('main', 'https://evil.example/')],
    ['a look-alike host', eventFrom('main', 'app://ewb.evil.example/')],
    ['another app: host', eventFrom('main', 'app://other/index.html')],
    ['a file: page', eventFrom('main', 'file:///tmp/index.html')],
    ['the loopback host', eventFrom('main', 'http://127.0.0.1:5173/')],
  ])('refuses %s with forbidden and never calls the core or a dialog', async (_name, event) => {
    const { handle, core, dialog } = setup();
    for (const [method, request] of [
      ['listForces', {}],
      ['openWorkbook', { path: '/tmp/a.ewb' }],
      ['chooseFile', { mode: 'open', purpose: 'workbook' }],
    ] as const) {
      const answer = await handle(event, method, request);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.call).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('accepts the top frame of our own page', () => {
    expect(senderRefusal(eventFrom('main'))).toBeNull();
    expect(senderRefusal(eventFrom('main', 'app://ewb/index.html#/workbook'))).toBeNull();
  });

  it('logs each refusal as a warning', async () => {
    const { handle, log } = setup();
    await handle(eventFrom('sub'), 'listForces', {});
    expect(log.warnings).toEqual(['Refused an API call: the sender is a subframe']);
  });
});

describe('method names', () => {
  it.each([['noSuchMethod'], ['constructor'], ['__proto__'], ['toString'], [42], [null], [{ method: 'listForces' }]])(
    'refuses %j as an unknown method without calling the core',
    async (method) => {
      const { handle, core } = setup();
      const answer = await handle(eventFrom('main'), method, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(core.call).not.toHaveBeenCalled();
    },
  );
});

describe('core methods', () => {
  it('reach the core with the method and request, and return its Result', async () => {
    const { handle, core, afterCoreCall } = setup({ ok: true, value: [{ path: '/w/a.ewb' }] });
    const answer = await handle(eventFrom('main'), 'listRecentWorkbooks', {});
    expect(core.call).toHaveBeenCalledWith('listRecentWorkbooks', {});
    expect(answer).toEqual({ ok: true, value: [{ path: '/w/a.ewb' }] });
    expect(afterCoreCall).toHaveBeenCalledWith('listRecentWorkbooks', answer);
  });

  it('are validated against the contract: a malformed payload is refused by the real core', async () => {
    const core = testCore();
    const handle = createApiHandler({ core, shell: createShellHandlers(fakeShellDeps().deps), log: core.deps.log });
    const answer = await handle(eventFrom('main'), 'createWorkbook', { path: 42, details: { title: '' }, extra: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknownField = await handle(eventFrom('main'), 'listForces', { sql: 'DROP TABLE workbook' });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('work end to end with the real core', async () => {
    const core = testCore();
    const handle = createApiHandler({ core, shell: createShellHandlers(fakeShellDeps().deps), log: core.deps.log });
    const forces = await handle(eventFrom('main'), 'listForces', {});
    expect(forces.ok && (forces.value as unknown[]).length).toBe(46);
    const file = path.join(tempDir(), 'plan.ewb');
    const created = await handle(eventFrom('main'), 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    expect(created).toMatchObject({ ok: true, value: { path: file, readOnly: false } });
    core.closeAll();
  });

  it('never throw: a core that throws becomes an internal error value', async () => {
    const core = { call: vi.fn(async () => Promise.reject(new Error('disk on fire'))) };
    const log = testLogger();
    const handle = createApiHandler({ core, shell: createShellHandlers(fakeShellDeps().deps), log });
    const answer = await handle(eventFrom('main'), 'listForces', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('disk on fire');
    expect(log.errors).toHaveLength(1);
  });
});

describe('shell methods', () => {
  it('chooseFile cancelled answers { path: null }', async () => {
    const { handle, dialog, window } = setup();
    const open = await handle(eventFrom('main'), 'chooseFile', { mode: 'open', purpose: 'workbook', title: 'Open a workbook' });
    expect(open).toEqual({ ok: true, value: { path: null } });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      title: 'Open a workbook',
      properties: ['openFile'],
      filters: [{ name: 'Engagement workbooks', extensions: ['ewb'] }],
    });
    const save = await handle(eventFrom('main'), 'chooseFile', { mode: 'save', purpose: 'interchange' });
    expect(save).toEqual({ ok: true, value: { path: null } });
  });

  it('chooseFile answers the chosen path, adding the extension a save dialog left off', async () => {
    const { handle, dialog } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/w/plan.ewb'] });
    expect(await handle(eventFrom('main'), 'chooseFile', { mode: 'open', purpose: 'workbook' })).toEqual({ ok: true, value: { path: '/w/plan.ewb' } });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/w/copy' });
    const saved = await handle(eventFrom('main'), 'chooseFile', { mode: 'save', purpose: 'workbook', suggestedName: '../../etc/Plan copy.ewb' });
    expect(saved).toEqual({ ok: true, value: { path: '/w/copy.ewb' } });
    expect(dialog.showSaveDialog.mock.calls.at(-1)?.[1]).toMatchObject({ defaultPath: 'Plan copy.ewb' });
  });

  it('chooseFile with a malformed payload is refused before any dialog opens', async () => {
    const { handle, dialog } = setup();
    for (const request of [{ mode: 'delete', purpose: 'workbook' }, { mode: 'open', purpose: 'exe' }, { mode: 'open', purpose: 'workbook', defaultPath: '/etc' }, 'open', null]) {
      const answer = await handle(eventFrom('main'), 'chooseFile', request);
      expect(answer, JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('showInFolder shows only a path that exists', async () => {
    const { handle, shell } = setup();
    const folder = tempDir();
    const file = path.join(folder, 'out.json');
    fs.writeFileSync(file, '{}');
    expect(await handle(eventFrom('main'), 'showInFolder', { path: file })).toEqual({ ok: true, value: { shown: true } });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(await handle(eventFrom('main'), 'showInFolder', { path: path.join(folder, 'missing.json') })).toEqual({ ok: true, value: { shown: false } });
    expect(shell.showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('getEnvironment says this is the Electron door', async () => {
    const { handle } = setup();
    expect(await handle(eventFrom('main'), 'getEnvironment', {})).toEqual({ ok: true, value: { door: 'electron', appVersion: '0.1.0', workbooksFolder: null } });
  });

  it.each([
    ['listFolder', {}],
    ['uploadFile', { name: 'a.ewb', contentBase64: '' }],
  ])('%s is forbidden: only the browser host has a workbooks folder', async (method, request) => {
    const { handle, core } = setup();
    expect(await handle(eventFrom('main'), method, request)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only the browser host has a workbooks folder.' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('a dialog that throws becomes an internal error value', async () => {
    const { handle, dialog } = setup();
    dialog.showOpenDialog.mockRejectedValueOnce(new Error('no display'));
    expect(await handle(eventFrom('main'), 'chooseFile', { mode: 'open', purpose: 'csv' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a request with no window gets an unattached dialog', async () => {
    const { handle, dialog } = setup(undefined, { windowOf: () => null });
    await handle(eventFrom('main'), 'chooseFile', { mode: 'open', purpose: 'csv' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'], filters: [{ name: 'CSV files', extensions: ['csv'] }] });
  });
});

describe('registerApiHandler', () => {
  it('registers one handler, on the one channel', async () => {
    const ipcMain = { handle: vi.fn() };
    const { deps } = fakeShellDeps();
    registerApiHandler(ipcMain, { core: { call: vi.fn() }, shell: createShellHandlers(deps), log: testLogger() });
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(IPC_CHANNEL);
    const handler = ipcMain.handle.mock.calls[0]?.[1] as (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
    expect(await handler(eventFrom('sub'), 'listForces', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('withPurposeExtension', () => {
  it('keeps a name that has one of the purpose’s extensions, in any case', () => {
    expect(withPurposeExtension('/w/a.EWB', 'workbook')).toBe('/w/a.EWB');
    expect(withPurposeExtension('/w/a.xlsx', 'spreadsheet')).toBe('/w/a.xlsx');
    expect(withPurposeExtension('/w/a.txt', 'csv')).toBe('/w/a.txt.csv');
  });
});
