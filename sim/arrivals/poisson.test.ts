import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RatePiece } from '../../scenarios/scenario.js';
import { createRng } from '../random/prng.js';
import { createArrivalProcess } from './poisson.js';

function arrivals(pieces: RatePiece[], endMs: number, seed: number): number[] {
  const process = createArrivalProcess(pieces, endMs, createRng(seed));
  const out: number[] = [];
  for (let t = process.next(); t !== Infinity; t = process.next()) out.push(t);
  return out;
}

function countIn(times: number[], fromMs: number, toMs: number): number {
  return times.filter((t) => t >= fromMs && t < toMs).length;
}

/** |count - expected| within 5 Poisson standard errors. */
function expectPoisson(count: number, expected: number): void {
  expect(Math.abs(count - expected)).toBeLessThanOrEqual(5 * Math.sqrt(Math.max(expected, 1)));
}

describe('createArrivalProcess', () => {
  it('a constant rate gives rate * time arrivals, increasing, inside [0, end)', () => {
    const endMs = 100_000_000; // 100k s at 2/s: 200k arrivals expected
    const times = arrivals([{ fromMs: 0, perSecond: 2 }], endMs, 1);
    expectPoisson(times.length, 2 * endMs / 1000);
    let ordered = true;
    for (let k = 1; k < times.length; k++) if (!(times[k] >= times[k - 1])) ordered = false;
    expect(ordered).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(0);
    expect(times[times.length - 1]).toBeLessThan(endMs);
  });

  it('counts per second are Poisson: variance equals mean (index of dispersion 1)', () => {
    const seconds = 50_000;
    const rate = 3;
    const perSecond = new Array<number>(seconds).fill(0);
    for (const t of arrivals([{ fromMs: 0, perSecond: rate }], seconds * 1000, 2)) perSecond[Math.floor(t / 1000)]++;
    const mean = perSecond.reduce((a, b) => a + b) / seconds;
    const variance = perSecond.reduce((a, b) => a + (b - mean) ** 2, 0) / (seconds - 1);
    // For Poisson counts the dispersion index has sd about sqrt(2 / seconds).
    expect(Math.abs(variance / mean - 1)).toBeLessThan(5 * Math.sqrt(2 / seconds));
  });

  it('a two-piece rate gives the right count in each piece', () => {
    const pieces = [{ fromMs: 0, perSecond: 1 }, { fromMs: 50_000_000, perSecond: 3 }];
    const times = arrivals(pieces, 100_000_000, 3);
    expectPoisson(countIn(times, 0, 50_000_000), 50_000);
    expectPoisson(countIn(times, 50_000_000, 100_000_000), 150_000);
  });

  it('gives none at zero rate, none in a zero-rate piece, none before the first piece', () => {
    expect(arrivals([{ fromMs: 0, perSecond: 0 }], 1e9, 4)).toEqual([]);
    expect(arrivals([], 1e9, 4)).toEqual([]);
    const pieces = [
      { fromMs: 10_000_000, perSecond: 5 },
      { fromMs: 20_000_000, perSecond: 0 },
      { fromMs: 30_000_000, perSecond: 5 },
    ];
    const times = arrivals(pieces, 40_000_000, 5);
    expect(countIn(times, 0, 10_000_000)).toBe(0);
    expect(countIn(times, 20_000_000, 30_000_000)).toBe(0);
    expectPoisson(countIn(times, 10_000_000, 20_000_000), 50_000);
    expectPoisson(countIn(times, 30_000_000, 40_000_000), 50_000);
  });

  it('stops at the end time and stays done', () => {
    const process = createArrivalProcess([{ fromMs: 0, perSecond: 1000 }], 1000, createRng(6));
    let last = 0;
    for (let t = process.next(); t !== Infinity; t = process.next()) last = t;
    expect(last).toBeLessThan(1000);
    for (let k = 0; k < 5; k++) expect(process.next()).toBe(Infinity);
    expect(arrivals([{ fromMs: 0, perSecond: 1000 }], 0, 6)).toEqual([]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const pieces = [{ fromMs: 0, perSecond: 0.5 }, { fromMs: 3_600_000, perSecond: 2 }];
    expect(arrivals(pieces, 7_200_000, 7)).toEqual(arrivals(pieces, 7_200_000, 7));
    expect(arrivals(pieces, 7_200_000, 7)).not.toEqual(arrivals(pieces, 7_200_000, 8));
  });

  it('for any pieces, arrivals are ordered, inside the end time, and only where the rate is positive', () => {
    const piece = fc.record({ fromMs: fc.integer({ min: 0, max: 100_000 }), perSecond: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.integer({ min: 0, max: 120_000 }), fc.nat(), (raw, endMs, seed) => {
        const pieces = [...raw].sort((a, b) => a.fromMs - b.fromMs);
        const rateAt = (t: number) => {
          let r = 0;
          for (const p of pieces) if (p.fromMs <= t) r = p.perSecond;
          return r;
        };
        const times = arrivals(pieces, endMs, seed);
        return times.every((t, k) => t >= 0 && t < endMs && (k === 0 || t >= times[k - 1]) && rateAt(t) > 0);
      }),
    );
  });

  it('refuses unsorted pieces, negative or infinite rates and a bad end time', () => {
    const rng = createRng(1);
    expect(() => createArrivalProcess([{ fromMs: 10, perSecond: 1 }, { fromMs: 5, perSecond: 1 }], 100, rng)).toThrow(RangeError);
    expect(() => createArrivalProcess([{ fromMs: 0, perSecond: -1 }], 100, rng)).toThrow(RangeError);
    expect(() => createArrivalProcess([{ fromMs: 0, perSecond: Infinity }], 100, rng)).toThrow(RangeError);
    expect(() => createArrivalProcess([{ fromMs: 0, perSecond: 1 }], NaN, rng)).toThrow(RangeError);
  });
});
