#!/usr/bin/env node
// The cctwin command line: parse, delegate, print, exit. Each command lives in bin/commands/.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT_BAD_INPUT } from './exit-codes.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { erlangCommand } from './commands/erlang.js';
import { sweepCommand } from './commands/sweep.js';
import { benchCommand } from './commands/bench.js';
import { maskCommand } from './commands/mask.js';
import { serveCommand } from './commands/serve.js';
import { loadCommand } from './commands/load.js';

await yargs(hideBin(process.argv))
  .scriptName('cctwin')
  .command(runCommand)
  .command(sweepCommand)
  .command(validateCommand)
  .command(erlangCommand)
  .command(benchCommand)
  .command(maskCommand)
  .command(serveCommand)
  .command(loadCommand)
  .demandCommand(1, 'Name a command.')
  .strict()
  .recommendCommands()
  .fail((msg, err, y) => {
    // yargs reports usage problems (and failed .check()s) with a message; a
    // crash inside a command comes with an error alone and is not bad usage.
    const message = msg ?? (err?.name === 'YError' ? err.message : null);
    if (message === null) throw err;
    y.showHelp('error');
    process.stderr.write(`\ncctwin: ${message}\n`);
    process.exit(EXIT_BAD_INPUT);
  })
  .help()
  .parseAsync();
