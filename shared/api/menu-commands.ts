// What the Electron menu (and the operating system, through main) asks the page to do: one-way
// messages on MENU_CHANNEL carrying a command and, for the two that name a file, its path.
// Pure TypeScript with no imports, so the sandboxed preload can share it without growing.

/** The IPC channel main sends menu commands on; preload hands them to `window.ewb.onMenuCommand`. */
export const MENU_CHANNEL = 'ewb:menu';

/**
 * The commands, and what the page should do for each:
 * - `new`          File › New: start making a new workbook.
 * - `open`         File › Open…: let the user choose a workbook to open.
 * - `open-recent`  File › Open Recent › (a workbook): open it; the argument is its path.
 * - `open-path`    The operating system handed the app a `.ewb` file (command line, a second launch,
 *                  macOS "Open With"): open it; the argument is its absolute path. Same as `open-recent`.
 * - `save-copy`    File › Save a Copy…: choose where, then save a copy of the open workbook.
 * - `close`        File › Close: close the open workbook (not the window).
 * - `export`       File › Export…: go to the open workbook's Export section.
 * - `share-copy`   File › Save a Copy for Sharing…: go to the Export section and show what a share
 *                  copy would leave out and keep, then choose where to save it.
 */
export const MENU_COMMANDS = ['new', 'open', 'open-recent', 'open-path', 'save-copy', 'close', 'export', 'share-copy'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The commands whose message carries a path as its argument. */
export const MENU_COMMANDS_WITH_PATH: readonly MenuCommand[] = ['open-recent', 'open-path'];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
