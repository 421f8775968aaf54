// Runs a TypeScript helper under this Node (type stripping) as a child process and reads its
// stdout line by line, for tests that kill or race real processes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildRun {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every complete stdout line so far. */
  readonly lines: string[];
  /** stderr so far, for failure messages. */
  stderr(): string;
  /** Resolves with the first line matching `pattern` (already seen or still to come). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves once the process has exited and its output has been read to the end. */
  readonly exited: Promise<ChildExit>;
  send(line: string): void;
}

/** Starts `node <script> ...args` with this process's Node, without the experimental warning. */
export function runChild(script: string, args: string[]): ChildRun {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const watchers: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    partial += chunk;
    let newline = partial.indexOf('\n');
    while (newline >= 0) {
      const line = partial.slice(0, newline);
      partial = partial.slice(newline + 1);
      lines.push(line);
      for (const watcher of [...watchers]) {
        if (watcher.pattern.test(line)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(line);
        }
      }
      newline = partial.indexOf('\n');
    }
  });
  child.stderr.on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  let done: ChildExit | null = null;
  void exited.then((exit) => {
    done = exit;
  });
  return {
    process: child,
    lines,
    stderr: () => errors,
    exited,
    send(line: string) {
      child.stdin.write(`${line}\n`);
    },
    waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          const state = done ? `exited (code ${String(done.code)}, signal ${String(done.signal)})` : 'still running';
          reject(new Error(`No line matching ${String(pattern)} within ${timeoutMs} ms; the child is ${state}. stdout: ${JSON.stringify(lines.slice(-5))} stderr: ${errors.slice(-2000)}`));
        }, timeoutMs);
        const watcher = {
          pattern,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        watchers.push(watcher);
        void exited.then((exit) => {
          if (!watchers.includes(watcher)) return;
          watchers.splice(watchers.indexOf(watcher), 1);
          clearTimeout(timer);
          reject(new Error(`The child exited (code ${String(exit.code)}, signal ${String(exit.signal)}) before printing a line matching ${String(pattern)}. stdout: ${JSON.stringify(lines.slice(-5))} stderr: ${errors.slice(-2000)}`));
        });
      });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
