// `cctwin erlang`: the command's definition, cheap to import; the formulas
// load only when it runs (erlang.ts).
import type { Argv, CommandModule } from 'yargs';
import { checkNumbers } from '../option-checks.js';
import type { ErlangArgs } from './erlang.js';

export const erlangCommand: CommandModule<object, ErlangArgs> = {
  command: 'erlang',
  describe: 'Analytic Erlang C / Erlang A figures for a rate, handle time, agents and patience',
  builder: (y: Argv<object>) =>
    y
      .option('rate', { type: 'string', demandOption: true, describe: 'Arrival rate: 0.5/s, 30/min, 1800/h' })
      .option('aht', { type: 'string', demandOption: true, describe: 'Mean handle time: 180s, 3m' })
      .option('agents', { type: 'number', describe: 'Agents on the queue' })
      .option('patience', { type: 'string', describe: 'Mean patience (exponential): Erlang A; omit for Erlang C' })
      .option('threshold', { type: 'string', default: '60s', describe: 'Service-level threshold' })
      .option('target', { type: 'string', describe: 'Service-level target (0.8 or 80%): print the fewest agents that meet it' })
      .option('json', { type: 'boolean', describe: 'Print the figures as JSON on stdout, nothing else' })
      .check((argv) => checkNumbers(argv, { agents: { whole: true, min: 1 } }))
      .example('$0 erlang --rate 0.5/s --aht 180s --agents 100 --patience 300s', 'Erlang A figures for 100 agents')
      .example('$0 erlang --rate 1800/h --aht 3m --target 80% --threshold 20s', 'the fewest agents for 80/20') as unknown as Argv<ErlangArgs>,
  handler: async (argv) => {
    const { runErlang } = await import('./erlang.js');
    process.exitCode = runErlang(argv);
  },
};
