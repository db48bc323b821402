// Standalone entry: `node dist/bench/masking/main.js [--json] [--seed N]
// [--messages N] [--runs N] [--quick]`. `cctwin bench masking` calls
// runMaskingBench directly. Profiling (clinic) uses profile.js, which reads
// its inputs from files instead of generating them.
import { formatMaskingBench } from '../../microbench/masking/format-masking-bench.js';
import { runMaskingBench, type MaskingBenchOptions } from '../../microbench/masking/run-masking-bench.js';

function numberOption(args: readonly string[], name: string): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
  return value;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const options: MaskingBenchOptions = {
  seed: numberOption(args, '--seed'),
  messages: numberOption(args, '--messages') ?? (quick ? 2000 : undefined),
  runs: numberOption(args, '--runs') ?? (quick ? 3 : undefined),
  adversarialChars: quick ? 256 << 10 : undefined,
  baselineAdversarialChars: quick ? 8 << 10 : undefined,
  log: (line) => process.stderr.write(`${line}\n`),
};
const result = runMaskingBench(options);
process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${formatMaskingBench(result)}\n`);
