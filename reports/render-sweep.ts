// A sweep as a table: one row per point, the key figures, the budget verdict,
// and the cheapest point that meets every budget marked.
import type { BudgetResult, Report } from './report.js';
import { renderJunitSuites } from './junit.js';
import { formatDuration } from './format-duration.js';
import { renderTable } from './text-table.js';
import { failedBudgets } from './budgets/evaluate-budgets.js';

export interface SweepRow {
  values: Record<string, string>;
  report: Report;
  pass: boolean;
  agents: number;
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function renderSweepText(rows: readonly SweepRow[], cheapest: number | null): string {
  const paths = Object.keys(rows[0]?.values ?? {});
  const header = [...paths, 'agents', 'service level', 'abandon', 'wait', 'ASA', 'occupancy', 'budgets', ''];
  const body = rows.map((p, i) => [
    ...paths.map((k) => p.values[k]!),
    String(p.agents),
    percent(p.report.serviceLevel.value),
    percent(p.report.abandonRate),
    percent(p.report.waitProbability),
    formatDuration(p.report.histograms.answerTime.mean, 'ms'),
    percent(p.report.agents.occupancy),
    p.report.budgets.length === 0 ? '—' : p.pass ? 'pass' : `FAIL (${failedBudgets(p.report.budgets).map((b) => b.budget).join('; ')})`,
    i !== cheapest ? '' : p.pass ? '<- cheapest meeting every budget' : '<- cheapest meeting every simulated budget',
  ]);
  const lines = renderTable([header, ...body], header.map((_, i) => (i < paths.length || i >= header.length - 2 ? 'left' : 'right')));
  return [...lines, '', sweepVerdict(rows, cheapest), ''].join('\n');
}

function sweepVerdict(rows: readonly SweepRow[], cheapest: number | null): string {
  if (cheapest === null) return 'no point meets every budget';
  const p = rows[cheapest]!;
  const where = `${Object.entries(p.values).map(([k, v]) => `${k}=${v}`).join(', ')} (${p.agents} agents)`;
  if (p.pass) return `cheapest meeting every budget: ${where}`;
  return `cheapest meeting every simulated budget: ${where}; it fails its wall-clock budgets (${failedBudgets(p.report.budgets).map((b) => b.budget).join('; ')}), judged in timing passes`;
}

export function sweepJson(scenario: string, rows: readonly SweepRow[], cheapest: number | null): string {
  return `${JSON.stringify({ scenario, cheapest, points: rows.map((p) => ({ values: p.values, agents: p.agents, pass: p.pass, report: p.report })) }, null, 2)}\n`;
}

/**
 * JUnit for CI: a suite per point with a testcase per budget, and a `sweep`
 * suite whose one testcase names the cheapest point meeting every budget
 * (failed when there is none, or when it fails its wall-clock budgets).
 */
export function sweepJunit(result: { points: readonly SweepRow[]; cheapest: number | null; pass: boolean }): string {
  const { points, cheapest } = result;
  const label = (p: SweepRow, i: number): string =>
    `point ${i + 1}: ${Object.entries(p.values).map(([k, v]) => `${k}=${v}`).join(', ')} (${p.agents} agents)${i === cheapest ? ', cheapest' : ''}`;
  const suites = points.map((p, i) => ({ name: label(p, i), results: p.report.budgets }));
  const pick: BudgetResult = {
    budget: cheapest === null ? 'cheapest point meeting every budget: none' : `cheapest point meeting every budget: ${label(points[cheapest]!, cheapest)}`,
    value: cheapest === null ? Number.NaN : points[cheapest]!.agents,
    pass: result.pass,
  };
  return renderJunitSuites([{ name: 'sweep', results: [pick] }, ...suites]);
}
