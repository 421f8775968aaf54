// The browser host's defences: loopback only, a token on every API call, its own Host and Origin
// only, the same CSP as the app, and workbook paths confined to its folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/create-host-server.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy.ts';
import { startTestHost } from '../helpers/test-host.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS } from '../helpers/test-core.ts';

const TOKEN = 'test-token-0123456789';
let host: Host;
let folder: string;
let stopHost: () => Promise<void>;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply & { json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  const reply = await request(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ewb-token': TOKEN, ...headers }, body: JSON.stringify(body) });
  return { ...reply, json: reply.status === 200 ? JSON.parse(reply.body) : { ok: false } };
}

beforeEach(async () => {
  folder = tempDir('ewb-host-folder-');
  ({ host, stop: stopHost } = await startTestHost({ workbooksDir: folder, token: TOKEN, rendererFiles: { 'assets/app.js': 'console.log(1)' } }));
});

afterEach(async () => {
  await stopHost();
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the same CSP as the Electron window', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await request('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses an API call without the token (401) or with a wrong one (403)', async () => {
    const none = await request('/api/listForces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await api('listForces', {}, { 'x-ewb-token': 'nope' });
    expect(wrong.status).toBe(403);
    const right = await api('listForces', {});
    expect(right.status).toBe(200);
    expect(right.json.ok).toBe(true);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await request('/', { headers: { host: `evil.example:${host.port}` } })).status).toBe(421);
    expect((await api('listForces', {}, { host: 'attacker.test' })).status).toBe(421);
    expect((await api('listForces', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('listForces', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('accepts API calls only as POST with JSON', async () => {
    expect((await request('/api/listForces', { headers: { 'x-ewb-token': TOKEN } })).status).toBe(405);
    expect((await request('/api/listForces', { method: 'POST', headers: { 'x-ewb-token': TOKEN, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const bad = await request('/api/listForces', { method: 'POST', headers: { 'x-ewb-token': TOKEN, 'content-type': 'application/json' }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const attempt of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/%00']) {
      const reply = await request(attempt);
      expect([400, 404]).toContain(reply.status);
    }
  });

  it('keeps workbook paths inside its folder: relative in, relative out', async () => {
    const created = await api('createWorkbook', { path: 'Plan.ewb', details: SAMPLE_DETAILS });
    expect(created.json.ok).toBe(true);
    expect((created.json.value as { path: string }).path).toBe('Plan.ewb');
    expect(fs.existsSync(path.join(folder, 'Plan.ewb'))).toBe(true);
    const recent = await api('listRecentWorkbooks', {});
    expect((recent.json.value as Array<{ path: string }>).map((r) => r.path)).toEqual(['Plan.ewb']);
  });

  it('refuses `..`, absolute paths and symlinks out of the folder', async () => {
    const outside = tempDir('ewb-outside-');
    fs.symlinkSync(outside, path.join(folder, 'escape'));
    for (const bad of ['../Plan.ewb', path.join(outside, 'Plan.ewb'), '/etc/passwd', 'C:\\Windows\\x.ewb', 'escape/Plan.ewb', 'sub/../../Plan.ewb']) {
      const reply = await api('createWorkbook', { path: bad, details: SAMPLE_DETAILS });
      expect(reply.json.ok, bad).toBe(false);
      expect(reply.json.error?.code, bad).toBe('forbidden');
    }
    expect(fs.readdirSync(outside)).toEqual([]);
    const dump = await api('dumpWorkbook', { path: 'x.ewb', destination: '../out.json' });
    expect(dump.json.error?.code).toBe('forbidden');
  });

  it('lists its folder without lock, hidden or linked-out entries, and takes uploads', async () => {
    fs.writeFileSync(path.join(folder, 'a.ewb'), 'x');
    fs.writeFileSync(path.join(folder, '~$a.ewb.lock'), 'x');
    fs.writeFileSync(path.join(folder, '.hidden'), 'x');
    fs.mkdirSync(path.join(folder, 'Team'));
    fs.symlinkSync(tempDir('ewb-outside-'), path.join(folder, 'escape'));
    const listed = await api('listFolder', {});
    expect((listed.json.value as { entries: Array<{ name: string; kind: string }> }).entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['folder:Team', 'file:a.ewb']);
    const up = await api('uploadFile', { folder: 'Team', name: 'b.json', contentBase64: Buffer.from('{"a":1}').toString('base64') });
    expect(up.json).toMatchObject({ ok: true, value: { path: 'Team/b.json' } });
    expect(fs.readFileSync(path.join(folder, 'Team', 'b.json'), 'utf8')).toBe('{"a":1}');
    const again = await api('uploadFile', { folder: 'Team', name: 'b.json', contentBase64: '' });
    expect(again.json.error?.code).toBe('already-exists');
    const sneaky = await api('uploadFile', { folder: '', name: '../x.json', contentBase64: '' });
    expect(sneaky.json.error?.code).toBe('invalid-input');
    expect((await api('listFolder', { folder: '..' })).json.error?.code).toBe('forbidden');
  });

  it('downloads only with the token and only from inside the folder', async () => {
    fs.writeFileSync(path.join(folder, 'out.json'), '{"x":1}');
    expect((await request('/download/out.json')).status).toBe(401);
    const ok = await request('/download/out.json', { headers: { 'x-ewb-token': TOKEN } });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('{"x":1}');
    expect(ok.headers['content-disposition']).toMatch(/attachment/);
    expect((await request('/download/..%2Fpackage.json', { headers: { 'x-ewb-token': TOKEN } })).status).toBe(403);
  });

  it('answers the shell contract as the host', async () => {
    expect((await api('getEnvironment', {})).json).toMatchObject({ ok: true, value: { door: 'host', appVersion: '0.1.0' } });
    expect((await api('chooseFile', { mode: 'open', purpose: 'workbook' })).json.error?.code).toBe('forbidden');
    expect((await api('nonsense', {})).json.error?.code).toBe('invalid-input');
  });
});
