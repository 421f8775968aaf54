// The loopback browser host: the same renderer and core behind HTTP on 127.0.0.1 only. Every API
// call needs the run's token; Host and Origin must be the host's own (DNS-rebinding defence); the
// same CSP as the Electron window; workbook paths confined to the workbooks folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { contract, isMethodName } from '../../shared/api/contract.ts';
import { dispatchShellRequest, type ShellHandlers } from '../../shared/api/dispatch-shell-request.ts';
import { isShellMethodName, shellContract } from '../../shared/api/shell-contract.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import { AppError, toApiError, type Logger, type AppCore, CONTENT_SECURITY_POLICY } from '../core/index.ts';
import { listFolder, uploadFile, type HostFileServices } from './host-files.ts';
import { HandleTracker, PAGE_HEADER, pageIdFrom, type HandleTimeouts } from './host-handles.ts';
import { pathsIn, pathsOut } from './translate-paths.ts';
import { relativeErrorPaths } from './relative-error-paths.ts';
import { WorkbooksFolder } from './workbooks-folder.ts';

export interface HostOptions {
  core: AppCore;
  rendererDir: string;
  workbooksDir: string;
  token: string;
  appVersion: string;
  log: Logger;
  port?: number;
  /** How long handles outlive their page or go unused (tests shorten them); `now` for a test clock. */
  handleTimeouts?: Partial<HandleTimeouts>;
  now?: () => number;
}

export interface Host {
  server: http.Server;
  url: string;
  port: number;
  folder: WorkbooksFolder;
  /** Closes the handles of pages that have gone and of scripted clients idle too long (also run every 30 s). */
  sweepHandles(): Promise<string[]>;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-ewb-token';
const MAX_BODY_BYTES = 100 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('invalid-input', 'The request is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function createHostServer(options: HostOptions): Promise<Host> {
  const folder = new WorkbooksFolder(options.workbooksDir);
  const rendererRoot = path.resolve(options.rendererDir);
  let port = 0;
  const ownHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const handles = new HandleTracker((handle) => options.core.call('closeWorkbook', { handle }), options.now, options.handleTimeouts);
  const sweepTimer = setInterval(() => void handles.sweep().catch((error: unknown) => options.log.error('Closing idle workbooks failed', error)), 30_000);
  sweepTimer.unref();
  const fileServices: HostFileServices = {
    lockOf: (file) => options.core.lockStatusOf(file),
    guardWrite: (target, intent) => options.core.guardWrite(target, intent),
    beginTemporary: (file) => options.core.beginTemporary(file),
  };

  // The host's answers to the shell contract: its own file browser stands in for native dialogs.
  const shellHandlers: ShellHandlers<void> = {
    getEnvironment: () => ok({ door: 'host' as const, appVersion: options.appVersion, workbooksFolder: path.basename(folder.root) }),
    listFolder: (request) => ok(listFolder(folder, request.folder, fileServices)),
    uploadFile: (request) => ok(uploadFile(folder, request, fileServices)),
    showInFolder: () => ok({ shown: false }),
    chooseFile: () => fail({ code: 'forbidden', message: 'The browser host has no native dialogs; its page shows the workbooks folder instead.' }),
  };
  const errorValue = (error: unknown) => relativeErrorPaths(folder, toApiError(error, options.log));

  /** An API call, with what it did to handles noted against the page that sent it. */
  async function trackedApiCall(method: string, request: unknown, page: string | null): Promise<Result<unknown>> {
    const result = await apiCall(method, request);
    handles.noteCall(page, method, request, result);
    return result;
  }

  async function apiCall(method: string, request: unknown): Promise<Result<unknown>> {
    const schema = isShellMethodName(method) ? shellContract[method].request : isMethodName(method) ? contract[method].request : null;
    if (!schema) return fail({ code: 'invalid-input', message: `There is no API method "${method}".` });
    let mapped: unknown;
    try {
      mapped = pathsIn(folder, schema, request);
    } catch (error) {
      return fail(errorValue(error));
    }
    if (isShellMethodName(method)) return dispatchShellRequest(shellHandlers, method, mapped, undefined, errorValue);
    const result = await options.core.call(method, mapped);
    return result.ok ? ok(pathsOut(folder, result.value)) : fail(relativeErrorPaths(folder, result.error));
  }

  function serveStatic(urlPath: string, res: http.ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      send(res, 400, 'Bad request');
      return;
    }
    if (decoded.includes('\u0000')) {
      send(res, 400, 'Bad request');
      return;
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(rendererRoot, relative);
    if (!file.startsWith(rendererRoot + path.sep) || relative.split('/').includes('..')) {
      send(res, 404, 'Not found');
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        send(res, 404, 'Not found');
        return;
      }
      send(res, 200, data, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', relative === 'index.html' ? {} : { 'Cache-Control': 'no-cache' });
    });
  }

