// The recorder's bucket counts must land every value in the bucket hdr itself
// would, so a histogram filled through them summarizes and encodes exactly
// like one filled value by value.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HdrBins, binOf } from './recorder.js';
import { createLatencyHistogram, encodeHistogram, recordValue, summarize, type TimeUnit } from './histogram.js';

describe('HdrBins', () => {
  it('finds the counts index hdr finds, at every bucket edge and in between', () => {
    for (const unit of ['ms', 'ns', 'us'] as TimeUnit[]) {
      const hdr = createLatencyHistogram(unit).hdr;
      const edges = [0, 1, 2, 1023, 1024, 1025, 2047, 2048, 2049, 2 ** 31 - 1];
      for (let k = 1; k < 31; k++) edges.push(2 ** k - 1, 2 ** k, 2 ** k + 1);
      for (const v of edges) expect(binOf(v, hdr.subBucketHalfCountMagnitude), `value ${v}`).toBe(hdr.countsArrayIndex(v));
      fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (v) => binOf(v, hdr.subBucketHalfCountMagnitude) === hdr.countsArrayIndex(v)));
    }
  });

  it('ends with the same summary and encoding as recording each value in hdr', () => {
    const value = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 2 ** 33 }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.integer({ min: 0, max: 300 }), (values, readAt) => {
        const direct = createLatencyHistogram('ms');
        const binned = new HdrBins(createLatencyHistogram('ms'));
        values.forEach((v, i) => {
          recordValue(direct, v);
          // The cell forms are the same record: a difference of two times, or a value read from a cell.
          if (i % 3 === 0) binned.record(v);
          else if (i % 3 === 1) binned.recordDifference(Float64Array.of(0, v), 0, 1);
          else binned.recordAt(Float64Array.of(0, v), 1);
          // Reading part-way must not lose or double anything.
          if (i === readAt) binned.flushed();
        });
        const h = binned.flushed();
        expect(summarize(h)).toEqual(summarize(direct));
        expect(encodeHistogram(h)).toBe(encodeHistogram(direct));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what recordValue refuses', () => {
    const binned = new HdrBins(createLatencyHistogram('ms'));
    for (const bad of [-0.4, -1, NaN, Infinity]) expect(() => binned.record(bad)).toThrow(RangeError);
    expect(binned.flushed().hdr.totalCount).toBe(0);
  });
});
