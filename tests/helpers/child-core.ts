// The core as a real app process builds it (real clock, ids, user and host, this process's id),
// with its settings in a given folder. For the child-process helpers: no vitest imports here.
import fs from 'node:fs';
import { createAppCore, type AppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';
import type { Logger } from '../../electron/core/app-error.ts';

/** Writes one line to stdout synchronously, so a line is out before the next statement runs. */
export function say(line: string): void {
  fs.writeSync(1, `${line.replace(/\n/g, ' ')}\n`);
}

const stderrLogger: Logger = {
  error: (message, detail) => fs.writeSync(2, `error: ${message} ${detail instanceof Error ? (detail.stack ?? detail.message) : String(detail ?? '')}\n`),
  warn: (message) => fs.writeSync(2, `warning: ${message}\n`),
  info: () => {},
};

export function childCore(configDir: string): AppCore {
  return createAppCore(defaultDeps(stderrLogger, { ...process.env, EWB_CONFIG_DIR: configDir }));
}

/** The lines arriving on stdin, one at a time. */
export function stdinLines(): AsyncIterator<string> {
  process.stdin.setEncoding('utf8');
  let buffered = '';
  const waiting: Array<(line: IteratorResult<string>) => void> = [];
  const ready: string[] = [];
  let ended = false;
  process.stdin.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const taker = waiting.shift();
      if (taker) taker({ value: line, done: false });
      else ready.push(line);
      newline = buffered.indexOf('\n');
    }
  });
  process.stdin.on('end', () => {
    ended = true;
    for (const taker of waiting.splice(0)) taker({ value: undefined, done: true });
  });
  return {
    next: () =>
      new Promise((resolve) => {
        const line = ready.shift();
        if (line !== undefined) resolve({ value: line, done: false });
        else if (ended) resolve({ value: undefined, done: true });
        else waiting.push(resolve);
      }),
  };
}
