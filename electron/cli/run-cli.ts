// The `ewb` command: parses arguments with commander and calls the same core the app uses.
// Exit codes: 0 done, 1 refused (one `error:` line, never a stack trace), 2 usage error.
import { Command, CommanderError } from 'commander';
import { createAppCore, type AppCore, type AppCoreDeps, defaultDeps, APP_VERSION, type Logger } from '../core/index.ts';
import { registerSchemaCommand, registerWorkbookCommands } from './workbook-commands.ts';
import { registerGapCommands } from './gap-commands.ts';
import { registerReviewCommands } from './review-commands.ts';
import { registerSimilarCommands } from './similar-commands.ts';
import { registerExportCommands } from './export-commands.ts';
import { registerCensusCommands } from './census-commands.ts';
import { registerCrimeCommands } from './crime-commands.ts';
import { registerRepairCommand } from './repair-commands.ts';
import { registerLibraryCommands } from './library-commands.ts';
import { registerShareCommand } from './share-commands.ts';
import { interchangeJsonSchema } from '../../shared/api/interchange-json-schema.ts';
import { Refused, oneLine, type CliContext, type CliIo } from './cli-context.ts';

function quietLogger(io: CliIo, env: NodeJS.ProcessEnv): Logger {
  const debug = Boolean(env.EWB_DEBUG);
  const detail = (d: unknown) => (debug && d !== undefined ? ` ${d instanceof Error ? (d.stack ?? d.message) : String(d)}` : '');
  return {
    error: (message, d) => { if (debug) io.err(`debug: ${message}${detail(d)}\n`); },
    warn: (message, d) => io.err(`warning: ${oneLine(message)}${detail(d)}\n`),
    info: () => {},
  };
}

export async function runCli(argv: string[], io: CliIo, options: { deps?: AppCoreDeps; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const env = options.env ?? process.env;
  let core: AppCore | undefined;
  const getCore = () => (core ??= createAppCore(options.deps ?? defaultDeps(quietLogger(io, env), env)));

  const context: CliContext = {
    io,
    async call(method, request, reword) {
      const result = await getCore().call(method, request);
      if (!result.ok) context.refuse(reword?.(result.error) ?? result.error.message);
      return result.value as never;
    },
    refuse(message) {
      // A refusal naming several rows keeps one a line, indented under the first.
      io.err(`error: ${message.split('\n').map(oneLine).filter(Boolean).join('\n  ')}\n`);
      throw new Refused(message);
    },
    failQuietly(reason) {
      throw new Refused(reason);
    },
    json(value) {
      io.out(`${JSON.stringify(value, null, 2)}\n`);
    },
  };

  const program = new Command('ewb')
    .description('Engagement Workbook from the command line: make, check, inspect and exchange .ewb workbooks.')
    .version(APP_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError('(run "ewb --help" for usage)');
  program.addHelpText('after', '\nExit codes: 0 done, 1 refused (bad file or input), 2 usage error.');
  registerWorkbookCommands(program, context);
  registerRepairCommand(program, context);
  registerGapCommands(program, context);
  registerReviewCommands(program, context);
  registerSimilarCommands(program, context);
  registerExportCommands(program, context);
  registerCensusCommands(program, context);
  registerCrimeCommands(program, context);
  registerLibraryCommands(program, context);
  registerShareCommand(program, context);
  registerSchemaCommand(program, context, interchangeJsonSchema);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof Refused) return 1;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      return 2;
    }
    io.err(`error: something went wrong inside ewb (${oneLine((error as Error)?.message ?? String(error))}). Run with EWB_DEBUG=1 for details.\n`);
    if (env.EWB_DEBUG) io.err(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  } finally {
    core?.closeAll();
  }
}

export type { CliIo };
