// Measure, check, and measure again what missed: the runs of every round
// are pooled and their median checked, so one noisy spell on a shared
// machine does not fail CI while a real slowdown (slow in every round) does.
import type { BenchSource } from './bench-figures.js';
import type { BenchSettings } from './budget-file.js';
import { checkBenchBudgets, type BenchVerdict } from './check-bench-budgets.js';
import { measureFigures, poolSamples, type FigureSample } from './measure-figures.js';
import type { BenchBudget } from './parse-bench-budget.js';

export type Measure = (sources: ReadonlySet<BenchSource>, settings: BenchSettings, log: (line: string) => void) => Map<string, FigureSample>;

export interface BenchBudgetRun {
  verdicts: BenchVerdict[];
  /** The sources measured again, round by round. */
  remeasured: BenchSource[][];
}

export function runBenchBudgets(budgets: readonly BenchBudget[], settings: BenchSettings, log: (line: string) => void = () => {}, measure: Measure = measureFigures): BenchBudgetRun {
  let figures = measure(new Set(budgets.map((b) => b.figure.source)), settings, log);
  let verdicts = checkBenchBudgets(budgets, figures);
  const remeasured: BenchSource[][] = [];
  for (let round = 0; round < settings.remeasureOnMiss; round++) {
    const missed = new Set(verdicts.filter((v) => !v.pass).map((v) => v.budgetOf.figure.source));
    if (missed.size === 0) break;
    log(`a budget missed on ${[...missed].join(', ')}: measuring again (round ${round + 2})`);
    remeasured.push([...missed]);
    figures = poolSamples(figures, measure(missed, settings, log));
    verdicts = checkBenchBudgets(budgets, figures);
  }
  return { verdicts, remeasured };
}
