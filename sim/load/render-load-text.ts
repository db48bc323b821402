// The load report for a terminal: counts, the latency table (ms, from the
// schedule and from the send), masking, balance, traffic and the generator.
import { renderTable } from '../../reports/text-table.js';
import { LATENCY_BASES, LOAD_MEASURES } from './load-histograms.js';
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
  lines.push(`masking: ${leaks.count} leak${leaks.count === 1 ? '' : 's'} in ${leaks.framesChecked} agent frames (tenant masking ${leaks.tenantMasks ? 'on' : 'off'})${leaks.examples.length > 0 ? `; e.g. ${leaks.examples.map((e) => `${e.kind} in ${e.frameType}.${e.field}`).join(', ')}` : ''}`);
  const b = r.balance;
  lines.push(`balance: ${!b.checked ? 'not checked (server counts unavailable)' : b.balanced ? 'client and server agree; every conversation in one end state' : `OFF: ${b.differences.join('; ')}`}`);
  const t = r.traffic;
  lines.push(`traffic: ${t.framesSent} frames sent, ${t.framesReceived} received (${t.framesPerSecond}/s); ${t.messagesDelivered.customerToAgent + t.messagesDelivered.agentToCustomer} chat messages (${t.messagesPerSecond}/s); peak ${t.peakConnections} connections${Object.keys(t.errorsByFrame).length > 0 ? `; refused: ${Object.entries(t.errorsByFrame).map(([k, v]) => `${k} x${v}`).join(', ')}` : ''}`);
  const g = r.generator;
  lines.push(`generator: ${g.cpuSeconds} CPU s (${g.cpuCores} cores${g.includesServer ? ', embedded server included' : ''}); scheduled actions up to ${g.schedulerMaxLagMs} ms late`);
  return `${lines.join('\n')}\n`;
}

function ms(us: number): string {
  return (us / 1000).toFixed(us < 10_000 ? 2 : 1);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
