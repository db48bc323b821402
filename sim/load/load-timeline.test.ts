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
