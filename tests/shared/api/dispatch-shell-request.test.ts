// The one shell dispatcher both doors use: requests checked against the shell contract before a
// handler runs, the parsed request (defaults applied) and the caller handed on, every failure a value.
import { describe, expect, it } from 'vitest';
import { dispatchShellRequest, type ShellHandlers } from '../../../shared/api/dispatch-shell-request.ts';
import { fail, ok, type ApiError } from '../../../shared/api/result.ts';

interface Seen {
  method: string;
  request: unknown;
  caller: string;
}

function recordingHandlers(seen: Seen[]): ShellHandlers<string> {
  return {
    chooseFile: async (request, caller) => {
      seen.push({ method: 'chooseFile', request, caller });
      return ok({ path: 'chosen.ewb' });
    },
    showInFolder: (request, caller) => {
      seen.push({ method: 'showInFolder', request, caller });
      return ok({ shown: true });
    },
    getEnvironment: () => ok({ door: 'host' as const, appVersion: '1.0.0', workbooksFolder: null }),
    listFolder: (request, caller) => {
      seen.push({ method: 'listFolder', request, caller });
      return ok({ folder: request.folder, entries: [] });
    },
    uploadFile: () => {
      throw new Error('disk on fire');
    },
  };
}

const errorValue = (error: unknown): ApiError => ({ code: 'internal', message: `converted: ${(error as Error).message}` });

describe('dispatchShellRequest', () => {
  it('hands the parsed request, defaults applied, and the caller to the handler', async () => {
    const seen: Seen[] = [];
    expect(await dispatchShellRequest(recordingHandlers(seen), 'listFolder', undefined, 'page-1', errorValue)).toEqual(ok({ folder: '', entries: [] }));
    expect(await dispatchShellRequest(recordingHandlers(seen), 'chooseFile', { mode: 'open', purpose: 'csv' }, 'page-2', errorValue)).toEqual(ok({ path: 'chosen.ewb' }));
    expect(seen).toEqual([
      { method: 'listFolder', request: { folder: '' }, caller: 'page-1' },
      { method: 'chooseFile', request: { mode: 'open', purpose: 'csv' }, caller: 'page-2' },
    ]);
  });

  it('refuses a request the contract does not accept before any handler runs, naming the field', async () => {
    const seen: Seen[] = [];
    const refused = await dispatchShellRequest(recordingHandlers(seen), 'chooseFile', { mode: 'delete', purpose: 'csv', extra: 1 }, 'page', errorValue);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid-input');
    expect(refused.error.message).toMatch(/^The request to chooseFile is not valid \(mode\)/);
    expect(Object.keys(refused.error.fields ?? {})).toEqual(expect.arrayContaining(['mode', 'extra']));
    expect((await dispatchShellRequest(recordingHandlers(seen), 'showInFolder', { path: '' }, 'page', errorValue)).ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('turns a thrown error into a value through the door’s own conversion, and passes a refusal on', async () => {
    expect(await dispatchShellRequest(recordingHandlers([]), 'uploadFile', { name: 'a.csv', contentBase64: '' }, 'page', errorValue)).toEqual(fail({ code: 'internal', message: 'converted: disk on fire' }));
    const handlers = { ...recordingHandlers([]), showInFolder: () => fail({ code: 'forbidden', message: 'not here' }) };
    expect(await dispatchShellRequest(handlers, 'showInFolder', { path: 'a.ewb' }, 'page', errorValue)).toEqual(fail({ code: 'forbidden', message: 'not here' }));
  });
});
