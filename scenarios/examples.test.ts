import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distributionMean } from './distribution-spec.js';
import { expectedArrivals } from './arrival-forecast.js';
import { loadScenario } from './load.js';
import { plannedOccupancy, pools } from './offered-load.js';
import { staffedAt } from './staffing.js';

const here = dirname(fileURLToPath(import.meta.url));
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);

const files = yamlFiles(here);

describe('example scenarios', () => {
  it('are there', () => {
    expect(files.map((f) => relative(here, f))).toEqual(expect.arrayContaining(['quickstart.yaml', 'erlang-c.yaml', 'large.yaml']));
  });

  it.each(files.map((f) => [relative(here, f), f]))('%s validates', (_, file) => {
    expect(loadScenario(file).name.length).toBeGreaterThan(0);
  });
});

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
    const load = plannedOccupancy(s);
    expect(load.average).toBeGreaterThanOrEqual(0.8);
    expect(load.average).toBeLessThanOrEqual(0.9);
    expect(load.peak).toBeLessThan(1);
  });

  it('reports per half hour, and staffs one group in shifts that never load it beyond its peak', () => {
    expect(s.intervalMs).toBe(1_800_000);
    const shifted = s.agents.filter((g) => g.staffing.length > 1);
    expect(shifted).toHaveLength(1);
    for (const pool of pools(s)) {
      if (!pool.groups.some((g) => shifted.includes(g))) continue;
      const { peak } = plannedOccupancy(s, pool);
      const constant = plannedOccupancy({ ...s, agents: s.agents.map((g) => ({ ...g, staffing: [{ fromMs: 0, count: g.count }] })) }, pool);
      expect(peak).toBeCloseTo(constant.peak, 9);
    }
    expect(shifted.every((g) => staffedAt(g.staffing, s.durationMs) > 0)).toBe(true);
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
    const load = plannedOccupancy(s);
    expect(load.average).toBeCloseTo(0.9, 2);
    expect(s.durationMs / distributionMean(s.customers[0].handleTime)).toBeGreaterThan(1000);
    expect(s.warmupMs).toBeGreaterThan(0);
  });
});

describe('large.yaml', () => {
  const s = loadScenario(join(here, 'large.yaml'));
  const HOUR_MS = 3_600_000;

  it('is a big center: about 5,000 agents in several groups, the chat desks holding 2-3 at once', () => {
    const agents = s.agents.reduce((n, g) => n + g.count, 0);
    expect(agents).toBeGreaterThanOrEqual(4900);
    expect(agents).toBeLessThanOrEqual(5100);
    expect(s.agents.length).toBeGreaterThanOrEqual(3);
    expect(s.agents.every((g) => g.capacity >= 2 && g.capacity <= 3)).toBe(true);
  });

  it('expects about one million conversations in a 24 h day, over all four channels', () => {
    expect(s.durationMs).toBe(24 * HOUR_MS);
    const total = s.customers.reduce((n, c) => n + expectedArrivals(c.arrivals, s.durationMs), 0);
    expect(total).toBeGreaterThanOrEqual(950_000);
    expect(total).toBeLessThanOrEqual(1_050_000);
    expect(new Set(s.customers.map((c) => c.channel))).toEqual(new Set(['facebook', 'sms', 'whatsapp', 'livechat']));
  });

  it('gives arrivals as a 30 m forecast with a daily shape: a quiet night, peaks in the day', () => {
    expect(s.intervalMs).toBe(30 * 60_000);
    for (const c of s.customers) {
      expect(c.arrivals.length).toBeGreaterThan(24);
      expect(c.arrivals.every((p) => p.fromMs % s.intervalMs === 0)).toBe(true);
      const rateAt = (h: number) => c.arrivals.findLast((p) => p.fromMs <= h * HOUR_MS)!.perSecond;
      const peak = Math.max(...c.arrivals.map((p) => p.perSecond));
      expect(rateAt(4)).toBeLessThan(0.2 * peak);
      expect(Math.max(rateAt(10), rateAt(14), rateAt(20))).toBe(peak);
    }
  });

  it('staffs every desk in shifts that follow its curve: 0.8-0.9 occupied at its busiest, never beyond, and the drain staffed', () => {
    for (const pool of pools(s)) {
      const { peak, average } = plannedOccupancy(s, pool);
      expect(peak).toBeGreaterThanOrEqual(0.8);
      expect(peak).toBeLessThanOrEqual(0.9);
      expect(average).toBeGreaterThan(0.6);
      for (const g of pool.groups) {
        expect(g.staffing.length).toBeGreaterThan(6);
        expect(staffedAt(g.staffing, s.durationMs)).toBeGreaterThan(0);
      }
    }
  });

  it('exercises patience, transfers, conferences, RONA, Livechat customers ending, and budgets', () => {
    expect(s.customers.every((c) => c.patience !== null)).toBe(true);
    expect(s.customers.every((c) => c.transfer > 0)).toBe(true);
    expect(s.customers.some((c) => c.conference > 0)).toBe(true);
    expect(s.agents.every((g) => g.noAnswer > 0)).toBe(true);
    expect(s.customers.filter((c) => c.channel === 'livechat').every((c) => c.customerEnds > 0)).toBe(true);
    expect(s.budgets.length).toBeGreaterThanOrEqual(3);
  });
});
