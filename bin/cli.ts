// The cctwin command line: parse, delegate, print, exit. Each command lives in
// bin/commands/; this file only wires them to yargs and turns every way a run
// can end into one of the exit statuses of exit-codes.ts.
//
// yargs itself takes longer to load than Node takes to start (string-width,
// cliui), so it is loaded only to parse: `--version` and a command line a
// command declares `direct` (`cctwin mask`, `cctwin mask --json`) go without it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import { OutputPathError, processOutput, type Output } from './output.js';

/** The arguments after `node script`, as yargs/helpers' hideBin gives them outside Electron (importing that loads all of yargs). */
export function hideBin(argv: readonly string[]): string[] {
  return argv.slice(2);
}

/**
 * Command lines a command runs without yargs: its name followed by some of
 * these boolean flags, each written `--flag` at most once; the handler gets
 * what yargs would give it (`{_: [name], $0, flag: true, ...}`). Any other
 * command line (`--help`, `--no-json`, a typo) is parsed by yargs as usual.
 */
export interface DirectCommandLines {
  direct: { flags: readonly string[] };
}

/** A usage problem found by yargs or by an option check: exit 2, one line. */
class UsageFailure extends Error {}

/**
 * Runs the command line on `args` and resolves to its exit status. Commands
 * set `process.exitCode`; anything they throw is a bug in cctwin, reported
 * as such with status 3, never as a verdict (1) or bad usage (2).
 */
export async function main(args: readonly string[], commands: readonly CommandModule<object, any>[], out: Output = processOutput): Promise<number> {
  process.exitCode = undefined;
  if (args.length === 1 && args[0] === '--version') {
    out.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const direct = directCall(args, commands);
  if (direct !== null) {
    try {
      await direct();
    } catch (err) {
      if (err instanceof OutputPathError) {
        out.stderr(`cctwin ${args[0] ?? ''}: ${err.message} (E_USAGE)\n`);
        return EXIT_BAD_INPUT;
      }
      printInternalError(out, err);
      return EXIT_INTERNAL;
    }
    return exitStatus();
  }
  const { default: yargs } = await import('yargs');
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
  return exitStatus();
}

function exitStatus(): number {
  const status = process.exitCode;
  return typeof status === 'number' ? status : EXIT_OK;
}

/** The handler call for a command line some command declares direct, or null. */
function directCall(args: readonly string[], commands: readonly CommandModule<object, any>[]): (() => Promise<void>) | null {
  const name = args[0];
  const command = commands.find((c) => firstWord(c.command) === name && 'direct' in c) as (CommandModule<object, any> & DirectCommandLines) | undefined;
  if (name === undefined || command?.handler === undefined) return null;
  const flags = args.slice(1);
  if (new Set(flags).size !== flags.length || !flags.every((f) => command.direct.flags.some((flag) => f === `--${flag}`))) return null;
  const argv: Record<string, unknown> = { _: [name], $0: 'cctwin' };
  for (const flag of flags) argv[flag.slice(2)] = true;
  const { handler } = command;
  return async () => {
    await handler(argv as never);
  };
}

/** The version in the package.json nearest above this file, as yargs' --version prints it. */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      return String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

export function printInternalError(out: Output, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  out.stderr(`cctwin: internal error: ${detail}\nThis is a bug in cctwin, not a problem with your scenario: please report it with the lines above (exit status ${EXIT_INTERNAL}).\n`);
}

function firstWord(command: CommandModule['command']): string {
  const text = Array.isArray(command) ? command[0] : command;
  return String(text ?? '').split(/\s+/)[0] ?? '';
}
