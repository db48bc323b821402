// The HDR percentile distribution of a histogram, as HdrHistogram's plotters
// draw it: value against percentile, with the percentile axis stretched as
// 1/(1-p), so 90%, 99%, 99.9% ... sit one decade apart and the tail is
// readable. The points are those of HdrHistogram's own
// outputPercentileDistribution (ticks per half-distance to 100%).
import type { LatencyHistogram } from '../histogram.js';

export interface PercentilePoint {
  /** 1/(1-p), p the percentile as a fraction: 1 at 0%, 10 at 90%, 100 at 99%. */
  x: number;
  /** The percentile, in percent. */
  percentile: number;
  /** The value at that percentile, in the histogram's unit. */
  value: number;
}

export interface PercentileCurve {
  count: number;
  /** The curve up to the last percentile below 100% (100% itself has no place on a 1/(1-p) axis). */
  points: PercentilePoint[];
  /** The largest value recorded (the 100% point). */
  max: number;
}

export function percentileCurve(h: LatencyHistogram, ticksPerHalfDistance = 5): PercentileCurve {
  const hdr = h.hdr;
  const count = hdr.totalCount;
  if (count === 0) return { count: 0, points: [], max: 0 };
  const points: PercentilePoint[] = [];
  let max = 0;
  // The histogram's own iterator; reset first, as outputPercentileDistribution does.
  const it = hdr.percentileIterator;
  it.reset(ticksPerHalfDistance);
  while (it.hasNext()) {
    const step = it.next();
    const percentile = step.percentileLevelIteratedTo;
    max = step.valueIteratedTo;
    if (percentile < 100) points.push({ x: 1 / (1 - percentile / 100), percentile, value: step.valueIteratedTo });
  }
  return { count, points, max };
}

/** The percentile a point on the 1/(1-p) axis stands for, as HdrHistogram labels its axis: 10 -> "90%", 1000 -> "99.9%". */
export function percentileLabel(x: number): string {
  const p = (1 - 1 / x) * 100;
  return `${Number(p.toPrecision(Math.max(2, Math.ceil(Math.log10(x)) + 1)))}%`;
}
