// The app: protocol handler serves the built renderer folder and nothing outside it, with the CSP
// on every response (including refusals).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy.ts';
import { createRendererHandler, resolveRendererPath } from '../../electron/main/serve-renderer.ts';
import { tempDir } from '../helpers/temp-dir.ts';

vi.mock('electron', () => ({}));

let root = '';
let handle: (request: Request) => Promise<Response>;

beforeEach(() => {
  const base = tempDir('ewb-protocol-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>EWB</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export const a = 1;');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'a sibling whose name starts like the root');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createRendererHandler(root);
});

async function get(url: string, method = 'GET') {
  const response = await handle(new Request(url, { method }));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('the app: protocol handler', () => {
  it('serves index.html for the root and by name, as HTML', async () => {
    for (const url of ['app://ewb/', 'app://ewb/index.html']) {
      expect(await get(url)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>EWB</title>' });
    }
  });

  it('serves built assets with their content types, ignoring query and fragment', async () => {
    expect(await get('app://ewb/assets/index-abc.js?v=1#x')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export const a = 1;' });
    expect(await get('app://ewb/assets/index-abc.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  });

  it('puts the CSP and nosniff on every response, refusals included', async () => {
    for (const url of ['app://ewb/index.html', 'app://ewb/missing.js', 'app://ewb/..%2fsecret.txt', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('answers 404 for a file that is not there, a folder, and another host', async () => {
    expect((await get('app://ewb/missing.js')).status).toBe(404);
    expect((await get('app://ewb/assets')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it.each([
    'app://ewb/..%2fsecret.txt',
    'app://ewb/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://ewb/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://ewb/%2e%2e%2frenderer-evil.txt',
    'app://ewb/..%5csecret.txt',
    'app://ewb/%2fetc%2fpasswd',
    'app://ewb/index.html%00.js',
    'app://ewb/%E0%A4%A',
  ])('refuses %s and reveals nothing outside the folder', async (url) => {
    const answer = await get(url);
    expect([400, 403, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('outside the renderer');
    expect(answer.body).not.toContain('sibling');
  });

  it('never serves a path with .. even when the URL parser has already folded it', async () => {
    for (const url of ['app://ewb/../secret.txt', 'app://ewb/%2e%2e/secret.txt', 'app://ewb/assets/../../secret.txt']) {
      const answer = await get(url);
      expect(answer.body, url).not.toContain('outside the renderer');
      expect(answer.status, url).toBe(404);
    }
  });

  it('refuses a symlink that leads out of the folder', async () => {
    const answer = await get('app://ewb/assets/link.txt');
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('outside the renderer');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('app://ewb/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get('app://ewb/index.html', 'POST')).status).toBe(405);
  });
});

describe('resolveRendererPath', () => {
  it('refuses .. and . segments however they are spelt, before and after decoding', () => {
    for (const urlPath of ['/../secret.txt', '/%2e%2e/secret.txt', '/a/%2E%2E/%2e%2e/secret.txt', '/./index.html', '/a/..', '/..\\secret.txt', '/%00']) {
      expect(resolveRendererPath('/srv/renderer', urlPath), urlPath).toBe('outside');
    }
  });

  it('maps the root to index.html and keeps other paths inside the folder', () => {
    expect(resolveRendererPath('/srv/renderer', '/')).toBe(path.resolve('/srv/renderer/index.html'));
    expect(resolveRendererPath('/srv/renderer', '/assets/a%20b.js')).toBe(path.resolve('/srv/renderer/assets/a b.js'));
  });
});
