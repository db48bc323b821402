// The page's tables, rendered to HTML here: key figures (with 95% confidence
// intervals when there are replications), conversations by end state, the
// budgets with their verdicts, and the histograms' summaries.
import type { Estimate } from '../confidence.js';
import { formatDuration } from '../format-duration.js';
import { CONVERSATION_COUNTS, END_STATES, HISTOGRAM_NAMES, type BudgetResult, type Report } from '../report.js';
import { escapeHtml } from './escape.js';
import { failedBudgets, verdictOf } from '../budgets/evaluate-budgets.js';
import { budgetNotes } from '../budgets/budget-notes.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function percent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : String(share);
}

export function table(id: string, head: string[], rows: string[][], rowClass: (i: number) => string = () => ''): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells, i) => {
    const cls = rowClass(i);
    return `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<table id="${id}"><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function withInterval(text: string, e: Estimate | undefined, show: (x: number) => string): string {
  if (!e || e.halfWidth === null || e.low === null || e.high === null) return escapeHtml(text);
  return `${escapeHtml(text)} <span class="ci">± ${escapeHtml(show(e.halfWidth))} (95% CI ${escapeHtml(show(e.low))} – ${escapeHtml(show(e.high))})</span>`;
}

export function keyFiguresTable(r: Report): string {
  const c = r.confidence;
  const seconds = (x: number) => formatDuration(x, 's');
  const rows = [
    ['service level', withInterval(percent(r.serviceLevel.value), c?.serviceLevel, percent), `answered within ${decimal.format(r.serviceLevel.thresholdSeconds)}s, of answered + abandoned`],
    ['abandon rate', withInterval(percent(r.abandonRate), c?.abandonRate, percent), 'of answered + abandoned'],
    ['wait probability', withInterval(percent(r.waitProbability), c?.waitProbability, percent), 'not offered at once'],
    ['occupancy', withInterval(percent(r.agents.occupancy), c?.occupancy, percent), `${integer.format(r.agents.count)} agents`],
    ['speed of answer', withInterval(formatDuration(r.histograms.answerTime.mean, 'ms'), c?.averageSpeedOfAnswerSeconds, seconds), 'mean arrival to accept'],
    ['RONA events', integer.format(r.agents.ronaEvents), ''],
    ['simulated', escapeHtml(formatDuration(r.simulated.seconds, 's')), `${integer.format(r.simulated.events)} events`],
    ['wall clock', escapeHtml(formatDuration(r.wall.seconds, 's')), `${integer.format(r.wall.eventsPerSecond)} events/s`],
  ];
  return table('key-figures', ['figure', 'value', ''], rows.map(([a, b, d]) => [escapeHtml(a!), b!, escapeHtml(d!)]));
}

export function conversationsTable(r: Report): string {
  const endStates = new Set<string>(END_STATES);
  const rows = CONVERSATION_COUNTS.map((k) => [escapeHtml(k), integer.format(r.conversations[k]), endStates.has(k) ? percent(r.conversations.arrived > 0 ? r.conversations[k] / r.conversations.arrived : 0) : '']);
  const balance = r.accounting.balanced
    ? `<p class="ok">Every arrived conversation is in exactly one end state (${integer.format(r.accounting.endStatesTotal)} = ${integer.format(r.conversations.arrived)}).</p>`
    : `<p class="bad">End states do not balance: ${integer.format(r.conversations.arrived)} arrived, ${integer.format(r.accounting.endStatesTotal)} in end states.</p>`;
  return table('conversations', ['conversations', 'count', 'of arrived (end states)'], rows, (i) => (endStates.has(CONVERSATION_COUNTS[i]!) ? 'end-state' : '')) + balance;
}

export function budgetValue(b: BudgetResult): string {
  if (b.skipped !== undefined) return '—';
  if (!Number.isFinite(b.value)) return String(b.value);
  return b.unit ? formatDuration(b.value, b.unit) : decimal.format(b.value);
}

export function budgetsTable(results: readonly BudgetResult[]): string {
  if (results.length === 0) return '<p class="none" id="budgets-none">The scenario sets no budgets.</p>';
  const failed = failedBudgets(results).length;
  const judged = results.filter((b) => verdictOf(b) !== 'SKIP').length;
  const rows = results.map((b) => [`<code>${escapeHtml(b.budget)}</code>`, escapeHtml(budgetValue(b)), verdictOf(b)]);
  const notes = budgetNotes(results).map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  const summary = failed === 0
    ? `<p class="ok">All ${judged} budgets pass.</p>`
    : `<p class="bad">${failed} of ${judged} budget${judged === 1 ? '' : 's'} failed.</p>`;
  return table('budgets', ['budget', 'value', 'verdict'], rows, (i) => verdictOf(results[i]!).toLowerCase()) + (notes ? `<ul class="budget-notes">${notes}</ul>` : '') + summary;
}

const STATS = ['mean', 'p50', 'p90', 'p99', 'p999', 'max'] as const;

export function histogramsTable(r: Report): string {
  const rows = HISTOGRAM_NAMES.map((name) => {
    const h = r.histograms[name];
    return [escapeHtml(name), integer.format(h.count), ...STATS.map((s) => (h.count === 0 ? '—' : escapeHtml(formatDuration(h[s], h.unit))))];
  });
  return table('histograms', ['histogram', 'count', ...STATS], rows);
}
