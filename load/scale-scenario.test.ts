import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenarios/load.js';
import { distributionMean } from '../scenarios/distribution-spec.js';
import { scaleScenario } from './scale-scenario.js';

const quickstart = loadScenario(fileURLToPath(new URL('../scenarios/quickstart.yaml', import.meta.url)));

describe('scaleScenario', () => {
  it('8 h at 60x is 8 min: times divided, rates multiplied, the offered load unchanged', () => {
    const s = scaleScenario(quickstart, 60);
    expect(s.durationMs).toBe(8 * 60_000);
    expect(s.warmupMs).toBe(30_000);
    expect(s.serviceLevelThresholdMs).toBe(1_000);
    expect(s.channels.livechat.ronaTimeoutMs).toBe(20_000 / 60);
    quickstart.customers.forEach((c, i) => {
      const scaled = s.customers[i]!;
      expect(scaled.arrivals.map((p) => p.fromMs)).toEqual(c.arrivals.map((p) => p.fromMs / 60));
      // Erlangs: rate x mean handle time is the same at any speed.
      const load = (rate: number, handleMs: number): number => rate * handleMs;
      expect(load(scaled.arrivals[0]!.perSecond, distributionMean(scaled.handleTime))).toBeCloseTo(load(c.arrivals[0]!.perSecond, distributionMean(c.handleTime)), 9);
      expect(distributionMean(scaled.patience!)).toBeCloseTo(distributionMean(c.patience!) / 60, 9);
    });
    quickstart.agents.forEach((g, i) => {
      const scaled = s.agents[i]!;
      expect(distributionMean(scaled.acceptDelay)).toBeCloseTo(distributionMean(g.acceptDelay) / 60, 9);
      expect(scaled.staffing.map((p) => p.fromMs)).toEqual(g.staffing.map((p) => p.fromMs / 60));
      expect(scaled.count).toBe(g.count);
    });
    // The input is left as it was.
    expect(quickstart.durationMs).toBe(8 * 3600_000);
  });

  it('speeding up by K then slowing down by K gives the scenario back', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), (k) => {
      const back = scaleScenario(scaleScenario(quickstart, k), 1 / k);
      expect(back.durationMs).toBeCloseTo(quickstart.durationMs, 3);
      expect(back.customers[3]!.arrivals[2]!.perSecond).toBeCloseTo(quickstart.customers[3]!.arrivals[2]!.perSecond, 9);
      expect(distributionMean(back.agents[0]!.wrapUp)).toBeCloseTo(distributionMean(quickstart.agents[0]!.wrapUp), 6);
      expect(back.channels.whatsapp.ronaTimeoutMs).toBeCloseTo(quickstart.channels.whatsapp.ronaTimeoutMs, 6);
    }), { numRuns: 50 });
  });

  it('refuses a speed that is not a positive finite number', () => {
    for (const k of [0, -1, Infinity, NaN]) expect(() => scaleScenario(quickstart, k)).toThrow(RangeError);
  });
});
