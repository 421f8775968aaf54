// The preload exposes exactly the contract's method names plus pathForFile and onMenuCommand, each
// method a call on the one IPC channel, and never lets an IPC event object reach the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_CHANNEL } from '../../shared/api/menu-commands.ts';
import { BRIDGE_KEY, BRIDGE_METHODS, IPC_CHANNEL } from '../../shared/api/method-names.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fakes = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
  invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
  getPathForFile: vi.fn((file: { name: string }) => `/dropped/${file.name}`),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakes.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fakes.invoke,
    on: (channel: string, listener: Listener) => {
      fakes.listeners.set(channel, [...(fakes.listeners.get(channel) ?? []), listener]);
    },
    send: () => {
      throw new Error('preload never sends');
    },
  },
  webUtils: { getPathForFile: fakes.getPathForFile },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;

async function loadPreload(): Promise<Api> {
  fakes.exposed.clear();
  fakes.listeners.clear();
  vi.resetModules();
  await import('../../electron/preload/index.ts');
  return fakes.exposed.get(BRIDGE_KEY) as Api;
}

function emitMenu(...args: unknown[]): void {
  const fakeEvent = { sender: { send: () => {} }, senderId: 0, ports: [] };
  for (const listener of fakes.listeners.get(MENU_CHANNEL) ?? []) listener(fakeEvent, ...args);
}

beforeEach(() => {
  fakes.invoke.mockClear();
});

describe('preload', () => {
  it(`exposes one object, on window.${BRIDGE_KEY}`, async () => {
    await loadPreload();
    expect([...fakes.exposed.keys()]).toEqual([BRIDGE_KEY]);
  });

  it('exposes exactly the bridge methods, pathForFile and onMenuCommand, all functions, frozen', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHODS, 'pathForFile', 'onMenuCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(BRIDGE_METHODS.map((name) => [name]))('%s invokes the one channel with (name, request)', async (name) => {
    const api = await loadPreload();
    const request = { marker: name };
    const answer = await api[name]?.(request);
    expect(fakes.invoke).toHaveBeenCalledTimes(1);
    expect(fakes.invoke).toHaveBeenCalledWith(IPC_CHANNEL, name, request);
    expect(answer).toEqual({ ok: true, value: [IPC_CHANNEL, name, request] });
  });

  it('passes only the request on, whatever else the page adds', async () => {
    const api = await loadPreload();
    await api.listForces?.({}, 'extra', () => {});
    expect(fakes.invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'listForces', {});
  });

  it('pathForFile asks webUtils', async () => {
    const api = await loadPreload();
    expect(api.pathForFile?.({ name: 'plan.ewb' })).toBe('/dropped/plan.ewb');
  });

  it('subscribes to the menu channel once, whatever the page does', async () => {
    const api = await loadPreload();
    api.onMenuCommand?.(() => {});
    api.onMenuCommand?.(() => {});
    expect(fakes.listeners.get(MENU_CHANNEL)).toHaveLength(1);
    expect([...fakes.listeners.keys()]).toEqual([MENU_CHANNEL]);
  });

  it('gives a menu listener only the command and its argument, never the IPC event', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    api.onMenuCommand?.(listener);
    emitMenu('open-recent', '/w/kent.ewb');
    emitMenu('new');
    expect(listener.mock.calls).toEqual([
      ['open-recent', '/w/kent.ewb'],
      ['new', undefined],
    ]);
    for (const call of listener.mock.calls) for (const arg of call) expect(typeof arg === 'string' || arg === undefined).toBe(true);
  });

  it('drops unknown commands and non-string arguments', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    api.onMenuCommand?.(listener);
    emitMenu('rm -rf', '/');
    emitMenu({ command: 'new' });
    emitMenu('open-recent', { path: '/w/a.ewb' });
    expect(listener.mock.calls).toEqual([['open-recent', undefined]]);
  });

  it('unsubscribes', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand?.(listener) as () => void;
    unsubscribe();
    api.onMenuCommand?.(() => {});
    emitMenu('close');
    expect(listener).not.toHaveBeenCalled();
  });

  it('holds commands that arrive before the page subscribes (a workbook opened at launch)', async () => {
    const api = await loadPreload();
    emitMenu('open-path', '/w/launched.ewb');
    const listener = vi.fn();
    api.onMenuCommand?.(listener);
    expect(listener).toHaveBeenCalledWith('open-path', '/w/launched.ewb');
    const second = vi.fn();
    api.onMenuCommand?.(second);
    expect(second).not.toHaveBeenCalled();
  });
});
