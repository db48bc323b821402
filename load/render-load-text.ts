// The load report for a terminal: counts, the latency table (ms, from the
// schedule and from the send), masking, balance, traffic, the generator, and
// the verdicts: the scenario's budgets and the masking and balance checks.
import { renderTable } from '../reports/text-table.js';
import { failedBudgets, verdictOf } from '../reports/budgets/evaluate-budgets.js';
import { budgetNotes } from '../reports/budgets/budget-notes.js';
import { budgetValue } from '../reports/html/html-tables.js';
import type { BudgetResult } from '../reports/report.js';
import { LATENCY_BASES, LOAD_MEASURES } from './load-histograms.js';
import type { LeakExample } from './leak-checker.js';
import type { LoadReport } from './load-report.js';

const LABELS: Record<(typeof LOAD_MEASURES)[number], string> = {
  offer: 'offer (first message -> offer)',
  customerToAgent: 'customer -> agent message',
  agentToCustomer: 'agent -> customer message',
  commandAck: 'command -> ack/error',
};

export function renderLoadText(r: LoadReport): string {
  const c = r.conversations;
  const lines: string[] = [];
  lines.push(`${r.scenario} (seed ${r.seed}) at ${r.speed}x against ${r.target}: ${r.wall.seconds.toFixed(1)} s wall = ${r.simulated.seconds.toFixed(0)} s scenario; stopped: ${r.stoppedBy}`);
  lines.push(`conversations${r.warmupSeconds > 0 ? ` arriving after the ${r.warmupSeconds} s warm-up` : ''}: arrived ${c.arrived}, answered ${c.answered}, abandoned ${c.abandoned}, transferred ${c.transferred}, dropped on transfer ${c.droppedOnTransfer}, conferenced ${c.conferenced}, completed ${c.completed}, interrupted ${c.interrupted}, in progress ${c.inProgressAtEnd}`);
  lines.push(`service level ${pct(r.serviceLevel.value)} within ${r.serviceLevel.thresholdSeconds} s; abandon rate ${pct(r.abandonRate)}; ${r.agents.count} agents, occupancy ${pct(r.agents.occupancy)}, ${r.agents.ronaEvents} RONA`);
  lines.push('');
  lines.push('wall-clock latency, ms (from the scheduled moment | from the send)');
  const rows: string[][] = [['', 'count', 'p50', 'p90', 'p99', 'p99.9', 'max', '|', 'p50', 'p99', 'max']];
  for (const m of LOAD_MEASURES) {
    const [s, t] = LATENCY_BASES.map((b) => r.latency[m][b]);
    rows.push([LABELS[m], String(s!.count), ms(s!.p50), ms(s!.p90), ms(s!.p99), ms(s!.p999), ms(s!.max), '|', ms(t!.p50), ms(t!.p99), ms(t!.max)]);
  }
  lines.push(...renderTable(rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right', 'right']));
  lines.push('');
  const leaks = r.maskingLeaks;
  const eg = (examples: LeakExample[]): string => (examples.length > 0 ? `; e.g. ${examples.map((e) => `${e.kind} in ${e.frameType}.${e.field}`).join(', ')}` : '');
  lines.push(`masking: ${leaks.count} leak${leaks.count === 1 ? '' : 's'} of ${leaks.injectedValues} injected values in ${leaks.framesChecked} agent frames (tenant masking ${leaks.tenantMasks ? 'on' : 'off'})${eg(leaks.examples)}`);
  lines.push(`  detectors (second opinion, not gating): ${leaks.detectors.count} found${eg(leaks.detectors.examples)}`);
  const b = r.balance;
  const counts = !b.checked ? 'not checked (server counts unavailable)' : b.balanced ? 'client and server agree; every conversation in one end state' : `OFF: ${b.differences.join('; ')}`;
  lines.push(`balance: ${counts}${b.checked && !b.exact ? ` (cannot be exact, not judged: other traffic shares the target: ${b.otherTraffic.join('; ')})` : ''}`);
  const t = r.traffic;
  lines.push(`traffic: ${t.framesSent} frames sent, ${t.framesReceived} received (${t.framesPerSecond}/s); ${t.messagesDelivered.customerToAgent + t.messagesDelivered.agentToCustomer} chat messages (${t.messagesPerSecond}/s); peak ${t.peakConnections} connections${Object.keys(t.errorsByFrame).length > 0 ? `; refused: ${Object.entries(t.errorsByFrame).map(([k, v]) => `${k} x${v}`).join(', ')}` : ''}`);
  const g = r.generator;
  lines.push(`generator: ${g.cpuSeconds} CPU s (${g.cpuCores} cores${g.includesServer ? ', embedded server included' : ''}); scheduled actions up to ${g.schedulerMaxLagMs} ms late`);
  lines.push('', ...verdicts(r.budgets, r.checks));
  return `${lines.join('\n')}\n`;
}

/** The budgets and the two checks in one table, the notes (why skipped), and the outcome. */
function verdicts(budgets: readonly BudgetResult[], checks: readonly BudgetResult[]): string[] {
  const all = [...budgets, ...checks];
  const rows = [['budget / check', 'value', 'verdict']];
  for (const b of all) rows.push([b.budget, budgetValue(b), verdictOf(b)]);
  const failed = failedBudgets(all);
  const judged = all.filter((b) => verdictOf(b) !== 'SKIP').length;
  const outcome = failed.length === 0
    ? `  PASS: all ${judged} judged pass (${budgets.length} budget${budgets.length === 1 ? '' : 's'}, ${checks.length} checks; ${all.length - judged} skipped)`
    : `  FAIL: ${failed.length} of ${judged} judged failed: ${failed.map((b) => b.budget).join('; ')}`;
  return [budgets.length === 0 ? 'verdicts (the scenario sets no budgets)' : 'verdicts', ...renderTable(rows, ['left', 'right', 'left']), ...budgetNotes(all).map((n) => `  ${n}`), outcome];
}

function ms(us: number): string {
  return (us / 1000).toFixed(us < 10_000 ? 2 : 1);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
