import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../scenarios/distribution-spec.js';
import { createRng } from './prng.js';
import { createSampler } from './sample.js';

const N = 200_000;

/** Theoretical mean, sd and kurtosis (4th standardised moment) of a spec. */
function theory(spec: DistributionSpec): { mean: number; sd: number; kurtosis: number } {
  switch (spec.kind) {
    case 'const': return { mean: spec.value, sd: 0, kurtosis: 0 };
    case 'exp': return { mean: spec.mean, sd: spec.mean, kurtosis: 9 };
    case 'uniform': return { mean: (spec.min + spec.max) / 2, sd: (spec.max - spec.min) / Math.sqrt(12), kurtosis: 9 / 5 };
    case 'lognormal': {
      const w = 1 + (spec.sd / spec.mean) ** 2; // e^(sigma^2)
      return { mean: spec.mean, sd: spec.sd, kurtosis: w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3 };
    }
    case 'gamma': {
      const shape = (spec.mean / spec.sd) ** 2;
      return { mean: spec.mean, sd: spec.sd, kurtosis: 3 + 6 / shape };
    }
  }
}

function sampleStats(spec: DistributionSpec, seed: number, n = N) {
  const draw = createSampler(spec);
  const rng = createRng(seed);
  let sum = 0;
  let sumSq = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = draw(rng);
    if (!(x >= 0 && x < Infinity)) bad++;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), bad };
}

const cases: DistributionSpec[] = [
  { kind: 'exp', mean: 120_000 },
  { kind: 'exp', mean: 1 },
  { kind: 'uniform', min: 2000, max: 9000 },
  { kind: 'uniform', min: 0, max: 1 },
  { kind: 'lognormal', mean: 6000, sd: 3000 },
  { kind: 'lognormal', mean: 100, sd: 150 },
  { kind: 'gamma', mean: 120, sd: 60 }, // shape 4
  { kind: 'gamma', mean: 5, sd: 5 }, // shape 1, the boundary
  { kind: 'gamma', mean: 10, sd: 20 }, // shape 0.25, the boost path
];

describe('createSampler', () => {
  it.each(cases)('%o: mean and sd within 5 standard errors', (spec) => {
    const t = theory(spec);
    const s = sampleStats(spec, 2024);
    expect(s.bad).toBe(0);
    const seMean = t.sd / Math.sqrt(N);
    // Delta method: sd of the sample sd is sigma * sqrt((kurtosis - 1) / n) / 2.
    const seSd = (t.sd * Math.sqrt((t.kurtosis - 1) / N)) / 2;
    expect(Math.abs(s.mean - t.mean)).toBeLessThan(5 * seMean);
    expect(Math.abs(s.sd - t.sd)).toBeLessThan(5 * seSd);
  });

  it('exp follows its CDF (Kolmogorov-Smirnov)', () => {
    const draw = createSampler({ kind: 'exp', mean: 3 });
    const rng = createRng(4);
    const n = 50_000;
    const xs = Float64Array.from({ length: n }, () => draw(rng)).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = 1 - Math.exp(-xs[i] / 3);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    // The 0.1% critical value is 1.95 / sqrt(n).
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('lognormal puts half its mass below exp(mu)', () => {
    const mean = 6000;
    const sd = 3000;
    const sigma2 = Math.log(1 + (sd / mean) ** 2);
    const median = Math.exp(Math.log(mean) - sigma2 / 2);
    const draw = createSampler({ kind: 'lognormal', mean, sd });
    const rng = createRng(8);
    let below = 0;
    for (let i = 0; i < N; i++) if (draw(rng) < median) below++;
    expect(Math.abs(below / N - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    for (const spec of cases) {
      const run = (seed: number) => {
        const draw = createSampler(spec);
        const rng = createRng(seed);
        return Array.from({ length: 500 }, () => draw(rng));
      };
      expect(run(1)).toEqual(run(1));
      expect(run(1)).not.toEqual(run(2));
    }
  });

  it('keeps streams apart when one sampler serves several generators', () => {
    const spec: DistributionSpec = { kind: 'lognormal', mean: 10, sd: 4 };
    const alone = createRng(1);
    const drawAlone = createSampler(spec);
    const expected = Array.from({ length: 100 }, () => drawAlone(alone));
    const shared = createSampler(spec);
    const a = createRng(1);
    const b = createRng(2);
    const got: number[] = [];
    for (let i = 0; i < 100; i++) {
      got.push(shared(a));
      shared(b);
    }
    expect(got).toEqual(expected);
  });

  it('returns the value itself for const and for a zero sd', () => {
    const rng = createRng(1);
    const specs: [DistributionSpec, number][] = [
      [{ kind: 'const', value: 42 }, 42],
      [{ kind: 'const', value: 0 }, 0],
      [{ kind: 'lognormal', mean: 7, sd: 0 }, 7],
      [{ kind: 'gamma', mean: 7, sd: 0 }, 7],
      [{ kind: 'lognormal', mean: 0, sd: 0 }, 0],
      [{ kind: 'gamma', mean: 0, sd: 0 }, 0],
      [{ kind: 'uniform', min: 3, max: 3 }, 3],
      [{ kind: 'exp', mean: 0 }, 0],
    ];
    for (const [spec, value] of specs) {
      const draw = createSampler(spec);
      for (let i = 0; i < 100; i++) expect(draw(rng)).toBe(value);
    }
  });

  it('scales with tiny and huge means, never negative or non-finite', () => {
    for (const scale of [1e-9, 1e-300, 1e12, 1e300]) {
      for (const spec of [
        { kind: 'exp', mean: scale },
        { kind: 'lognormal', mean: scale, sd: scale / 2 },
        { kind: 'gamma', mean: scale, sd: scale / 2 },
        { kind: 'gamma', mean: scale, sd: scale * 2 },
        { kind: 'uniform', min: 0, max: scale },
      ] as DistributionSpec[]) {
        const s = sampleStats(spec, 3, 20_000);
        const t = theory(spec);
        expect(s.bad).toBe(0);
        expect(Math.abs(s.mean - t.mean) / scale).toBeLessThan((5 * t.sd) / scale / Math.sqrt(20_000));
      }
    }
  });

  it('survives extreme spread: a gamma with shape 1e-6 and a lognormal with cv 1e6', () => {
    for (const spec of [
      { kind: 'gamma', mean: 1, sd: 1000 },
      { kind: 'lognormal', mean: 1, sd: 1e6 },
    ] as DistributionSpec[]) {
      expect(sampleStats(spec, 5, 10_000).bad).toBe(0);
    }
  });

  it('refuses negative, non-finite and inconsistent parameters', () => {
    const bad: DistributionSpec[] = [
      { kind: 'const', value: -1 },
      { kind: 'const', value: NaN },
      { kind: 'exp', mean: -5 },
      { kind: 'exp', mean: Infinity },
      { kind: 'uniform', min: -1, max: 2 },
      { kind: 'uniform', min: 5, max: 2 },
      { kind: 'lognormal', mean: 0, sd: 1 },
      { kind: 'lognormal', mean: 1, sd: -1 },
      { kind: 'gamma', mean: -1, sd: 1 },
      { kind: 'gamma', mean: 0, sd: 2 },
    ];
    for (const spec of bad) expect(() => createSampler(spec), JSON.stringify(spec)).toThrow(RangeError);
  });
});
