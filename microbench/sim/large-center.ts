// A large center for the simulator benchmark: 1,000 agents on four channels
// and about a million conversations, at ~90% occupancy.
import type { Scenario } from '../../scenarios/scenario.js';
import { agentGroup, customerStream, scenario } from '../../sim/runner/testing/scenario-fixture.js';

/** `conversations` sets the length of the run: arrivals total 5 per second. */
export function largeCenter(conversations: number): Scenario {
  const ratePerSecond = 5;
  const durationMs = Math.ceil((conversations / ratePerSecond) * 1000);
  const rate = (share: number) => [{ fromMs: 0, perSecond: ratePerSecond * share }];
  return scenario({
    name: 'bench-large-center',
    durationMs,
    warmupMs: 3600_000,
    queues: [
      { name: 'messaging', routing: 'longest-available' },
      { name: 'chat', routing: 'least-busy' },
    ],
    agents: [
      agentGroup({ group: 'msg', count: 700, queues: ['messaging', 'chat'], noAnswer: 0.01, acceptDelay: { kind: 'lognormal', mean: 4000, sd: 2000 }, wrapUp: { kind: 'exp', mean: 15_000 } }),
      agentGroup({ group: 'chat', count: 300, queues: ['chat', 'messaging'], noAnswer: 0.01, acceptDelay: { kind: 'lognormal', mean: 4000, sd: 2000 }, wrapUp: { kind: 'exp', mean: 15_000 } }),
    ],
    customers: [
      customerStream({ channel: 'whatsapp', queue: 'messaging', arrivals: rate(0.35), handleTime: { kind: 'exp', mean: 150_000 }, patience: { kind: 'exp', mean: 600_000 }, transfer: 0.03, conference: 0.01 }),
      customerStream({ channel: 'facebook', queue: 'messaging', arrivals: rate(0.15), handleTime: { kind: 'exp', mean: 150_000 }, patience: { kind: 'exp', mean: 600_000 } }),
      customerStream({ channel: 'sms', queue: 'messaging', arrivals: rate(0.1), handleTime: { kind: 'exp', mean: 150_000 }, patience: { kind: 'exp', mean: 600_000 }, sessionEnd: 0.05 }),
      customerStream({ channel: 'livechat', queue: 'chat', arrivals: rate(0.4), handleTime: { kind: 'exp', mean: 150_000 }, patience: { kind: 'exp', mean: 300_000 }, customerEnds: 0.2 }),
    ],
  });
}
