// The workbook a launch asks for: the first `.ewb` argument on a command line (the app's own, or a
// second launch's handed over through 'second-instance'), made absolute against its folder.
import path from 'node:path';

export function workbookPathFromArgs(argv: readonly string[], workingDirectory: string): string | null {
  // argv[0] is the executable; switches (Chromium adds its own to a second launch's) are skipped.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith('.ewb')) return path.resolve(workingDirectory, arg);
  }
  return null;
}
