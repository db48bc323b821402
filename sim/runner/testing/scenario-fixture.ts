// Scenarios built in code for tests, with every default filled in.
import type { AgentGroupSpec, CustomerStreamSpec, Scenario } from '../../../scenarios/scenario.js';
import { DEFAULT_CHANNEL_RULES } from '../../../engine/model/channel.js';
import { DEFAULT_TENANT } from '../../../engine/model/tenant.js';

export function agentGroup(over: Partial<AgentGroupSpec> = {}): AgentGroupSpec {
  const count = over.count ?? 10;
  return {
    group: 'tier1', count, staffing: [{ fromMs: 0, count }], queues: ['support'], capacity: 1,
    acceptDelay: { kind: 'const', value: 0 }, noAnswer: 0, ronaRecovery: { kind: 'exp', mean: 60_000 },
    wrapUp: { kind: 'const', value: 0 }, ...over,
  };
}

export function customerStream(over: Partial<CustomerStreamSpec> = {}): CustomerStreamSpec {
  return {
    channel: 'whatsapp', queue: 'support', arrivals: [{ fromMs: 0, perSecond: 0.05 }],
    patience: null, handleTime: { kind: 'exp', mean: 120_000 }, transfer: 0, conference: 0,
    customerEnds: 0, sessionEnd: 0, returnAfterSessionEnd: 0, proactive: 0, ...over,
  };
}

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'fixture', seed: 1, durationMs: 3_600_000, warmupMs: 0, serviceLevelThresholdMs: 60_000, intervalMs: 1_800_000,
    tenant: { ...DEFAULT_TENANT }, channels: structuredClone(DEFAULT_CHANNEL_RULES) as Scenario['channels'],
    queues: [{ name: 'support', routing: 'longest-available' }],
    agents: [agentGroup()], customers: [customerStream()], messages: null, budgets: [], file: '<fixture>', ...over,
  };
}

/** Every feature at once: three routing policies, capacity 2, RONA, transfers, conferences, session ends and returns. */
export function busyCenter(over: Partial<Scenario> = {}): Scenario {
  return scenario({
    durationMs: 6 * 3600_000,
    warmupMs: 600_000,
    queues: [{ name: 'support', routing: 'longest-available' }, { name: 'billing', routing: 'least-busy' }, { name: 'vip', routing: 'round-robin' }],
    agents: [
      agentGroup({ group: 'a', count: 8, queues: ['support', 'billing'], capacity: 2, noAnswer: 0.1, acceptDelay: { kind: 'lognormal', mean: 6000, sd: 3000 }, wrapUp: { kind: 'exp', mean: 20_000 } }),
      agentGroup({ group: 'b', count: 5, queues: ['billing', 'vip'], capacity: 1, noAnswer: 0.05, acceptDelay: { kind: 'exp', mean: 4000 }, wrapUp: { kind: 'const', value: 10_000 } }),
    ],
    customers: [
      customerStream({ channel: 'whatsapp', queue: 'support', arrivals: [{ fromMs: 0, perSecond: 0.02 }, { fromMs: 3600_000, perSecond: 0.04 }], patience: { kind: 'exp', mean: 300_000 }, transfer: 0.1, conference: 0.1, sessionEnd: 0.1, returnAfterSessionEnd: 0.5 }),
      customerStream({ channel: 'livechat', queue: 'billing', arrivals: [{ fromMs: 0, perSecond: 0.02 }], patience: { kind: 'exp', mean: 120_000 }, customerEnds: 0.3, conference: 0.1, proactive: 0.2 }),
      customerStream({ channel: 'sms', queue: 'vip', arrivals: [{ fromMs: 0, perSecond: 0.01 }], transfer: 0.2, sessionEnd: 0.1, returnAfterSessionEnd: 0.3 }),
      customerStream({ channel: 'facebook', queue: 'support', arrivals: [{ fromMs: 0, perSecond: 0.01 }], patience: { kind: 'uniform', min: 30_000, max: 90_000 } }),
    ],
    ...over,
  });
}
