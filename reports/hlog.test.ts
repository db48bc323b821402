import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listTags } from 'hdr-histogram-js';
import { createLatencyHistogram, recordValue, summarize, type LatencyHistogram } from './histogram.js';
import { readHlog, renderHlog, unitOfTag } from './hlog.js';
import { HISTOGRAM_NAMES, histogramUnit, type HistogramName } from './report.js';

function histogramsFrom(valuesFor: (name: HistogramName, i: number) => number[]): Record<HistogramName, LatencyHistogram> {
  const out = {} as Record<HistogramName, LatencyHistogram>;
  HISTOGRAM_NAMES.forEach((name, i) => {
    const h = createLatencyHistogram(histogramUnit(name));
    for (const v of valuesFor(name, i)) recordValue(h, v);
    out[name] = h;
  });
  return out;
}

const PERCENTILES = [0, 10, 50, 90, 95, 99, 99.9, 99.99, 100];

describe('renderHlog', () => {
  it('writes the interval log header and one tagged line per histogram', () => {
    const hs = histogramsFrom((_, i) => [1 + i, 20 + i, 300 + i]);
    const text = renderHlog(hs, { startTimeMs: Date.UTC(2024, 0, 2, 3, 4, 5), simulatedSeconds: 3600 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('#[Histogram log format version 1.3]');
    expect(lines[2]).toMatch(/^#\[StartTime: 1704164645\.000 \(seconds since epoch\), .*2024.*\]$/);
    expect(lines.slice(0, -1)).not.toContain('');
    expect(text).toContain('"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"\n');
    const intervals = lines.filter((l) => l.startsWith('Tag='));
    expect(intervals.map((l) => l.slice(4, l.indexOf(',')))).toEqual([...HISTOGRAM_NAMES]);
    for (const line of intervals) expect(line.split(',')).toHaveLength(5);
    expect(lines.at(-1)).toBe('');
    expect(listTags(text)).toEqual([...HISTOGRAM_NAMES]);
  });

  it('gives Interval_Max in ms whatever the recorded unit', () => {
    const hs = histogramsFrom((name) => (name === 'engine.route' ? [2_000_000] : name === 'answerTime' ? [45_000] : [1]));
    const text = renderHlog(hs, { startTimeMs: 0, simulatedSeconds: 10 });
    const maxOf = (tag: string) => Number(text.split('\n').find((l) => l.startsWith(`Tag=${tag},`))!.split(',')[3]);
    expect(maxOf('engine.route')).toBeCloseTo(2, 2);
    expect(maxOf('answerTime')).toBeCloseTo(45_000, -2);
  });

  it("leaves the caller's histograms untagged", () => {
    const hs = histogramsFrom(() => [5]);
    const before = HISTOGRAM_NAMES.map((n) => hs[n].hdr.tag);
    renderHlog(hs, { startTimeMs: 0, simulatedSeconds: 1 });
    expect(HISTOGRAM_NAMES.map((n) => hs[n].hdr.tag)).toEqual(before);
  });
});

describe('hlog round trip through HdrHistogram’s HistogramLogReader', () => {
  it('gives back every tag with the same counts, percentiles, min, max and interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { maxLength: 200 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 10 * 86_400 }),
        (valueLists, simulatedSeconds) => {
          const hs = histogramsFrom((_, i) => valueLists[i]!);
          const back = readHlog(renderHlog(hs, { startTimeMs: 1_700_000_000_000, simulatedSeconds }));
          expect([...back.keys()]).toEqual([...HISTOGRAM_NAMES]);
          for (const name of HISTOGRAM_NAMES) {
            const original = hs[name].hdr;
            const read = back.get(name)!;
            expect(read.hdr.totalCount).toBe(original.totalCount);
            expect(read.startSeconds).toBeCloseTo(0, 3);
            expect(read.lengthSeconds).toBeCloseTo(simulatedSeconds, 3);
            for (const p of PERCENTILES) expect(read.hdr.getValueAtPercentile(p)).toBe(original.getValueAtPercentile(p));
            expect(summarize({ unit: unitOfTag(name)!, hdr: read.hdr })).toEqual(summarize(hs[name]));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('round-trips counts past 2^31 in one bucket', () => {
    const hs = histogramsFrom(() => []);
    hs.answerTime.hdr.recordValueWithCount(1000, 3_000_000_000);
    const back = readHlog(renderHlog(hs, { startTimeMs: 0, simulatedSeconds: 1 }));
    expect(back.get('answerTime')!.hdr.totalCount).toBe(3_000_000_000);
  });
});
