// Starts the loopback browser host on the built renderer and prints the address (with its token)
// to open. `node electron/host/start-host.ts [--folder DIR] [--port N]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore, defaultDeps, APP_VERSION, type Logger } from '../core/index.ts';
import { createHostServer, newToken, type Host } from './create-host-server.ts';

export const DEFAULT_WORKBOOKS_FOLDER = path.join(os.homedir(), 'EngagementWorkbooks');
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

const consoleLog: Logger = {
  error: (message, detail) => console.error(`error: ${message}`, process.env.EWB_DEBUG ? detail : ''),
  warn: (message) => console.error(`warning: ${message}`),
  info: (message) => console.log(message),
};

export async function startHost(options: { folder: string; port?: number; rendererDir?: string; log?: Logger }): Promise<Host & { token: string; openUrl: string }> {
  const log = options.log ?? consoleLog;
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer has not been built (${rendererDir} has no index.html). Run "npm run build" first.`);
  }
  const core = createAppCore(defaultDeps(log));
  const token = newToken();
  const host = await createHostServer({ core, rendererDir, workbooksDir: options.folder, token, appVersion: APP_VERSION, log, ...(options.port !== undefined ? { port: options.port } : {}) });
  const close = host.close;
  return {
    ...host,
    token,
    // The token travels in the fragment, which browsers never send to the server or put in logs.
    openUrl: `${host.url}#token=${token}`,
    close: async () => {
      core.closeAll();
      await close();
    },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { folder: { type: 'string' }, port: { type: 'string' } } });
  const folder = path.resolve(values.folder ?? process.env.EWB_WORKBOOKS_FOLDER ?? DEFAULT_WORKBOOKS_FOLDER);
  try {
    const host = await startHost({ folder, ...(values.port ? { port: Number(values.port) } : {}) });
    console.log(`Engagement Workbook is running in your browser host. Workbooks folder: ${folder}`);
    console.log(`Open: ${host.openUrl}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
