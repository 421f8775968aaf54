// A kill cannot catch a missing fsync (the OS cache survives it), so this watches the system
// calls: before each edit the core acknowledges, the workbook file itself has been fsynced.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';

const STRACE = '/usr/bin/strace';

describe('durability', () => {
  it('fsyncs the workbook before acknowledging each edit (strace)', () => {
    expect(fs.existsSync(STRACE), 'strace is installed by `npm test` (tests/support/ensure-system-packages.ts)').toBe(true);
    const dir = tempDir();
    const log = path.join(dir, 'strace.log');
    const edits = 5;
    const run = spawnSync(STRACE, ['-f', '-y', '-e', 'trace=fsync,fdatasync,write', '-o', log, process.execPath, path.resolve('tests/helpers/ack-writer.ts'), dir, String(edits)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(['ready', ...Array.from({ length: edits }, (_, i) => `ack ${i + 1}`)]);

    const lines = fs.readFileSync(log, 'utf8').split('\n');
    const workbook = path.join(dir, 'acked.ewb');
    let syncedWorkbook = false;
    let syncedJournal = false;
    let started = false;
    let acks = 0;
    for (const line of lines) {
      if (/write\(1<[^>]*>, "ready\\n"/.test(line)) {
        started = true;
        syncedWorkbook = false;
        syncedJournal = false;
        continue;
      }
      if (!started) continue;
      if (/\bf(data)?sync\(\d+</.test(line)) {
        if (line.includes(`<${workbook}>`)) syncedWorkbook = true;
        if (line.includes(`<${workbook}-journal>`)) syncedJournal = true;
      }
      const ack = /write\(1<[^>]*>, "ack (\d+)\\n"/.exec(line);
      if (ack) {
        acks += 1;
        expect(syncedJournal, `rollback journal fsynced before ack ${ack[1]}`).toBe(true);
        expect(syncedWorkbook, `workbook fsynced before ack ${ack[1]}`).toBe(true);
        syncedWorkbook = false;
        syncedJournal = false;
      }
    }
    expect(acks).toBe(edits);
  });
});
