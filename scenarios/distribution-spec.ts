// A parsed distribution, as a scenario names it: `const(X)`, `exp(MEAN)`,
// `uniform(A,B)`, `lognormal(MEAN,SD)`, `gamma(MEAN,SD)`. Durations are in ms.

export type DistributionSpec =
  | { kind: 'const'; value: number }
  | { kind: 'exp'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'gamma'; mean: number; sd: number };

export function distributionMean(d: DistributionSpec): number {
  switch (d.kind) {
    case 'const': return d.value;
    case 'exp': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'lognormal': return d.mean;
    case 'gamma': return d.mean;
  }
}
