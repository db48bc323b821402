// Checks parsed budgets against the figures of a run: one verdict per budget,
// in order. Where the figures come from is the caller's: a run report, a
// timing pass (timing-pass.ts), a load report.
import type { BudgetResult, Report } from '../report.js';
import { findMetric, type Metric } from './metrics.js';
import type { Budget, Operator } from './parse-budget.js';

export const COMPARE: Record<Operator, (value: number, threshold: number) => boolean> = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
  '==': (v, t) => v === t,
  '!=': (v, t) => v !== t,
};

/**
 * A budget's figure in the metric's unit, or a string saying why this kind
 * of run has no such figure (the budget is then skipped, not failed: one
 * scenario's budgets serve `run` and `load`, which measure different things).
 */
export type FigureReader = (metric: Metric) => number | string;

/** The figures of a run report; load-only figures are skipped. */
export function reportFigures(report: Report): FigureReader {
  return (metric) => metric.read ? metric.read(report) : 'measured by cctwin load only';
}

/** A figure that is not a finite number (NaN from 0/0) fails every budget on it. */
export function evaluateBudgets(budgets: readonly Budget[], read: FigureReader): BudgetResult[] {
  return budgets.map((b) => judge(b, read(metricOf(b))));
}

/** The verdict of one budget on one figure (or the reason it has none). */
export function judge(b: Budget, figure: number | string): BudgetResult {
  const unit = b.unit ? { unit: b.unit } : {};
  if (typeof figure === 'string') return { budget: b.expression, value: Number.NaN, pass: false, skipped: figure, ...unit };
  const pass = Number.isFinite(figure) && COMPARE[b.op](figure, b.threshold);
  return { budget: b.expression, value: figure, pass, ...unit };
}

export function metricOf(b: Budget): Metric {
  const metric = findMetric(b.metric);
  if (!metric) throw new Error(`budget "${b.expression}" names no metric (was it parsed with parseBudget?)`);
  return metric;
}

/** Every budget that was judged passed (skipped ones are not failures). */
export function allPass(results: readonly BudgetResult[]): boolean {
  return results.every((r) => r.pass || r.skipped !== undefined);
}

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

export function verdictOf(r: BudgetResult): Verdict {
  if (r.skipped !== undefined) return 'SKIP';
  return r.pass ? 'PASS' : 'FAIL';
}

/** The budgets that failed (judged and not met). */
export function failedBudgets(results: readonly BudgetResult[]): BudgetResult[] {
  return results.filter((r) => verdictOf(r) === 'FAIL');
}
