// Electron main's entry: hands the real Electron modules, the built files' paths and the real core
// to startMain. Everything with logic lives in the files it imports, each with its tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { createAppCore, defaultDeps } from '../core/index.ts';
import { createFileLogger } from './file-logger.ts';
import { startMain } from './start-main.ts';

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));

startMain(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
  {
    paths: { preload: path.join(here, '../preload/index.cjs'), renderer: path.join(here, '../renderer') },
    createLog: (logsFolder) => createFileLogger(path.join(logsFolder, 'engagement-workbook.log')),
    createCore: (log) => createAppCore(defaultDeps(log)),
    argv: process.argv,
    cwd: process.cwd(),
    platform: process.platform,
  },
);
