// The process boundaries hold by lint: in every zone, each forbidden import (static, dynamic,
// require, type-only) is refused with the zone's own message, and the imports the zone needs pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** The `ewb/boundaries` messages for one line of code placed in `file`. */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'ewb/boundaries').map((m) => m.message);
}

interface Zone {
  name: string;
  /** A file in the zone (it need not exist: the rule resolves imports from its folder). */
  file: string;
  /** Words of the zone's own refusal message. */
  says: string;
  refused: string[];
  allowed: string[];
}

const ENTRY = 'electron/core/index.ts';

const zones: Zone[] = [
  {
    name: 'the core',
    file: 'electron/core/workbook/new-thing.ts',
    says: 'the core is plain Node shared by the app',
    refused: [
      "import { app } from 'electron';",
      "export const load = () => import('electron');",
      "export const electron = require('electron');",
      "export type App = import('electron').App;",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { buildMenu } from '../../main/menu.ts';",
      "import '../../preload/index.ts';",
      "export * from '../../host/create-host-server.ts';",
      "import { runCli } from '../../cli/run-cli.ts';",
      "import { App } from '../../../renderer/src/app/App.tsx';",
      "import { createAppCore } from '../index.ts';",
    ],
    allowed: [
      "import fs from 'node:fs';",
      "import Database from 'better-sqlite3';",
      "import { z } from 'zod';",
      "import { contract } from '../../../shared/api/contract.ts';",
      "import { AppError } from '../app-error.ts';",
    ],
  },
  {
    name: 'shared',
    file: 'shared/api/new-thing.ts',
    says: 'shared/ is pure TypeScript',
    refused: [
      "import fs from 'node:fs';",
      "import fs from 'fs';",
      "import path from 'path';",
      "export const load = () => import('node:path');",
      "export const fs = require('fs');",
      "import { useState } from 'react';",
      "import { Command } from 'commander';",
      "import { AppError } from '../../electron/core/app-error.ts';",
      "import { api } from '../../renderer/src/api/client.ts';",
    ],
    allowed: [
      "import { z } from 'zod';",
      "import { DEFAULT_MARKING } from '../domain/markings.ts';",
      "import { ok } from './result.ts';",
    ],
  },
  {
    name: 'the renderer',
    file: 'renderer/src/app/NewThing.tsx',
    says: 'the renderer is a sandboxed page without Node',
    refused: [
      "import fs from 'fs';",
      "import path from 'path';",
      "import { join } from 'node:path';",
      "import { spawn } from 'child_process';",
      "export const load = () => import('node:os');",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import ExcelJS from 'exceljs';",
      "import { createAppCore } from '../../../electron/core/index.ts';",
      "import '../../../electron/preload/index.ts';",
      "import config from '../../vite.config.ts';",
    ],
    allowed: [
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { contract } from '../../../shared/api/contract.ts';",
      "import { api } from '../api/client.ts';",
    ],
  },
  {
    name: 'the browser host',
    file: 'electron/host/new-thing.ts',
    says: 'the browser host runs on plain Node without Electron',
    refused: [
      "import { app } from 'electron';",
      "export const load = () => import('electron');",
      "import { createApiHandler } from '../main/ipc.ts';",
      "import { runCli } from '../cli/run-cli.ts';",
      "import { App } from '../../renderer/src/app/App.tsx';",
    ],
    allowed: [
      `import { createAppCore } from '../core/index.ts';`,
      "import http from 'node:http';",
      "import { contract } from '../../shared/api/contract.ts';",
      "import { WorkbooksFolder } from './workbooks-folder.ts';",
    ],
  },
  {
    name: 'the CLI',
    file: 'electron/cli/new-thing.ts',
    says: 'the CLI runs on plain Node without Electron',
    refused: [
      "import { app } from 'electron';",
      "export const electron = require('electron');",
      "import { startMain } from '../main/start-main.ts';",
      "import { createHostServer } from '../host/create-host-server.ts';",
    ],
    allowed: ["import { createAppCore } from '../core/index.ts';", "import { Command } from 'commander';", "import { forceById } from '../../shared/domain/forces.ts';"],
  },
  {
    name: 'main',
    file: 'electron/main/new-thing.ts',
    says: 'main is the Electron shell',
    refused: [
      "import { api } from '../../renderer/src/api/client.ts';",
      "import { useState } from 'react';",
      "import { createHostServer } from '../host/create-host-server.ts';",
    ],
    allowed: ["import { app } from 'electron';", "import { createAppCore } from '../core/index.ts';", "import { registerApiHandler } from './ipc.ts';"],
  },
  {
    name: 'preload',
    file: 'electron/preload/new-thing.ts',
    says: 'preload exposes the contract and nothing else',
    refused: [
      "import fs from 'node:fs';",
      "import { z } from 'zod';",
      "import { FORCES } from '../../shared/domain/forces.ts';",
      "import { createApiHandler } from '../main/ipc.ts';",
      "import { createAppCore } from '../core/index.ts';",
    ],
    allowed: ["import { contextBridge } from 'electron';", "import { BRIDGE_METHODS } from '../../shared/api/method-names.ts';"],
  },
];

/** Imports a door may not make: past the core's public entry into its rooms. */
const doorFiles = ['electron/main/new-thing.ts', 'electron/host/new-thing.ts', 'electron/cli/new-thing.ts'];
const coreRooms = ["import { AppError } from '../core/app-error.ts';", "import type { AppCore } from '../core/create-app-core.ts';", "import { WorkbookLock } from '../core/workbook/workbook-lock.ts';", "export { APP_VERSION } from '../core/app-version.ts';"];

describe('import boundaries', () => {
  for (const zone of zones) {
    it(`${zone.name} refuses each forbidden import with its own message, and takes what it needs`, async () => {
      const wrong: string[] = [];
      for (const code of zone.refused) {
        const messages = await boundaryMessages(zone.file, code);
        if (messages.length !== 1 || !messages[0]?.includes(zone.says)) wrong.push(`not refused as expected: ${code} → ${JSON.stringify(messages)}`);
      }
      for (const code of zone.allowed) {
        const messages = await boundaryMessages(zone.file, code);
        if (messages.length !== 0) wrong.push(`refused but needed: ${code} → ${JSON.stringify(messages)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('the doors reach the core only through its public entry', async () => {
    const wrong: string[] = [];
    for (const file of doorFiles) {
      for (const code of coreRooms) {
        const messages = await boundaryMessages(file, code);
        if (messages.length !== 1 || !messages[0]?.includes(ENTRY)) wrong.push(`${file}: ${code} → ${JSON.stringify(messages)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a module named by an expression is refused, since its boundary cannot be checked', async () => {
    const messages = await boundaryMessages('electron/core/new-thing.ts', "const name = 'electron';\nexport const load = () => import(name);");
    expect(messages).toEqual([expect.stringMatching(/named by an expression/)]);
  });

  it('tests are outside every zone: they may reach into the core and the doors', async () => {
    const code = ["import { AppError } from '../../electron/core/app-error.ts';", "import { createApiHandler } from '../../electron/main/ipc.ts';", "import fs from 'node:fs';", "import { app } from 'electron';"].join('\n');
    expect(await boundaryMessages('tests/core/new-thing.test.ts', code)).toEqual([]);
  });

  it('the whole tree passes the linter', async () => {
    const results = await eslint.lintFiles(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(errors).toEqual([]);
  });
});
