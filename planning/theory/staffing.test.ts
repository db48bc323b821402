import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agentsForServiceLevel } from './staffing.js';
import { queueFigures } from './erlang.js';

describe('agentsForServiceLevel', () => {
  it('staffs the published example with 14 agents (80% in 20 s at 10 Erlangs)', () => {
    const { agents, figures } = agentsForServiceLevel(100 / 1800, 180, 0.8, 20);
    expect(agents).toBe(14);
    expect(figures.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the fewest agents that meet the target, with and without patience', () => {
    const case_ = fc.record({
      rate: fc.double({ min: 0.01, max: 20, noNaN: true }),
      aht: fc.double({ min: 5, max: 900, noNaN: true }),
      target: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
      threshold: fc.double({ min: 0, max: 300, noNaN: true }),
      patience: fc.option(fc.double({ min: 5, max: 1200, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(case_, ({ rate, aht, target, threshold, patience }) => {
        const { agents, figures } = agentsForServiceLevel(rate, aht, target, threshold, patience);
        const at = (c: number) =>
          queueFigures({ arrivalRatePerSecond: rate, handleTimeSeconds: aht, agents: c, patienceSeconds: patience, serviceLevelThresholdSeconds: threshold });
        expect(figures).toEqual(at(agents));
        expect(figures.serviceLevel).toBeGreaterThanOrEqual(target);
        if (agents > 1) expect(at(agents - 1).serviceLevel).toBeLessThan(target);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses a target it cannot mean', () => {
    expect(() => agentsForServiceLevel(1, 60, 1, 20)).toThrow(/target/);
    expect(() => agentsForServiceLevel(1, 60, 0, 20)).toThrow(/target/);
    expect(() => agentsForServiceLevel(0, 60, 0.8, 20)).toThrow(/arrival rate/);
  });
});
