// A browser host over a test core in this process, for the host's tests: it serves a one-line page
// (and any other renderer files a test asks for) from a folder of its own, and is closed with its core.
import fs from 'node:fs';
import path from 'node:path';
import { createHostServer, type Host, type HostOptions } from '../../electron/host/create-host-server.ts';
import { tempDir } from './temp-dir.ts';
import { testCore } from './test-core.ts';

export interface TestHost {
  host: Host;
  core: ReturnType<typeof testCore>;
  /** Closes the core's workbooks, then the host. */
  stop: () => Promise<void>;
}

export async function startTestHost(options: { workbooksDir: string; token: string; now?: HostOptions['now']; rendererFiles?: Record<string, string> }): Promise<TestHost> {
  const rendererDir = tempDir('ewb-host-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  for (const [name, text] of Object.entries(options.rendererFiles ?? {})) {
    fs.mkdirSync(path.dirname(path.join(rendererDir, name)), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, name), text);
  }
  const core = testCore();
  const host = await createHostServer({ core, rendererDir, workbooksDir: options.workbooksDir, token: options.token, appVersion: '0.1.0', log: core.deps.log, ...(options.now ? { now: options.now } : {}) });
  return {
    host,
    core,
    stop: async () => {
      core.closeAll();
      await host.close();
    },
  };
}
