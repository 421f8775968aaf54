// Issue 11: a 1.8 GB download from the browser host held the whole file in memory. Downloads are
// streamed: the host's peak memory barely moves however large the file (300 MB in CI, 1.8 GB with
// EWB_LONG=1), every byte arrives, and HEAD gives the size without the body.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_CHILD_TOKEN, hostDownloadSize, startHostChild } from '../helpers/host-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { scaled } from '../helpers/test-scale.ts';

describe('host downloads', () => {
  it('streams a large file with flat memory', async () => {
    const folder = tempDir('ewb-host-folder-');
    const size = scaled(300, 1800) * 1048576;
    // A sparse file: no disk used, but every byte is read and sent as for a real one.
    const fd = fs.openSync(path.join(folder, 'big.bin'), 'w');
    fs.ftruncateSync(fd, size);
    fs.closeSync(fd);
    const host = await startHostChild(folder, tempDir('ewb-config-'), tempDir('ewb-renderer-'));
    try {
      const before = await host.peakMb();
      const head = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.request({ host: '127.0.0.1', port: host.port, path: '/download/big.bin', method: 'HEAD', headers: { 'x-ewb-token': HOST_CHILD_TOKEN } }, resolve).on('error', reject).end();
      });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-length']).toBe(String(size));
      const download = await hostDownloadSize(host.port, HOST_CHILD_TOKEN, 'big.bin');
      expect(download).toEqual({ status: 200, bytes: size, length: String(size) });
      const after = await host.peakMb();
      expect(after - before, `peak ${before} MB before, ${after} MB after a ${size / 1048576} MB download`).toBeLessThan(100);
      expect((await hostDownloadSize(host.port, HOST_CHILD_TOKEN, 'missing.bin')).status).toBe(404);
    } finally {
      await host.stop();
    }
  }, 300_000);
});
