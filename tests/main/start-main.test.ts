// Main's lifecycle with every Electron module faked: one instance, the app: scheme, hardening,
// the IPC channel, the window, the menu, files handed over by the system, and locks released on quit.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../electron/core/create-app-core.ts';
import { APP_ENTRY_URL } from '../../electron/main/app-url.ts';
import { startMain, type ElectronModules, type StartMainOptions } from '../../electron/main/start-main.ts';
import { MENU_CHANNEL } from '../../shared/api/menu-commands.ts';
import { IPC_CHANNEL } from '../../shared/api/method-names.ts';
import { testLogger } from '../helpers/test-core.ts';

vi.mock('electron', () => ({}));

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  static fromWebContents = vi.fn(() => FakeWindow.created[0] ?? null);
  readonly webContents = Object.assign(new EventEmitter(), { send: vi.fn() });
  readonly loadURL = vi.fn(async () => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeWindow.created.push(this);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
}

function fakeSession() {
  return Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  });
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function start(overrides: { lock?: boolean; argv?: string[]; platform?: NodeJS.Platform } = {}) {
  FakeWindow.created = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => overrides.lock ?? true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    getPath: vi.fn((name: string) => `/home/planner/.config/ewb/${name}`),
    whenReady: vi.fn(async () => {}),
    isReady: vi.fn(() => true),
    setAboutPanelOptions: vi.fn(),
  });
  const recent = [{ path: '/w/kent.ewb', title: 'Kent plan', force: 'kent', lastOpened: '2026-11-25T09:00:00.000Z', exists: true }];
  const core = {
    handlers: {},
    call: vi.fn(async (method: string) => (method === 'listRecentWorkbooks' ? { ok: true, value: recent } : { ok: true, value: {} })),
    closeAll: vi.fn(),
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    shell: { showItemInFolder: vi.fn() },
  };
  const log = testLogger();
  const options: StartMainOptions = {
    paths: { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer' },
    createLog: vi.fn(() => log),
    createCore: vi.fn(() => core as unknown as AppCore),
    argv: overrides.argv ?? ['/opt/ewb/engagement-workbook'],
    cwd: '/home/planner',
    platform: overrides.platform ?? 'linux',
  };
  const started = startMain(electron as unknown as ElectronModules, options);
  const window = () => {
    const created = FakeWindow.created[0];
    if (!created) throw new Error('no window was created');
    return created;
  };
  const lastMenu = () => electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] ?? [];
  return { started, app, core, electron, options, log, window, lastMenu };
}

