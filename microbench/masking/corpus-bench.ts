// `cctwin bench masking --corpus FILE.jsonl [...]`: the masker scored on
// labelled corpora (corpus-score.ts), then the per-stage cost of masking
// those same texts (detector-cost.ts). Exit status 2 for a corpus that
// cannot be read or a malformed line (file:line and what is wrong), else 0:
// recall is a figure here, never a verdict.
import { createMasker } from '../../engine/masking/index.js';
import { CorpusError, readCorpusFiles, scoreCorpus, type CorpusScore } from './corpus-score.js';
import { formatDetectorCost, measureDetectorCost, type DetectorCostResult } from './detector-cost.js';
import { formatCorpusScore } from './format-corpus-score.js';

export interface CorpusBenchOptions {
  json?: boolean;
  /** Timed runs per cost stage (median). */
  runs?: number;
  /** Misses and altered lines kept: 20 in the text report, 200 in JSON by default. */
  examples?: number;
  /** Skip the cost breakdown (scores only). */
  noCost?: boolean;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export interface CorpusBenchResult {
  bench: 'masking-corpus';
  node: string;
  score: CorpusScore;
  cost?: DetectorCostResult;
}

/** Runs the corpus bench and prints it; returns the exit status (0, or 2 for a bad corpus). */
export function runCorpusBench(paths: readonly string[], options: CorpusBenchOptions = {}): number {
  const out = options.out ?? ((text) => process.stdout.write(text));
  const err = options.err ?? ((text) => process.stderr.write(text));
  let lines;
  try {
    lines = readCorpusFiles(paths);
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    err(`cctwin bench: ${e.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.problem}\n`);
    return 2;
  }
  const score = scoreCorpus(lines, createMasker(true), { examples: options.examples ?? (options.json ? 200 : 20) });
  if (!options.json) out(`${formatCorpusScore(score)}\n\n`);
  let cost: DetectorCostResult | undefined;
  if (!options.noCost) {
    if (!options.json) err('timing each stage on the corpus texts...\n');
    cost = measureDetectorCost(lines.map((l) => l.text), options.runs ?? 5);
    if (!options.json) out(`${formatDetectorCost(cost, 'cost by stage on the corpus').join('\n')}\n`);
  }
  if (options.json) {
    const result: CorpusBenchResult = { bench: 'masking-corpus', node: process.version, score, ...(cost ? { cost } : {}) };
    out(`${JSON.stringify(result, null, 2)}\n`);
  }
  return 0;
}
