#!/usr/bin/env node
// `ewb`: the workbook core from the command line. Runs the TypeScript sources directly on the
// project's pinned Node 22 (type stripping), so `npx ewb` works straight after `npm ci`.
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
