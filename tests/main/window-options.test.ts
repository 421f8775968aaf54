// Every window is created with each hardening preference set explicitly.
import { describe, expect, it, vi } from 'vitest';
import { windowOptions } from '../../electron/main/window-options.ts';

// The options are plain data; the mock only guarantees nothing reaches for the real Electron.
vi.mock('electron', () => ({}));

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs', isDevelopment: false });
  const web = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', true],
  ] as const)('sets %s to %s', (name, value) => {
    expect(web[name]).toBe(value);
  });

  it('loads the built preload by its absolute path', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has no DevTools in a packaged app, and has them while developing', () => {
    expect(web.devTools).toBe(false);
    expect(windowOptions({ preloadPath: '/p.cjs', isDevelopment: true }).webPreferences?.devTools).toBe(true);
  });

  it('never enables Blink features or an additional-arguments channel', () => {
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
    expect(web).not.toHaveProperty('partition');
  });

  it('is 1280×800, at least 900×600, titled, and hidden until ready to show', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 900, minHeight: 600, title: 'Engagement Workbook', show: false });
  });
});
