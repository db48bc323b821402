#!/usr/bin/env node
// The cctwin command line: parse, delegate, print, exit. Each command lives in bin/commands/.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT_BAD_INPUT } from './exit-codes.js';

await yargs(hideBin(process.argv))
  .scriptName('cctwin')
  .demandCommand(1, 'Name a command.')
  .strict()
  .fail((msg, err, y) => {
    if (err) throw err;
    process.stderr.write(`${y.help()}\n\ncctwin: ${msg}\n`);
    process.exit(EXIT_BAD_INPUT);
  })
  .help()
  .parseAsync();
