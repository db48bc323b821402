// `cctwin sweep <scenario> --vary ...`: the command's definition, cheap to
// import; the sweep loads only when it runs (sweep.ts).
import type { Argv, CommandModule } from 'yargs';
import { withScenarioOptions, type ScenarioArgs } from './common-options.js';

export interface SweepArgs extends ScenarioArgs {
  vary: string[];
}

const repeatable = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Run the scenario at every value of --vary (in parallel) and mark the cheapest point that meets every budget',
  builder: (y: Argv<object>) =>
    withScenarioOptions(y).option('vary', {
      type: 'string', default: [] as string[], coerce: repeatable,
      describe: 'PATH=FROM..TO:STEP, e.g. agents.0.count=60..100:5 (repeatable: every combination)',
    }) as unknown as Argv<SweepArgs>,
  handler: async (argv) => {
    const { runSweepCommand } = await import('./sweep.js');
    process.exitCode = await runSweepCommand(argv);
  },
};
