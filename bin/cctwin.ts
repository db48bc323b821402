#!/usr/bin/env node
// The `cctwin` executable: the commands, and the last word on the exit status.
// Each command comes from its definition module (bin/commands/*.command.ts:
// name, options, checks), which loads the command's code only when it runs,
// so that `cctwin --version` or `cctwin mask` does not load the simulator.
import { hideBin, main, printInternalError } from './cli.js';
import { EXIT_INTERNAL } from './exit-codes.js';
import { processOutput } from './output.js';
import { runCommand } from './commands/run.command.js';
import { validateCommand } from './commands/validate.command.js';
import { erlangCommand } from './commands/erlang.command.js';
import { sweepCommand } from './commands/sweep.command.js';
import { benchCommand } from './commands/bench.command.js';
import { maskCommand } from './commands/mask.command.js';
import { serveCommand } from './commands/serve.command.js';
import { loadCommand } from './commands/load.command.js';
import { tokenCommand } from './commands/token.command.js';

// A failure outside any command's promise (a socket callback, a worker) is a
// bug too: status 3, not Node's default 1, which would read as a failed budget.
const crash = (err: unknown): void => {
  printInternalError(processOutput, err);
  process.exit(EXIT_INTERNAL);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await main(hideBin(process.argv), [
  runCommand, sweepCommand, validateCommand, erlangCommand, benchCommand, maskCommand, serveCommand, loadCommand, tokenCommand,
]);
