// A core with a controlled clock, predictable ids and a private settings folder.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore, type AppCoreDeps } from '../../electron/core/create-app-core.ts';
import type { Logger } from '../../electron/core/app-error.ts';
import type { WorkbookDetails } from '../../shared/api/workbook.ts';
import { tempDir } from './temp-dir.ts';

export interface TestLogger extends Logger {
  errors: string[];
  warnings: string[];
}

export function testLogger(): TestLogger {
  const errors: string[] = [];
  const warnings: string[] = [];
  return { errors, warnings, error: (m) => errors.push(m), warn: (m) => warnings.push(m), info: () => {} };
}

/** A clock that starts at `start` and moves one second each time it is read. */
export function steppingClock(start = '2026-11-25T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 1000;
    return now;
  };
}

/** Ids that are valid UUIDs but predictable within a test. */
export function sequentialIds(seed = 1): () => string {
  let n = seed;
  return () => {
    const hex = crypto.createHash('sha256').update(String(n++)).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

export function testDeps(overrides: Partial<AppCoreDeps> = {}): AppCoreDeps & { log: TestLogger } {
  const log = testLogger();
  return {
    clock: steppingClock(),
    newId: sequentialIds(),
    paths: { configDir: path.join(tempDir('ewb-config-'), 'config') },
    log,
    appVersion: '0.1.0',
    identity: { user: 'planner', host: os.hostname(), pid: process.pid },
    ...overrides,
  } as AppCoreDeps & { log: TestLogger };
}

export function testCore(overrides: Partial<AppCoreDeps> = {}): AppCore & { deps: ReturnType<typeof testDeps> } {
  const deps = testDeps(overrides);
  return Object.assign(createAppCore(deps), { deps });
}

export const SAMPLE_DETAILS: WorkbookDetails = {
  force: 'kent',
  title: 'Community engagement strategy 2027–2030',
  periodStart: '2027-04-01',
  periodEnd: '2030-03-31',
  author: 'A. Planner',
  versionLabel: 'Draft 1',
  marking: 'OFFICIAL-SENSITIVE',
  reviewDate: '2027-10-01',
  owner: 'Superintendent, Neighbourhood Policing',
  approver: 'Assistant Chief Constable, Local Policing',
};

/** Calls the core and returns the value, failing the test with the error message otherwise. */
export async function expectOk<T = unknown>(core: AppCore, method: string, request: unknown): Promise<T> {
  const result = await core.call(method, request);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Like expectOk, without the effects a write answers beside its result (for comparing records). */
export async function expectWritten<T = unknown>(core: AppCore, method: string, request: unknown): Promise<T> {
  const { effects: _effects, ...value } = await expectOk<Record<string, unknown>>(core, method, request);
  return value as T;
}
