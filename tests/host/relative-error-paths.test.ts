// Through the host, an error never shows where the workbooks folder is on disk: the core's
// messages name files by absolute path, and the host takes the folder's location out of them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/create-host-server.ts';
import { relativeErrorPaths } from '../../electron/host/relative-error-paths.ts';
import { WorkbooksFolder } from '../../electron/host/workbooks-folder.ts';
import { hostApi, type ApiReply } from '../helpers/host-client.ts';
import { startTestHost } from '../helpers/test-host.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS } from '../helpers/test-core.ts';

const TOKEN = 'test-token-relative-paths';
let host: Host;
let folder: string;
let stopHost: () => Promise<void>;

function api(method: string, body: unknown): Promise<ApiReply> {
  return hostApi(host.port, TOKEN, method, body);
}

beforeEach(async () => {
  folder = tempDir('ewb-host-paths-');
  ({ host, stop: stopHost } = await startTestHost({ workbooksDir: folder, token: TOKEN }));
});

afterEach(async () => {
  await stopHost();
});

describe('host error messages', () => {
  it('name a missing file by its place in the workbooks folder, not its absolute path', async () => {
    fs.mkdirSync(path.join(folder, 'plans'));
    const reply = await api('openWorkbook', { path: 'plans/missing.ewb' });
    expect(reply.ok).toBe(false);
    // The core's own message says where it looked: the host must not pass the location on.
    expect(reply.error!.message).toMatch(/missing\.ewb/);
    expect(reply.error!.message).toContain('plans');
    expect(reply.error!.message).not.toContain(folder);
    expect(reply.error!.message).not.toContain(fs.realpathSync(folder));
  });

  it('hide the folder when a dump is aimed at a folder inside it', async () => {
    const created = await api('createWorkbook', { path: 'plan.ewb', details: SAMPLE_DETAILS });
    expect(created.ok).toBe(true);
    await api('closeWorkbook', { handle: (created.value as { handle: string }).handle });
    fs.mkdirSync(path.join(folder, 'out'));
    const reply = await api('dumpWorkbook', { path: 'plan.ewb', destination: 'out' });
    expect(reply.ok).toBe(false);
    expect(reply.error!.message).toMatch(/^out is a folder/);
    expect(JSON.stringify(reply.error)).not.toContain(fs.realpathSync(folder));
    expect(JSON.stringify(reply.error)).not.toContain(folder);
  });

  it('rewrite the message and every field message, the folder itself by name', () => {
    const workbooks = new WorkbooksFolder(folder);
    const root = fs.realpathSync(folder);
    const rewritten = relativeErrorPaths(workbooks, {
      code: 'not-found',
      message: `There is no file "a.ewb" at ${root}. Nor at ${path.join(root, 'x', 'y')}.`,
      fields: { path: `Look in ${path.join(folder, 'x')}` },
    });
    expect(rewritten).toEqual({ code: 'not-found', message: 'There is no file "a.ewb" at the workbooks folder. Nor at x/y.', fields: { path: 'Look in x' } });
  });
});
