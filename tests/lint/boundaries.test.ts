// The process boundaries are enforced by the linter: these imports must be refused.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve('.') });

async function restrictedImportErrors(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import boundaries', () => {
  it('the core may not import electron or a shell', async () => {
    expect(await restrictedImportErrors('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedImportErrors('electron/core/x.ts', "import { m } from '../main/menu.ts';\nexport const a = m;\n")).toBe(1);
    expect(await restrictedImportErrors('electron/core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(0);
  });

  it('shared imports nothing outside itself', async () => {
    expect(await restrictedImportErrors('shared/api/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(1);
    expect(await restrictedImportErrors('shared/api/x.ts', "import { c } from '../../electron/core/create-app-core.ts';\nexport const a = c;\n")).toBe(1);
    expect(await restrictedImportErrors('shared/api/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toBe(0);
  });

  it('the renderer reaches the core only through shared and its API client', async () => {
    expect(await restrictedImportErrors('renderer/src/x.tsx', "import { c } from '../../electron/core/create-app-core.ts';\nexport const a = c;\n")).toBe(1);
    expect(await restrictedImportErrors('renderer/src/x.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toBe(1);
    expect(await restrictedImportErrors('renderer/src/x.tsx', "import { contract } from '../../shared/api/contract.ts';\nexport const a = contract;\n")).toBe(0);
  });

  it('the whole tree passes the linter', async () => {
    const results = await eslint.lintFiles(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative('.', r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(errors).toEqual([]);
  });
});
