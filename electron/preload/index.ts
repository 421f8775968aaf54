// The sandboxed preload: puts `window.ewb` on the page with exactly one function per contract
// method (each a call on the one IPC channel), pathForFile for dropped files, and onMenuCommand.
// Nothing else crosses: no ipcRenderer, no event objects, no Node. Imports only electron and the
// schema-free name lists, so the bundle stays a few hundred bytes of our own code.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { MENU_CHANNEL, isMenuCommand } from '../../shared/api/menu-commands.ts';
import { BRIDGE_KEY, BRIDGE_METHODS, IPC_CHANNEL } from '../../shared/api/method-names.ts';

type MenuListener = (command: string, argument?: string) => void;

/** At most this many menu messages wait for the page to subscribe (a file opened at launch, say). */
const MAX_WAITING = 20;

const listeners = new Set<MenuListener>();
const waiting: [string, string | undefined][] = [];

function deliver(command: string, argument: string | undefined): void {
  for (const listener of [...listeners]) {
    try {
      listener(command, argument);
    } catch (error) {
      console.error('A menu command listener failed', error);
    }
  }
}

// One subscription for the page's lifetime. The IPC event stays here: the page gets only the
// command and its argument. Messages that arrive before the page subscribes are held for it.
ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown, argument: unknown) => {
  if (!isMenuCommand(command)) return;
  const path = typeof argument === 'string' ? argument : undefined;
  if (listeners.size === 0) {
    if (waiting.length < MAX_WAITING) waiting.push([command, path]);
    return;
  }
  deliver(command, path);
});

const methods = Object.fromEntries(BRIDGE_METHODS.map((name) => [name, (request: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, request)]));

const api = Object.freeze({
  ...methods,
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  onMenuCommand(listener: MenuListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    listeners.add(listener);
    for (const [command, argument] of waiting.splice(0)) deliver(command, argument);
    return () => {
      listeners.delete(listener);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
