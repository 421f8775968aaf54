// The menu template: the items a planner expects, their accelerators, and the command each sends.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { RECENT_MENU_LIMIT, buildMenuTemplate } from '../../electron/main/menu.ts';
import { MENU_COMMANDS } from '../../shared/api/menu-commands.ts';
import type { RecentWorkbook } from '../../shared/api/workbook.ts';

vi.mock('electron', () => ({}));

const RECENT: RecentWorkbook[] = [
  { path: '/w/kent.ewb', title: 'Kent & Medway plan', force: 'kent', lastOpened: '2026-11-25T09:00:00.000Z', exists: true },
  { path: '/w/gone.ewb', title: 'Moved away', force: 'essex', lastOpened: '2026-11-24T09:00:00.000Z', exists: false },
];

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const send = vi.fn();
  const template = buildMenuTemplate({ platform: 'linux', isDevelopment: false, recent: RECENT, send, ...overrides });
  return { template, send };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`${item?.label ?? item?.role} has no submenu`);
  return submenu as MenuItemConstructorOptions[];
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenuOf(template.find((item) => item.label?.replace('&', '') === label || item.role === label));
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label?.replaceAll('&', '') === label || (entry.role && entry.role === label));
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as (() => void) | undefined)?.();
}

describe('the File menu', () => {
  it.each([
    ['New', 'CmdOrCtrl+N', 'new'],
    ['Open…', 'CmdOrCtrl+O', 'open'],
    ['Save a Copy…', 'CmdOrCtrl+Shift+S', 'save-copy'],
    ['Close', 'CmdOrCtrl+W', 'close'],
  ])('%s has %s and sends %s to the page', (label, accelerator, command) => {
    const { template, send } = build();
    const entry = item(menu(template, 'File'), label);
    expect(entry.accelerator).toBe(accelerator);
    click(entry);
    expect(send).toHaveBeenCalledWith(command);
    expect(MENU_COMMANDS).toContain(command);
  });

  it('Export… has CmdOrCtrl+E and asks the page for its Export section', () => {
    const { template, send } = build();
    const entry = item(menu(template, 'File'), 'Export…');
    expect(entry).toMatchObject({ accelerator: 'CmdOrCtrl+E' });
    expect(entry.enabled).not.toBe(false);
    click(entry);
    expect(send).toHaveBeenCalledWith('export');
  });

  it('Save a Copy for Sharing… comes after Save a Copy… and asks the page to show what a share copy leaves out', () => {
    const { template, send } = build();
    const file = menu(template, 'File');
    const entry = item(file, 'Save a Copy for Sharing…');
    expect(file.indexOf(entry)).toBe(file.indexOf(item(file, 'Save a Copy…')) + 1);
    click(entry);
    expect(send).toHaveBeenCalledWith('share-copy');
    expect(MENU_COMMANDS).toContain('share-copy');
  });

  it('Quit has CmdOrCtrl+Q (in File on Windows and Linux, in the app menu on macOS)', () => {
    expect(item(menu(build().template, 'File'), 'quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    const mac = build({ platform: 'darwin' }).template;
    expect(menu(mac, 'File').some((entry) => entry.role === 'quit')).toBe(false);
    expect(item(menu(mac, 'appMenu'), 'quit')).toMatchObject({ accelerator: 'CmdOrCtrl+Q' });
  });

  it('Open Recent lists the core’s recent workbooks, each sending open-recent with its path', () => {
    const { template, send } = build();
    const recent = submenuOf(item(menu(template, 'File'), 'Open Recent'));
    expect(recent).toHaveLength(2);
    expect(recent[0]?.label).toBe('Kent && Medway plan — /w/kent.ewb');
    expect(recent[1]?.enabled).toBe(false);
    click(recent[0] as MenuItemConstructorOptions);
    expect(send).toHaveBeenCalledWith('open-recent', '/w/kent.ewb');
  });

  it('Open Recent says so when there are none, and lists at most the limit', () => {
    const empty = submenuOf(item(menu(build({ recent: [] }).template, 'File'), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No recent workbooks', enabled: false }]);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...RECENT[0], path: `/w/${i}.ewb` }) as RecentWorkbook);
    expect(submenuOf(item(menu(build({ recent: many }).template, 'File'), 'Open Recent'))).toHaveLength(RECENT_MENU_LIMIT);
  });
});

describe('the other menus', () => {
  it('Edit has the standard roles', () => {
    expect(menu(build().template, 'Edit').flatMap((entry) => (entry.role ? [entry.role] : []))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has zoom and full screen, and reload only in development', () => {
    const roles = (isDevelopment: boolean) => menu(build({ isDevelopment }).template, 'View').flatMap((entry) => (entry.role ? [entry.role] : []));
    expect(roles(false)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  it('Help has About (the app menu has it on macOS)', () => {
    expect(item(menu(build().template, 'help'), 'About Engagement Workbook').role).toBe('about');
    expect(menu(build({ platform: 'darwin' }).template, 'appMenu')[0]?.role).toBe('about');
  });

  it('no item sends a command the page does not know', () => {
    const { template, send } = build();
    const visit = (items: MenuItemConstructorOptions[]): void => {
      for (const entry of items) {
        click(entry);
        if (Array.isArray(entry.submenu)) visit(entry.submenu as MenuItemConstructorOptions[]);
      }
    };
    visit(template);
    for (const [command] of send.mock.calls) expect(MENU_COMMANDS).toContain(command);
  });
});
