#!/usr/bin/env node
// The `cctwin` executable: the commands, and the last word on the exit status.
import { hideBin } from 'yargs/helpers';
import { main, printInternalError } from './cli.js';
import { EXIT_INTERNAL } from './exit-codes.js';
import { processOutput } from './output.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { erlangCommand } from './commands/erlang.js';
import { sweepCommand } from './commands/sweep.js';
import { benchCommand } from './commands/bench.js';
import { maskCommand } from './commands/mask.js';
import { serveCommand } from './commands/serve.js';
import { loadCommand } from './commands/load.js';

// A failure outside any command's promise (a socket callback, a worker) is a
// bug too: status 3, not Node's default 1, which would read as a failed budget.
const crash = (err: unknown): void => {
  printInternalError(processOutput, err);
  process.exit(EXIT_INTERNAL);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await main(hideBin(process.argv), [
  runCommand, sweepCommand, validateCommand, erlangCommand, benchCommand, maskCommand, serveCommand, loadCommand,
]);
