// `cctwin bench [masking|routing|sim]`: measure the hot paths and print the
// figures. With `--budget FILE` it checks them against a committed budget
// file (microbench/budget/README.md) and exits 1 when one misses: a verdict for CI,
// never an assertion in a test.
import { writeFileSync } from 'node:fs';
import { runMaskingBench } from '../../microbench/masking/run-masking-bench.js';
import { formatMaskingBench } from '../../microbench/masking/format-masking-bench.js';
import { runCorpusBench } from '../../microbench/masking/corpus-bench.js';
import { printRoutingBench, runRoutingBench } from '../../microbench/routing/main.js';
import { printSimBench, runSimBench } from '../../microbench/sim/main.js';
import { BenchBudgetFileError, loadBenchBudgetFile } from '../../microbench/budget/budget-file.js';
import { runBenchBudgets } from '../../microbench/budget/run-bench-budgets.js';
import { formatBenchVerdicts } from '../../microbench/budget/check-bench-budgets.js';
import { renderJunit } from '../../reports/junit.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';
import { writingTo } from '../output.js';
import { TARGETS, type Target } from './bench.command.js';

// The definition lives in bench.command.ts, so that the CLI loads this file only to run.
export { benchCommand } from './bench.command.js';

export interface BenchArgs {
  target?: Target;
  json?: boolean;
  runs?: number;
  agents: number;
  conversations: number;
  budget?: string;
  junit?: string;
  corpus?: string[];
}

export async function runBench(args: BenchArgs): Promise<number> {
  if (args.corpus?.length) {
    if (args.target && args.target !== 'masking') {
      process.stderr.write('cctwin bench: --corpus scores the masker: use it with bench masking\n');
      return EXIT_BAD_INPUT;
    }
    return runCorpusBench(args.corpus, { json: args.json, ...(args.runs ? { runs: args.runs } : {}) });
  }
  if (args.budget) return runBenchBudget(args.budget, args);
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
  return EXIT_OK;
}

/** Measures what the budget file names (only `target`'s figures when one is named), prints the verdicts, exits 1 on a miss. */
export async function runBenchBudget(file: string, args: Pick<BenchArgs, 'target' | 'json' | 'runs' | 'junit'>): Promise<number> {
  let loaded;
  try {
    loaded = loadBenchBudgetFile(file);
  } catch (err) {
    if (!(err instanceof BenchBudgetFileError)) throw err;
    process.stderr.write(`cctwin bench: ${err.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const budgets = loaded.budgets.filter((b) => !args.target || b.figure.source === args.target);
  if (budgets.length === 0) {
    process.stderr.write(`cctwin bench: ${file} has no budget on ${args.target}\n`);
    return EXIT_BAD_INPUT;
  }
  const settings = { ...loaded.settings, ...(args.runs ? { runs: args.runs } : {}) };
  const { verdicts } = runBenchBudgets(budgets, settings, (line) => process.stderr.write(`${line}\n`));
  if (args.junit) writingTo('--junit', args.junit, () => writeFileSync(args.junit!, renderJunit(verdicts.map(({ budget, value, pass, unit }) => ({ budget, value, pass, ...(unit ? { unit } : {}) })), 'bench')));
  if (args.json) {
    const rows = verdicts.map((v) => ({ budget: v.budget, figure: v.budgetOf.figure.name, median: Number.isFinite(v.value) ? v.value : null, runs: v.runs, threshold: v.budgetOf.threshold, pass: v.pass }));
    process.stdout.write(`${JSON.stringify({ node: process.version, settings, budgets: rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatBenchVerdicts(verdicts)}\n`);
  }
  return verdicts.every((v) => v.pass) ? EXIT_OK : EXIT_BUDGET_FAILED;
}
