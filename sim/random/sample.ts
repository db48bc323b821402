// Turns a DistributionSpec into a draw function, specialised once per kind so
// the hot path has no switch. Lognormal and gamma take the MEAN and SD a
// scenario author thinks in, not the textbook parameters. Every draw is >= 0.
import type { DistributionSpec } from '../../scenarios/distribution-spec.js';
import type { Rng } from './prng.js';

export type Sampler = (rng: Rng) => number;

export function createSampler(spec: DistributionSpec): Sampler {
  switch (spec.kind) {
    case 'const': return constSampler(nonNegative('const value', spec.value));
    case 'exp': return expSampler(nonNegative('exp mean', spec.mean));
    case 'uniform': return uniformSampler(spec.min, spec.max);
    case 'lognormal': return lognormalSampler(spec.mean, spec.sd);
    case 'gamma': return gammaSampler(spec.mean, spec.sd);
  }
}

function nonNegative(what: string, x: number): number {
  if (!(x >= 0 && x < Infinity)) throw new RangeError(`${what} must be a finite number >= 0, got ${x}`);
  return x;
}

function constSampler(value: number): Sampler {
  return () => value;
}

function expSampler(mean: number): Sampler {
  // Inversion on 1-u, which lies in (0, 1]: the log is finite and the result >= 0.
  return (rng) => -Math.log1p(-rng.next()) * mean;
}

function uniformSampler(min: number, max: number): Sampler {
  nonNegative('uniform min', min);
  nonNegative('uniform max', max);
  if (max < min) throw new RangeError(`uniform needs min <= max, got (${min}, ${max})`);
  const width = max - min;
  return (rng) => min + width * rng.next();
}

/** Checks mean and sd; returns the coefficient of variation, or 0 for a point mass. */
function meanSdCv(kind: string, mean: number, sd: number): number {
  nonNegative(`${kind} mean`, mean);
  nonNegative(`${kind} sd`, sd);
  if (sd === 0) return 0;
  if (mean === 0) throw new RangeError(`${kind} with mean 0 must have sd 0, got sd ${sd}`);
  return sd / mean;
}

function lognormalSampler(mean: number, sd: number): Sampler {
  const cv = meanSdCv('lognormal', mean, sd);
  if (cv === 0) return constSampler(mean);
  // sigma^2 = ln(1 + cv^2); for absurd cv, cv^2 would overflow: use 2 ln cv.
  const sigma2 = cv < 1e150 ? Math.log1p(cv * cv) : 2 * Math.log(cv);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  return (rng) => Math.exp(mu + sigma * rng.normal());
}

function gammaSampler(mean: number, sd: number): Sampler {
  const cv = meanSdCv('gamma', mean, sd);
  if (cv === 0) return constSampler(mean);
  const shape = 1 / (cv * cv);
  const scale = mean * cv * cv;
  if (shape >= 1) return marsagliaTsang(shape, scale);
  // Boost (Marsaglia & Tsang): Gamma(k) = Gamma(k+1) * U^(1/k). In logs, so a
  // tiny k underflows to 0 rather than producing NaN.
  const boosted = marsagliaTsang(shape + 1, 1);
  const invShape = 1 / shape;
  return (rng) => {
    const g = boosted(rng);
    const u = rng.next();
    return scale * Math.exp(Math.log(g) + Math.log(u) * invShape);
  };
}

/** Gamma(shape >= 1, scale) by Marsaglia & Tsang (2000). */
function marsagliaTsang(shape: number, scale: number): Sampler {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (rng) => {
    for (;;) {
      const x = rng.normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return scale * d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return scale * d * v;
    }
  };
}
