// Means with 95% confidence intervals across independent replications
// (Student's t: replications are few, and their figures roughly normal).

export interface Estimate {
  mean: number;
  /** Half-width of the 95% interval; null with a single replication. */
  halfWidth: number | null;
  low: number | null;
  high: number | null;
}

// Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 30) return T_975[degreesOfFreedom - 1]!;
  if (degreesOfFreedom <= 60) return 2.0;
  if (degreesOfFreedom <= 120) return 1.98;
  return 1.96;
}

export function estimate(values: readonly number[], digits = 6): Estimate {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean: round(mean, digits), halfWidth: null, low: null, high: null };
  const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean: round(mean, digits), halfWidth: round(halfWidth, digits), low: round(mean - halfWidth, digits), high: round(mean + halfWidth, digits) };
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
