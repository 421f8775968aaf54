// The one BrowserWindow configuration: every hardening preference set explicitly, so a changed
// Electron default can never loosen it (Electron's security checklist; QUALITY.md "The Electron shell").
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload, out/preload/index.cjs. */
  preloadPath: string;
  /** DevTools only while developing; a packaged app has none. */
  isDevelopment: boolean;
}

export function windowOptions({ preloadPath, isDevelopment }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Engagement Workbook',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A dropped file reaches the page through preload's pathForFile, never by navigating to it.
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
      devTools: isDevelopment,
    },
  };
}
