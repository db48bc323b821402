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
