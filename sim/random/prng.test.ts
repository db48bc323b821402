import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, createRngFromState, deriveSeed } from './prng.js';

const N = 200_000;

function draws(seed: number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
}

describe('xoshiro128**', () => {
  it('matches the reference implementation from a known state', () => {
    // State and outputs as produced by the C reference (prng.di.unimi.it).
    const rng = createRngFromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    const out = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    expect(out).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it('refuses an all-zero state and non-finite seeds', () => {
    expect(() => createRngFromState([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => createRng(NaN)).toThrow(RangeError);
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });

  it('repeats the same sequence for the same seed and differs for another', () => {
    for (const seed of [0, 1, 7, -3, 0.5, 2 ** 53 - 1, 1e300]) {
      expect(draws(seed, 1000)).toEqual(draws(seed, 1000));
    }
    expect(draws(1, 1000)).not.toEqual(draws(2, 1000));
    expect(draws(0, 1000)).toEqual(draws(-0, 1000));
    expect(createRng(42).seed).toBe(42);
  });

  it('next() is uniform on [0, 1): moments and a chi-square over 64 bins', () => {
    const xs = draws(11, N);
    const bins = new Array<number>(64).fill(0);
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (const x of xs) {
      if (!(x >= 0 && x < 1)) outside++;
      bins[Math.floor(x * 64)]++;
      sum += x;
      sumSq += x * x;
    }
    expect(outside).toBe(0);
    const mean = sum / N;
    const variance = sumSq / N - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
    const expected = N / 64;
    const chi2 = bins.reduce((acc, b) => acc + (b - expected) ** 2 / expected, 0);
    // 63 degrees of freedom: mean 63, sd sqrt(126); allow 5 sd.
    expect(chi2).toBeLessThan(63 + 5 * Math.sqrt(126));
  });

  it('nextUint32() sets each of its 32 bits half the time', () => {
    const rng = createRng(5);
    const ones = new Array<number>(32).fill(0);
    const n = 50_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextUint32();
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) outside++;
      for (let b = 0; b < 32; b++) ones[b] += (x >>> b) & 1;
    }
    expect(outside).toBe(0);
    for (const count of ones) expect(Math.abs(count / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });

  it('int(n) stays in [0, n) for any n and refuses bad n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (seed, n) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const k = rng.int(n);
          if (!Number.isInteger(k) || k < 0 || k >= n) return false;
        }
        return true;
      }),
    );
    const rng = createRng(1);
    expect(rng.int(1)).toBe(0);
    for (const bad of [0, -1, 1.5, NaN]) expect(() => rng.int(bad)).toThrow(RangeError);
  });

  it('int(3) is uniform', () => {
    const rng = createRng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[rng.int(3)]++;
    const se = Math.sqrt((N * (1 / 3) * (2 / 3)));
    for (const c of counts) expect(Math.abs(c - N / 3)).toBeLessThan(5 * se);
  });

  it('chance(p) is true with probability p', () => {
    const rng = createRng(9);
    for (const p of [0.03, 0.5, 0.9]) {
      let hits = 0;
      for (let i = 0; i < N; i++) if (rng.chance(p)) hits++;
      expect(Math.abs(hits / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    }
    for (let i = 0; i < 1000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('normal() has mean 0, sd 1, and 95% within 1.96', () => {
    const rng = createRng(13);
    let sum = 0;
    let sumSq = 0;
    let inside = 0;
    for (let i = 0; i < N; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) < 1.959964) inside++;
    }
    const mean = sum / N;
    const sd = Math.sqrt(sumSq / N - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(sd - 1)).toBeLessThan(5 * Math.sqrt(2 / N) / 2);
    expect(Math.abs(inside / N - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / N));
  });
});

describe('deriveSeed', () => {
  it('is a deterministic integer in [0, 2^53) for any seed and labels', () => {
    const label = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.integer(), fc.array(label, { maxLength: 5 }), (seed, labels) => {
        const a = deriveSeed(seed, ...labels);
        return Number.isSafeInteger(a) && a >= 0 && a === deriveSeed(seed, ...labels);
      }),
    );
  });

  it('separates order, type and concatenation of labels', () => {
    const s = 7;
    const seeds = [
      deriveSeed(s), deriveSeed(s, 'a', 'b'), deriveSeed(s, 'b', 'a'), deriveSeed(s, 'ab'),
      deriveSeed(s, 1), deriveSeed(s, '1'), deriveSeed(s, 'agent', 1), deriveSeed(s, 'agent1'),
      deriveSeed(8, 'a', 'b'), deriveSeed(s, ''), deriveSeed(s, '', ''),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('gives no collisions across 100k streams', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(deriveSeed(7, 'agent', i));
    expect(seen.size).toBe(100_000);
  });

  it('gives uncorrelated streams for neighbouring labels', () => {
    const n = 20_000;
    for (let i = 0; i < 5; i++) {
      const a = draws(deriveSeed(1, 'agent', i), n);
      const b = draws(deriveSeed(1, 'agent', i + 1), n);
      const ma = a.reduce((x, y) => x + y) / n;
      const mb = b.reduce((x, y) => x + y) / n;
      let cov = 0;
      for (let k = 0; k < n; k++) cov += (a[k] - ma) * (b[k] - mb);
      const corr = cov / n / (1 / 12);
      expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(n));
    }
  });

  it('refuses non-finite seed material', () => {
    expect(() => deriveSeed(NaN, 'a')).toThrow(RangeError);
    expect(() => deriveSeed(1, Infinity)).toThrow(RangeError);
  });
});
