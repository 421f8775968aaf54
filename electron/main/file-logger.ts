// The shell's log: one line per entry appended to a file in the app's logs folder (Electron's
// app.getPath('logs')), so a support team can read what went wrong. Falls back to the console
// when the file cannot be written; logging never throws.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/index.ts';

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

export function createFileLogger(file: string, clock: () => Date = () => new Date(), fallback: Pick<Console, 'error'> = console): Logger {
  let folderReady = false;
  function write(level: 'error' | 'warn' | 'info', message: string, detail?: unknown): void {
    const line = `${clock().toISOString()} ${level.toUpperCase()} ${message}${describe(detail)}\n`;
    try {
      if (!folderReady) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        folderReady = true;
      }
      fs.appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      fallback.error(line.trimEnd());
    }
  }
  return {
    error: (message, detail) => write('error', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    info: (message, detail) => write('info', message, detail),
  };
}
