// The cctwin command line: parse, delegate, print, exit. Each command lives in
// bin/commands/; this file only wires them to yargs and turns every way a run
// can end into one of the exit statuses of exit-codes.ts.
import yargs, { type CommandModule } from 'yargs';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import { OutputPathError, processOutput, type Output } from './output.js';

/** A usage problem found by yargs or by an option check: exit 2, one line. */
class UsageFailure extends Error {}

/**
 * Runs the command line on `args` and resolves to its exit status. Commands
 * set `process.exitCode`; anything they throw is a bug in cctwin, reported
 * as such with status 3, never as a verdict (1) or bad usage (2).
 */
export async function main(args: readonly string[], commands: readonly CommandModule<object, any>[], out: Output = processOutput): Promise<number> {
  process.exitCode = undefined;
  const cli = yargs([...args])
    .scriptName('cctwin')
    .demandCommand(1, 'Name a command (cctwin --help lists them).')
    .strict()
    .recommendCommands()
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports usage problems (and failed .check()s) with a message; a
      // crash inside a command comes with an error alone and is not bad usage.
      const message = msg ?? (err?.name === 'YError' ? err.message : null);
      if (message === null) throw err;
      throw new UsageFailure(message);
    })
    .help()
    .wrap(Math.min(120, process.stdout.columns ?? 100));
  for (const command of commands) cli.command(command);
  try {
    await cli.parseAsync();
  } catch (err) {
    if (err instanceof OutputPathError) {
      out.stderr(`cctwin ${args[0] ?? ''}: ${err.message} (E_USAGE)\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof UsageFailure) {
      const name = commands.find((c) => firstWord(c.command) === args[0]) ? ` ${args[0]}` : '';
      out.stderr(`cctwin${name}: ${err.message}\nSee 'cctwin${name} --help' for the options.\n`);
      return EXIT_BAD_INPUT;
    }
    printInternalError(out, err);
    return EXIT_INTERNAL;
  }
  const status = process.exitCode;
  return typeof status === 'number' ? status : EXIT_OK;
}

export function printInternalError(out: Output, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  out.stderr(`cctwin: internal error: ${detail}\nThis is a bug in cctwin, not a problem with your scenario: please report it with the lines above (exit status ${EXIT_INTERNAL}).\n`);
}

function firstWord(command: CommandModule['command']): string {
  const text = Array.isArray(command) ? command[0] : command;
  return String(text ?? '').split(/\s+/)[0] ?? '';
}
