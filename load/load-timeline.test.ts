// The per-interval timeline: each interval's p50/p99 from the very histograms
// load.hlog gets, null where nothing was measured, and traffic rates.
import { describe, expect, it } from 'vitest';
import { LoadHistograms } from './load-histograms.js';
import { TimelineRecorder } from './load-timeline.js';

const near = (x: number, v: number): boolean => Math.abs(x - v) <= v * 0.001;

describe('TimelineRecorder', () => {
  it('keeps each interval\'s count, p50 and p99 per measure and base, and the traffic per second', () => {
    const h = new LoadHistograms();
    const t = new TimelineRecorder(500);
    // Interval 0 (0.5 s): ten messages 1..10 ms after their send, 20 ms after their schedule.
    for (let j = 1; j <= 10; j++) h.record('customerToAgent', 0, 10, 10 + j);
    h.rollInterval((hs) => t.add(0, 0.5, hs, { frames: 100, messages: 10, connections: 7 }));
    // Interval 1: nothing measured.
    h.rollInterval((hs) => t.add(0.5, 1, hs, { frames: 150, messages: 10, connections: 5 }));
    const r = t.result();
    expect(r.intervalSeconds).toBe(0.5);
    expect(r.unit).toBe('us');
    expect(r.startSeconds).toEqual([0, 0.5]);
    expect(r.endSeconds).toEqual([0.5, 1]);
    const c2a = r.latency.customerToAgent;
    expect(c2a.fromSent.count).toEqual([10, 0]);
    // HDR histograms keep 3 significant digits.
    expect(near(c2a.fromSent.p50[0]!, 5000)).toBe(true);
    expect(near(c2a.fromSent.p99[0]!, 10_000)).toBe(true);
    expect(near(c2a.fromScheduled.p99[0]!, 20_000)).toBe(true);
    expect(c2a.fromSent.p50[1]).toBeNull();
    expect(r.latency.offer.fromScheduled.count).toEqual([0, 0]);
    expect(r.framesPerSecond).toEqual([200, 100]);
    expect(r.messagesPerSecond).toEqual([20, 0]);
    expect(r.connections).toEqual([7, 5]);
  });
});

describe('TimelineRecorder past its cap', () => {
  it('merges neighbours in pairs: counts added, p99 the higher, p50 count-weighted, rates over the joint time', () => {
    const h = new LoadHistograms();
    const t = new TimelineRecorder(1000, 4);
    let frames = 0;
    // Ten 1 s intervals; interval i has i+1 offers, each (i+1) ms after its send; frames grow by 10 per interval.
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j <= i; j++) h.record('offer', 0, 0, i + 1);
      frames += 10;
      h.rollInterval((hs) => t.add(i, i + 1, hs, { frames, messages: 0, connections: i === 2 ? 50 : 1 }));
    }
    const r = t.result();
    // 10 intervals with at most 4 entries: 4 intervals to an entry.
    expect(r.intervalsPerEntry).toBe(4);
    expect(r.intervalSeconds).toBe(4);
    expect(r.startSeconds).toEqual([0, 4, 8]);
    expect(r.endSeconds).toEqual([4, 8, 10]);
    const offer = r.latency.offer.fromSent;
    expect(offer.count).toEqual([1 + 2 + 3 + 4, 5 + 6 + 7 + 8, 9 + 10]);
    // The highest p99 of the merged intervals; p50 weighted by their counts.
    expect(near(offer.p99[0]!, 4000)).toBe(true);
    expect(near(offer.p99[2]!, 10_000)).toBe(true);
    expect(offer.p50[0]!).toBeCloseTo((1 * 1000 + 2 * 2000 + 3 * 3000 + 4 * 4000) / 10, -1);
    expect(r.latency.customerToAgent.fromSent.p50).toEqual([null, null, null]);
    expect(r.framesPerSecond).toEqual([10, 10, 10]);
    expect(r.connections).toEqual([50, 1, 1]);
  });
});
