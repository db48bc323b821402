import { describe, expect, it } from 'vitest';
import { fixtureRun } from './fixture-report.js';
import { clock, MAX_DRAWN_POINTS, pageData, tickStep } from './page-data.js';
import { HISTOGRAM_NAMES } from '../report.js';
import { createLatencyHistogram } from '../histogram.js';

describe('pageData', () => {
  const { report, histograms } = fixtureRun(4, 2);
  const data = pageData(report, histograms);

  it('has one percentile chart per histogram, in seconds for simulated times and microseconds for engine timings', () => {
    expect(data.percentiles.map((p) => p.name)).toEqual([...HISTOGRAM_NAMES]);
    for (const p of data.percentiles) {
      const summary = report.histograms[p.name];
      expect(p.count).toBe(summary.count);
      // ms -> s and ns -> us: both a thousand.
      const perUnit = 1000;
      expect(p.unit).toBe(summary.unit === 'ms' ? 's' : 'us');
      expect(p.max).toBeCloseTo(summary.max / perUnit, 6);
      // The point nearest the median is the summary's p50, in the drawn unit.
      const median = p.points.find(([x]) => x >= 2)!;
      expect(median[1]).toBeCloseTo(summary.p50 / perUnit, 6);
      // The axis ends on the first decade past the last point.
      expect(p.ticks.at(-1)!.x).toBeGreaterThanOrEqual(p.points.at(-1)![0]);
      expect(p.ticks.at(-1)!.x / 10).toBeLessThan(p.points.at(-1)![0]);
    }
  });

  it('carries the per-interval figures and the time series, occupancy as held over staffed', () => {
    expect(data.intervals!.labels).toEqual(report.intervals!.map((r) => clock(r.startSeconds)));
    expect(data.intervals!.serviceLevel).toEqual(report.intervals!.map((r) => r.serviceLevel));
    expect(data.intervals!.warmup).toEqual(report.intervals!.map((r) => r.warmup));
    const ts = report.timeSeries!;
    expect(data.timeSeries!.pointsPerDrawn).toBe(1);
    expect(data.timeSeries!.queueLength).toEqual(ts.queueLength);
    expect(data.timeSeries!.occupancy[7]).toBeCloseTo(ts.heldSlots[7]! / ts.staffedSlots[7]!, 12);
    expect(data.timeSeries!.seconds[3]).toBe(3 * ts.stepSeconds);
    expect(data.endStates.counts.reduce((a, b) => a + b, 0)).toBe(report.conversations.arrived);
  });

  it('averages a long series down to a screenful of points, keeping its mean', () => {
    const long = structuredClone(report);
    const n = MAX_DRAWN_POINTS * 3 + 7;
    const ramp = Array.from({ length: n }, (_, i) => i % 10);
    long.timeSeries = { stepSeconds: 1, queueLength: ramp, heldSlots: ramp.map(() => 1), staffedSlots: ramp.map((_, i) => (i < 8 ? 0 : 2)), agents: { available: ramp, engaged: ramp, idle: ramp, rona: ramp } };
    const ts = pageData(long, histograms).timeSeries!;
    expect(ts.pointsPerDrawn).toBe(4);
    expect(ts.queueLength.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(ts.seconds.length).toBe(ts.queueLength.length);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ts.queueLength.slice(0, -1))).toBeCloseTo(mean(ramp.slice(0, (ts.queueLength.length - 1) * 4)), 6);
    expect(ts.occupancy[0]).toBeNull();
    expect(ts.occupancy[5]).toBeCloseTo(0.5, 12);
  });

  it('leaves out what the report does not have', () => {
    const bare = { ...report, intervals: undefined, timeSeries: undefined };
    const empty = { ...histograms, abandonTime: createLatencyHistogram('ms') };
    const d = pageData(bare, empty);
    expect(d.intervals).toBeNull();
    expect(d.timeSeries).toBeNull();
    expect(d.percentiles[1]!.points).toEqual([]);
  });
});

describe('time axis', () => {
  it('formats simulated time as h:mm, past a day too', () => {
    expect([0, 59, 60, 3599, 3600, 27 * 3600 + 30 * 60].map(clock)).toEqual(['0:00', '0:00', '0:01', '0:59', '1:00', '27:30']);
  });
  it('picks round steps of at most 12 ticks', () => {
    expect(tickStep(600)).toBe(60);
    expect(tickStep(8 * 3600)).toBe(3600);
    expect(tickStep(24 * 3600)).toBe(7200);
    expect(tickStep(30 * 86_400)).toBe(3 * 86_400);
    for (const span of [1, 100, 5000, 50_000, 500_000, 5_000_000]) expect(span / tickStep(span)).toBeLessThanOrEqual(12);
  });
});