describe('startMain', () => {
  it('registers app: as a privileged standard, secure scheme before the app is ready', () => {
    const { electron, app } = start();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0] ?? 0);
  });

  it('a second instance quits at once, opening no core and no window', async () => {
    const { started, app, options } = start({ lock: false });
    await flush();
    expect(started).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(options.createCore).not.toHaveBeenCalled();
    expect(FakeWindow.created).toHaveLength(0);
  });

  it('enables the sandbox for every renderer and logs to the logs folder', () => {
    const { app, options } = start();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(options.createLog).toHaveBeenCalledWith('/home/planner/.config/ewb/logs');
  });

  it('when ready: hardens the session, serves app:, registers the one IPC channel, loads our page', async () => {
    const { electron, window } = start();
    await flush();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNEL, expect.any(Function));
    expect(window().loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window().options).toMatchObject({ show: false, webPreferences: { preload: '/app/out/preload/index.cjs', sandbox: true, contextIsolation: true } });
  });

  it('shows the window only when it is ready to show', async () => {
    const { window } = start();
    await flush();
    expect(window().show).not.toHaveBeenCalled();
    window().emit('ready-to-show');
    expect(window().show).toHaveBeenCalled();
  });

  it('every webContents created later is hardened', async () => {
    const { app } = start();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('builds the menu with the recent workbooks; a click sends its command to the page on ewb:menu', async () => {
    const { window, lastMenu } = start();
    await flush();
    const file = lastMenu().find((item) => item.label === '&File');
    const items = file?.submenu as MenuItemConstructorOptions[];
    (items.find((item) => item.label === '&New')?.click as () => void)();
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'new', undefined);
    const recent = items.find((item) => item.label === 'Open &Recent')?.submenu as MenuItemConstructorOptions[];
    (recent[0]?.click as () => void)();
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-recent', '/w/kent.ewb');
  });

  it('rebuilds the menu after a call that changes the recent workbooks', async () => {
    const { electron } = start();
    await flush();
    const before = electron.Menu.setApplicationMenu.mock.calls.length;
    const handler = electron.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, method: string, request: unknown) => Promise<unknown>;
    const mainFrame = { url: APP_ENTRY_URL, parent: null };
    await handler({ sender: { mainFrame }, senderFrame: mainFrame }, 'openWorkbook', { path: '/w/kent.ewb' });
    await flush();
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(before + 1);
  });

  it('passes a roll forward to the core and rebuilds the menu, the new workbook being a recent one', async () => {
    const { electron, core } = start();
    await flush();
    const before = electron.Menu.setApplicationMenu.mock.calls.length;
    const handler = electron.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, method: string, request: unknown) => Promise<unknown>;
    const mainFrame = { url: APP_ENTRY_URL, parent: null };
    const request = { path: '/w/kent.ewb', destination: '/w/kent 2030.ewb', periodStart: '2030-04-01', periodEnd: '2033-03-31' };
    await handler({ sender: { mainFrame }, senderFrame: mainFrame }, 'rollForwardWorkbook', request);
    await flush();
    expect(core.call).toHaveBeenCalledWith('rollForwardWorkbook', request);
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(before + 1);
  });

  it('asks before a page holding an unsaved change goes, and lets it go only if the planner says so', async () => {
    const { window, electron } = start();
    await flush();
    const stay = { preventDefault: vi.fn() };
    window().webContents.emit('will-prevent-unload', stay);
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(window(), expect.objectContaining({ message: 'A change is still being saved.', buttons: ['Stay and let it save', 'Leave anyway'], cancelId: 0 }));
    expect(stay.preventDefault).not.toHaveBeenCalled();
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const leave = { preventDefault: vi.fn() };
    window().webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  it('a .ewb on the command line is opened once the page has loaded', async () => {
    const { window } = start({ argv: ['/opt/ewb/engagement-workbook', '--no-sandbox-is-ignored', 'plans/kent.ewb'] });
    await flush();
    expect(window().webContents.send).not.toHaveBeenCalled();
    window().webContents.emit('did-finish-load');
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-path', path.resolve('/home/planner', 'plans/kent.ewb'));
  });

  it('a second launch hands its .ewb to the first, which opens it and comes to the front', async () => {
    const { app, window } = start();
    await flush();
    window().webContents.emit('did-finish-load');
    app.emit('second-instance', {}, ['/opt/ewb/engagement-workbook', 'essex.ewb'], '/home/planner/Documents');
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-path', path.resolve('/home/planner/Documents', 'essex.ewb'));
    expect(window().focus).toHaveBeenCalled();
  });

  it('macOS open-file is taken over and opened', async () => {
    const { app, window } = start({ platform: 'darwin' });
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, '/Users/planner/kent.ewb');
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    window().webContents.emit('did-finish-load');
    expect(window().webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-path', '/Users/planner/kent.ewb');
  });

  it('closes every workbook (releasing its lock) when the app quits', () => {
    const { app, core } = start();
    app.emit('will-quit', {});
    expect(core.closeAll).toHaveBeenCalledTimes(1);
  });

  it('quits when its window closes, except on macOS', () => {
    const linux = start();
    linux.app.emit('window-all-closed');
    expect(linux.app.quit).toHaveBeenCalled();
    const mac = start({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
  });
});
