// Turns an accepted scenario source into the normalized Scenario: units
// converted, defaults filled in. Every default is also written, as a
// `default`, in scenario.schema.json; scenario-schema.test.ts keeps the two equal.
import { CHANNELS, DEFAULT_CHANNEL_RULES, type Channel, type ChannelRules } from '../engine/model/channel.js';
import { DEFAULT_TENANT } from '../engine/model/tenant.js';
import type { DistributionSpec } from './distribution-spec.js';
import { ratePiecesFromVolumes } from './arrival-forecast.js';
import { DEFAULT_ORG_ID, type AgentGroupSpec, type CustomerStreamSpec, type RatePiece, type Scenario, type StaffingPiece } from './scenario.js';
import type { AgentGroupSource, ArrivalsSource, CustomerStreamSource, ScenarioSource } from './scenario-source.js';
import { peakCount, staffingFromPieces, staffingFromShifts } from './staffing.js';
import { parseDistribution, parseDurationMs, parseRatePerSecond, type Parsed } from './units.js';

export const SOURCE_DEFAULTS = {
  seed: 1,
  warmup: 0,
  serviceLevelThreshold: '60s',
  interval: '30m',
  routing: 'longest-available',
  capacity: 1,
  acceptDelay: 'lognormal(5s, 2s)',
  noAnswer: 0,
  ronaRecovery: 'exp(60s)',
  wrapUp: 'const(0s)',
  chance: 0,
} as const;

export function normalizeScenario(source: ScenarioSource, file: string, budgetLines: readonly (number | undefined)[] = []): Scenario {
  return {
    name: source.name,
    seed: source.seed ?? SOURCE_DEFAULTS.seed,
    durationMs: duration(source.duration),
    warmupMs: duration(source.warmup ?? SOURCE_DEFAULTS.warmup),
    serviceLevelThresholdMs: duration(source.serviceLevelThreshold ?? SOURCE_DEFAULTS.serviceLevelThreshold),
    intervalMs: duration(source.interval ?? SOURCE_DEFAULTS.interval),
    intervalSet: source.interval !== undefined,
    tenant: tenantOf(source),
    orgId: source.tenant?.orgId ?? DEFAULT_ORG_ID,
    channels: channelRules(source.channels ?? {}),
    queues: source.queues.map((q) => ({ name: q.name, routing: q.routing ?? SOURCE_DEFAULTS.routing })),
    agents: source.agents.map(agentGroup),
    customers: source.customers.map(customerStream),
    messages: source.messages === undefined ? null : {
      piiShare: source.messages.piiShare ?? 0.1,
      locales: source.messages.locales ?? ['en', 'de', 'nl', 'sv', 'cs'],
    },
    budgets: (source.budgets ?? []).map((expression, i) => {
      const line = budgetLines[i];
      return line === undefined ? { expression } : { expression, line };
    }),
    file,
  };
}

function channelRules(overrides: NonNullable<ScenarioSource['channels']>): Record<Channel, ChannelRules> {
  const rules = {} as Record<Channel, ChannelRules>;
  for (const channel of CHANNELS) {
    const override = overrides[channel] ?? {};
    rules[channel] = {
      ...DEFAULT_CHANNEL_RULES[channel],
      ...(override.ronaTimeout !== undefined && { ronaTimeoutMs: duration(override.ronaTimeout) }),
      ...(override.replyLimit !== undefined && { replyLimit: override.replyLimit }),
    };
  }
  return rules;
}

function agentGroup(g: AgentGroupSource): AgentGroupSpec {
  const staffing = staffingOf(g);
  return {
    group: g.group,
    count: peakCount(staffing),
    staffing,
    queues: [...g.queues],
    capacity: g.capacity ?? SOURCE_DEFAULTS.capacity,
    acceptDelay: distribution(g.acceptDelay ?? SOURCE_DEFAULTS.acceptDelay),
    noAnswer: g.noAnswer ?? SOURCE_DEFAULTS.noAnswer,
    ronaRecovery: distribution(g.ronaRecovery ?? SOURCE_DEFAULTS.ronaRecovery),
    wrapUp: distribution(g.wrapUp ?? SOURCE_DEFAULTS.wrapUp),
  };
}

function staffingOf(g: AgentGroupSource): StaffingPiece[] {
  if (g.shifts !== undefined) {
    return staffingFromShifts(g.shifts.map((s) => ({ startMs: duration(s.start), endMs: duration(s.end), count: s.count })));
  }
  const count = g.count ?? 0;
  if (typeof count === 'number') return [{ fromMs: 0, count }];
  return staffingFromPieces(count.map((p) => ({ fromMs: duration(p.from), count: p.count })));
}

function customerStream(c: CustomerStreamSource): CustomerStreamSpec {
  const chance = (p: number | undefined): number => p ?? SOURCE_DEFAULTS.chance;
  return {
    channel: c.channel,
    queue: c.queue,
    arrivals: ratePieces(c.arrivals),
    patience: c.patience === undefined ? null : distribution(c.patience),
    handleTime: distribution(c.handleTime),
    transfer: chance(c.transfer),
    conference: chance(c.conference),
    customerEnds: chance(c.customerEnds),
    sessionEnd: chance(c.sessionEnd),
    returnAfterSessionEnd: chance(c.returnAfterSessionEnd),
    proactive: chance(c.proactive),
  };
}

function ratePieces(arrivals: ArrivalsSource): RatePiece[] {
  if (typeof arrivals === 'string') return [{ fromMs: 0, perSecond: must(parseRatePerSecond(arrivals)) }];
  if (!Array.isArray(arrivals)) return ratePiecesFromVolumes(duration(arrivals.interval), arrivals.volumes);
  return arrivals.map((p) => ({ fromMs: duration(p.from), perSecond: must(parseRatePerSecond(p.rate)) }));
}

const duration = (text: string | number): number => must(parseDurationMs(text));
const distribution = (text: string): DistributionSpec => must(parseDistribution(text));

// The schema has already accepted every value, so a failure here is a bug in cctwin, not in the file.
function must<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`scenario normalizer met a value the schema let through: ${parsed.message}`);
  return parsed.value;
}

/** The engine's tenant settings: the file's over the defaults, without the org id (not an engine setting). */
function tenantOf(source: ScenarioSource): Scenario['tenant'] {
  const { orgId: _orgId, ...settings } = source.tenant ?? {};
  return { ...DEFAULT_TENANT, ...settings };
}
