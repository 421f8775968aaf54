// The real clock, ids, settings folder and user identity, for the doors that run for real
// (CLI, browser host, Electron main). Tests build their own deps instead.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { APP_VERSION } from './app-version.ts';
import type { AppCoreDeps } from './create-app-core.ts';
import type { Logger } from './app-error.ts';

/** Where the app keeps its own settings (recent files): never inside a workbook. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EWB_CONFIG_DIR) return path.resolve(env.EWB_CONFIG_DIR);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Engagement Workbook');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Engagement Workbook');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'engagement-workbook');
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown user';
  }
}

export function defaultDeps(log: Logger, env: NodeJS.ProcessEnv = process.env): AppCoreDeps {
  return {
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
    paths: { configDir: defaultConfigDir(env) },
    log,
    appVersion: APP_VERSION,
    identity: { user: currentUser(), host: os.hostname(), pid: process.pid },
  };
}
