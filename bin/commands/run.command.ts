// `cctwin run <scenario>`: the command's definition (name, options, checks),
// cheap to import; the simulation loads only when it runs (run.ts).
import type { Argv, CommandModule } from 'yargs';
import { withScenarioOptions, type ScenarioArgs } from './common-options.js';

export const runCommand: CommandModule<object, ScenarioArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario in virtual time and print its report (exit 1 if a budget fails)',
  builder: (y: Argv<object>) => withScenarioOptions(y),
  handler: async (argv) => {
    const { runRun } = await import('./run.js');
    process.exitCode = await runRun(argv);
  },
};
