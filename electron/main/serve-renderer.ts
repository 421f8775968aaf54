// The `app:` protocol handler: serves the built renderer from one folder (out/renderer) at
// app://ewb/…, with the CSP on every response. Anything outside that folder — `..`, encoded dots,
// backslashes, symlinks out of it — is refused; anything missing is a 404. No electron import.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/index.ts';
import { APP_HOST } from './app-url.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
}

function refuse(status: 400 | 403 | 404 | 405, text: string): Response {
  return new Response(text, { status, headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }) });
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The file a URL path names inside `root`, or 'outside' when it tries to leave it. Decoding happens
 * once, here, and every segment is checked after decoding, so `%2e%2e` and `..%2f` cannot climb.
 */
export function resolveRendererPath(root: string, urlPath: string): string | 'outside' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'outside';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'outside';
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return 'outside';
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const file = path.resolve(root, relative);
  return isInside(root, file) ? file : 'outside';
}

/** A `protocol.handle` handler serving `rendererRoot` at app://ewb/. */
export function createRendererHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return refuse(404, 'Not found');
    const file = resolveRendererPath(root, url.pathname);
    if (file === 'outside') return refuse(403, 'Forbidden');
    try {
      // A symlink inside the folder must not lead out of it.
      const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
      if (!isInside(realRoot, realFile)) return refuse(403, 'Forbidden');
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return refuse(404, 'Not found');
      const contentType = CONTENT_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, { status: 200, headers: headers({ 'Content-Type': contentType, 'Content-Length': String(stat.size) }) });
    } catch {
      return refuse(404, 'Not found');
    }
  };
}
