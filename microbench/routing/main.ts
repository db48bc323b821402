// Routing decision cost: the wall-clock time of the engine calls that route
// (a customer's first message finding an agent; a wrap-up freeing an agent
// who takes the next waiting conversation), per routing policy, for a queue
// of N agents kept about 90% busy. HDR percentiles in ns, decisions per
// second, medians of several runs. The three policies are measured in the
// same run, so their ratios are the figures to quote.
// Run: npx tsc -p tsconfig.json && node dist/microbench/routing/main.js [--agents N] [--runs R] [--json]
import { Engine, ROUTING_POLICIES, type EngineEvent, type RoutingPolicyName } from '../../engine/index.js';
import { createLatencyHistogram, recordValue, summarize, type HistogramSummary } from '../../reports/histogram.js';
import { createRng } from '../../sim/random/prng.js';

export interface RoutingBenchRow {
  policy: RoutingPolicyName;
  agents: number;
  decisionsPerSecond: number;
  /** Per routing call, in ns, from the median run. */
  latency: HistogramSummary;
}

/** One run: `decisions` arrival/wrap-up cycles against `agents` agents, about `busyShare` of them busy. */
function runOnce(policy: RoutingPolicyName, agents: number, decisions: number, seed: number): { perSecond: number; latency: HistogramSummary } {
  const engine = new Engine({ queues: [{ name: 'q', routing: policy }] });
  const out: EngineEvent[] = [];
  let now = 0;
  const exec = (cmd: Parameters<Engine['execute']>[0]) => {
    out.length = 0;
    const refusal = engine.execute(cmd, now, out);
    if (refusal) throw new Error(`${cmd.type}: ${refusal.code}`);
  };
  exec({ type: 'addAsset', assetId: 'a', channel: 'whatsapp', queue: 'q', label: 'x' });
  for (let i = 0; i < agents; i++) {
    exec({ type: 'addAgent', agentId: `ag${i}`, queues: ['q'], capacity: 1 });
    exec({ type: 'setState', agentId: `ag${i}`, state: 'available' });
  }
  const rng = createRng(seed);
  const held: { agentId: string; conversationId: number }[] = [];
  const accept = () => {
    for (const e of out) if (e.type === 'offer') {
      const offer = e;
      out.length = 0;
      engine.execute({ type: 'accept', agentId: offer.agentId, offerId: offer.offerId }, now, out);
      held.push({ agentId: offer.agentId, conversationId: offer.conversationId });
      return;
    }
  };
  // Fill to 90% busy before measuring.
  let customer = 0;
  while (held.length < Math.floor(agents * 0.9)) {
    exec({ type: 'customerMessage', assetId: 'a', customerId: `c${customer++}`, text: 'hi' });
    accept();
  }
  const h = createLatencyHistogram('ns');
  const started = process.hrtime.bigint();
  for (let d = 0; d < decisions; d++) {
    now += 1;
    if (d % 2 === 0) {
      const t0 = process.hrtime.bigint();
      exec({ type: 'customerMessage', assetId: 'a', customerId: `c${customer++}`, text: 'hi' });
      recordValue(h, Number(process.hrtime.bigint() - t0));
      accept();
    } else {
      const i = rng.int(held.length);
      const { agentId, conversationId } = held[i]!;
      held[i] = held[held.length - 1]!;
      held.pop();
      exec({ type: 'end', agentId, conversationId });
      const t0 = process.hrtime.bigint();
      exec({ type: 'wrapUp', agentId, conversationId, reason: 'Resolved' });
      recordValue(h, Number(process.hrtime.bigint() - t0));
      accept();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: decisions / seconds, latency: summarize(h) };
}

export function runRoutingBench(agents = 1000, runs = 5, decisions = 200_000): RoutingBenchRow[] {
  return ROUTING_POLICIES.map((policy) => {
    const results = Array.from({ length: runs }, (_, i) => runOnce(policy, agents, decisions, i + 1));
    results.sort((a, b) => a.perSecond - b.perSecond);
    const median = results[Math.floor(runs / 2)]!;
    return { policy, agents, decisionsPerSecond: Math.round(median.perSecond), latency: median.latency };
  });
}

export function printRoutingBench(rows: readonly RoutingBenchRow[]): string {
  const ns = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)}us` : `${Math.round(x)}ns`);
  const base = rows[0]!.decisionsPerSecond;
  const lines = [`routing: one queue of ${rows[0]!.agents} agents, ~90% busy; latency per routing call, median run`];
  lines.push('  policy             decisions/s*  vs first   p50      p90      p99     p999');
  for (const r of rows) {
    lines.push(`  ${r.policy.padEnd(18)} ${String(r.decisionsPerSecond.toLocaleString("en-US")).padStart(12)}  ${(r.decisionsPerSecond / base).toFixed(2).padStart(7)}x ${ns(r.latency.p50).padStart(6)}  ${ns(r.latency.p90).padStart(7)}  ${ns(r.latency.p99).padStart(7)}  ${ns(r.latency.p999).padStart(7)}`);
  }
  lines.push('  * each decision with the accept (and end) around it: the engine calls of a whole cycle');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const rows = runRoutingBench(arg('agents', 1000), arg('runs', 5));
  console.log(process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : printRoutingBench(rows));
}
