import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedArrivals, ratePiecesFromVolumes } from './arrival-forecast.js';

const M = 60_000;

describe('ratePiecesFromVolumes', () => {
  it('turns each interval\'s volume into a rate for that interval, then 0', () => {
    expect(ratePiecesFromVolumes(15 * M, [120, 180, 240, 200])).toEqual([
      { fromMs: 0, perSecond: 120 / 900 },
      { fromMs: 15 * M, perSecond: 180 / 900 },
      { fromMs: 30 * M, perSecond: 240 / 900 },
      { fromMs: 45 * M, perSecond: 200 / 900 },
      { fromMs: 60 * M, perSecond: 0 },
    ]);
  });

  it('merges intervals of equal volume, and a forecast ending in 0 needs no extra piece', () => {
    expect(ratePiecesFromVolumes(30 * M, [0, 0, 90, 90, 0])).toEqual([
      { fromMs: 0, perSecond: 0 },
      { fromMs: 60 * M, perSecond: 0.05 },
      { fromMs: 120 * M, perSecond: 0 },
    ]);
  });

  it('expects exactly the forecast: each interval\'s volume in it, nothing after', () => {
    const volumesArb = fc.array(fc.oneof(fc.nat(5000), fc.double({ min: 0, max: 5000, noNaN: true })), { minLength: 1, maxLength: 96 });
    fc.assert(fc.property(fc.constantFrom(5, 15, 30, 60), volumesArb, (minutes, volumes) => {
      const intervalMs = minutes * M;
      const pieces = ratePiecesFromVolumes(intervalMs, volumes);
      expect(pieces[0].fromMs).toBe(0);
      expect(pieces.at(-1)!.perSecond).toBe(0);
      volumes.forEach((v, k) => {
        const inInterval = expectedArrivals(pieces, (k + 1) * intervalMs) - expectedArrivals(pieces, k * intervalMs);
        expect(inInterval).toBeCloseTo(v, 6);
      });
      const total = volumes.reduce((a, b) => a + b, 0);
      expect(expectedArrivals(pieces, (volumes.length + 10) * intervalMs)).toBeCloseTo(total, 4);
    }));
  });
});

describe('expectedArrivals', () => {
  it('integrates a piecewise rate up to the end given', () => {
    const pieces = [{ fromMs: 0, perSecond: 0.5 }, { fromMs: 3_600_000, perSecond: 1 }];
    expect(expectedArrivals(pieces, 3_600_000)).toBe(1800);
    expect(expectedArrivals(pieces, 7_200_000)).toBe(5400);
    expect(expectedArrivals(pieces, 1_800_000)).toBe(900);
  });
});