  /** Streams a file from the workbooks folder: a download of any size holds a few chunks in memory, never the file. */
  function serveDownload(relative: string, res: http.ServerResponse, head: boolean): void {
    let file: string;
    try {
      file = folder.resolve(decodeURIComponent(relative));
    } catch {
      send(res, 403, 'Forbidden');
      return;
    }
    fs.open(file, 'r', (openError, fd) => {
      if (openError) {
        send(res, 404, 'Not found');
        return;
      }
      fs.fstat(fd, (statError, stat) => {
        if (statError || !stat.isFile()) {
          fs.close(fd, () => send(res, 404, 'Not found'));
          return;
        }
        const name = path.basename(file).replace(/[^\w .()-]/g, '_');
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': String(stat.size), 'Content-Disposition': `attachment; filename="${name}"` });
        if (head) {
          fs.close(fd, () => res.end());
          return;
        }
        // pipeline waits for the browser to take each chunk before reading the next, and closes the file either way.
        pipeline(fs.createReadStream('', { fd, highWaterMark: 1024 * 1024 }), res, (error) => {
          if (error) options.log.warn(`A download of "${name}" stopped before the end (${(error as NodeJS.ErrnoException).code ?? error.message}).`);
        });
      });
    });
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      // DNS rebinding: a page on another name that resolves here must not reach the API or the files.
      if (!ownHosts().has(req.headers.host ?? '')) {
        send(res, 421, 'Misdirected request: this server answers only to its own address.');
        return;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !ownOrigins().has(origin)) {
        send(res, 403, 'Forbidden: cross-origin requests are refused.');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/download/') || url.pathname === '/page-alive') {
        const given = req.headers[TOKEN_HEADER];
        if (typeof given !== 'string' || given === '') {
          send(res, 401, 'Unauthorised: this request needs the token printed when the host started.');
          return;
        }
        if (!tokensMatch(given, options.token)) {
          send(res, 403, 'Forbidden: wrong token.');
          return;
        }
      }
      if (url.pathname === '/page-alive') {
        const page = pageIdFrom(req.headers[PAGE_HEADER]);
        if (req.method !== 'POST' || !page) {
          send(res, 400, 'A heartbeat is a POST with the page header.');
          return;
        }
        handles.pageSeen(page);
        res.writeHead(204, SECURITY_HEADERS);
        res.end();
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          send(res, 405, 'Use POST for API calls.', 'text/plain; charset=utf-8', { Allow: 'POST' });
          return;
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          send(res, 415, 'API calls must be sent as application/json.');
          return;
        }
        let request: unknown;
        try {
          const body = await readBody(req);
          request = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
        } catch {
          send(res, 200, JSON.stringify(fail({ code: 'invalid-input', message: 'The request body is not valid JSON.' })), 'application/json');
          return;
        }
        const result = await trackedApiCall(url.pathname.slice('/api/'.length), request, pageIdFrom(req.headers[PAGE_HEADER]));
        send(res, 200, JSON.stringify(result), 'application/json');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET' });
        return;
      }
      if (url.pathname.startsWith('/download/')) {
        serveDownload(url.pathname.slice('/download/'.length), res, req.method === 'HEAD');
        return;
      }
      serveStatic(url.pathname, res);
    })().catch((error: unknown) => {
      options.log.error('Host request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    folder,
    url: `http://127.0.0.1:${port}/`,
    sweepHandles: () => handles.sweep(),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweepTimer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
