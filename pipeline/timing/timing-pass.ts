// Wall-clock budgets (engine.*, wall.*) judged in a timing pass of their own,
// never from the run: the run may have been slowed by `--check`, by sharing
// the cores with its sibling replications, or by timing only one routing
// call in eight. A CI gate must give the same verdict on the same input, so:
//
// 1. warm up: a short unmeasured stretch of the scenario, so the JIT has
//    compiled the hot paths before anything is timed;
// 2. one timing pass: the scenario's first replication on this thread, no
//    invariant checks, every routing call timed (the engine call alone),
//    until WALL_SAMPLES calls are timed or the scenario ends (a budget on
//    `wall.*` needs the whole scenario, so then it always runs to the end);
// 3. on a miss, two more passes, and the verdict on the median of the three:
//    one stall (a GC pause, a neighbour's burst) cannot fail the gate alone.
import type { Scenario } from '../../scenarios/scenario.js';
import type { BudgetResult, Report } from '../../reports/report.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import { judge, metricOf, reportFigures } from '../../reports/budgets/evaluate-budgets.js';
import type { Budget } from '../../reports/budgets/parse-budget.js';
import { runReplication } from '../threads/replicate.js';

/** Routing calls timed in one pass: enough for a steady p999. */
export const WALL_SAMPLES = 200_000;
/** Routing calls run, unmeasured, to warm up. */
export const WARMUP_CALLS = 20_000;
/** Passes measured when the first misses; the verdict takes their median. */
export const PASSES_ON_MISS = 3;

export interface TimingPassOptions {
  /** Routing calls timed in one pass (default WALL_SAMPLES). */
  samples?: number;
  /** Passes when the first misses (default PASSES_ON_MISS). */
  passesOnMiss?: number;
}

/** Whether `run` judges this budget in a timing pass rather than on the run's report. */
export function isWallClockBudget(b: Budget): boolean {
  const m = metricOf(b);
  return m.clock === 'wall' && m.read !== undefined;
}

/** One timing pass: the report of one replication with every routing call timed. */
export function timingPass(scenario: Scenario, seed: number, samples: number | null): Report {
  const result = runReplication({ scenario, index: 0, seed, timing: { every: 1, ...(samples === null ? {} : { stopAfterSamples: samples }) } });
  return buildMergedReport([result], {
    scenario: scenario.name, seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs, wallMs: result.wallMs,
  });
}

/**
 * The verdicts of the wall-clock budgets among `budgets`, in their order
 * (the others are left out), from timing passes on this thread.
 */
export function judgeWallClockBudgets(scenario: Scenario, seed: number, budgets: readonly Budget[], options: TimingPassOptions = {}): Map<Budget, BudgetResult> {
  const wall = budgets.filter(isWallClockBudget);
  const verdicts = new Map<Budget, BudgetResult>();
  if (wall.length === 0) return verdicts;
  // wall.seconds and wall.eventsPerSecond describe the whole scenario.
  const samples = wall.some((b) => metricOf(b).name.startsWith('wall.')) ? null : (options.samples ?? WALL_SAMPLES);
  timingPass(scenario, seed, Math.min(WARMUP_CALLS, samples ?? WARMUP_CALLS));

  const passes: Report[] = [timingPass(scenario, seed, samples)];
  const figuresOf = (b: Budget): number[] => passes.map((p) => reportFigures(p)(metricOf(b)) as number);
  const missed = wall.some((b) => !judge(b, figuresOf(b)[0]!).pass);
  const total = missed ? Math.max(1, options.passesOnMiss ?? PASSES_ON_MISS) : 1;
  while (passes.length < total) passes.push(timingPass(scenario, seed, samples));

  const timed = passes[0]!.histograms['engine.route'].count;
  for (const b of wall) {
    const figures = figuresOf(b);
    verdicts.set(b, { ...judge(b, median(figures)), timing: { passes: figures, samples: timed } });
  }
  return verdicts;
}

/**
 * Every budget's verdict: simulated figures from the run's report, wall-clock
 * ones from timing passes (run only when the scenario has such budgets).
 */
export function judgeRunBudgets(report: Report, scenario: Scenario, seed: number, budgets: readonly Budget[], options: TimingPassOptions = {}): BudgetResult[] {
  const wall = judgeWallClockBudgets(scenario, seed, budgets, options);
  const read = reportFigures(report);
  return budgets.map((b) => wall.get(b) ?? judge(b, read(metricOf(b))));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
