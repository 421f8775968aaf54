// Through the host, an error never shows where the workbooks folder is on disk: the core's
// messages name files by absolute path, and the host takes the folder's location out of them.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostServer, type Host } from '../../electron/host/create-host-server.ts';
import { relativeErrorPaths } from '../../electron/host/relative-error-paths.ts';
import { WorkbooksFolder } from '../../electron/host/workbooks-folder.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, testCore } from '../helpers/test-core.ts';

const TOKEN = 'test-token-relative-paths';
let host: Host;
let folder: string;
let core: ReturnType<typeof testCore>;

function api(method: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-ewb-token': TOKEN } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeEach(async () => {
  folder = tempDir('ewb-host-paths-');
  const rendererDir = tempDir('ewb-host-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = testCore();
  host = await createHostServer({ core, rendererDir, workbooksDir: folder, token: TOKEN, appVersion: '0.1.0', log: core.deps.log });
});

afterEach(async () => {
  core.closeAll();
  await host.close();
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
