// Checks parsed budgets against a report: one verdict per budget, in order.
import type { BudgetResult, Report } from '../report.js';
import { findMetric } from './metrics.js';
import type { Budget, Operator } from './parse-budget.js';

export const COMPARE: Record<Operator, (value: number, threshold: number) => boolean> = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
  '==': (v, t) => v === t,
  '!=': (v, t) => v !== t,
};

/** A figure that is not a finite number (NaN from 0/0) fails every budget on it. */
export function evaluateBudgets(report: Report, budgets: readonly Budget[]): BudgetResult[] {
  return budgets.map((b) => {
    const metric = findMetric(b.metric);
    if (!metric) throw new Error(`budget "${b.expression}" names no metric (was it parsed with parseBudget?)`);
    const value = metric.read(report);
    const pass = Number.isFinite(value) && COMPARE[b.op](value, b.threshold);
    return { budget: b.expression, value, pass, ...(b.unit ? { unit: b.unit } : {}) };
  });
}

export function allPass(results: readonly BudgetResult[]): boolean {
  return results.every((r) => r.pass);
}
