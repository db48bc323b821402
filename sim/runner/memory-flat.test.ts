// Memory stays flat in finished conversations: what a run keeps follows the
// center (agents, conversations in progress, events pending), never the work
// already done. One long run of a steady center (every feature that keeps
// per-conversation state: patience, transfers, conferences, session ends and
// returns, RONA), the live heap read after a full collection at a quarter of
// the run and near its end: some 35,000 conversations finish in
// between, and the heap may not grow by even 32 bytes for each.
// bench/memory does the same for a day of 50,000 agents and 10 M conversations.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runScenario } from './virtual-runner.js';
import { agentGroup, customerStream, scenario } from './testing/scenario-fixture.js';

/** A full collection, without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const HOURS = 16;

const steadyCenter = scenario({
  durationMs: HOURS * 3600_000,
  queues: [{ name: 'support', routing: 'longest-available' }, { name: 'billing', routing: 'least-busy' }],
  agents: [
    agentGroup({ group: 'a', count: 60, queues: ['support', 'billing'], capacity: 2, noAnswer: 0.02, acceptDelay: { kind: 'exp', mean: 4000 }, wrapUp: { kind: 'exp', mean: 15_000 } }),
    agentGroup({ group: 'b', count: 20, queues: ['billing', 'support'], capacity: 1, acceptDelay: { kind: 'exp', mean: 4000 }, wrapUp: { kind: 'const', value: 10_000 } }),
  ],
  customers: [
    customerStream({ channel: 'whatsapp', queue: 'support', arrivals: [{ fromMs: 0, perSecond: 0.6 }], patience: { kind: 'exp', mean: 300_000 }, transfer: 0.05, conference: 0.05, sessionEnd: 0.05, returnAfterSessionEnd: 0.5 }),
    customerStream({ channel: 'livechat', queue: 'billing', arrivals: [{ fromMs: 0, perSecond: 0.3 }], patience: { kind: 'exp', mean: 120_000 }, customerEnds: 0.3, proactive: 0.1 }),
  ],
});

describe('memory along a run', () => {
  it('stays flat while conversations finish', () => {
    const gc = collector();
    const probes: { atMs: number; heap: number; finished: number }[] = [];
    let next = steadyCenter.durationMs / 4;
    runScenario(steadyCenter, {
      onProgress: (simulatedMs, _events, recorder) => {
        if (simulatedMs < next || probes.length >= 2) return;
        next = 0.9 * steadyCenter.durationMs;
        gc();
        const c = recorder!.counts;
        probes.push({ atMs: simulatedMs, heap: process.memoryUsage().heapUsed, finished: c.completed + c.abandoned + c.droppedOnTransfer + c.interrupted });
      },
    });
    expect(probes).toHaveLength(2);
    const [early, late] = probes as [(typeof probes)[0], (typeof probes)[0]];
    const finishedBetween = late.finished - early.finished;
    expect(finishedBetween).toBeGreaterThan(25_000);
    expect(late.heap - early.heap, `heap grew from ${early.heap} to ${late.heap} bytes while ${finishedBetween} conversations finished`).toBeLessThan(32 * finishedBetween);
  });
});
