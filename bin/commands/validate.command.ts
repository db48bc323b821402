// `cctwin validate <scenario>`: the command's definition, cheap to import;
// the scenario loader loads only when it runs (validate.ts).
import type { Argv, CommandModule } from 'yargs';
import type { ValidateArgs } from './validate.js';

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file and print every error in it (file:line:col, key path, what was expected)',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      // Not `array: true`: an array option would swallow the scenario file written after it.
      .option('set', {
        type: 'string',
        default: [] as string[],
        defaultDescription: 'none',
        describe: 'Override a scenario key before checking: --set agents.0.count=70 (repeatable)',
        coerce: (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat()),
      })
      .option('json', { type: 'boolean', describe: 'Print the result (the normalized scenario, or the problems) as JSON on stdout' }) as unknown as Argv<ValidateArgs>,
  handler: async (argv) => {
    const { runValidate } = await import('./validate.js');
    process.exitCode = runValidate({ scenario: argv.scenario, set: argv.set ?? [], json: argv.json });
  },
};
