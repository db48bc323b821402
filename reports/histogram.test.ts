import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeInto,
  recordValue,
  summarize,
  type LatencyHistogram,
  type TimeUnit,
} from './histogram.js';

function filled(unit: TimeUnit, values: number[]): LatencyHistogram {
  const h = createLatencyHistogram(unit);
  for (const v of values) recordValue(h, v);
  return h;
}

describe('summarize', () => {
  it("gives exactly hdr's own mean and percentiles, from one pass over the counts", () => {
    fc.assert(
      fc.property(fc.constantFrom<TimeUnit>('ms', 'us', 'ns'), fc.array(fc.double({ min: 0, max: 5e9, noNaN: true }), { minLength: 1, maxLength: 300 }), (unit, values) => {
        const h = filled(unit, values);
        const s = summarize(h);
        const hdr = h.hdr;
        expect(s.mean).toBe(Math.round(hdr.mean * 1000) / 1000);
        expect([s.min, s.p50, s.p90, s.p95, s.p99, s.p999]).toEqual([0, 50, 90, 95, 99, 99.9].map((p) => hdr.getValueAtPercentile(p)));
        expect(s.count).toBe(values.length);
      }),
    );
  });

  it('gives exact figures while values stay within single-unit resolution', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const s = summarize(filled('ms', values));
    expect(s).toEqual({
      count: 1000,
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      min: 1,
      p50: 500,
      p90: 900,
      p95: 950,
      p99: 990,
      p999: 999,
      max: 1000,
      unit: 'ms',
    });
  });

  it('keeps three significant digits for large values', () => {
    const s = summarize(filled('us', [123_456_789]));
    expect(Math.abs(s.max - 123_456_789) / 123_456_789).toBeLessThan(1e-3);
    expect(s.max).toBeGreaterThanOrEqual(123_456_789);
  });

  it('reports a recorded zero as the minimum', () => {
    expect(summarize(filled('ms', [0, 5, 7])).min).toBe(0);
  });

  it('rounds recorded values to whole units', () => {
    const s = summarize(filled('ms', [1.4, 1.6]));
    expect([s.min, s.max]).toEqual([1, 2]);
  });

  it('gives count 0 and zeros for an empty histogram', () => {
    const s = summarize(createLatencyHistogram('us'));
    expect(s.count).toBe(0);
    for (const key of ['mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const) expect(s[key]).toBe(0);
    expect(s.unit).toBe('us');
  });

  it('refuses negative and non-finite values', () => {
    const h = createLatencyHistogram('ms');
    expect(() => recordValue(h, -1)).toThrow(RangeError);
    expect(() => recordValue(h, Number.NaN)).toThrow(RangeError);
    expect(() => recordValue(h, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(h.hdr.totalCount).toBe(0);
  });

  it('resizes beyond its initial range', () => {
    const twoDaysMs = 2 * 24 * 3600 * 1000;
    const s = summarize(filled('ms', [twoDaysMs]));
    expect(s.count).toBe(1);
    expect(Math.abs(s.max - twoDaysMs) / twoDaysMs).toBeLessThan(1e-3);
  });
});

describe('encode, decode, merge', () => {
  it('round-trips through the encoding with the same summary', () => {
    const h = filled('ms', [3, 14, 159, 2653, 58979, 3238462]);
    const back = decodeHistogram(encodeHistogram(h), 'ms');
    expect(summarize(back)).toEqual(summarize(h));
  });

  it('refuses to merge histograms of different units', () => {
    expect(() => mergeInto(createLatencyHistogram('ms'), createLatencyHistogram('us'))).toThrow(/us into one in ms/);
  });

  const values = fc.array(fc.oneof(fc.nat(5000), fc.nat(200_000_000)), { minLength: 0, maxLength: 300 });
  const shardCount = fc.integer({ min: 1, max: 6 });

  it('merging shards summarizes exactly like recording everything in one', () => {
    fc.assert(
      fc.property(values, shardCount, (all, k) => {
        const whole = filled('us', all);
        const shards = Array.from({ length: k }, (_, i) => filled('us', all.filter((_, j) => j % k === i)));

        const merged = createLatencyHistogram('us');
        for (const s of shards) mergeInto(merged, s);
        expect(summarize(merged)).toEqual(summarize(whole));

        // The way shards travel between threads: encoded, decoded, merged.
        const viaWire = decodeHistogram(encodeHistogram(shards[0]), 'us');
        for (const s of shards.slice(1)) mergeInto(viaWire, decodeHistogram(encodeHistogram(s), 'us'));
        expect(summarize(viaWire)).toEqual(summarize(whole));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the source of a merge unchanged', () => {
    const source = filled('ms', [1, 2, 3]);
    const before = summarize(source);
    mergeInto(filled('ms', [100]), source);
    expect(summarize(source)).toEqual(before);
  });
});
