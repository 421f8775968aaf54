// The shell's log file: one line per entry, errors with their stacks, and never a throw.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../electron/main/file-logger.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('createFileLogger', () => {
  it('appends one line per entry, creating its folder', () => {
    const file = path.join(tempDir(), 'logs', 'engagement-workbook.log');
    const log = createFileLogger(file, () => new Date('2026-11-25T10:00:00.000Z'));
    log.info('Started');
    log.warn('Refused', { reason: 'subframe' });
    log.error('Failed', new Error('boom'));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe('2026-11-25T10:00:00.000Z INFO Started');
    expect(lines[1]).toBe('2026-11-25T10:00:00.000Z WARN Refused {"reason":"subframe"}');
    expect(lines[2]).toMatch(/^2026-11-25T10:00:00.000Z ERROR Failed Error: boom/);
  });

  it('falls back to the console when the file cannot be written', () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const fallback = { error: vi.fn() };
    const log = createFileLogger(path.join(blocker, 'x.log'), () => new Date(0), fallback);
    expect(() => log.error('Lost')).not.toThrow();
    expect(fallback.error).toHaveBeenCalledWith('1970-01-01T00:00:00.000Z ERROR Lost');
  });
});
