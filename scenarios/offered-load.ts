// The offered load a scenario plans for, by arithmetic rather than by
// simulation: the model the example files' header comments use, so their
// figures can be checked (and a scenario sized) without running anything.
import { distributionMean } from './distribution-spec.js';
import type { AgentGroupSpec, CustomerStreamSpec, Scenario } from './scenario.js';
import { staffedAt } from './staffing.js';

/** Agent groups linked by a queue they share, and the queues they serve: one pool of slots. */
export interface Pool {
  groups: AgentGroupSpec[];
  queues: Set<string>;
}

export function pools(s: Scenario): Pool[] {
  const result: Pool[] = [];
  for (const group of s.agents) {
    const linked = result.filter((p) => group.queues.some((q) => p.queues.has(q)));
    const merged: Pool = { groups: [group], queues: new Set(group.queues) };
    for (const p of linked) {
      merged.groups.unshift(...p.groups);
      p.queues.forEach((q) => merged.queues.add(q));
      result.splice(result.indexOf(p), 1);
    }
    result.push(merged);
  }
  return result;
}

/**
 * Slot-ms held per conversation (accept to the end of wrap-up): a transfer
 * comes about half-way and the next agent handles it in full, a conference
 * adds a second agent, a Livechat customer who ends does so about half-way.
 */
export function heldMs(c: CustomerStreamSpec, groups: readonly AgentGroupSpec[]): number {
  const serving = groups.filter((g) => g.queues.includes(c.queue));
  const wrapUpMs = serving.reduce((n, g) => n + distributionMean(g.wrapUp), 0) / Math.max(1, serving.length);
  const handleMs = distributionMean(c.handleTime);
  return handleMs * (1 + c.transfer / 2 + c.conference - c.customerEnds / 2) + wrapUpMs * (1 + c.transfer + c.conference);
}

/** Slots held on average at `ms` by the conversations of the pool's queues: rate x held. */
export function loadAt(s: Scenario, pool: Pool, ms: number): number {
  return s.customers.reduce((total, c) => {
    if (!pool.queues.has(c.queue)) return total;
    const perSecond = c.arrivals.findLast((p) => p.fromMs <= ms)?.perSecond ?? 0;
    return total + perSecond * heldMs(c, pool.groups) / 1000;
  }, 0);
}

/** Slots on shift at `ms`: agents on shift times their capacity. */
export function slotsAt(pool: Pool, ms: number): number {
  return pool.groups.reduce((n, g) => n + staffedAt(g.staffing, ms) * g.capacity, 0);
}

export interface PlannedOccupancy {
  /** Load over slots, summed over every minute from warmup to the end of arrivals. */
  average: number;
  /** The busiest minute's load over its slots. */
  peak: number;
}

/** Occupancy the scenario plans for, minute by minute, for one pool or the whole center. */
export function plannedOccupancy(s: Scenario, pool: Pool = { groups: s.agents, queues: new Set(s.queues.map((q) => q.name)) }): PlannedOccupancy {
  let load = 0;
  let slots = 0;
  let peak = 0;
  for (let ms = s.warmupMs; ms < s.durationMs; ms += 60_000) {
    const l = loadAt(s, pool, ms);
    const n = slotsAt(pool, ms);
    load += l;
    slots += n;
    peak = Math.max(peak, n > 0 ? l / n : l > 0 ? Infinity : 0);
  }
  return { average: load / slots, peak };
}
