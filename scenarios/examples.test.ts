import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distributionMean } from '../sim/random/distribution-spec.js';
import { loadScenario } from './load.js';
import type { Scenario } from './scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);

const files = yamlFiles(here);

describe('example scenarios', () => {
  it('are there', () => {
    expect(files.map((f) => relative(here, f))).toEqual(expect.arrayContaining(['quickstart.yaml', 'erlang-c.yaml']));
  });

  it.each(files.map((f) => [relative(here, f), f]))('%s validates', (_, file) => {
    expect(loadScenario(file).name.length).toBeGreaterThan(0);
  });
});

/**
 * Slots held (accept to end of wrap-up) per slot offered, on average after the
 * warmup and at the busiest minute. A transfer comes about half-way and the
 * next agent handles it in full; a conference adds a second agent; a customer
 * who ends does so about half-way. The model of quickstart.yaml's comment.
 */
function offeredLoad(s: Scenario): { average: number; peak: number } {
  const slots = s.agents.reduce((n, g) => n + g.count * g.capacity, 0);
  const loadAt = (ms: number): number => s.customers.reduce((total, c) => {
    const groups = s.agents.filter((g) => g.queues.includes(c.queue));
    const wrapUpMs = groups.reduce((n, g) => n + distributionMean(g.wrapUp), 0) / groups.length;
    const handleMs = distributionMean(c.handleTime);
    const heldMs = handleMs * (1 + c.transfer / 2 + c.conference - c.customerEnds / 2) + wrapUpMs * (1 + c.transfer + c.conference);
    const rate = c.arrivals.findLast((p) => p.fromMs <= ms)?.perSecond ?? 0;
    return total + rate * heldMs / 1000;
  }, 0);
  const minuteStarts = Array.from({ length: Math.floor((s.durationMs - s.warmupMs) / 60_000) }, (_, i) => s.warmupMs + i * 60_000);
  const loads = minuteStarts.map(loadAt);
  return { average: loads.reduce((a, b) => a + b, 0) / loads.length / slots, peak: Math.max(...loads) / slots };
}

describe('quickstart.yaml', () => {
  const s = loadScenario(join(here, 'quickstart.yaml'));

  it('uses every channel and a shared queue', () => {
    expect(new Set(s.customers.map((c) => c.channel))).toEqual(new Set(['facebook', 'sms', 'whatsapp', 'livechat']));
    const channelsPerQueue = s.queues.map((q) => new Set(s.customers.filter((c) => c.queue === q.name).map((c) => c.channel)).size);
    expect(Math.max(...channelsPerQueue)).toBeGreaterThan(1);
  });

  it('has a few hundred agents, some holding several chats', () => {
    const agents = s.agents.reduce((n, g) => n + g.count, 0);
    expect(agents).toBeGreaterThanOrEqual(200);
    expect(agents).toBeLessThanOrEqual(500);
    expect(s.agents.some((g) => g.capacity > 1)).toBe(true);
  });

  it('is loaded to a realistic occupancy, and not overloaded at its peak', () => {
    const load = offeredLoad(s);
    expect(load.average).toBeGreaterThanOrEqual(0.8);
    expect(load.average).toBeLessThanOrEqual(0.9);
    expect(load.peak).toBeLessThan(1);
  });

  it('exercises RONA, transfers, conferences, customer ends, session ends, masking and budgets', () => {
    expect(s.agents.some((g) => g.noAnswer > 0)).toBe(true);
    expect(s.customers.some((c) => c.transfer > 0)).toBe(true);
    expect(s.customers.some((c) => c.conference > 0)).toBe(true);
    expect(s.customers.some((c) => c.customerEnds > 0)).toBe(true);
    expect(s.customers.some((c) => c.sessionEnd > 0)).toBe(true);
    expect(s.customers.every((c) => c.arrivals.length > 1)).toBe(true);
    expect(s.tenant.maskSensitiveData).toBe(true);
    expect(s.budgets.length).toBeGreaterThanOrEqual(4);
  });
});

describe('erlang-c.yaml', () => {
  const s = loadScenario(join(here, 'erlang-c.yaml'));

  it("is exactly Erlang C's model: M/M/c, no abandonment, no RONA, no delays", () => {
    expect(s.queues).toHaveLength(1);
    expect(s.agents).toHaveLength(1);
    expect(s.customers).toHaveLength(1);
    const [g] = s.agents;
    const [c] = s.customers;
    expect(g.capacity).toBe(1);
    expect(g.noAnswer).toBe(0);
    expect(g.acceptDelay).toEqual({ kind: 'const', value: 0 });
    expect(g.wrapUp).toEqual({ kind: 'const', value: 0 });
    expect(c.arrivals).toHaveLength(1);
    expect(c.handleTime.kind).toBe('exp');
    expect(c.patience).toBeNull();
    expect([c.transfer, c.conference, c.sessionEnd, c.customerEnds, c.proactive]).toEqual([0, 0, 0, 0, 0]);
  });

  it('runs near 0.9 occupancy, long enough to settle', () => {
    const load = offeredLoad(s);
    expect(load.average).toBeCloseTo(0.9, 2);
    expect(s.durationMs / distributionMean(s.customers[0].handleTime)).toBeGreaterThan(1000);
    expect(s.warmupMs).toBeGreaterThan(0);
  });
});
