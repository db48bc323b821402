import { describe, expect, it } from 'vitest';
import { simulate } from '../../pipeline/simulate.js';
import { agentGroup, busyCenter as busyCenterOf, customerStream, scenario } from './testing/scenario-fixture.js';
import { withoutWallClock, renderJson } from '../../reports/render-json.js';

/** Every feature at once, small enough to check the engine's invariants after every command. */
const busyCenter = busyCenterOf({ durationMs: 2 * 3600_000 });

describe('virtual-time runner', () => {
  it('keeps the engine invariants after every command of a busy, many-featured run', async () => {
    const report = await simulate(busyCenter, { checkInvariants: true });
    expect(report.conversations.arrived).toBeGreaterThan(300);
    for (const key of ['answered', 'abandoned', 'transferred', 'conferenced', 'completed'] as const) {
      expect(report.conversations[key], key).toBeGreaterThan(0);
    }
    expect(report.agents.ronaEvents).toBeGreaterThan(0);
  });

  it('counts every arrived conversation in exactly one end state', async () => {
    const r = (await simulate(busyCenter)).conversations;
    const ends = r.completed + r.abandoned + r.droppedOnTransfer + r.interrupted + r.inProgressAtEnd;
    expect(ends).toBe(r.arrived);
  });

  it('drains: with agents serving every queue and no cap hit, nothing is left in progress', async () => {
    const r = await simulate(busyCenter);
    expect(r.conversations.inProgressAtEnd).toBe(0);
    expect(r.accounting.balanced).toBe(true);
  });

  it('gives the same report, byte for byte, for the same scenario and seed', async () => {
    const a = renderJson(withoutWallClock(await simulate(busyCenter)));
    const b = renderJson(withoutWallClock(await simulate(busyCenter)));
    expect(a).toBe(b);
    const c = renderJson(withoutWallClock(await simulate(busyCenter, { seed: 2 })));
    expect(c).not.toBe(a);
  });

  it('counts conversations left when a queue has no agents as in progress at the end', async () => {
    const s = scenario({
      durationMs: 600_000,
      queues: [{ name: 'support', routing: 'longest-available' }, { name: 'orphan', routing: 'longest-available' }],
      customers: [customerStream(), customerStream({ queue: 'orphan', channel: 'sms', arrivals: [{ fromMs: 0, perSecond: 0.05 }] })],
    });
    const r = await simulate(s);
    expect(r.conversations.inProgressAtEnd).toBeGreaterThan(10);
    expect(r.accounting.balanced).toBe(true);
  });

  it('does not count conversations that arrive during warm-up', async () => {
    const all = (await simulate(scenario({ warmupMs: 0 }))).conversations.arrived;
    const later = (await simulate(scenario({ warmupMs: 1800_000 }))).conversations.arrived;
    expect(later).toBeGreaterThan(0);
    expect(later).toBeLessThan(all * 0.7);
  });
});

describe('virtual-time runner: shifts and intervals', () => {
  const shifts = scenario({
    durationMs: 3600_000,
    intervalMs: 900_000,
    agents: [agentGroup({ count: 12, staffing: [{ fromMs: 0, count: 4 }, { fromMs: 1800_000, count: 12 }], noAnswer: 0.2, ronaRecovery: { kind: 'const', value: 1000 } })],
    customers: [customerStream({ arrivals: [{ fromMs: 0, perSecond: 0.05 }], handleTime: { kind: 'exp', mean: 60_000 } })],
  });

  it('logs agents in as the staffing says, and off-shift agents take no offers', async () => {
    const r = await simulate(shifts, { checkInvariants: true });
    const ts = r.timeSeries!;
    const half = ts.staffedSlots.length / 2;
    expect(new Set(ts.staffedSlots.slice(0, half))).toEqual(new Set([4]));
    expect(new Set(ts.staffedSlots.slice(half))).toEqual(new Set([12]));
    // Before 30 minutes 8 agents are off shift (idle), and RONA recoveries do not bring them in.
    for (let i = 0; i < half; i++) expect(ts.agents.idle[i]).toBe(8);
    expect(r.agents.count).toBe(12);
  });

  it('reports each interval by arrival, and occupancy over the slots staffed', async () => {
    const r = await simulate(shifts);
    const rows = r.intervals!;
    expect(rows.map((x) => x.startSeconds)).toEqual([0, 900, 1800, 2700]);
    expect(rows.map((x) => x.staffedSlots)).toEqual([4, 4, 12, 12]);
    expect(rows.reduce((n, x) => n + x.arrived, 0)).toBe(r.conversations.arrived);
    // Four agents for 0.05/s x 60 s = 3 erlangs are busier than twelve.
    expect(rows[1]!.occupancy).toBeGreaterThan(rows[3]!.occupancy);
    const staffedSlotSeconds = rows.reduce((n, x) => n + x.staffedSlots * 900, 0);
    expect(r.agents.occupancy).toBeCloseTo(rows.reduce((n, x) => n + x.occupancy * x.staffedSlots * 900, 0) / staffedSlotSeconds, 3);
  });
});

describe('virtual-time runner: customer messages with PII', () => {
  it('writes seeded messages, masks them for agents as the tenant says, and times the masking', async () => {
    const s = scenario({ messages: { piiShare: 0.5, locales: ['en', 'de'] } });
    const a = await simulate(s);
    const b = await simulate(s);
    // Every customer message is masked as it is written (at least one a conversation). The
    // identity fields (name, number, source) are masked only when a screen shows them, and
    // the runner's lean port carries no display payloads, so no simulated person needs them.
    expect(a.histograms['engine.mask'].count).toBeGreaterThanOrEqual(a.conversations.arrived);
    expect(a.conversations).toEqual(b.conversations);
    const unmasked = await simulate({ ...s, tenant: { ...s.tenant, maskSensitiveData: false } });
    expect(unmasked.histograms['engine.mask'].count).toBe(0);
  });
});
