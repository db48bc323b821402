// `cctwin bench [masking|routing|sim]`: measure the hot paths and print the
// figures (never a verdict: speed is measured, not asserted).
import type { Argv, CommandModule } from 'yargs';
import { runMaskingBench } from '../../bench/masking/run-masking-bench.js';
import { formatMaskingBench } from '../../bench/masking/format-masking-bench.js';
import { printRoutingBench, runRoutingBench } from '../../bench/routing/main.js';
import { printSimBench, runSimBench } from '../../bench/sim/main.js';

const TARGETS = ['masking', 'routing', 'sim'] as const;
type Target = (typeof TARGETS)[number];

interface BenchArgs {
  target?: Target;
  json?: boolean;
  runs?: number;
  agents: number;
  conversations: number;
}

export async function runBench(args: BenchArgs): Promise<number> {
  const targets = args.target ? [args.target] : [...TARGETS];
  const results: Record<string, unknown> = {};
  for (const target of targets) {
    if (!args.json) process.stderr.write(`measuring ${target}...\n`);
    if (target === 'masking') {
      const r = runMaskingBench({ ...(args.runs ? { runs: args.runs } : {}), log: args.json ? () => {} : (line) => process.stderr.write(`${line}\n`) });
      results.masking = r;
      if (!args.json) process.stdout.write(`${formatMaskingBench(r)}\n\n`);
    } else if (target === 'routing') {
      const r = runRoutingBench(args.agents, args.runs ?? 5);
      results.routing = r;
      if (!args.json) process.stdout.write(`${printRoutingBench(r)}\n\n`);
    } else {
      const r = runSimBench(args.conversations, args.runs ?? 3);
      results.sim = r;
      if (!args.json) process.stdout.write(`${printSimBench(r)}\n\n`);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify({ node: process.version, ...results }, null, 2)}\n`);
  return 0;
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench [target]',
  describe: 'Measure the hot paths (masking, routing, sim): HDR percentiles and throughput, medians of several runs',
  builder: (y: Argv<object>) =>
    y
      .positional('target', { choices: TARGETS, describe: 'What to measure (default: all three)' })
      .option('json', { type: 'boolean', describe: 'Print the figures as JSON on stdout' })
      .option('runs', { type: 'number', describe: 'Timed runs per figure; the median is reported' })
      .option('agents', { type: 'number', default: 1000, describe: 'routing: agents in the queue' })
      .option('conversations', { type: 'number', default: 1_000_000, describe: 'sim: conversations in the large center' }) as unknown as Argv<BenchArgs>,
  handler: async (argv) => {
    process.exitCode = await runBench(argv);
  },
};
