// `cctwin load --speed K`: the scenario's clock compressed K times. Every
// duration (run length, warm-up, thresholds, RONA timeouts, shift changes,
// and every drawn delay: accept, recovery, wrap-up, patience, handle time)
// is divided by K and every arrival rate multiplied by K, so the load run
// can treat one scenario millisecond as one wall-clock millisecond.
import type { Channel, ChannelRules } from '../engine/model/channel.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { DistributionSpec } from '../scenarios/distribution-spec.js';

export function scaleScenario(s: Scenario, speed: number): Scenario {
  if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError(`speed must be a finite number > 0, got ${speed}`);
  if (speed === 1) return s;
  const t = (ms: number): number => ms / speed;
  const channels = {} as Record<Channel, ChannelRules>;
  for (const [name, rules] of Object.entries(s.channels) as [Channel, ChannelRules][]) channels[name] = { ...rules, ronaTimeoutMs: t(rules.ronaTimeoutMs) };
  return {
    ...s,
    durationMs: t(s.durationMs),
    warmupMs: t(s.warmupMs),
    serviceLevelThresholdMs: t(s.serviceLevelThresholdMs),
    intervalMs: t(s.intervalMs),
    channels,
    agents: s.agents.map((g) => ({
      ...g,
      staffing: g.staffing.map((p) => ({ ...p, fromMs: t(p.fromMs) })),
      acceptDelay: scaleDistribution(g.acceptDelay, speed),
      ronaRecovery: scaleDistribution(g.ronaRecovery, speed),
      wrapUp: scaleDistribution(g.wrapUp, speed),
    })),
    customers: s.customers.map((c) => ({
      ...c,
      arrivals: c.arrivals.map((p) => ({ fromMs: t(p.fromMs), perSecond: p.perSecond * speed })),
      patience: c.patience === null ? null : scaleDistribution(c.patience, speed),
      handleTime: scaleDistribution(c.handleTime, speed),
    })),
  };
}

/** The same shape, every value (and spread) divided by `speed`. */
export function scaleDistribution(d: DistributionSpec, speed: number): DistributionSpec {
  switch (d.kind) {
    case 'const': return { kind: 'const', value: d.value / speed };
    case 'exp': return { kind: 'exp', mean: d.mean / speed };
    case 'uniform': return { kind: 'uniform', min: d.min / speed, max: d.max / speed };
    case 'lognormal': return { kind: 'lognormal', mean: d.mean / speed, sd: d.sd / speed };
    case 'gamma': return { kind: 'gamma', mean: d.mean / speed, sd: d.sd / speed };
  }
}
