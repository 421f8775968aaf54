// The application menu as a template, built by a pure function so a test can read every item.
// Clicks that concern the workbook are one-way messages to the page (shared/api/menu-commands.ts);
// the rest are Electron's standard roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/menu-commands.ts';
import type { RecentWorkbook } from '../../shared/api/workbook.ts';

export interface MenuTemplateInput {
  platform: NodeJS.Platform;
  isDevelopment: boolean;
  /** From the core's listRecentWorkbooks, most recent first. */
  recent: readonly RecentWorkbook[];
  /** Sends a command (and, for open-recent, a path) to the page. */
  send(command: MenuCommand, argument?: string): void;
}

/** How many recent workbooks the Open Recent submenu lists. */
export const RECENT_MENU_LIMIT = 10;

function recentItems(recent: readonly RecentWorkbook[], send: MenuTemplateInput['send']): MenuItemConstructorOptions[] {
  const items = recent.slice(0, RECENT_MENU_LIMIT).map(
    (workbook): MenuItemConstructorOptions => ({
      // Menu labels treat '&' as a mnemonic marker on Windows and Linux: double it to show it.
      label: `${workbook.title} — ${workbook.path}`.replaceAll('&', '&&'),
      enabled: workbook.exists,
      click: () => send('open-recent', workbook.path),
    }),
  );
  return items.length > 0 ? items : [{ label: 'No recent workbooks', enabled: false }];
}

export function buildMenuTemplate({ platform, isDevelopment, recent, send }: MenuTemplateInput): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
      { label: 'Open &Recent', submenu: recentItems(recent, send) },
      { type: 'separator' },
      { label: 'Save a &Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('save-copy') },
      { label: 'Save a Copy for &Sharing…', click: () => send('share-copy') },
      { label: '&Close', accelerator: 'CmdOrCtrl+W', click: () => send('close') },
      { type: 'separator' },
      { label: '&Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDevelopment ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [{ role: 'about', label: '&About Engagement Workbook' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}
