// `cctwin bench [target]`: the command's definition, cheap to import; the
// benchmarks load only when it runs (bench.ts).
import type { Argv, CommandModule } from 'yargs';
import { checkNumbers } from '../option-checks.js';
import type { BenchArgs } from './bench.js';

export const TARGETS = ['masking', 'routing', 'sim'] as const;
export type Target = (typeof TARGETS)[number];

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench [target]',
  describe: 'Measure the hot paths (masking, routing, sim): HDR percentiles and throughput, medians of several runs',
  builder: (y: Argv<object>) =>
    y
      .positional('target', { choices: TARGETS, describe: 'What to measure (default: all three)' })
      .option('json', { type: 'boolean', describe: 'Print the figures as JSON on stdout' })
      .option('runs', { type: 'number', describe: 'Timed runs per figure; the median is reported' })
      .option('agents', { type: 'number', default: 1000, describe: 'routing: agents in the queue' })
      .option('conversations', { type: 'number', default: 1_000_000, describe: 'sim: conversations in the large center' })
      .option('budget', { type: 'string', describe: 'Check the figures against this budget file (e.g. microbench/budget/budgets.json); exit 1 when one misses' })
      .option('junit', { type: 'string', describe: 'With --budget: write the verdicts as JUnit XML to this file' })
      .option('corpus', { type: 'string', array: true, describe: 'masking: score recall on labelled JSONL corpora instead (bench/masking/corpora/README.md)' })
      .check((argv) => checkNumbers(argv, { runs: { whole: true, min: 1 }, agents: { whole: true, min: 1 }, conversations: { whole: true, min: 1 } })) as unknown as Argv<BenchArgs>,
  handler: async (argv) => {
    const { runBench } = await import('./bench.js');
    process.exitCode = await runBench(argv);
  },
};
