// `cctwin mask`: the command's definition, cheap to import; the masking
// engine loads only when it runs (mask.ts).
import type { Argv, CommandModule } from 'yargs';
import type { DirectCommandLines } from '../cli.js';

export interface MaskArgs {
  json?: boolean;
}

export const maskCommand: CommandModule<object, MaskArgs> & DirectCommandLines = {
  command: 'mask',
  // `cctwin mask` and `cctwin mask --json` start without loading yargs (bin/cli.ts).
  direct: { flags: ['json'] },
  describe: 'Mask stdin to stdout line by line: cards, IBANs, SSNs, email addresses, phone numbers',
  builder: (y: Argv<object>) =>
    y
      .option('json', {
        type: 'boolean',
        describe: 'One JSON object per line: {text, spans: [{start, end, kind}]} (offsets into the input line)',
      })
      .example('echo "call +44 7966 197542" | cctwin mask', 'prints: call *********7542')
      .example('cctwin mask --json < chat.txt', 'the masked lines with the spans found') as Argv<MaskArgs>,
  handler: async (args) => {
    const { runMask, stdinChunks } = await import('./mask.js');
    process.exitCode = await runMask(stdinChunks(), process.stdout, args);
  },
};
