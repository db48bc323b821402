// A sweep as a table: one row per point, the key figures, the budget verdict,
// and the cheapest point that meets every budget marked.
import type { Report } from './report.js';
import { formatDuration } from './format-duration.js';
import { renderTable } from './text-table.js';

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
    p.report.budgets.length === 0 ? '—' : p.pass ? 'pass' : `FAIL (${p.report.budgets.filter((b) => !b.pass).map((b) => b.budget).join('; ')})`,
    i === cheapest ? '<- cheapest meeting every budget' : '',
  ]);
  const lines = renderTable([header, ...body], header.map((_, i) => (i < paths.length || i >= header.length - 2 ? 'left' : 'right')));
  const verdict = cheapest === null ? 'no point meets every budget' : `cheapest meeting every budget: ${paths.map((k) => `${k}=${rows[cheapest]!.values[k]}`).join(', ')} (${rows[cheapest]!.agents} agents)`;
  return [...lines, '', verdict, ''].join('\n');
}

export function sweepJson(scenario: string, rows: readonly SweepRow[], cheapest: number | null): string {
  return `${JSON.stringify({ scenario, cheapest, points: rows.map((p) => ({ values: p.values, agents: p.agents, pass: p.pass, report: p.report })) }, null, 2)}\n`;
}
