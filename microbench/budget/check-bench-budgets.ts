// Bench figures against their budgets: one verdict per budget, a table for
// people and the same verdicts as the report's BudgetResult (for JUnit).
import { formatDuration } from '../../reports/format-duration.js';
import type { BudgetResult } from '../../reports/report.js';
import { renderTable } from '../../reports/text-table.js';
import { COMPARE } from '../../reports/budgets/evaluate-budgets.js';
import type { BenchBudget } from './parse-bench-budget.js';
import type { FigureSample } from './measure-figures.js';

export interface BenchVerdict extends BudgetResult {
  budgetOf: BenchBudget;
  runs: number[];
}

/** A figure that was not measured, or is not a finite number, fails. */
export function checkBenchBudgets(budgets: readonly BenchBudget[], figures: ReadonlyMap<string, FigureSample>): BenchVerdict[] {
  return budgets.map((b) => {
    const s = figures.get(b.figure.name);
    const value = s ? s.median : Number.NaN;
    const pass = Number.isFinite(value) && COMPARE[b.op](value, b.threshold);
    return { budget: b.expression, value, pass, ...(b.figure.kind === 'time' ? { unit: 'ns' as const } : {}), budgetOf: b, runs: s ? s.runs : [] };
  });
}

function show(value: number, b: BenchBudget): string {
  if (!Number.isFinite(value)) return 'not measured';
  if (b.figure.kind === 'time') return formatDuration(value, 'ns');
  if (b.figure.kind === 'ratio') return `${value.toFixed(2)}x`;
  return value >= 1e5 ? `${(value / 1e6).toFixed(2)}M ${b.figure.unit}` : `${value.toFixed(1)} ${b.figure.unit}`;
}

export function formatBenchVerdicts(verdicts: readonly BenchVerdict[]): string {
  const rows = [['budget', 'median', 'runs: min … max', 'verdict']];
  for (const v of verdicts) {
    const spread = v.runs.length > 0 ? `${v.runs.length}: ${show(Math.min(...v.runs), v.budgetOf)} … ${show(Math.max(...v.runs), v.budgetOf)}` : '';
    rows.push([v.budget, show(v.value, v.budgetOf), spread, v.pass ? 'PASS' : 'FAIL']);
  }
  const failed = verdicts.filter((v) => !v.pass).length;
  const summary = failed === 0 ? `  all ${verdicts.length} bench budgets pass` : `  ${failed} of ${verdicts.length} bench budget${verdicts.length === 1 ? '' : 's'} FAILED`;
  return ['Bench budgets', ...renderTable(rows, ['left', 'right', 'left', 'left']), summary].join('\n');
}
