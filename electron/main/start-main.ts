// Electron main's lifecycle, with Electron's modules passed in (index.ts passes the real ones, the
// tests fakes): one instance, the privileged app: scheme serving the built renderer, hardening on
// every session and webContents, the one IPC channel, the menu, and the core closed on quit so
// workbook locks are released.
import fs from 'node:fs';
import type { App, BrowserWindow, Dialog, IpcMain, Menu, Protocol, Session, Shell } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/api/menu-commands.ts';
import type { RecentWorkbook } from '../../shared/api/workbook.ts';
import { type Logger, APP_VERSION, type AppCore } from '../core/index.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './app-url.ts';
import { hardenApp, hardenSession } from './harden.ts';
import { registerApiHandler } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { createRendererHandler } from './serve-renderer.ts';
import { createShellHandlers } from './shell-handlers.ts';
import { windowOptions } from './window-options.ts';
import { workbookPathFromArgs } from './workbook-path-from-args.ts';

export interface ElectronModules {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBoxSync'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { readonly defaultSession: Session };
  shell: Pick<Shell, 'showItemInFolder'>;
}

export interface StartMainOptions {
  /** Absolute paths of the built preload (out/preload/index.cjs) and renderer folder (out/renderer). */
  paths: { preload: string; renderer: string };
  createLog(logsFolder: string): Logger;
  createCore(log: Logger): AppCore;
  argv: readonly string[];
  cwd: string;
  platform: NodeJS.Platform;
}

/** Core methods after which the recent-workbooks list may have changed. */
const CHANGES_RECENT = new Set(['openWorkbook', 'createWorkbook', 'createWorkbookFromInterchange', 'createWorkedExample', 'rollForwardWorkbook', 'forgetRecentWorkbook', 'updateWorkbookDetails']);

/**
 * Must run before the app is ready (scheme registration has to). Returns false when another
 * instance already runs: this one has handed over its arguments and is quitting.
 */
export function startMain(electron: ElectronModules, options: StartMainOptions): boolean {
  const { app } = electron;
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

  // A second launch passes its command line to the first through 'second-instance', then exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  app.enableSandbox();
  hardenApp(app);
  const log = options.createLog(app.getPath('logs'));
  const core = options.createCore(log);
  const isDevelopment = !app.isPackaged;

  let window: BrowserWindow | null = null;
  let pageLoaded = false;
  const waitingPaths: string[] = [];

  function sendToPage(command: MenuCommand, argument?: string): void {
    if (!window || window.isDestroyed()) return;
    window.webContents.send(MENU_CHANNEL, command, argument);
  }

  function openPath(file: string): void {
    if (window && pageLoaded) {
      sendToPage('open-path', file);
      if (window.isMinimized()) window.restore();
      window.focus();
    } else {
      waitingPaths.push(file);
    }
  }

  async function refreshMenu(): Promise<void> {
    const answer = await core.call('listRecentWorkbooks', {});
    const recent = answer.ok ? (answer.value as RecentWorkbook[]) : [];
    const template = buildMenuTemplate({ platform: options.platform, isDevelopment, recent, send: sendToPage });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  }

  function createWindow(): void {
    const created = new electron.BrowserWindow(windowOptions({ preloadPath: options.paths.preload, isDevelopment }));
    window = created;
    pageLoaded = false;
    created.once('ready-to-show', () => created.show());
    created.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      // Preload holds these until the page subscribes to menu commands.
      for (const file of waitingPaths.splice(0)) sendToPage('open-path', file);
    });
    created.webContents.on('render-process-gone', (_event, details) => log.error('The page stopped', details));
    // The page asks before it goes only while a change is still waiting behind a save under way
    // (use-autosave.ts). Electron shows nothing for that by itself and simply stays: ask the planner.
    created.webContents.on('will-prevent-unload', (event) => {
      const choice = electron.dialog.showMessageBoxSync(created, {
        type: 'question',
        buttons: ['Stay and let it save', 'Leave anyway'],
        defaultId: 0,
        cancelId: 0,
        message: 'A change is still being saved.',
        detail: 'Stay a moment and it will be saved. If you leave now, the last thing you typed may be lost.',
      });
      if (choice === 1) event.preventDefault();
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    created.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error(`Could not load ${APP_ENTRY_URL}`, error));
  }

  const initial = workbookPathFromArgs(options.argv, options.cwd);
  if (initial) waitingPaths.push(initial);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = workbookPathFromArgs(argv, workingDirectory);
    if (file) openPath(file);
    else if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  // macOS: a workbook opened from the Finder or dropped on the Dock icon (may come before 'ready').
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openPath(file);
  });

  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && !window) createWindow();
  });

  // Closing every session releases its lock file beside the workbook.
  app.on('will-quit', () => {
    try {
      core.closeAll();
    } catch (error) {
      log.error('Closing workbooks on quit', error);
    }
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(electron.session.defaultSession);
      electron.protocol.handle(APP_SCHEME, createRendererHandler(options.paths.renderer));
      registerApiHandler(electron.ipcMain, {
        core,
        log,
        shell: createShellHandlers({
          dialog: electron.dialog,
          shell: electron.shell,
          windowOf: (sender) => electron.BrowserWindow.fromWebContents(sender),
          pathExists: (file) => fs.existsSync(file),
          appVersion: APP_VERSION,
        }),
        afterCoreCall: (method, result) => {
          if (result.ok && CHANGES_RECENT.has(method)) refreshMenu().catch((error: unknown) => log.error('Refreshing the menu', error));
        },
      });
      app.setAboutPanelOptions({ applicationName: 'Engagement Workbook', applicationVersion: APP_VERSION });
      createWindow();
      return refreshMenu();
    })
    .catch((error: unknown) => {
      log.error('Start-up failed', error);
      app.quit();
    });

  return true;
}
