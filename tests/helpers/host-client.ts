// Talks to a browser host over loopback as the page does: API calls with the token, downloads.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { runChild, type ChildRun } from './child-process.ts';

export const HOST_CHILD_TOKEN = 'host-child-token-0123456789';

export interface HostChild {
  run: ChildRun;
  port: number;
  call(method: string, body: unknown): Promise<ApiReply>;
  /** The host process's peak resident memory so far, in MB. */
  peakMb(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a browser host in its own process over `folder`. */
export async function startHostChild(folder: string, configDir: string, rendererDir: string): Promise<HostChild> {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const run = runChild(path.resolve('tests/helpers/host-child.ts'), [folder, configDir, rendererDir]);
  const port = Number((await run.waitForLine(/^READY \d+$/, 30_000)).split(' ')[1]);
  let asked = 0;
  return {
    run,
    port,
    call: (method, body) => hostApi(port, HOST_CHILD_TOKEN, method, body),
    async peakMb() {
      asked += 1;
      run.send('rss');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const seen = run.lines.filter((line) => line.startsWith('RSS '));
        if (seen.length >= asked) return Number(seen[asked - 1]!.split(' ')[1]);
        if (Date.now() > deadline) throw new Error(`The host did not report its memory. stderr: ${run.stderr().slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      run.process.stdin.end();
      await run.exited;
    },
  };
}

export interface ApiReply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string> };
}

/** POSTs one API call and resolves with its Result. */
export function hostApi(port: number, token: string, method: string, body: unknown): Promise<ApiReply> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-ewb-token': token, 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiReply);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Downloads a file from the workbooks folder, counting its bytes without keeping them. */
export function hostDownloadSize(port: number, token: string, relative: string): Promise<{ status: number; bytes: number; length: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/download/${encodeURIComponent(relative)}`, headers: { 'x-ewb-token': token } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, length: res.headers['content-length'] }));
    });
    req.on('error', reject);
    req.end();
  });
}
