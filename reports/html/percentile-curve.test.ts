import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLatencyHistogram, recordValue, summarize } from '../histogram.js';
import { percentileCurve, percentileLabel } from './percentile-curve.js';

function histogramOf(values: number[]) {
  const h = createLatencyHistogram('ms');
  for (const v of values) recordValue(h, v);
  return h;
}

describe('percentileCurve', () => {
  it('is empty for an empty histogram', () => {
    expect(percentileCurve(createLatencyHistogram('ns'))).toEqual({ count: 0, points: [], max: 0 });
  });

  it('gives the value at each percentile on the 1/(1-p) axis, as the histogram itself reports it', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const h = histogramOf(values);
    const curve = percentileCurve(h);
    expect(curve.count).toBe(10_000);
    // The 100% point, as the summary gives it (the top of the largest value's bucket).
    expect(curve.max).toBe(summarize(h).max);
    for (const p of curve.points) {
      expect(p.x).toBeCloseTo(1 / (1 - p.percentile / 100), 9);
      expect(p.value).toBe(h.hdr.getValueAtPercentile(p.percentile));
    }
    // Reaches well into the tail: 99.9% and beyond, one decade of x per nine.
    expect(curve.points.at(-1)!.x).toBeGreaterThan(1000);
    const near99 = curve.points.find((p) => p.x >= 100)!;
    expect(near99.value).toBeGreaterThanOrEqual(9900);
  });

  it('is non-decreasing in both x and value, and never passes the max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 300 }), (values) => {
        const curve = percentileCurve(histogramOf(values));
        expect(curve.count).toBe(values.length);
        for (let i = 1; i < curve.points.length; i++) {
          expect(curve.points[i]!.x).toBeGreaterThanOrEqual(curve.points[i - 1]!.x);
          expect(curve.points[i]!.value).toBeGreaterThanOrEqual(curve.points[i - 1]!.value);
        }
        for (const p of curve.points) expect(p.value).toBeLessThanOrEqual(curve.max);
        expect(curve.points.every((p) => Number.isFinite(p.x))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('does not disturb later summaries of the same histogram', () => {
    const h = histogramOf([5, 10, 15, 20]);
    const before = h.hdr.getValueAtPercentile(50);
    percentileCurve(h);
    expect(h.hdr.getValueAtPercentile(50)).toBe(before);
    expect(percentileCurve(h)).toEqual(percentileCurve(h));
  });
});

describe('percentileLabel', () => {
  it('labels decades of the 1/(1-p) axis as HdrHistogram plots do', () => {
    expect([1, 10, 100, 1000, 10_000, 1e6].map(percentileLabel)).toEqual(['0%', '90%', '99%', '99.9%', '99.99%', '99.9999%']);
  });
});
