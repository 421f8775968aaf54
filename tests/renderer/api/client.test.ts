// @vitest-environment happy-dom
// The API client turns every way a call can go wrong into a Result with a plain-English message:
// the host not answering, a missing or wrong token, an error status, an unreadable answer, a
// failing Electron bridge. It never throws at the form that called it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../renderer/src/api/client.ts';
import type { ApiBridge } from '../../../shared/api/all-methods.ts';

const HANDLE = 'h1';
const fetchMock = vi.fn<typeof fetch>();

function answer(body: string, status = 200, type = 'application/json'): Response {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

function hostClient() {
  history.replaceState(null, '', '/#token=secret%2Btoken');
  return createApiClient();
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  sessionStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.ewb;
});

describe('the host door', () => {
  it('sends a request made as the page goes so that it outlives the page (within the browser\'s 64 kB), and others as usual', async () => {
    fetchMock.mockImplementation(async () => answer(JSON.stringify({ ok: true, value: [] })));
    const client = hostClient();
    const keepalive = () => fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/')).map(([, init]) => init?.keepalive);
    await client.call('listForces', {} as never);
    window.dispatchEvent(new Event('pagehide'));
    await client.call('updateRecord', { handle: HANDLE, type: 'place', id: 'p1', changes: { name: 'Town hall (main hall)' } } as never);
    await client.call('updateRecord', { handle: HANDLE, type: 'place', id: 'p1', changes: { notes: 'x'.repeat(70_000) } } as never);
    window.dispatchEvent(new Event('pageshow'));
    await client.call('listForces', {} as never);
    expect(keepalive()).toEqual([false, true, false, false]);
  });

  it('keeps the token from the address for the tab, takes it out of view, and sends it with each call', async () => {
    history.replaceState(null, '', '/app?view=1#token=secret%2Btoken');
    const client = createApiClient();
    expect(client.door).toBe('host');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/app?view=1');
    expect(sessionStorage.getItem('ewb-host-token')).toBe('secret+token');
    fetchMock.mockResolvedValueOnce(answer(JSON.stringify({ ok: true, value: { undoLabel: null, redoLabel: null } })));
    const result = await client.call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: true, value: { undoLabel: null, redoLabel: null } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/getUndoState');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['x-ewb-token']).toBe('secret+token');
    expect(JSON.parse(String(init?.body))).toEqual({ handle: HANDLE });
    // A reload of the tab (no token in the address now) still has it.
    expect(createApiClient().door).toBe('host');
    fetchMock.mockResolvedValueOnce(answer(JSON.stringify({ ok: true, value: [] })));
    await createApiClient().call('listForces', {} as never);
    expect((fetchMock.mock.calls[1]![1]?.headers as Record<string, string>)['x-ewb-token']).toBe('secret+token');
  });

  it('names its page on every call, the same page however many clients it makes, so the host can release its workbooks when it goes', async () => {
    fetchMock.mockResolvedValue(answer(JSON.stringify({ ok: true, value: [] })));
    await hostClient().call('listForces', {} as never);
    await hostClient().call('listForces', {} as never);
    const pages = fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/')).map(([, init]) => (init?.headers as Record<string, string>)['x-ewb-page']);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(pages[1]).toBe(pages[0]);
  });

  it('passes on an error the core answered with, code, message and fields intact', async () => {
    const error = { code: 'invalid-input', message: 'Enter a title for the strategy', fields: { title: 'Enter a title for the strategy' } };
    fetchMock.mockResolvedValueOnce(answer(JSON.stringify({ ok: false, error })));
    expect(await hostClient().call('getUndoState', { handle: HANDLE })).toEqual({ ok: false, error });
  });

  it('passes on a success with nothing to return (JSON drops an undefined value)', async () => {
    fetchMock.mockResolvedValueOnce(answer('{"ok":true}'));
    expect(await hostClient().call('getUndoState', { handle: HANDLE })).toEqual({ ok: true });
  });

  it('says the app is not answering when the request cannot be made', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const result = await hostClient().call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Engagement Workbook is not answering\..*your saved work is safe/) } });
  });

  it.each([401, 403])('says the page is not connected (and how to connect) on %i', async (status) => {
    fetchMock.mockResolvedValueOnce(answer('Unauthorised', status, 'text/plain'));
    const result = await hostClient().call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/not connected to Engagement Workbook.*token/) } });
  });

  it.each([405, 415, 421, 500])('names the status of any other error answer (%i), without its body', async (status) => {
    fetchMock.mockResolvedValueOnce(answer('Internal error at Object.<anonymous> (host.ts:12)', status, 'text/plain'));
    const result = await hostClient().call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: `Engagement Workbook answered with an error (${status}).` } });
  });

  it.each([
    ['an HTML page', '<!doctype html><title>Proxy</title>'],
    ['a cut-off answer', '{"ok":true,"value":'],
    ['JSON that is not a result', '{"records":[]}'],
    ['null', 'null'],
    ['an error without a message', '{"ok":false,"error":{"code":"io"}}'],
  ])('says the answer could not be read when it is %s', async (_what, body) => {
    fetchMock.mockResolvedValueOnce(answer(body));
    const result = await hostClient().call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Engagement Workbook sent an answer this page could not read\./) } });
  });

  it('downloads through the token and says plainly when a download fails', async () => {
    const client = hostClient();
    fetchMock.mockResolvedValueOnce(answer('gone', 404, 'text/plain'));
    await expect(client.download('exports/Strategy #2.docx')).rejects.toThrow('The file could not be downloaded (404).');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/download/exports/Strategy%20%232.docx');
    expect((init?.headers as Record<string, string>)['x-ewb-token']).toBe('secret+token');
  });
});

describe('the Electron door', () => {
  function bridge(invoke: (request: unknown) => Promise<unknown>): ApiBridge<File> {
    return new Proxy({ pathForFile: () => '' } as unknown as ApiBridge<File>, {
      get: (target, name) => (name in target ? target[name as keyof ApiBridge<File>] : invoke),
    });
  }

  it('calls the bridge and passes its Result on, without using the network', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { undoLabel: 'Undo adding aim', redoLabel: null } }));
    window.ewb = bridge(invoke);
    const client = createApiClient();
    expect(client.door).toBe('electron');
    expect(await client.call('getUndoState', { handle: HANDLE })).toEqual({ ok: true, value: { undoLabel: 'Undo adding aim', redoLabel: null } });
    expect(invoke).toHaveBeenCalledWith({ handle: HANDLE });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(client.pathForFile(new File([], 'x.csv'))).toBeNull();
  });

  it.each([
    ['rejects', () => Promise.reject(new Error("Error invoking remote method 'ewb:api': TypeError: x is undefined"))],
    ['throws', () => {
      throw new Error('An object could not be cloned.');
    }],
  ])('turns a bridge that %s into a plain error value', async (_how, invoke) => {
    window.ewb = bridge(invoke as (request: unknown) => Promise<unknown>);
    const result = await createApiClient().call('getUndoState', { handle: HANDLE });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Engagement Workbook could not carry out that request\./) } });
  });
});
